import { memo } from 'react'
import { Area, CartesianGrid, ComposedChart, Line, XAxis, YAxis } from 'recharts'
import { formatXTick } from '@/domain/metrics/chart-format'
import { niceTicks } from '@/domain/metrics/chart-scale'
import type { ChartBand, ChartLine } from '@/domain/metrics/chart-lines'
import type { ChartXAxis, ChartYScale, XRange } from '@/domain/metrics/chart-view'
import type { GroupPoint } from '@/domain/metrics/group-series'
import type { XY } from '@/domain/metrics/chart-series'
import { plottable, type PlotPoint } from '@/domain/metrics/series-gaps'
import { formatMetricValue } from '@/domain/format/format-number'
import { ChartOverlay } from './chart-overlay'

export interface ChartFrame {
  width: number
  height: number
  xAxis: ChartXAxis
  xDomain: readonly [number, number]
  yScale: ChartYScale
  yDomain: readonly [number, number]
}

/** Fixed margins, so the overlay knows the plot area without asking the chart library. */
export const PLOT_MARGIN = { top: 8, right: 16, bottom: 0, left: 0 } as const
export const Y_AXIS_WIDTH = 60
export const X_AXIS_HEIGHT = 26

export function plotAreaOf(frame: Pick<ChartFrame, 'width' | 'height'>) {
  const left = PLOT_MARGIN.left + Y_AXIS_WIDTH
  const top = PLOT_MARGIN.top
  return {
    left,
    top,
    width: Math.max(frame.width - left - PLOT_MARGIN.right, 1),
    height: Math.max(frame.height - top - PLOT_MARGIN.bottom - X_AXIS_HEIGHT, 1),
  }
}

interface MetricChartProps {
  frame: ChartFrame
  lines: readonly ChartLine[]
  bands: readonly ChartBand[]
  label: string
  onZoom: (range: XRange) => void
  onResetZoom: () => void
  onHighlight: (lineId: string | undefined) => void
}

/** The chart library's rows for a line, kept per points array, so an unchanged line keeps its data. */
const plotCache = new WeakMap<readonly XY[], { scale: ChartYScale; rows: readonly PlotPoint[] }>()

function plotRows(points: readonly XY[], scale: ChartYScale): readonly PlotPoint[] {
  const cached = plotCache.get(points)
  if (cached?.scale === scale) return cached.rows
  // Frozen: the chart library's store (Immer) skips frozen data instead of freezing every point again.
  const rows = Object.freeze(plottable(points, scale))
  plotCache.set(points, { scale, rows })
  return rows
}

const bandCache = new WeakMap<readonly GroupPoint[], readonly GroupPoint[]>()

function bandRows(points: readonly GroupPoint[]): readonly GroupPoint[] {
  let rows = bandCache.get(points)
  if (rows === undefined) {
    rows = Object.freeze([...points])
    bandCache.set(points, rows)
  }
  return rows
}

const bandValue = (point: GroupPoint): [number, number] => [point.low, point.high]

/**
 * The lines, drawn by Recharts. Memoised on its inputs: hovering, dragging and highlighting happen
 * in the overlay and in CSS, so they never re-render the (costly) SVG paths.
 */
const ChartLines = memo(function ChartLines({
  frame,
  lines,
  bands,
}: Pick<MetricChartProps, 'frame' | 'lines' | 'bands'>) {
  return (
    <ComposedChart width={frame.width} height={frame.height} margin={PLOT_MARGIN}>
      <CartesianGrid stroke="var(--chart-grid)" strokeDasharray="3 3" />
      <XAxis
        type="number"
        dataKey="x"
        domain={[frame.xDomain[0], frame.xDomain[1]]}
        allowDataOverflow
        ticks={
          frame.xAxis === 'wall'
            ? undefined
            : niceTicks(frame.xDomain, Math.max(Math.floor(frame.width / 110), 2))
        }
        height={X_AXIS_HEIGHT}
        tickFormatter={(value: number) => formatXTick(value, frame.xAxis)}
        stroke="var(--muted)"
        tick={{ fontSize: 11 }}
      />
      <YAxis
        type="number"
        domain={[frame.yDomain[0], frame.yDomain[1]]}
        scale={frame.yScale === 'log' ? 'log' : 'linear'}
        allowDataOverflow
        ticks={niceTicks(frame.yDomain, 5, frame.yScale)}
        width={Y_AXIS_WIDTH}
        tickFormatter={(value: number) => formatMetricValue(value)}
        stroke="var(--muted)"
        tick={{ fontSize: 11 }}
      />
      {bands.map((band) => (
        <Area
          key={band.id}
          data={bandRows(band.points)}
          dataKey={bandValue}
          type="linear"
          stroke="none"
          fill={band.color}
          fillOpacity={0.18}
          isAnimationActive={false}
          activeDot={false}
          className={`chart-band line-${cssId(band.highlightId)}`}
        />
      ))}
      {lines.map((line) => (
        <Line
          key={line.id}
          data={plotRows(line.points, frame.yScale)}
          dataKey="y"
          type="linear"
          dot={false}
          activeDot={false}
          connectNulls={false}
          isAnimationActive={false}
          stroke={line.color}
          strokeWidth={line.faint === true ? 1 : 1.5}
          strokeOpacity={line.faint === true ? 0.28 : 1}
          strokeDasharray={line.dash}
          className={`chart-line line-${cssId(line.highlightId)}`}
        />
      ))}
    </ComposedChart>
  )
})

/** Line ids as CSS class names (run ids are hex, group keys are anything). */
export function cssId(id: string): string {
  let hash = 0
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) | 0
  return (hash >>> 0).toString(36)
}

/** One chart: Recharts draws the lines; our overlay draws hover, zoom box and NaN markers. */
export function MetricChart({
  frame,
  lines,
  bands,
  label,
  onZoom,
  onResetZoom,
  onHighlight,
}: MetricChartProps) {
  return (
    <div className="metric-chart" style={{ width: frame.width, height: frame.height }}>
      <ChartLines frame={frame} lines={lines} bands={bands} />
      <ChartOverlay
        frame={frame}
        plot={plotAreaOf(frame)}
        lines={lines}
        label={label}
        onZoom={onZoom}
        onResetZoom={onResetZoom}
        onHighlight={onHighlight}
      />
    </div>
  )
}

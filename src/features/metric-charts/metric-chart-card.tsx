import { memo, useEffect, useMemo, useRef, useState } from 'react'
import { describeError } from '@/api/describe-error'
import { chartCsv } from '@/domain/metrics/chart-csv'
import { X_AXIS_LABELS } from '@/domain/metrics/chart-format'
import { drawChart, type RunLabel } from '@/domain/metrics/chart-lines'
import type { ChartView, XRange } from '@/domain/metrics/chart-view'
import type { Run } from '@/domain/runs/run'
import { downloadText } from '@/ui/download'
import { ErrorState } from '@/ui/states'
import { ChartCardActions } from './chart-card-actions'
import { chartFileName } from './chart-export'
import { MetricChart } from './metric-chart'
import { useAfterFirstDraw, useDrawTurn } from './draw-turns'
import { useChartBox } from './use-chart-box'
import { useMetricLines, type RunLine } from './use-metric-lines'
import { useSetHighlight } from './highlight-store'

export const CHART_HEIGHT = 260

/** A run's smallest and largest value of a metric, from what the chart loaded. */
export interface MetricRange {
  min: number
  max: number
  /** From a stride sample, which can miss extremes. */
  sampled: boolean
}

interface MetricChartCardProps {
  metricKeys: readonly string[]
  runs: readonly Run[]
  labels: ReadonlyMap<string, RunLabel>
  groupColors: ReadonlyMap<string, string>
  view: ChartView
  onZoom: (range: XRange | undefined) => void
  onRanges?: ((metricKey: string, ranges: ReadonlyMap<string, MetricRange>) => void) | undefined
}

function rangesOf(lines: readonly RunLine[], metricKey: string): Map<string, MetricRange> {
  const ranges = new Map<string, MetricRange>()
  for (const line of lines) {
    if (line.metricKey !== metricKey) continue
    let min = Number.POSITIVE_INFINITY
    let max = Number.NEGATIVE_INFINITY
    for (const { y } of line.points) {
      if (!Number.isFinite(y)) continue
      min = Math.min(min, y)
      max = Math.max(max, y)
    }
    if (min <= max) ranges.set(line.runId, { min, max, sampled: line.fidelity === 'sampled' })
  }
  return ranges
}

function fidelityText(lines: readonly RunLine[], zoomed: boolean): { text: string; sampled: boolean } {
  const sampled = lines.some((line) => line.fidelity === 'sampled')
  if (sampled) return { text: 'sampled', sampled }
  const total = lines.reduce((sum, line) => sum + (line.totalPoints ?? 0), 0)
  const exact = lines.every((line) => line.totalPoints !== undefined)
  const where = zoomed ? ' in view' : ''
  return { text: exact ? `all ${total.toLocaleString('en')} points${where}` : `all points${where}`, sampled }
}

/**
 * One chart with its title, a label that says whether the lines are a server sample or every point,
 * and its actions. Fetches nothing until it nears the viewport.
 */
export const MetricChartCard = memo(function MetricChartCard({
  metricKeys,
  runs,
  labels,
  groupColors,
  view,
  onZoom,
  onRanges,
}: MetricChartCardProps) {
  const boxRef = useRef<HTMLDivElement>(null)
  const { width, seen } = useChartBox(boxRef)
  const [loadAll, setLoadAll] = useState(false)
  const setHighlight = useSetHighlight()
  const title = metricKeys.join(' + ')
  const [drawn, setDrawn] = useState(false)
  const refine = useAfterFirstDraw(drawn)
  const { lines, isPending, error, refining, overBudget, missingPoints, retry } = useMetricLines({
    metricKeys,
    runs,
    xAxis: view.xAxis,
    zoom: view.zoom,
    plotWidth: Math.max(width - 80, 100),
    enabled: seen && width > 0,
    loadAll,
    refine,
  })
  const drawing = useMemo(
    () => drawChart(lines, labels, view, groupColors),
    [lines, labels, view, groupColors],
  )
  const frame = useMemo(
    () =>
      drawing.xDomain === undefined || drawing.yDomain === undefined
        ? undefined
        : {
            width,
            height: CHART_HEIGHT,
            xAxis: view.xAxis,
            xDomain: drawing.xDomain,
            yScale: view.yScale,
            yDomain: drawing.yDomain,
          },
    [width, view.xAxis, view.yScale, drawing.xDomain, drawing.yDomain],
  )

  const myTurn = useDrawTurn(frame !== undefined)
  // Once this chart has drawn its first lines, the full histories may start loading.
  if (myTurn && frame !== undefined && !drawn) setDrawn(true)

  useEffect(() => {
    if (onRanges === undefined || lines.length === 0) return
    for (const metricKey of metricKeys) onRanges(metricKey, rangesOf(lines, metricKey))
  }, [lines, metricKeys, onRanges])

  const fidelity = fidelityText(lines, view.zoom !== undefined)
  const exportCsv = () => {
    downloadText(
      chartCsv(
        drawing.lines
          .filter((line) => line.faint !== true)
          .map((line) => ({ name: line.label, points: line.points })),
        X_AXIS_LABELS[view.xAxis].toLowerCase().replace(' ', '_'),
      ),
      chartFileName(title, 'csv'),
      'text/csv;charset=utf-8',
    )
  }

  let body
  if (!seen || width === 0) body = null
  else if (error !== null) {
    const description = describeError(error)
    body = (
      <ErrorState
        title={`Could not load ${title}: ${description.title}`}
        detail={description.detail}
        onRetry={retry}
      />
    )
  } else if (isPending) body = <p className="chart-status muted">Loading {title}…</p>
  else if (frame === undefined)
    body = (
      <p className="chart-status muted">
        {lines.length === 0 ? `No compared run logged ${title}.` : `No values to draw in this range.`}
      </p>
    )
  else if (!myTurn) body = null
  else
    body = (
      <MetricChart
        frame={frame}
        lines={drawing.lines}
        bands={drawing.bands}
        label={`${title} chart, ${fidelity.text}`}
        onZoom={onZoom}
        onResetZoom={() => {
          onZoom(undefined)
        }}
        onHighlight={setHighlight}
      />
    )

  return (
    <section className="chart-card" aria-label={`Chart ${title}`}>
      <header className="chart-card-header">
        <h3 title={title}>{title}</h3>
        {lines.length > 0 && (
          <span
            className={fidelity.sampled ? 'chart-fidelity is-sampled' : 'chart-fidelity'}
            title={
              fidelity.sampled
                ? 'A stride sample from the server: a spike between sampled steps may be missing.'
                : 'Every logged point, reduced to the chart width keeping each bucket’s minimum and maximum.'
            }
          >
            {refining ? 'sampled · loading all points…' : fidelity.text}
          </span>
        )}
        {overBudget && !loadAll && (
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setLoadAll(true)
            }}
          >
            Load all points (~{missingPoints.toLocaleString('en')})
          </button>
        )}
        <ChartCardActions
          title={title}
          chartBox={boxRef}
          drawn={frame !== undefined}
          zoomed={view.zoom !== undefined}
          onResetZoom={() => {
            onZoom(undefined)
          }}
          onExportCsv={exportCsv}
        />
      </header>
      <div className="chart-box" ref={boxRef} style={{ height: CHART_HEIGHT }}>
        {body}
      </div>
    </section>
  )
})

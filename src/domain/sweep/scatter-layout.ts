/**
 * Where a scatter chart puts each run: pixel positions of the points (categorical axes spread by a
 * stable per-run jitter), the axes with their ticks, and the trend line. Pure, so the geometry is
 * tested without a canvas; the component only paints it.
 */

import type { Run } from '../runs/run'
import type { CellValue } from '../runs/run-columns'
import type { SweepChartConfig } from './sweep-chart'
import { jitterOf, makeSweepScale, type SweepScale } from './sweep-scale'
import { buildAxis, categoryIndex, columnValues, numericValue, type SweepAxis } from './sweep-values'
import { fitTrendLine, type TrendLine } from './trend-line'

export type ScatterConfig = Extract<SweepChartConfig, { type: 'scatter' }>

export interface PlotRect {
  readonly left: number
  readonly top: number
  readonly width: number
  readonly height: number
}

export interface ChartMargin {
  readonly top: number
  readonly right: number
  readonly bottom: number
  readonly left: number
}

export const SCATTER_MARGIN: ChartMargin = { top: 12, right: 16, bottom: 40, left: 60 }

/** How far apart categorical points spread inside their band (a fraction of it). */
export const JITTER_SPREAD = 0.6

export interface TrendSegment {
  readonly line: TrendLine
  readonly x1: number
  readonly y1: number
  readonly x2: number
  readonly y2: number
}

export interface ScatterLayout {
  readonly plot: PlotRect
  readonly xAxis: SweepAxis
  readonly yAxis: SweepAxis
  readonly xScale: SweepScale
  readonly yScale: SweepScale
  /** One entry per plotted point, in run order (later points drawn on top). */
  readonly runIds: readonly string[]
  readonly runIndex: Int32Array
  readonly xs: Float32Array
  readonly ys: Float32Array
  readonly xValues: readonly CellValue[]
  readonly yValues: readonly CellValue[]
  /** Runs left out: no value on an axis, or none a log axis can show. */
  readonly omitted: number
  readonly trend: TrendSegment | undefined
}

export interface ScatterLayoutOptions {
  width: number
  height: number
  margin?: ChartMargin
}

function positions(axis: SweepAxis, values: readonly CellValue[]): (number | undefined)[] {
  if (axis.kind === 'numeric') return values.map(numericValue)
  const index = categoryIndex(axis)
  return values.map((value) => (value === undefined ? undefined : index.get(String(value))))
}

export function layoutScatter(
  runs: readonly Run[],
  config: Pick<ScatterConfig, 'x' | 'y' | 'xLog' | 'yLog' | 'trend'>,
  options: ScatterLayoutOptions,
): ScatterLayout {
  const margin = options.margin ?? SCATTER_MARGIN
  const plot: PlotRect = {
    left: margin.left,
    top: margin.top,
    width: Math.max(options.width - margin.left - margin.right, 1),
    height: Math.max(options.height - margin.top - margin.bottom, 1),
  }
  const xRaw = columnValues(runs, config.x)
  const yRaw = columnValues(runs, config.y)
  const xAxis = buildAxis(config.x, xRaw)
  const yAxis = buildAxis(config.y, yRaw)
  const xScale = makeSweepScale(xAxis, [plot.left, plot.left + plot.width], {
    log: config.xLog,
    pad: 0.04,
    tickCount: Math.max(2, Math.floor(plot.width / 90)),
  })
  const yScale = makeSweepScale(yAxis, [plot.top + plot.height, plot.top], {
    log: config.yLog,
    pad: 0.04,
    tickCount: Math.max(2, Math.floor(plot.height / 50)),
  })
  const xPositions = positions(xAxis, xRaw)
  const yPositions = positions(yAxis, yRaw)
  const runIds: string[] = []
  const runIndex: number[] = []
  const xs: number[] = []
  const ys: number[] = []
  const xValues: CellValue[] = []
  const yValues: CellValue[] = []
  runs.forEach((run, index) => {
    const xp = xPositions[index]
    const yp = yPositions[index]
    if (xp === undefined || yp === undefined) return
    const id = run.info.runId
    const jitter = jitterOf(id)
    const x = xScale.toPixel(xp)
    const y = yScale.toPixel(yp)
    if (x === undefined || y === undefined) return
    runIds.push(id)
    runIndex.push(index)
    xs.push(xAxis.kind === 'categorical' ? x + jitter * JITTER_SPREAD * xScale.band : x)
    // A different jitter for y, so a categorical × categorical cloud spreads in two directions.
    ys.push(yAxis.kind === 'categorical' ? y + jitterOf(`${id}/y`) * JITTER_SPREAD * yScale.band : y)
    xValues.push(xRaw[index])
    yValues.push(yRaw[index])
  })
  let trend: TrendSegment | undefined
  if (config.trend && xAxis.kind === 'numeric' && yAxis.kind === 'numeric') {
    const dataX = xValues.map((value) => numericValue(value) ?? Number.NaN)
    const dataY = yValues.map((value) => numericValue(value) ?? Number.NaN)
    const line = fitTrendLine(dataX, dataY, { xLog: xScale.kind === 'log', yLog: yScale.kind === 'log' })
    if (line !== undefined) {
      const [d0, d1] = xScale.domain
      const x1 = xScale.toPixel(d0)
      const x2 = xScale.toPixel(d1)
      const y1 = yScale.toPixel(line.predict(d0))
      const y2 = yScale.toPixel(line.predict(d1))
      if (x1 !== undefined && x2 !== undefined && y1 !== undefined && y2 !== undefined)
        trend = { line, x1, y1, x2, y2 }
    }
  }
  return {
    plot,
    xAxis,
    yAxis,
    xScale,
    yScale,
    runIds,
    runIndex: Int32Array.from(runIndex),
    xs: Float32Array.from(xs),
    ys: Float32Array.from(ys),
    xValues,
    yValues,
    omitted: runs.length - runIds.length,
    trend,
  }
}

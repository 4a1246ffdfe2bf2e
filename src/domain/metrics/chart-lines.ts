/**
 * From the runs' series of one chart to what it draws: one line per run (per run and metric on a
 * combined chart), or one mean line and band per group; smoothed lines over faint raw ones; and the
 * y range to show. Everything the chart draws comes from here, so tests assert on it.
 */

import type { XY } from './chart-series'
import { pointsInRange } from './chart-series'
import type { ChartView, XRange } from './chart-view'
import { aggregateSeries, type GroupPoint } from './group-series'
import { smoothSeries } from './smooth-series'
import { yDomain } from './y-domain'

export interface SeriesInput {
  runId: string
  metricKey: string
  points: readonly XY[]
}

export interface RunLabel {
  name: string
  color: string
  /** The run's value of the group-by column; undefined = "(none)". */
  group?: string | undefined
}

export interface ChartLine {
  /** Unique on the chart. */
  id: string
  /** What hovering highlights on every chart and in the legend: the run id, or `group:<value>`. */
  highlightId: string
  label: string
  color: string
  points: readonly XY[]
  dash?: string | undefined
  /** The raw line under a smoothed one: faint, not in the hover list. */
  faint?: boolean
}

export interface ChartBand {
  id: string
  highlightId: string
  color: string
  points: readonly GroupPoint[]
}

export interface ChartGroup {
  id: string
  value: string
  color: string
  runCount: number
}

export interface ChartDrawing {
  lines: ChartLine[]
  bands: ChartBand[]
  groups: ChartGroup[]
  xDomain: [number, number] | undefined
  yDomain: [number, number] | undefined
}

/** Dash patterns that tell metrics apart on a combined chart (colour stays the run's). */
const DASHES: readonly (string | undefined)[] = [undefined, '6 3', '2 2', '8 3 2 3', '1 3']
export const NO_GROUP = '(none)'

/** Smoothed series per input array and weight: a redraw with unchanged data reuses them. */
const smoothCache = new WeakMap<readonly XY[], { weight: number; points: XY[] }>()

function smoothed(points: readonly XY[], weight: number): XY[] {
  const cached = smoothCache.get(points)
  if (cached?.weight === weight) return cached.points
  const result = smoothSeries(points, weight)
  smoothCache.set(points, { weight, points: result })
  return result
}

function withSmoothing(line: ChartLine, smoothing: number): ChartLine[] {
  if (smoothing <= 0) return [line]
  return [
    { ...line, id: `${line.id}:raw`, faint: true },
    { ...line, points: smoothed(line.points, smoothing) },
  ]
}

function extent(lines: readonly { points: readonly { x: number }[] }[]): [number, number] | undefined {
  let min = Number.POSITIVE_INFINITY
  let max = Number.NEGATIVE_INFINITY
  for (const line of lines) {
    const first = line.points[0]
    const last = line.points[line.points.length - 1]
    if (first !== undefined) min = Math.min(min, first.x)
    if (last !== undefined) max = Math.max(max, last.x)
  }
  if (!Number.isFinite(min) || !Number.isFinite(max)) return undefined
  return min === max ? [min - 1, max + 1] : [min, max]
}

/**
 * @param series the runs' series, sorted by x
 * @param labels run id -> name, colour, group value
 * @param groupColors group value -> colour (stable across charts)
 */
export function drawChart(
  series: readonly SeriesInput[],
  labels: ReadonlyMap<string, RunLabel>,
  view: Pick<ChartView, 'combined' | 'smoothing' | 'groupBy' | 'band' | 'ignoreOutliers' | 'yScale' | 'zoom'>,
  groupColors: ReadonlyMap<string, string>,
): ChartDrawing {
  const metricKeys = [...new Set(series.map((item) => item.metricKey))]
  const dashOf = (metricKey: string) =>
    view.combined ? DASHES[metricKeys.indexOf(metricKey) % DASHES.length] : undefined
  const suffix = (metricKey: string) => (view.combined && metricKeys.length > 1 ? ` · ${metricKey}` : '')
  let lines: ChartLine[] = []
  const bands: ChartBand[] = []
  const groups: ChartGroup[] = []

  if (view.groupBy === undefined) {
    lines = series.flatMap((item) => {
      const label = labels.get(item.runId)
      return withSmoothing(
        {
          id: `${item.runId}\n${item.metricKey}`,
          highlightId: item.runId,
          label: `${label?.name ?? item.runId}${suffix(item.metricKey)}`,
          color: label?.color ?? '#888888',
          points: item.points,
          dash: dashOf(item.metricKey),
        },
        view.smoothing,
      )
    })
  } else {
    const byGroup = new Map<string, SeriesInput[]>()
    for (const item of series) {
      const value = labels.get(item.runId)?.group ?? NO_GROUP
      const list = byGroup.get(value) ?? []
      list.push(item)
      byGroup.set(value, list)
    }
    for (const [value, members] of byGroup) {
      const highlightId = `group:${value}`
      const color = groupColors.get(value) ?? '#888888'
      groups.push({
        id: highlightId,
        value,
        color,
        runCount: new Set(members.map((member) => member.runId)).size,
      })
      for (const metricKey of metricKeys) {
        const ofMetric = members.filter((member) => member.metricKey === metricKey)
        if (ofMetric.length === 0) continue
        const aggregated = aggregateSeries(
          ofMetric.map((member) => member.points),
          view.band,
        )
        const runCount = ofMetric.length
        const mean = aggregated.map((point) => ({ x: point.x, y: point.mean }))
        bands.push({ id: `${highlightId}\n${metricKey}`, highlightId, color, points: aggregated })
        lines.push(
          ...withSmoothing(
            {
              id: `${highlightId}\n${metricKey}`,
              highlightId,
              label: `${value} (${runCount} ${runCount === 1 ? 'run' : 'runs'})${suffix(metricKey)}`,
              color,
              points: mean,
              dash: dashOf(metricKey),
            },
            view.smoothing,
          ),
        )
      }
    }
  }

  const xDomain: [number, number] | undefined =
    view.zoom !== undefined ? [view.zoom.start, view.zoom.end] : extent(lines)
  const visible = (points: readonly XY[]) => pointsInRange(points, rangeOf(xDomain))
  const yInputs = [
    ...lines.filter((line) => line.faint !== true).map((line) => visible(line.points)),
    ...bands.map((band) =>
      pointsInRange(
        band.points.flatMap((point) => [
          { x: point.x, y: point.low },
          { x: point.x, y: point.high },
        ]),
        rangeOf(xDomain),
      ),
    ),
  ]
  return {
    lines,
    bands,
    groups,
    xDomain,
    yDomain: yDomain(yInputs, { ignoreOutliers: view.ignoreOutliers, scale: view.yScale }),
  }
}

function rangeOf(domain: [number, number] | undefined): XRange | undefined {
  return domain === undefined ? undefined : { start: domain[0], end: domain[1] }
}

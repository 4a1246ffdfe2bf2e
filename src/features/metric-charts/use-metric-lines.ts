import { keepPreviousData, useQueries } from '@tanstack/react-query'
import { useMemo } from 'react'
import { MAX_SAMPLED_POINTS, metricQueries } from '@/api/metrics'
import { pointsInRange, toChartPoints, type XY } from '@/domain/metrics/chart-series'
import type { ChartXAxis, XRange } from '@/domain/metrics/chart-view'
import { columnsToChartPoints } from '@/domain/metrics/columns-to-points'
import type { MetricPoint } from '@/domain/metrics/metric-point'
import type { Run } from '@/domain/runs/run'
import { reduceOffThread } from './reduce-off-thread'

/** Points a chart may fetch in full history in the background, over all its runs. */
export const FULL_HISTORY_BUDGET = 200_000
/** How often lines of running runs refresh. */
const LIVE_INTERVAL_MS = 15_000

/** 'sampled': a stride sample from the server, which can miss spikes. 'all': every logged point, reduced keeping each bucket's extremes. */
export type LineFidelity = 'sampled' | 'all'

export interface RunLine {
  runId: string
  metricKey: string
  /** Sorted by x; at most a few points per pixel. */
  points: readonly XY[]
  fidelity: LineFidelity
  /** How many logged points the line stands for (in the zoomed range, when zoomed), when all were loaded. */
  totalPoints: number | undefined
}

export interface MetricLinesRequest {
  /** One key per chart, or several on a combined chart. */
  metricKeys: readonly string[]
  runs: readonly Run[]
  xAxis: ChartXAxis
  zoom: XRange | undefined
  /** The plot's width in pixels: about one sampled point per pixel. */
  plotWidth: number
  /** False while the chart is off screen: nothing is fetched. */
  enabled: boolean
  /** Fetch every point even beyond the budget. */
  loadAll: boolean
  /** False until the sampled lines are on screen: full histories wait so they never delay them. */
  refine: boolean
}

export interface MetricLines {
  lines: readonly RunLine[]
  isPending: boolean
  error: unknown
  /** Full histories are being fetched or reduced. */
  refining: boolean
  /** Lines stay sampled because their full histories exceed the budget (until `loadAll`). */
  overBudget: boolean
  /** The estimated size of the full histories still missing. */
  missingPoints: number
  /** Asks again for whatever failed. */
  retry: () => void
}

/** Sampled steps per request: one per pixel, in steps of 100 px so resizing rarely refetches. */
function sampleSize(plotWidth: number): number {
  return Math.min(Math.max(Math.ceil(plotWidth / 100) * 100, 200), MAX_SAMPLED_POINTS)
}

function stepRangeOf(xAxis: ChartXAxis, zoom: XRange | undefined) {
  if (xAxis !== 'step' || zoom === undefined) return undefined
  return { start: Math.floor(zoom.start), end: Math.ceil(zoom.end) }
}

function groupByRun(points: readonly (MetricPoint & { runId: string })[]): Map<string, MetricPoint[]> {
  const byRun = new Map<string, MetricPoint[]>()
  for (const point of points) {
    let list = byRun.get(point.runId)
    if (list === undefined) {
      list = []
      byRun.set(point.runId, list)
    }
    list.push(point)
  }
  return byRun
}

/**
 * A run's sampled points as chart points, reused while the run's sample is unchanged: when a running
 * run's chart refreshes, the other runs keep their arrays, so their lines are not recomputed (the
 * chart library memoises per data array). A content signature, not object identity, says
 * "unchanged": a refetch reorders rows across runs. Keyed by run, metric and axis; bounded.
 */
const chartPointsCache = new Map<string, { signature: string; points: XY[] }>()
const CHART_POINTS_CACHE_LIMIT = 5000

export function sampleSignature(points: readonly MetricPoint[]): string {
  let steps = 0
  let values = 0
  for (const point of points) {
    steps += point.step
    if (Number.isFinite(point.value)) values += point.value
  }
  const first = points[0]
  const last = points[points.length - 1]
  return `${points.length}|${first?.timestamp}|${last?.timestamp}|${last?.value}|${steps}|${values}`
}

export function cachedChartPoints(key: string, points: readonly MetricPoint[], xAxis: ChartXAxis): XY[] {
  const cacheKey = `${key}\n${xAxis}`
  const signature = sampleSignature(points)
  const cached = chartPointsCache.get(cacheKey)
  if (cached?.signature === signature) return cached.points
  const chartPoints = toChartPoints(points, xAxis)
  if (chartPointsCache.size >= CHART_POINTS_CACHE_LIMIT) chartPointsCache.clear()
  chartPointsCache.set(cacheKey, { signature, points: chartPoints })
  return chartPoints
}

/** A guess at a run's history length from its latest step and the sample's first step. */
function estimatePoints(run: Run, metricKey: string, sampled: readonly MetricPoint[]): number {
  const firstStep = sampled.reduce((min, point) => Math.min(min, point.step), Number.POSITIVE_INFINITY)
  const lastStep = run.metrics[metricKey]?.step ?? 0
  const span = Number.isFinite(firstStep) ? lastStep - firstStep + 1 : 0
  return Math.max(sampled.length, span)
}

/**
 * The lines of one metric for a set of runs. Draws first from the server's sampled history (about
 * one point per pixel); a run whose sample came back shorter than asked is complete already. For
 * the others, while the chart is on screen and their estimated size fits FULL_HISTORY_BUDGET (or the
 * user asked for everything), the full histories are fetched (two at a time, see api/metrics.ts) and
 * reduced in a worker keeping each bucket's minimum and maximum, so no spike is lost. A zoom on the
 * step axis asks the sampled endpoint for that step range (complete when it holds ≤2,500 steps).
 */
interface Pair {
  run: Run
  metricKey: string
}

export function useMetricLines(request: MetricLinesRequest): MetricLines {
  const { xAxis, zoom, plotWidth, enabled, loadAll, refine } = request
  const metricKeys = request.metricKeys
  const keysKey = metricKeys.join('\n')
  const runsByKey = useMemo(
    () =>
      keysKey
        .split('\n')
        .map((metricKey) => request.runs.filter((run) => run.metrics[metricKey] !== undefined)),
    [request.runs, keysKey],
  )
  const live = request.runs.some((run) => run.info.status === 'RUNNING')
  const stepRange = stepRangeOf(xAxis, zoom)
  const maxResults =
    stepRange !== undefined && stepRange.end - stepRange.start + 1 <= MAX_SAMPLED_POINTS
      ? MAX_SAMPLED_POINTS
      : sampleSize(plotWidth)
  const sampled = useQueries({
    queries: metricKeys.map((metricKey, index) => {
      const runs = runsByKey[index] ?? []
      return {
        ...metricQueries.sampled({
          runIds: runs.map((run) => run.info.runId),
          metricKey,
          maxResults,
          stepRange,
        }),
        enabled: enabled && runs.length > 0,
        placeholderData: keepPreviousData,
        refetchInterval: live ? LIVE_INTERVAL_MS : false,
      }
    }),
  })
  const sampledKey = sampled.map((query) => query.dataUpdatedAt).join()
  const sampledByKey = useMemo(
    () => sampled.map((query) => groupByRun(query.data ?? [])),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the query results are new each render; their update times say when data changed
    [sampledKey],
  )
  // A sample shorter than asked holds every point (in the step range, when zoomed).
  const incomplete: Pair[] = metricKeys.flatMap((metricKey, index) => {
    const query = sampled[index]
    if (query === undefined || query.isPlaceholderData || !query.isSuccess) return []
    return (runsByKey[index] ?? [])
      .filter((run) => (sampledByKey[index]?.get(run.info.runId)?.length ?? 0) >= maxResults)
      .map((run) => ({ run, metricKey }))
  })
  const missingPoints = incomplete.reduce((sum, { run, metricKey }) => {
    const index = metricKeys.indexOf(metricKey)
    return sum + estimatePoints(run, metricKey, sampledByKey[index]?.get(run.info.runId) ?? [])
  }, 0)
  const sampledReady = sampled.every((query) => !query.isPending)
  const withinBudget = loadAll || missingPoints <= FULL_HISTORY_BUDGET
  const fetchFull = enabled && sampledReady && refine && withinBudget
  const columns = useQueries({
    queries: incomplete.map(({ run, metricKey }) => ({
      ...metricQueries.columns({ runId: run.info.runId, metricKey }),
      enabled: fetchFull,
      refetchInterval: run.info.status === 'RUNNING' ? LIVE_INTERVAL_MS * 2 : false,
    })),
  })
  const buckets = Math.max(Math.round(plotWidth / 2), 50)
  const reductions = useQueries({
    queries: incomplete.map(({ run, metricKey }, index) => {
      const history = columns[index]
      return {
        queryKey: [
          'metric-reduction',
          run.info.runId,
          metricKey,
          xAxis,
          zoom,
          buckets,
          history?.dataUpdatedAt,
        ],
        queryFn: async () => {
          const data = history?.data
          if (data === undefined) return { points: [], total: 0 }
          const inView = pointsInRange(columnsToChartPoints(data, xAxis), zoom)
          // In view proper: pointsInRange adds a neighbour each side so lines leave the plot.
          const total =
            zoom === undefined
              ? inView.length
              : inView.filter((p) => p.x >= zoom.start && p.x <= zoom.end).length
          return { points: await reduceOffThread(inView, buckets), total }
        },
        enabled: history?.data !== undefined,
        staleTime: Number.POSITIVE_INFINITY,
        gcTime: 60_000,
      }
    }),
  })

  // Query results change identity every render; their update times say when the data changed.
  const reductionsKey = reductions.map((query) => query.dataUpdatedAt).join()
  const incompleteKey = incomplete.map(({ run, metricKey }) => `${metricKey}\n${run.info.runId}`).join('\t')

  const lines = useMemo(() => {
    // All reduced lines replace the sampled ones at once: one redraw per chart, not one per run.
    const reduced = new Map<string, { points: XY[]; total: number }>()
    if (reductions.every((query) => query.data !== undefined))
      incomplete.forEach(({ run, metricKey }, index) => {
        const data = reductions[index]?.data
        if (data !== undefined) reduced.set(`${metricKey}\n${run.info.runId}`, data)
      })
    const incompleteIds = new Set(incompleteKey.split('\t'))
    return metricKeys.flatMap((metricKey, keyIndex) =>
      (runsByKey[keyIndex] ?? []).flatMap((run): RunLine[] => {
        const runId = run.info.runId
        const pairKey = `${metricKey}\n${runId}`
        const full = reduced.get(pairKey)
        if (full !== undefined)
          return [{ runId, metricKey, points: full.points, fidelity: 'all', totalPoints: full.total }]
        const points = sampledByKey[keyIndex]?.get(runId)
        if (points === undefined) return []
        const chartPoints = cachedChartPoints(
          `${pairKey}\n${stepRange?.start}~${stepRange?.end}`,
          points,
          xAxis,
        )
        const sampledLine = incompleteIds.has(pairKey)
        return [
          {
            runId,
            metricKey,
            points: chartPoints,
            fidelity: sampledLine ? 'sampled' : 'all',
            totalPoints: sampledLine ? undefined : chartPoints.length,
          },
        ]
      }),
    )
    // eslint-disable-next-line react-hooks/exhaustive-deps -- incomplete and reductions are new arrays each render; incompleteKey and reductionsKey say when they changed
  }, [
    runsByKey,
    sampledByKey,
    xAxis,
    keysKey,
    stepRange?.start,
    stepRange?.end,
    incompleteKey,
    reductionsKey,
  ])

  const refining =
    incomplete.length > 0 &&
    fetchFull &&
    (columns.some((query) => query.isFetching) || reductions.some((query) => query.isFetching))
  return {
    lines,
    isPending: runsByKey.some((runs) => runs.length > 0) && sampled.some((query) => query.isPending),
    error:
      sampled.find((query) => query.error !== null)?.error ??
      columns.find((query) => query.error !== null)?.error ??
      null,
    refining,
    overBudget: enabled && sampledReady && !withinBudget && incomplete.length > 0,
    missingPoints,
    retry: () => {
      for (const query of sampled) if (query.isError) void query.refetch()
      for (const query of columns) if (query.isError) void query.refetch()
    },
  }
}

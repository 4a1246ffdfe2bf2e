/**
 * Metric histories. Full resolution comes from `metrics/get-history` (one run, one key, paged); charts
 * over many runs use the sampled `metrics/get-history-bulk-interval`. The legacy
 * `metrics/get-history-bulk` is deliberately not used: it truncates at 25,000 points across all runs
 * and writes NaN as a bare token that `JSON.parse` rejects (contract §3, §7.8).
 */

import { queryOptions } from '@tanstack/react-query'
import {
  toMetricColumns,
  type MetricColumns,
  type MetricPoint,
  type RunMetricPoint,
} from '@/domain/metrics/metric-point'
import { mlflowClientOf } from './client-binding'
import { array, int64, metricValue, object, string, withDefault, type Decoder } from './decode'
import { MLFLOW_API, type MlflowClient } from './http'
import { collectPages, pageOf, type Page } from './paging'

export const metricPointDecoder: Decoder<MetricPoint> = object((field) => ({
  step: field('step', withDefault(int64, 0)),
  timestamp: field('timestamp', int64),
  value: field('value', metricValue),
}))

export const runMetricPointDecoder: Decoder<RunMetricPoint> = object((field) => ({
  runId: field('run_id', string),
  step: field('step', withDefault(int64, 0)),
  timestamp: field('timestamp', int64),
  value: field('value', metricValue),
}))

/** A key absent from the run answers `{}` rather than 404, which decodes as no points. */
const historyPage = pageOf('metrics', metricPointDecoder)
/** Not paged: the server returns every sampled row at once. */
const sampledResponse = object((field) => field('metrics', array(runMetricPointDecoder)))

/** What MLflow's UI and Python client request per page. */
export const HISTORY_PAGE_SIZE = 25_000

export interface MetricHistoryParams {
  runId: string
  metricKey: string
}

export function getMetricHistoryPage(
  client: MlflowClient,
  params: MetricHistoryParams & { maxResults: number; pageToken?: string },
  signal?: AbortSignal,
): Promise<Page<MetricPoint>> {
  const query = {
    run_id: params.runId,
    metric_key: params.metricKey,
    // Always sent: since 3.1.1 some servers answer an empty page without it (contract §6).
    max_results: params.maxResults,
    page_token: params.pageToken,
  }
  return client.get(`${MLFLOW_API}/metrics/get-history`, query, historyPage, signal)
}

/**
 * Every logged point of one metric of one run, following page tokens. In server order: timestamp,
 * then step, then value. Several values may share a step. Abort `signal` to stop between or during pages.
 */
export async function getMetricHistory(
  client: MlflowClient,
  params: MetricHistoryParams,
  signal?: AbortSignal,
  pageSize: number = HISTORY_PAGE_SIZE,
): Promise<MetricPoint[]> {
  const { items } = await collectPages(
    (pageToken) => getMetricHistoryPage(client, { ...params, maxResults: pageSize, pageToken }, signal),
    // (step, timestamp, value) is the row's primary key within one run and metric in MLflow's SQL
    // store, so equal keys are the same row served twice by a shifted offset.
    { keyOf: (point) => `${point.step}|${point.timestamp}|${point.value}` },
  )
  return items
}

/**
 * Full histories are big (100,000 points is ~4 MB of JSON): at most two are fetched at a time, so
 * a page of charts cannot flood the server or starve the sampled requests that draw first.
 */
export const FULL_HISTORY_CONCURRENCY = 2
let fullHistoryActive = 0
const fullHistoryWaiting: (() => void)[] = []

async function withFullHistorySlot<T>(task: () => Promise<T>): Promise<T> {
  if (fullHistoryActive >= FULL_HISTORY_CONCURRENCY) {
    await new Promise<void>((resolve) => {
      fullHistoryWaiting.push(resolve)
    })
  } else {
    fullHistoryActive++
  }
  try {
    return await task()
  } finally {
    // The slot passes straight to the next waiter, or frees up.
    const next = fullHistoryWaiting.shift()
    if (next === undefined) fullHistoryActive--
    else next()
  }
}

/** Every point of one metric of one run, in columns, fetched in a shared two-at-a-time queue. */
export async function getMetricColumns(
  client: MlflowClient,
  params: MetricHistoryParams,
  signal?: AbortSignal,
): Promise<MetricColumns> {
  return withFullHistorySlot(async () => {
    signal?.throwIfAborted()
    return toMetricColumns(await getMetricHistory(client, params, signal))
  })
}

/** The server's limit on `run_ids` per sampled request. */
export const MAX_RUNS_PER_SAMPLED_REQUEST = 100
/** The server accepts 1..2500 sampled steps. */
export const MAX_SAMPLED_POINTS = 2500
/** What MLflow's UI requests for a chart. */
export const DEFAULT_SAMPLED_POINTS = 320

export interface SampledMetricParams {
  runIds: readonly string[]
  metricKey: string
  /** Steps to sample per request, clamped to 1..2500. */
  maxResults?: number
  /** Both ends or none, as the server requires; inclusive. Without it, negative steps are dropped. */
  stepRange?: { start: number; end: number } | undefined
}

interface NormalizedSampledParams {
  runIds: string[]
  metricKey: string
  maxResults: number
  stepRange: { start: number; end: number } | undefined
}

function normalizeSampled(params: SampledMetricParams): NormalizedSampledParams {
  return {
    // Sorted and unique: the same set of runs is the same request and the same cache entry.
    runIds: [...new Set(params.runIds)].sort(),
    metricKey: params.metricKey,
    maxResults: Math.min(
      Math.max(Math.trunc(params.maxResults ?? DEFAULT_SAMPLED_POINTS), 1),
      MAX_SAMPLED_POINTS,
    ),
    stepRange: params.stepRange,
  }
}

/**
 * A sampled history of one metric over any number of runs. The server takes at most 100 run ids per
 * request, so larger sets go out as parallel requests of ≤100 runs and the points are concatenated;
 * a run appears in exactly one request, so no point repeats. Sampling is computed per request, so runs
 * in different chunks may be sampled at different steps. If one request fails the others are aborted.
 */
export async function getSampledMetricHistory(
  client: MlflowClient,
  params: SampledMetricParams,
  signal?: AbortSignal,
): Promise<RunMetricPoint[]> {
  const p = normalizeSampled(params)
  if (p.runIds.length === 0) return []
  const chunks: string[][] = []
  for (let i = 0; i < p.runIds.length; i += MAX_RUNS_PER_SAMPLED_REQUEST) {
    chunks.push(p.runIds.slice(i, i + MAX_RUNS_PER_SAMPLED_REQUEST))
  }
  const controller = new AbortController()
  const onAbort = () => {
    controller.abort()
  }
  signal?.addEventListener('abort', onAbort, { once: true })
  if (signal?.aborted === true) controller.abort()
  try {
    const pages = await Promise.all(
      chunks.map(async (runIds) => {
        const query = {
          run_ids: runIds,
          metric_key: p.metricKey,
          max_results: p.maxResults,
          start_step: p.stepRange?.start,
          end_step: p.stepRange?.end,
        }
        try {
          return await client.get(
            `${MLFLOW_API}/metrics/get-history-bulk-interval`,
            query,
            sampledResponse,
            controller.signal,
          )
        } catch (error) {
          controller.abort()
          throw error
        }
      }),
    )
    return pages.flat()
  } finally {
    signal?.removeEventListener('abort', onAbort)
  }
}

/**
 * Keys: `['metrics']` ⊃ `['metrics', 'history', runId, metricKey]`,
 * `['metrics', 'columns', runId, metricKey]`, `['metrics', 'sampled', metricKey, params]`.
 */
export const metricQueries = {
  all: () => ['metrics'],
  history: ({ runId, metricKey }: MetricHistoryParams) =>
    queryOptions({
      queryKey: ['metrics', 'history', runId, metricKey],
      queryFn: ({ client, signal }) => getMetricHistory(mlflowClientOf(client), { runId, metricKey }, signal),
    }),
  /** The whole history in columns, for charts that draw every point. */
  columns: ({ runId, metricKey }: MetricHistoryParams) =>
    queryOptions({
      queryKey: ['metrics', 'columns', runId, metricKey],
      queryFn: ({ client, signal }) => getMetricColumns(mlflowClientOf(client), { runId, metricKey }, signal),
    }),
  sampled: (params: SampledMetricParams) => {
    const normalized = normalizeSampled(params)
    return queryOptions({
      queryKey: ['metrics', 'sampled', normalized.metricKey, normalized],
      queryFn: ({ client, signal }) => getSampledMetricHistory(mlflowClientOf(client), normalized, signal),
    })
  },
}

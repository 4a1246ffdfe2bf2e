/**
 * Metric histories. Full resolution comes from `metrics/get-history` (one run, one key, paged); charts
 * over many runs use the sampled `metrics/get-history-bulk-interval`. The legacy
 * `metrics/get-history-bulk` is deliberately not used: it truncates at 25,000 points across all runs
 * and writes NaN as a bare token that `JSON.parse` rejects (contract §3, §7.8).
 */

import { queryOptions } from '@tanstack/react-query'
import { type MetricColumns, type MetricPoint, type RunMetricPoint } from '@/domain/metrics/metric-point'
import { mlflowClientOf } from './client-binding'
import {
  array,
  fromStoredInfinity,
  int64,
  metricValue,
  object,
  optionalText,
  string,
  withDefault,
  type Decoder,
} from './decode'
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

/** One page of a history as plain arrays, read without building a point object per row. */
interface ColumnsPage {
  steps: number[]
  timestamps: number[]
  values: number[]
  nextPageToken: string | undefined
}

/**
 * The history page decoder for full histories: the same checks as `historyPage`, but it writes
 * straight into arrays and builds an error path only for a row that fails (a 100,000-point history
 * decodes in a few milliseconds instead of hundreds). A bad row is re-read by the point decoder,
 * which throws the usual error naming its path.
 */
const rawRows: Decoder<readonly unknown[]> = (value, path) =>
  Array.isArray(value) ? value : array((item: unknown) => item)(value, path)
const rawHistoryPage = object((field) => ({
  items: field('metrics', rawRows),
  nextPageToken: field('next_page_token', optionalText),
}))

const historyColumnsPage: Decoder<ColumnsPage> = (value, path) => {
  const page = rawHistoryPage(value, path)
  const steps: number[] = []
  const timestamps: number[] = []
  const values: number[] = []
  page.items.forEach((item, index) => {
    const step: unknown = typeof item === 'object' && item !== null ? Reflect.get(item, 'step') : undefined
    const timestamp: unknown =
      typeof item === 'object' && item !== null ? Reflect.get(item, 'timestamp') : undefined
    const metric: unknown = typeof item === 'object' && item !== null ? Reflect.get(item, 'value') : undefined
    if (
      (step === undefined || (typeof step === 'number' && Number.isInteger(step))) &&
      typeof timestamp === 'number' &&
      Number.isInteger(timestamp) &&
      typeof metric === 'number'
    ) {
      steps.push(step ?? 0)
      timestamps.push(timestamp)
      values.push(fromStoredInfinity(metric))
      return
    }
    const point = metricPointDecoder(item, `${path}.metrics[${index}]`)
    steps.push(point.step)
    timestamps.push(point.timestamp)
    values.push(point.value)
  })
  return { steps, timestamps, values, nextPageToken: page.nextPageToken }
}

/** Rows of a page compared with the end of the history so far, to drop rows a shifted offset repeats. */
const BOUNDARY_ROWS = 1000

/**
 * Every point of one metric of one run, in columns, fetched in a shared two-at-a-time queue. Page
 * tokens are offsets (contract §6): a row logged between two page requests can make the next page
 * repeat rows from the end of the previous one, so each page's first rows are checked against the
 * last rows collected (a full key set over 100,000 rows cost a second of main-thread time).
 */
export async function getMetricColumns(
  client: MlflowClient,
  params: MetricHistoryParams,
  signal?: AbortSignal,
  pageSize: number = HISTORY_PAGE_SIZE,
): Promise<MetricColumns> {
  return withFullHistorySlot(async () => {
    const steps: number[] = []
    const timestamps: number[] = []
    const values: number[] = []
    const seenTokens = new Set<string>()
    let pageToken: string | undefined
    for (;;) {
      signal?.throwIfAborted()
      const query = {
        run_id: params.runId,
        metric_key: params.metricKey,
        max_results: pageSize,
        page_token: pageToken,
      }
      const page = await client.get(`${MLFLOW_API}/metrics/get-history`, query, historyColumnsPage, signal)
      const recent = new Set<string>()
      for (let i = Math.max(values.length - BOUNDARY_ROWS, 0); i < values.length; i++)
        recent.add(`${steps[i]}|${timestamps[i]}|${values[i]}`)
      page.values.forEach((value, index) => {
        const step = page.steps[index] ?? 0
        const timestamp = page.timestamps[index] ?? 0
        if (index < BOUNDARY_ROWS && recent.size > 0 && recent.has(`${step}|${timestamp}|${value}`)) return
        steps.push(step)
        timestamps.push(timestamp)
        values.push(value)
      })
      const next = page.nextPageToken
      if (next === undefined || seenTokens.has(next)) break
      seenTokens.add(next)
      pageToken = next
    }
    return {
      steps: Float64Array.from(steps),
      timestamps: Float64Array.from(timestamps),
      values: Float64Array.from(values),
    }
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

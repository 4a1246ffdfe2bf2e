/** Runs: `runs/*` endpoints and their query factories. */

import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import type { ViewType } from '@/domain/experiments'
import {
  RUN_STATUSES,
  SYSTEM_TAGS,
  type DatasetInput,
  type LatestMetric,
  type ModelOutput,
  type Run,
  type RunInfo,
  type RunStatus,
} from '@/domain/runs/run'
import { mlflowClientOf } from './client-binding'
import {
  array,
  emptyResponse,
  int64,
  map,
  metricValue,
  object,
  oneOf,
  optional,
  optionalText,
  string,
  tagRecord,
  withDefault,
  type Decoder,
} from './decode'
import { serializeRunFilter } from '@/domain/search-filter/serialize-filter'
import { lifecycleStage } from './experiments'
import { MLFLOW_API, type MlflowClient } from './http'
import { FIRST_PAGE, nextPageParam, pageOf, type Page } from './paging'

const runStatus: Decoder<RunStatus> = oneOf(RUN_STATUSES)

export const runInfoDecoder: Decoder<RunInfo> = object((field) => ({
  // `run_uuid` is the deprecated twin of `run_id`; servers before 1.x sent only it.
  runId: field('run_id', optional(string)) ?? field('run_uuid', string),
  // Old servers lack `run_name`; `runDecoder` then falls back to the `mlflow.runName` tag.
  runName: field('run_name', optional(string)) ?? '',
  experimentId: field('experiment_id', string),
  userId: field('user_id', optionalText),
  status: field('status', runStatus),
  startTime: field('start_time', optional(int64)),
  endTime: field('end_time', optional(int64)),
  artifactUri: field('artifact_uri', optionalText),
  lifecycleStage: field('lifecycle_stage', lifecycleStage),
}))

const latestMetricDecoder: Decoder<LatestMetric> = object((field) => ({
  key: field('key', string),
  value: field('value', metricValue),
  timestamp: field('timestamp', int64),
  // Proto default: a metric logged without a step is at step 0, and a server may omit the default.
  step: field('step', withDefault(int64, 0)),
}))

interface RunData {
  metrics: Record<string, LatestMetric>
  params: Record<string, string>
  tags: Record<string, string>
}

interface RunInputs {
  datasets: DatasetInput[]
  modelInputs: string[]
}

const runData: Decoder<RunData> = object((field) => ({
  metrics: field(
    'metrics',
    map(array(latestMetricDecoder), (metrics) =>
      Object.fromEntries(metrics.map((metric) => [metric.key, metric])),
    ),
  ),
  params: field('params', tagRecord),
  tags: field('tags', tagRecord),
}))

const datasetInputDecoder: Decoder<DatasetInput> = object((field) => {
  const tags = field('tags', tagRecord)
  const dataset = field(
    'dataset',
    object((read) => ({
      name: read('name', string),
      digest: read('digest', string),
      sourceType: read('source_type', optionalText),
      source: read('source', optionalText),
      schema: read('schema', optionalText),
      profile: read('profile', optionalText),
    })),
  )
  return { ...dataset, tags }
})

const runInputs: Decoder<RunInputs> = object((field) => ({
  datasets: field('dataset_inputs', array(datasetInputDecoder)),
  modelInputs: field('model_inputs', array(object((read) => read('model_id', string)))),
}))

const modelOutputDecoder: Decoder<ModelOutput> = object((field) => ({
  modelId: field('model_id', string),
  step: field('step', withDefault(int64, 0)),
}))

const runOutputs = object((field) => field('model_outputs', array(modelOutputDecoder)))

const NO_DATA: RunData = { metrics: {}, params: {}, tags: {} }
const NO_INPUTS: RunInputs = { datasets: [], modelInputs: [] }

/** `data`, `inputs` and `outputs` are all omitted or `{}` when empty (contract §3). */
export const runDecoder: Decoder<Run> = object((field) => {
  const info = field('info', runInfoDecoder)
  const data = field('data', withDefault(runData, NO_DATA))
  const inputs = field('inputs', withDefault(runInputs, NO_INPUTS))
  const modelOutputs = field('outputs', withDefault(runOutputs, []))
  const runName = info.runName === '' ? (data.tags[SYSTEM_TAGS.runName] ?? '') : info.runName
  return {
    info: { ...info, runName },
    params: data.params,
    metrics: data.metrics,
    tags: data.tags,
    datasets: inputs.datasets,
    modelOutputs,
    modelInputs: inputs.modelInputs,
  }
})

const runResponse = object((field) => field('run', runDecoder))
const runPage = pageOf('runs', runDecoder)

/** MLflow's UI pages the runs table by 100. */
export const DEFAULT_RUN_PAGE_SIZE = 100
/** The server rejects larger pages with 400. */
export const MAX_RUN_PAGE_SIZE = 50_000

export interface RunSearchParams {
  /** Runs are searched across all of them; an empty list finds nothing. */
  experimentIds: readonly string[]
  /** MLflow's run filter grammar (contract §8.1): AND only. */
  filter?: string
  viewType?: ViewType
  /** E.g. ``['metrics.`val loss` DESC']``. Default: start time descending, then run id. */
  orderBy?: readonly string[]
  /** Always sent; clamped to 1..50,000. */
  maxResults?: number
  pageToken?: string
}

function normalizeSearch(params: RunSearchParams): RunSearchParams {
  return {
    experimentIds: params.experimentIds,
    filter: params.filter === '' ? undefined : params.filter,
    viewType: params.viewType ?? 'ACTIVE_ONLY',
    orderBy: params.orderBy ?? [],
    maxResults: clamp(params.maxResults ?? DEFAULT_RUN_PAGE_SIZE, 1, MAX_RUN_PAGE_SIZE),
    pageToken: params.pageToken,
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(Math.trunc(value), min), max)
}

/** POST only: `runs/search` has no GET binding. */
export function searchRuns(
  client: MlflowClient,
  params: RunSearchParams,
  signal?: AbortSignal,
): Promise<Page<Run>> {
  const p = normalizeSearch(params)
  const body = {
    experiment_ids: p.experimentIds,
    filter: p.filter,
    run_view_type: p.viewType,
    order_by: p.orderBy,
    max_results: p.maxResults,
    page_token: p.pageToken,
  }
  return client.post(`${MLFLOW_API}/runs/search`, body, runPage, signal)
}

/** Also returns deleted runs; only this endpoint fills `modelInputs`. Unknown ids are a 404 ApiError. */
export function getRun(client: MlflowClient, runId: string, signal?: AbortSignal): Promise<Run> {
  return client.get(`${MLFLOW_API}/runs/get`, { run_id: runId }, runResponse, signal)
}

export interface UpdateRunParams {
  runId: string
  /** Renaming also rewrites the `mlflow.runName` tag. The server ignores an empty name without an error. */
  name?: string
  status?: RunStatus
  /** Epoch milliseconds. */
  endTime?: number
}

/** Resolves to the updated run info. A deleted run cannot be updated (400). */
export function updateRun(
  client: MlflowClient,
  params: UpdateRunParams,
  signal?: AbortSignal,
): Promise<RunInfo> {
  const body = {
    run_id: params.runId,
    run_name: params.name,
    status: params.status,
    end_time: params.endTime,
  }
  const updated = object((field) => field('run_info', runInfoDecoder))
  return client.post(`${MLFLOW_API}/runs/update`, body, updated, signal)
}

/** Soft delete. Child runs are not deleted with their parent: delete them one by one, as MLflow's UI does. */
export function deleteRun(client: MlflowClient, runId: string, signal?: AbortSignal): Promise<void> {
  return client.post(`${MLFLOW_API}/runs/delete`, { run_id: runId }, emptyResponse, signal)
}

export function restoreRun(client: MlflowClient, runId: string, signal?: AbortSignal): Promise<void> {
  return client.post(`${MLFLOW_API}/runs/restore`, { run_id: runId }, emptyResponse, signal)
}

/**
 * Upsert. Fails with 400 on a deleted run. `mlflow.user` and `mlflow.artifactLocation` are immutable.
 * A value over 8,000 characters is cut to 8,000 without an error by a default server
 * (`MLFLOW_TRUNCATE_LONG_VALUES`), and refused with 400 when that is off.
 */
export function setRunTag(
  client: MlflowClient,
  params: { runId: string; key: string; value: string },
  signal?: AbortSignal,
): Promise<void> {
  const body = { run_id: params.runId, key: params.key, value: params.value }
  return client.post(`${MLFLOW_API}/runs/set-tag`, body, emptyResponse, signal)
}

/** A tag that does not exist is a 404 ApiError. */
export function deleteRunTag(
  client: MlflowClient,
  params: { runId: string; key: string },
  signal?: AbortSignal,
): Promise<void> {
  const body = { run_id: params.runId, key: params.key }
  return client.post(`${MLFLOW_API}/runs/delete-tag`, body, emptyResponse, signal)
}

export const runKey = (run: Run): string => run.info.runId

export interface ProgressiveSizes {
  /** The first page: small, so the table paints at once. */
  first: number
  /** Every later page. */
  next: number
}

const IDS_PER_REQUEST = 100
/** Nesting deeper than this is a cycle or a mistake; stop asking. */
const MAX_ANCESTOR_LEVELS = 32

/** `searchRunsByIds`, then the parents of what came back, and so on up the tree. */
export async function searchRunsWithAncestors(
  client: MlflowClient,
  experimentIds: readonly string[],
  runIds: readonly string[],
  signal?: AbortSignal,
): Promise<Run[]> {
  const found = new Map<string, Run>()
  const asked = new Set<string>()
  let wanted = [...new Set(runIds)]
  for (let level = 0; level < MAX_ANCESTOR_LEVELS && wanted.length > 0; level++) {
    for (const id of wanted) asked.add(id)
    const runs = await searchRunsByIds(client, experimentIds, wanted, signal)
    for (const run of runs) found.set(run.info.runId, run)
    wanted = [
      ...new Set(
        runs.flatMap((run) => {
          const parent = run.tags[SYSTEM_TAGS.parentRunId]
          return parent !== undefined && !asked.has(parent) && !found.has(parent) ? [parent] : []
        }),
      ),
    ]
  }
  return [...found.values()]
}

/**
 * Runs by id whatever their lifecycle stage, with one request per 100 ids rather than one per run
 * (MLflow's UI fetches missing parents one at a time). Ids the server does not know are left out.
 */
export async function searchRunsByIds(
  client: MlflowClient,
  experimentIds: readonly string[],
  runIds: readonly string[],
  signal?: AbortSignal,
): Promise<Run[]> {
  const unique = [...new Set(runIds)]
  const runs: Run[] = []
  for (let index = 0; index < unique.length; index += IDS_PER_REQUEST) {
    const chunk = unique.slice(index, index + IDS_PER_REQUEST)
    const filter = serializeRunFilter([
      { entity: 'attribute', key: 'run_id', comparator: 'IN', value: chunk },
    ])
    if (!filter.ok) throw new Error(filter.error.message)
    const page = await searchRuns(
      client,
      {
        experimentIds,
        filter: filter.value,
        viewType: 'ALL',
        maxResults: chunk.length,
      },
      signal,
    )
    runs.push(...page.items)
  }
  return runs
}

/**
 * Keys: `['runs']` ⊃ `['runs', 'search', params]`, `['runs', 'search', 'pages', params]`,
 * `['runs', 'get', runId]`. After a write, invalidate `runQueries.all()`.
 */
export const runQueries = {
  all: () => ['runs'],
  searches: () => ['runs', 'search'],
  search: (params: RunSearchParams) => {
    const normalized = normalizeSearch(params)
    return queryOptions({
      queryKey: ['runs', 'search', normalized],
      queryFn: ({ client, signal }) => searchRuns(mlflowClientOf(client), normalized, signal),
    })
  },
  /** For `useInfiniteQuery`; flatten with `flattenPages(data.pages, runKey)`, which drops rows a shifted offset repeated. */
  searchPages: (params: Omit<RunSearchParams, 'pageToken'>) => {
    const normalized = normalizeSearch(params)
    return infiniteQueryOptions({
      queryKey: ['runs', 'search', 'pages', normalized],
      queryFn: ({ client, signal, pageParam }) =>
        searchRuns(mlflowClientOf(client), { ...normalized, pageToken: pageParam }, signal),
      initialPageParam: FIRST_PAGE,
      getNextPageParam: nextPageParam,
    })
  },
  /**
   * All matching runs, progressively: a small first page that paints at once, then bigger pages.
   * Page tokens are offsets, so a token from a page of 100 continues correctly with pages of 1,000.
   */
  progressive: (params: Omit<RunSearchParams, 'pageToken' | 'maxResults'>, sizes: ProgressiveSizes) => {
    const normalized = normalizeSearch({ ...params, maxResults: sizes.first })
    return infiniteQueryOptions({
      queryKey: ['runs', 'search', 'progressive', normalized, sizes],
      queryFn: ({ client, signal, pageParam }) =>
        searchRuns(
          mlflowClientOf(client),
          { ...normalized, maxResults: pageParam.size, pageToken: pageParam.token },
          signal,
        ),
      initialPageParam: { token: FIRST_PAGE, size: sizes.first },
      getNextPageParam: (lastPage: Page<Run>) => {
        const token = nextPageParam(lastPage)
        return token === undefined ? undefined : { token, size: sizes.next }
      },
    })
  },
  /**
   * Runs by id and then their ancestors, level by level (`mlflow.parentRunId`), until a level
   * brings no new parent: the context a matching child needs to be shown under its parents.
   */
  withAncestors: (experimentIds: readonly string[], runIds: readonly string[]) =>
    queryOptions({
      queryKey: ['runs', 'with-ancestors', experimentIds, [...runIds].sort()],
      queryFn: ({ client, signal }) =>
        searchRunsWithAncestors(mlflowClientOf(client), experimentIds, runIds, signal),
    }),
  /** Runs of these experiments by id in any lifecycle state, in requests of at most 100 ids (`attributes.run_id IN (...)`). */
  byIds: (experimentIds: readonly string[], runIds: readonly string[]) =>
    queryOptions({
      queryKey: ['runs', 'by-ids', experimentIds, [...runIds].sort()],
      queryFn: ({ client, signal }) => searchRunsByIds(mlflowClientOf(client), experimentIds, runIds, signal),
    }),
  get: (runId: string) =>
    queryOptions({
      queryKey: ['runs', 'get', runId],
      queryFn: ({ client, signal }) => getRun(mlflowClientOf(client), runId, signal),
    }),
}

/** MLflow 3 LoggedModels: `logged-models/*` endpoints and their query factories. */

import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import type { LoggedModel, LoggedModelMetric, LoggedModelStatus } from '@/domain/models/registry'
import { mlflowClientOf } from './client-binding'
import {
  array,
  decode,
  emptyResponse,
  int64,
  metricValue,
  object,
  optional,
  optionalOneOf,
  optionalText,
  string,
  tagRecord,
  withDefault,
  type Decoder,
} from './decode'
import { MLFLOW_API, type MlflowClient } from './http'
import { FIRST_PAGE, nextPageParam, pageOf, type Page } from './paging'

const LOGGED_MODEL_STATUSES: readonly LoggedModelStatus[] = [
  'LOGGED_MODEL_STATUS_UNSPECIFIED',
  'LOGGED_MODEL_PENDING',
  'LOGGED_MODEL_READY',
  'LOGGED_MODEL_UPLOAD_FAILED',
]

/** The tag MLflow writes on a LoggedModel when a version is registered from it. */
const MODEL_VERSIONS_TAG = 'mlflow.modelVersions'

interface Registration {
  name: string
  version: string
}

/** The tag writes versions as numbers or strings, depending on the code path that registered them. */
const versionText: Decoder<string> = (value, path) =>
  typeof value === 'number' ? String(value) : string(value, path)

const registrationDecoder: Decoder<Registration> = object((field) => ({
  name: field('name', string),
  version: field('version', versionText),
}))

/**
 * MLflow 3.17 leaves `info.registrations` unset and records registrations only in the
 * `mlflow.modelVersions` tag, a JSON list that may name one version twice (once with a numeric and
 * once with a string version). A malformed tag means no known registrations, not a failed response.
 */
function registrationsFromTag(text: string | undefined): Registration[] {
  if (text === undefined) return []
  try {
    return decode(array(registrationDecoder), JSON.parse(text))
  } catch {
    return []
  }
}

function uniqueRegistrations(registrations: readonly Registration[]): Registration[] {
  const seen = new Set<string>()
  return registrations.filter((registration) => {
    const key = JSON.stringify([registration.name, registration.version])
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

const loggedModelMetricDecoder: Decoder<LoggedModelMetric> = object((field) => ({
  key: field('key', string),
  value: field('value', metricValue),
  timestamp: field('timestamp', int64),
  step: field('step', withDefault(int64, 0)),
  datasetName: field('dataset_name', optionalText),
  datasetDigest: field('dataset_digest', optionalText),
  runId: field('run_id', optionalText),
}))

interface LoggedModelData {
  params: Record<string, string>
  metrics: LoggedModelMetric[]
}

const loggedModelData: Decoder<LoggedModelData> = object((field) => ({
  params: field('params', tagRecord),
  metrics: field('metrics', array(loggedModelMetricDecoder)),
}))

export const loggedModelDecoder: Decoder<LoggedModel> = object((field) => {
  const info = field(
    'info',
    object((read) => {
      const tags = read('tags', tagRecord)
      const registrations = read('registrations', array(registrationDecoder))
      return {
        modelId: read('model_id', string),
        experimentId: read('experiment_id', string),
        name: read('name', string),
        creationTimestamp: read('creation_timestamp_ms', optional(int64)),
        lastUpdatedTimestamp: read('last_updated_timestamp_ms', optional(int64)),
        artifactUri: read('artifact_uri', optionalText),
        status: read('status', optionalOneOf(LOGGED_MODEL_STATUSES)),
        modelType: read('model_type', optionalText),
        sourceRunId: read('source_run_id', optionalText),
        tags,
        registrations: uniqueRegistrations(
          registrations.length > 0 ? registrations : registrationsFromTag(tags[MODEL_VERSIONS_TAG]),
        ),
      }
    }),
  )
  const data = field('data', withDefault(loggedModelData, { params: {}, metrics: [] }))
  return { ...info, ...data }
})

export interface LoggedModelOrder {
  /** `name`, `creation_time`, `last_updated_timestamp`, `metrics.<key>`, `params.<key>`, ... */
  field: string
  /** Default true. */
  ascending?: boolean
  /** Order by the metric's value on this dataset only. */
  datasetName?: string
  datasetDigest?: string
}

export interface LoggedModelSearchParams {
  experimentIds: readonly string[]
  /** E.g. `metrics.accuracy > 0.9 AND params.lr = '0.01'`. */
  filter?: string
  /** Only metrics on these datasets count for `filter` and ordering. */
  datasets?: readonly { name: string; digest?: string }[]
  orderBy?: readonly LoggedModelOrder[]
  /** Always sent. */
  maxResults?: number
  /** Valid only for the same experiments, filter and order (the server checks, 400 otherwise). */
  pageToken?: string
}

/** The proto's default page size. */
export const DEFAULT_LOGGED_MODEL_PAGE_SIZE = 50

function normalizeSearch(params: LoggedModelSearchParams): LoggedModelSearchParams {
  return {
    experimentIds: params.experimentIds,
    filter: params.filter === '' ? undefined : params.filter,
    datasets: params.datasets ?? [],
    orderBy: params.orderBy ?? [],
    maxResults: Math.max(Math.trunc(params.maxResults ?? DEFAULT_LOGGED_MODEL_PAGE_SIZE), 1),
    pageToken: params.pageToken,
  }
}

/** POST only: a GET to `logged-models/search` would fetch a model whose id is "search". */
export function searchLoggedModels(
  client: MlflowClient,
  params: LoggedModelSearchParams,
  signal?: AbortSignal,
): Promise<Page<LoggedModel>> {
  const p = normalizeSearch(params)
  const body = {
    experiment_ids: p.experimentIds,
    filter: p.filter,
    datasets: (p.datasets ?? []).map((dataset) => ({
      dataset_name: dataset.name,
      dataset_digest: dataset.digest,
    })),
    order_by: (p.orderBy ?? []).map((order) => ({
      field_name: order.field,
      ascending: order.ascending ?? true,
      dataset_name: order.datasetName,
      dataset_digest: order.datasetDigest,
    })),
    max_results: p.maxResults,
    page_token: p.pageToken,
  }
  return client.post(`${MLFLOW_API}/logged-models/search`, body, pageOf('models', loggedModelDecoder), signal)
}

/** Unknown ids are a 404 ApiError. */
export function getLoggedModel(
  client: MlflowClient,
  modelId: string,
  signal?: AbortSignal,
): Promise<LoggedModel> {
  const response = object((field) => field('model', loggedModelDecoder))
  return client.get(`${MLFLOW_API}/logged-models/${encodeURIComponent(modelId)}`, undefined, response, signal)
}

/** Sets (adds or replaces) tags of a logged model; an unknown id is a 404 ApiError. */
export function setLoggedModelTags(
  client: MlflowClient,
  params: { modelId: string; tags: Readonly<Record<string, string>> },
  signal?: AbortSignal,
): Promise<void> {
  const tags = Object.entries(params.tags).map(([key, value]) => ({ key, value }))
  return client.patch(
    `${MLFLOW_API}/logged-models/${encodeURIComponent(params.modelId)}/tags`,
    { tags },
    emptyResponse,
    signal,
  )
}

/**
 * Deletes one tag. The key is a path segment, and the server routes on the decoded path, so a key
 * holding `/` cannot be deleted (404); a key the model does not have is a 404 RESOURCE_DOES_NOT_EXIST.
 */
export function deleteLoggedModelTag(
  client: MlflowClient,
  params: { modelId: string; key: string },
  signal?: AbortSignal,
): Promise<void> {
  return client.delete(
    `${MLFLOW_API}/logged-models/${encodeURIComponent(params.modelId)}/tags/${encodeURIComponent(params.key)}`,
    {},
    emptyResponse,
    signal,
  )
}

/** Marks the model deleted: searches leave it out, `get` answers 404 unless asked for deleted ones. */
export function deleteLoggedModel(
  client: MlflowClient,
  modelId: string,
  signal?: AbortSignal,
): Promise<void> {
  return client.delete(
    `${MLFLOW_API}/logged-models/${encodeURIComponent(modelId)}`,
    {},
    emptyResponse,
    signal,
  )
}

/** Keys: `['logged-models']` ⊃ `['logged-models', 'search', params]`, `['logged-models', 'get', modelId]`. */
export const loggedModelQueries = {
  all: () => ['logged-models'],
  search: (params: LoggedModelSearchParams) => {
    const normalized = normalizeSearch(params)
    return queryOptions({
      queryKey: ['logged-models', 'search', normalized],
      queryFn: ({ client, signal }) => searchLoggedModels(mlflowClientOf(client), normalized, signal),
    })
  },
  /** For `useInfiniteQuery`; flatten with `flattenPages(data.pages, (model) => model.modelId)`. */
  searchPages: (params: Omit<LoggedModelSearchParams, 'pageToken'>) => {
    const normalized = normalizeSearch(params)
    return infiniteQueryOptions({
      queryKey: ['logged-models', 'search', 'pages', normalized],
      queryFn: ({ client, signal, pageParam }) =>
        searchLoggedModels(mlflowClientOf(client), { ...normalized, pageToken: pageParam }, signal),
      initialPageParam: FIRST_PAGE,
      getNextPageParam: nextPageParam,
    })
  },
  get: (modelId: string) =>
    queryOptions({
      queryKey: ['logged-models', 'get', modelId],
      queryFn: ({ client, signal }) => getLoggedModel(mlflowClientOf(client), modelId, signal),
    }),
}

/** Experiments: `experiments/*` endpoints and their query factories. */

import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import type { Experiment, LifecycleStage, ViewType } from '@/domain/experiments'
import { mlflowClientOf } from './client-binding'
import {
  emptyResponse,
  int64,
  object,
  oneOf,
  optional,
  optionalText,
  string,
  tagRecord,
  type Decoder,
} from './decode'
import { MLFLOW_API, type MlflowClient } from './http'
import { FIRST_PAGE, nextPageParam, pageOf, type Page } from './paging'

const LIFECYCLE_STAGES: readonly LifecycleStage[] = ['active', 'deleted']
/** Runs and experiments share the lower-case `lifecycle_stage` strings. */
export const lifecycleStage: Decoder<LifecycleStage> = oneOf(LIFECYCLE_STAGES)

export const experimentDecoder: Decoder<Experiment> = object((field) => ({
  experimentId: field('experiment_id', string),
  name: field('name', string),
  artifactLocation: field('artifact_location', optionalText),
  lifecycleStage: field('lifecycle_stage', lifecycleStage),
  creationTime: field('creation_time', optional(int64)),
  lastUpdateTime: field('last_update_time', optional(int64)),
  tags: field('tags', tagRecord),
}))

const experimentResponse = object((field) => field('experiment', experimentDecoder))
const experimentPage = pageOf('experiments', experimentDecoder)

/** MLflow's UI lists 25 at a time; fewer round trips matter more here than a small first paint. */
export const DEFAULT_EXPERIMENT_PAGE_SIZE = 100

export interface ExperimentSearchParams {
  /** MLflow's experiment filter grammar (contract §8.2), built by `domain/`, never by interpolation. */
  filter?: string
  /** E.g. `['last_update_time DESC']`; sent as repeated `order_by` keys. */
  orderBy?: readonly string[]
  viewType?: ViewType
  /** Always sent: SQL stores reject a search without it (contract §6). */
  maxResults?: number
  pageToken?: string
}

/** The parameters with defaults applied, so equal searches share one query key. */
function normalizeSearch(params: ExperimentSearchParams): ExperimentSearchParams {
  return {
    filter: params.filter === '' ? undefined : params.filter,
    orderBy: params.orderBy ?? [],
    viewType: params.viewType ?? 'ACTIVE_ONLY',
    maxResults: params.maxResults ?? DEFAULT_EXPERIMENT_PAGE_SIZE,
    pageToken: params.pageToken,
  }
}

export function searchExperiments(
  client: MlflowClient,
  params: ExperimentSearchParams,
  signal?: AbortSignal,
): Promise<Page<Experiment>> {
  const p = normalizeSearch(params)
  const query = {
    filter: p.filter,
    order_by: p.orderBy,
    view_type: p.viewType,
    max_results: p.maxResults,
    page_token: p.pageToken,
  }
  return client.get(`${MLFLOW_API}/experiments/search`, query, experimentPage, signal)
}

/** Also returns deleted experiments (`lifecycleStage: 'deleted'`); unknown ids are a 404 ApiError. */
export function getExperiment(
  client: MlflowClient,
  experimentId: string,
  signal?: AbortSignal,
): Promise<Experiment> {
  return client.get(
    `${MLFLOW_API}/experiments/get`,
    { experiment_id: experimentId },
    experimentResponse,
    signal,
  )
}

/** When a deleted and an active experiment share the name, the server returns the active one. */
export function getExperimentByName(
  client: MlflowClient,
  name: string,
  signal?: AbortSignal,
): Promise<Experiment> {
  return client.get(
    `${MLFLOW_API}/experiments/get-by-name`,
    { experiment_name: name },
    experimentResponse,
    signal,
  )
}

export interface CreateExperimentParams {
  name: string
  artifactLocation?: string
  tags?: Readonly<Record<string, string>>
}

/** Resolves to the new experiment's id. A taken name is a 400 `RESOURCE_ALREADY_EXISTS` (not 409). */
export function createExperiment(
  client: MlflowClient,
  params: CreateExperimentParams,
  signal?: AbortSignal,
): Promise<string> {
  const body = {
    name: params.name,
    artifact_location: params.artifactLocation,
    tags: Object.entries(params.tags ?? {}).map(([key, value]) => ({ key, value })),
  }
  const created = object((field) => field('experiment_id', string))
  return client.post(`${MLFLOW_API}/experiments/create`, body, created, signal)
}

export function renameExperiment(
  client: MlflowClient,
  params: { experimentId: string; name: string },
  signal?: AbortSignal,
): Promise<void> {
  const body = { experiment_id: params.experimentId, new_name: params.name }
  return client.post(`${MLFLOW_API}/experiments/update`, body, emptyResponse, signal)
}

/** Soft delete: the experiment and its runs move to `deleted` until `mlflow gc`. */
export function deleteExperiment(
  client: MlflowClient,
  experimentId: string,
  signal?: AbortSignal,
): Promise<void> {
  return client.post(
    `${MLFLOW_API}/experiments/delete`,
    { experiment_id: experimentId },
    emptyResponse,
    signal,
  )
}

export function restoreExperiment(
  client: MlflowClient,
  experimentId: string,
  signal?: AbortSignal,
): Promise<void> {
  return client.post(
    `${MLFLOW_API}/experiments/restore`,
    { experiment_id: experimentId },
    emptyResponse,
    signal,
  )
}

/** Upsert. The experiment description is the `mlflow.note.content` tag (`NOTE_TAG`). */
export function setExperimentTag(
  client: MlflowClient,
  params: { experimentId: string; key: string; value: string },
  signal?: AbortSignal,
): Promise<void> {
  const body = { experiment_id: params.experimentId, key: params.key, value: params.value }
  return client.post(`${MLFLOW_API}/experiments/set-experiment-tag`, body, emptyResponse, signal)
}

/** A tag that does not exist is a 404 ApiError. */
export function deleteExperimentTag(
  client: MlflowClient,
  params: { experimentId: string; key: string },
  signal?: AbortSignal,
): Promise<void> {
  const body = { experiment_id: params.experimentId, key: params.key }
  return client.post(`${MLFLOW_API}/experiments/delete-experiment-tag`, body, emptyResponse, signal)
}

export const experimentKey = (experiment: Experiment): string => experiment.experimentId

/**
 * Keys: `['experiments']` ⊃ `['experiments', 'search', params]`, `['experiments', 'search', 'pages', params]`,
 * `['experiments', 'get', experimentId]`, `['experiments', 'by-name', name]`. After a write, invalidate
 * `experimentQueries.all()` (or a narrower prefix).
 */
export const experimentQueries = {
  all: () => ['experiments'],
  searches: () => ['experiments', 'search'],
  search: (params: ExperimentSearchParams) => {
    const normalized = normalizeSearch(params)
    return queryOptions({
      queryKey: ['experiments', 'search', normalized],
      queryFn: ({ client, signal }) => searchExperiments(mlflowClientOf(client), normalized, signal),
    })
  },
  /** For `useInfiniteQuery`; flatten with `flattenPages(data.pages, experimentKey)`. */
  searchPages: (params: Omit<ExperimentSearchParams, 'pageToken'>) => {
    const normalized = normalizeSearch(params)
    return infiniteQueryOptions({
      queryKey: ['experiments', 'search', 'pages', normalized],
      queryFn: ({ client, signal, pageParam }) =>
        searchExperiments(mlflowClientOf(client), { ...normalized, pageToken: pageParam }, signal),
      initialPageParam: FIRST_PAGE,
      getNextPageParam: nextPageParam,
    })
  },
  get: (experimentId: string) =>
    queryOptions({
      queryKey: ['experiments', 'get', experimentId],
      queryFn: ({ client, signal }) => getExperiment(mlflowClientOf(client), experimentId, signal),
    }),
  byName: (name: string) =>
    queryOptions({
      queryKey: ['experiments', 'by-name', name],
      queryFn: ({ client, signal }) => getExperimentByName(mlflowClientOf(client), name, signal),
    }),
}

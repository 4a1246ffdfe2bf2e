/** The model registry: `registered-models/*` and `model-versions/*` endpoints and their query factories. */

import { queryOptions } from '@tanstack/react-query'
import type { ModelVersion, ModelVersionStatus, RegisteredModel } from '@/domain/models/registry'
import { mlflowClientOf } from './client-binding'
import {
  array,
  int64,
  keyValueRecord,
  object,
  optional,
  optionalOneOf,
  optionalText,
  string,
  tagRecord,
  type Decoder,
} from './decode'
import { MLFLOW_API, type MlflowClient } from './http'
import { pageOf, type Page } from './paging'

const MODEL_VERSION_STATUSES: readonly ModelVersionStatus[] = [
  'PENDING_REGISTRATION',
  'FAILED_REGISTRATION',
  'READY',
]

/** A version registered from an MLflow 3 LoggedModel has the source `models:/m-<32 hex>`. */
const LOGGED_MODEL_SOURCE = /^models:\/(m-[0-9a-f]{32})$/

export const modelVersionDecoder: Decoder<ModelVersion> = object((field) => {
  const source = field('source', optionalText)
  return {
    name: field('name', string),
    version: field('version', string),
    creationTimestamp: field('creation_timestamp', optional(int64)),
    lastUpdatedTimestamp: field('last_updated_timestamp', optional(int64)),
    userId: field('user_id', optionalText),
    currentStage: field('current_stage', optionalText),
    description: field('description', optionalText),
    source,
    runId: field('run_id', optionalText),
    status: field('status', optionalOneOf(MODEL_VERSION_STATUSES)),
    statusMessage: field('status_message', optionalText),
    tags: field('tags', tagRecord),
    // Only `model-versions/get` and `registered-models/alias` fill this; searches leave it out.
    aliases: field('aliases', array(string)),
    runLink: field('run_link', optionalText),
    // MLflow 3.17 leaves `model_id` unset even for versions registered from a LoggedModel, but the
    // source names the model, and the app needs the link to show the model's metrics and files.
    modelId: field('model_id', optionalText) ?? LOGGED_MODEL_SOURCE.exec(source ?? '')?.[1],
  }
})

export const registeredModelDecoder: Decoder<RegisteredModel> = object((field) => {
  const aliases = field('aliases', keyValueRecord('alias', 'version'))
  const latestVersions = field('latest_versions', array(modelVersionDecoder)).map((version) =>
    // `latest_versions` entries come without aliases; the model lists them, so fill them in.
    version.aliases.length > 0
      ? version
      : { ...version, aliases: Object.keys(aliases).filter((alias) => aliases[alias] === version.version) },
  )
  return {
    name: field('name', string),
    creationTimestamp: field('creation_timestamp', optional(int64)),
    lastUpdatedTimestamp: field('last_updated_timestamp', optional(int64)),
    description: field('description', optionalText),
    latestVersions,
    tags: field('tags', tagRecord),
    aliases,
  }
})

export interface RegistrySearchParams {
  /** Registered models: `name` and `tags.<k>`; versions also `run_id`, `version_number`, `source_path`. */
  filter?: string
  /** E.g. `['name ASC']`; sent as repeated `order_by` keys. */
  orderBy?: readonly string[]
  /** Always sent; clamped to the server's cap. */
  maxResults?: number
  pageToken?: string
}

export const DEFAULT_REGISTRY_PAGE_SIZE = 100
/** `registered-models/search` answers 400 above this. */
export const MAX_REGISTERED_MODEL_PAGE_SIZE = 1000
/** The proto allows 200,000 versions per page; nothing on screen needs more than this. */
export const MAX_MODEL_VERSION_PAGE_SIZE = 10_000

function normalizeSearch(params: RegistrySearchParams, max: number): RegistrySearchParams {
  const size = Math.trunc(params.maxResults ?? DEFAULT_REGISTRY_PAGE_SIZE)
  return {
    filter: params.filter === '' ? undefined : params.filter,
    orderBy: params.orderBy ?? [],
    maxResults: Math.min(Math.max(size, 1), max),
    pageToken: params.pageToken,
  }
}

function searchQuery(p: RegistrySearchParams) {
  return { filter: p.filter, order_by: p.orderBy, max_results: p.maxResults, page_token: p.pageToken }
}

/** Prompts are registered models too; the server leaves them out unless the filter asks for them. */
export function searchRegisteredModels(
  client: MlflowClient,
  params: RegistrySearchParams,
  signal?: AbortSignal,
): Promise<Page<RegisteredModel>> {
  const query = searchQuery(normalizeSearch(params, MAX_REGISTERED_MODEL_PAGE_SIZE))
  return client.get(
    `${MLFLOW_API}/registered-models/search`,
    query,
    pageOf('registered_models', registeredModelDecoder),
    signal,
  )
}

export function getRegisteredModel(
  client: MlflowClient,
  name: string,
  signal?: AbortSignal,
): Promise<RegisteredModel> {
  const response = object((field) => field('registered_model', registeredModelDecoder))
  return client.get(`${MLFLOW_API}/registered-models/get`, { name }, response, signal)
}

/** MLflow's UI looks versions up for at most 75 run ids per `run_id IN (...)` filter (URL length). */
export function searchModelVersions(
  client: MlflowClient,
  params: RegistrySearchParams,
  signal?: AbortSignal,
): Promise<Page<ModelVersion>> {
  const query = searchQuery(normalizeSearch(params, MAX_MODEL_VERSION_PAGE_SIZE))
  return client.get(
    `${MLFLOW_API}/model-versions/search`,
    query,
    pageOf('model_versions', modelVersionDecoder),
    signal,
  )
}

export function getModelVersion(
  client: MlflowClient,
  params: { name: string; version: string },
  signal?: AbortSignal,
): Promise<ModelVersion> {
  const response = object((field) => field('model_version', modelVersionDecoder))
  return client.get(
    `${MLFLOW_API}/model-versions/get`,
    { name: params.name, version: params.version },
    response,
    signal,
  )
}

/**
 * Keys: `['registry']` ⊃ `['registry', 'models', 'search', params]`, `['registry', 'models', 'get', name]`,
 * `['registry', 'versions', 'search', params]`, `['registry', 'versions', 'get', name, version]`.
 */
export const modelQueries = {
  all: () => ['registry'],
  search: (params: RegistrySearchParams) => {
    const normalized = normalizeSearch(params, MAX_REGISTERED_MODEL_PAGE_SIZE)
    return queryOptions({
      queryKey: ['registry', 'models', 'search', normalized],
      queryFn: ({ client, signal }) => searchRegisteredModels(mlflowClientOf(client), normalized, signal),
    })
  },
  get: (name: string) =>
    queryOptions({
      queryKey: ['registry', 'models', 'get', name],
      queryFn: ({ client, signal }) => getRegisteredModel(mlflowClientOf(client), name, signal),
    }),
  searchVersions: (params: RegistrySearchParams) => {
    const normalized = normalizeSearch(params, MAX_MODEL_VERSION_PAGE_SIZE)
    return queryOptions({
      queryKey: ['registry', 'versions', 'search', normalized],
      queryFn: ({ client, signal }) => searchModelVersions(mlflowClientOf(client), normalized, signal),
    })
  },
  getVersion: ({ name, version }: { name: string; version: string }) =>
    queryOptions({
      queryKey: ['registry', 'versions', 'get', name, version],
      queryFn: ({ client, signal }) => getModelVersion(mlflowClientOf(client), { name, version }, signal),
    }),
}

/** The model registry: `registered-models/*` and `model-versions/*` endpoints and their query factories. */

import { queryOptions } from '@tanstack/react-query'
import type { ModelVersion, ModelVersionStatus, RegisteredModel } from '@/domain/models/registry'
import { mlflowClientOf } from './client-binding'
import {
  array,
  emptyResponse,
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
 * `['registry', 'versions', 'search', params]`, `['registry', 'versions', 'get', name, version]`,
 * `['registry', 'versions', 'alias', name, alias]`, `['registry', 'versions', 'download-uri', name, version]`.
 * After a write, invalidate `modelQueries.all()` (or a narrower prefix: `models()`, `model(name)`,
 * `versions()`); a rename or delete changes every list, so invalidate `all()` then.
 */
export const modelQueries = {
  all: () => ['registry'],
  /** Every registered-model query (searches and gets). */
  models: () => ['registry', 'models'],
  /** Every registered-model search (the `/models` list). */
  searches: () => ['registry', 'models', 'search'],
  /** Every version query (searches, gets, alias look-ups). */
  versions: () => ['registry', 'versions'],
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
  byAlias: ({ name, alias }: { name: string; alias: string }) =>
    queryOptions({
      queryKey: ['registry', 'versions', 'alias', name, alias],
      queryFn: ({ client, signal }) =>
        getModelVersionByAlias(mlflowClientOf(client), { name, alias }, signal),
    }),
  downloadUri: ({ name, version }: { name: string; version: string }) =>
    queryOptions({
      queryKey: ['registry', 'versions', 'download-uri', name, version],
      queryFn: ({ client, signal }) =>
        getModelVersionDownloadUri(mlflowClientOf(client), { name, version }, signal),
    }),
}

// ---------------------------------------------------------------------------------------------------
// Writes. Routes and methods as MLflow 3.17 serves them (`model_registry.proto`): POST for creates,
// tags, alias set, rename and stage transitions; PATCH for description updates; DELETE (JSON body, as
// every non-GET request: the server reads only the body) for deletes. Errors are `ApiError`s:
// a missing model or version is 404 `RESOURCE_DOES_NOT_EXIST`, a taken name 400
// `RESOURCE_ALREADY_EXISTS`, a bad alias or stage 400 `INVALID_PARAMETER_VALUE`.
// ---------------------------------------------------------------------------------------------------

const registeredModelResponse = object((field) => field('registered_model', registeredModelDecoder))
const modelVersionResponse = object((field) => field('model_version', modelVersionDecoder))

function tagList(tags: Readonly<Record<string, string>> | undefined) {
  return tags === undefined ? undefined : Object.entries(tags).map(([key, value]) => ({ key, value }))
}

export interface CreateRegisteredModelParams {
  name: string
  description?: string
  tags?: Readonly<Record<string, string>>
}

/** A taken name is 400 `RESOURCE_ALREADY_EXISTS`. */
export function createRegisteredModel(
  client: MlflowClient,
  params: CreateRegisteredModelParams,
  signal?: AbortSignal,
): Promise<RegisteredModel> {
  const body = { name: params.name, description: params.description, tags: tagList(params.tags) }
  return client.post(`${MLFLOW_API}/registered-models/create`, body, registeredModelResponse, signal)
}

/** Sets the Markdown description (`''` clears it). */
export function updateRegisteredModel(
  client: MlflowClient,
  params: { name: string; description: string },
  signal?: AbortSignal,
): Promise<RegisteredModel> {
  const body = { name: params.name, description: params.description }
  return client.patch(`${MLFLOW_API}/registered-models/update`, body, registeredModelResponse, signal)
}

/** Renames the model and its versions (aliases and tags follow). A taken name is 400. */
export function renameRegisteredModel(
  client: MlflowClient,
  params: { name: string; newName: string },
  signal?: AbortSignal,
): Promise<RegisteredModel> {
  const body = { name: params.name, new_name: params.newName }
  return client.post(`${MLFLOW_API}/registered-models/rename`, body, registeredModelResponse, signal)
}

/** Hard delete of the model with all its versions, aliases and tags; there is no restore. */
export function deleteRegisteredModel(
  client: MlflowClient,
  name: string,
  signal?: AbortSignal,
): Promise<void> {
  return client.delete(`${MLFLOW_API}/registered-models/delete`, { name }, emptyResponse, signal)
}

/** Upsert. */
export function setRegisteredModelTag(
  client: MlflowClient,
  params: { name: string; key: string; value: string },
  signal?: AbortSignal,
): Promise<void> {
  const body = { name: params.name, key: params.key, value: params.value }
  return client.post(`${MLFLOW_API}/registered-models/set-tag`, body, emptyResponse, signal)
}

export function deleteRegisteredModelTag(
  client: MlflowClient,
  params: { name: string; key: string },
  signal?: AbortSignal,
): Promise<void> {
  const body = { name: params.name, key: params.key }
  return client.delete(`${MLFLOW_API}/registered-models/delete-tag`, body, emptyResponse, signal)
}

/** Points the alias at the version, moving it if another version had it. */
export function setModelAlias(
  client: MlflowClient,
  params: { name: string; alias: string; version: string },
  signal?: AbortSignal,
): Promise<void> {
  const body = { name: params.name, alias: params.alias, version: params.version }
  return client.post(`${MLFLOW_API}/registered-models/alias`, body, emptyResponse, signal)
}

export function deleteModelAlias(
  client: MlflowClient,
  params: { name: string; alias: string },
  signal?: AbortSignal,
): Promise<void> {
  const body = { name: params.name, alias: params.alias }
  return client.delete(`${MLFLOW_API}/registered-models/alias`, body, emptyResponse, signal)
}

/** The version the alias points at, with its `aliases`. An unknown alias is 400 `INVALID_PARAMETER_VALUE`. */
export function getModelVersionByAlias(
  client: MlflowClient,
  params: { name: string; alias: string },
  signal?: AbortSignal,
): Promise<ModelVersion> {
  return client.get(
    `${MLFLOW_API}/registered-models/alias`,
    { name: params.name, alias: params.alias },
    modelVersionResponse,
    signal,
  )
}

export interface CreateModelVersionParams {
  /** The registered model; it must exist (create it first). */
  name: string
  /** E.g. `models:/m-<id>` for a LoggedModel, or `runs:/<run id>/model`. */
  source: string
  runId?: string
  /** The LoggedModel (MLflow 3). */
  modelId?: string
  description?: string
  tags?: Readonly<Record<string, string>>
}

export function createModelVersion(
  client: MlflowClient,
  params: CreateModelVersionParams,
  signal?: AbortSignal,
): Promise<ModelVersion> {
  const body = {
    name: params.name,
    source: params.source,
    run_id: params.runId,
    model_id: params.modelId,
    description: params.description,
    tags: tagList(params.tags),
  }
  return client.post(`${MLFLOW_API}/model-versions/create`, body, modelVersionResponse, signal)
}

/** Sets the version's Markdown description (`''` clears it). */
export function updateModelVersion(
  client: MlflowClient,
  params: { name: string; version: string; description: string },
  signal?: AbortSignal,
): Promise<ModelVersion> {
  const body = { name: params.name, version: params.version, description: params.description }
  return client.patch(`${MLFLOW_API}/model-versions/update`, body, modelVersionResponse, signal)
}

/** Hard delete; the version's aliases go with it. */
export function deleteModelVersion(
  client: MlflowClient,
  params: { name: string; version: string },
  signal?: AbortSignal,
): Promise<void> {
  const body = { name: params.name, version: params.version }
  return client.delete(`${MLFLOW_API}/model-versions/delete`, body, emptyResponse, signal)
}

export function setModelVersionTag(
  client: MlflowClient,
  params: { name: string; version: string; key: string; value: string },
  signal?: AbortSignal,
): Promise<void> {
  const body = { name: params.name, version: params.version, key: params.key, value: params.value }
  return client.post(`${MLFLOW_API}/model-versions/set-tag`, body, emptyResponse, signal)
}

export function deleteModelVersionTag(
  client: MlflowClient,
  params: { name: string; version: string; key: string },
  signal?: AbortSignal,
): Promise<void> {
  const body = { name: params.name, version: params.version, key: params.key }
  return client.delete(`${MLFLOW_API}/model-versions/delete-tag`, body, emptyResponse, signal)
}

export type ModelVersionStage = 'None' | 'Staging' | 'Production' | 'Archived'

export interface TransitionModelVersionStageParams {
  name: string
  version: string
  /** Deprecated in MLflow's UI (aliases replace stages) but still served. Case-insensitive on the server. */
  stage: ModelVersionStage
  /** Move the other versions in `stage` to `Archived` (only for Staging and Production). */
  archiveExistingVersions: boolean
}

export function transitionModelVersionStage(
  client: MlflowClient,
  params: TransitionModelVersionStageParams,
  signal?: AbortSignal,
): Promise<ModelVersion> {
  const body = {
    name: params.name,
    version: params.version,
    stage: params.stage,
    archive_existing_versions: params.archiveExistingVersions,
  }
  return client.post(`${MLFLOW_API}/model-versions/transition-stage`, body, modelVersionResponse, signal)
}

/** Where the version's files are, e.g. `mlflow-artifacts:/1/models/m-…/artifacts`. */
export function getModelVersionDownloadUri(
  client: MlflowClient,
  params: { name: string; version: string },
  signal?: AbortSignal,
): Promise<string> {
  const response = object((field) => field('artifact_uri', string))
  return client.get(
    `${MLFLOW_API}/model-versions/get-download-uri`,
    { name: params.name, version: params.version },
    response,
    signal,
  )
}

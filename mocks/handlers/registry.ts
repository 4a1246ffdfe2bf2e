/**
 * The model registry routes (`registered-models/*`, `model-versions/*`) and the LoggedModel writes
 * the app uses (`logged-models/{id}/tags`, `logged-models/{id}`), answered as MLflow 3.17.2's server
 * does with its SQL store: handler checks (mlflow/server/handlers.py) first, then the store's (see
 * registry-store.ts), the same JSON (unset fields left out, `aliases` in lookups but not in
 * searches), the same page tokens and errors.
 */

import type { HttpHandler } from 'msw'
import {
  parseModelVersionFilter,
  parseRegisteredModelFilter,
  type RegistryClause,
  type RegistryFilter,
} from '@/domain/search-filter/parse-registry-filter'
import { pySet } from '@/domain/search-filter/filter-statement'
import { compareText, matchesNumber, matchesText } from '@/domain/search-filter/sql-compare'
import {
  IS_PROMPT_TAG,
  aliasesOf,
  canonicalStage,
  latestVersions,
  registryOf,
  sortedAliases,
  type CreateVersionRequest,
  type MockModelVersion,
  type MockRegisteredModel,
  type RegistryStore,
} from '../store/registry-store'
import { MockStoreError, type MockStore } from '../store/store'
import { Fields, invalidParameter, invalidValue, pageToken, parsePageToken, protoRoute } from './protocol'

type Json = Record<string, unknown>

const MAX_REGISTERED_MODELS = 1000
const DEFAULT_REGISTERED_MODELS = 100
const MAX_MODEL_VERSIONS = 200_000

// ---- encoding (entities' to_proto) ----

function keyValues(entries: ReadonlyMap<string, string>): { key: string; value: string }[] {
  return [...entries].map(([key, value]) => ({ key, value }))
}

/** `ModelVersion.to_proto()`: `aliases` only where the store filled them (lookups, not searches). */
export function encodeModelVersion(version: MockModelVersion, aliases: readonly string[] = []): Json {
  const json: Json = {
    name: version.name,
    version: String(version.version),
    creation_timestamp: version.creationTime,
    last_updated_timestamp: version.lastUpdatedTime,
  }
  if (version.userId !== null) json.user_id = version.userId
  json.current_stage = version.currentStage
  if (version.description !== null) json.description = version.description
  json.source = version.source
  if (version.runId !== null) json.run_id = version.runId
  json.status = version.status
  if (version.statusMessage) json.status_message = version.statusMessage
  if (version.tags.size > 0) json.tags = keyValues(version.tags)
  if (version.runLink !== null) json.run_link = version.runLink
  if (aliases.length > 0) json.aliases = [...aliases]
  return json
}

/** `RegisteredModel.to_proto()`; `latest_versions` as `get` or `search` lists them. */
export function encodeRegisteredModel(model: MockRegisteredModel, order: 'get' | 'search' | 'none'): Json {
  const json: Json = {
    name: model.name,
    creation_timestamp: model.creationTime,
    last_updated_timestamp: model.lastUpdatedTime,
  }
  if (model.description) json.description = model.description
  const latest = order === 'none' ? [] : latestVersions(model, order)
  if (latest.length > 0) json.latest_versions = latest.map((version) => encodeModelVersion(version))
  if (model.tags.size > 0) json.tags = keyValues(model.tags)
  const aliases = sortedAliases(model)
  if (aliases.length > 0) {
    json.aliases = aliases.map(([alias, version]) => ({ alias, version: String(version) }))
  }
  return json
}

/** A version as lookups answer it: with the aliases that point at it. */
function withAliases(registry: RegistryStore, version: MockModelVersion): Json {
  return encodeModelVersion(version, aliasesOf(registry.getModel(version.name), version.version))
}

// ---- searches ----

/** A filter, or the server's error for it. */
function parsedFilter(text: string | undefined, parse: typeof parseRegisteredModelFilter): RegistryFilter {
  if (text === undefined || text.trim() === '') return []
  const result = parse(text)
  if (!result.ok) throw new MockStoreError(result.error.errorCode, result.error.message)
  return result.value
}

/** `_is_querying_prompt`. */
function queriesPrompts(filter: RegistryFilter): boolean {
  const clause = filter.find((candidate) => candidate.entity === 'tag' && candidate.key === IS_PROMPT_TAG)
  if (clause === undefined || typeof clause.value !== 'string') return false
  const value = clause.value.toLowerCase()
  return (clause.comparator === '=' && value === 'true') || (clause.comparator === '!=' && value === 'false')
}

function matchesString(value: string | null, clause: RegistryClause): boolean {
  // A NULL column matches no comparison.
  if (value === null) return false
  const operand = clause.value
  if (typeof operand === 'number' || operand === null) return false
  return matchesText(value, clause.comparator, operand)
}

/** A tag clause: an inner join, so a missing tag never matches (the prompt tag aside: see above). */
function matchesTag(tags: ReadonlyMap<string, string>, clause: RegistryClause): boolean {
  if (clause.key === IS_PROMPT_TAG) return true
  return matchesString(tags.get(clause.key) ?? null, clause)
}

function isPrompt(tags: ReadonlyMap<string, string>): boolean {
  return tags.get(IS_PROMPT_TAG) === 'true'
}

/** `_parse_order_by_string`: `<key> [ASC|DESC]`, backticks as double quotes, split shell-style. */
function orderByParts(clause: string): { key: string; ascending: boolean } {
  const tokens = clause
    .replaceAll('`', '"')
    .trim()
    .split(/\s+/)
    .filter((token) => token !== '')
  if (tokens.length > 2) {
    throw invalidParameter(`Invalid order_by clause '${clause}'. Could not be parsed.`)
  }
  if (tokens.length === 2) {
    const direction = (tokens[1] ?? '').toLowerCase()
    if (direction !== 'asc' && direction !== 'desc') {
      throw invalidParameter(`Invalid ordering key in order_by clause '${clause}'.`)
    }
    return { key: (tokens[0] ?? '').replaceAll('"', ''), ascending: direction === 'asc' }
  }
  return { key: (tokens[0] ?? '').replaceAll('"', ''), ascending: true }
}

function pythonList(values: readonly string[]): string {
  return `[${values.map((value) => `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`).join(', ')}]`
}

function duplicateOrderBy(orderBy: readonly string[]): MockStoreError {
  return new MockStoreError(
    'INTERNAL_ERROR',
    `\`order_by\` contains duplicate fields: ${pythonList(orderBy)}`,
  )
}

type Sorter<T> = { value: (item: T) => string | number; ascending: boolean }

function sortBy<T>(items: T[], sorters: readonly Sorter<T>[]): T[] {
  return items.sort((a, b) => {
    for (const { value, ascending } of sorters) {
      const x = value(a)
      const y = value(b)
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : compareText(String(x), String(y))
      if (order !== 0) return ascending ? order : -order
    }
    return 0
  })
}

/**
 * One page the way the SQL stores cut it: `max_results + 1` rows from the offset (LIMIT -1 is no
 * limit in SQLite, a negative OFFSET is 0), a next token when that many came back, then Python's
 * `rows[:max_results]`.
 */
function sqlPage<T>(
  rows: readonly T[],
  maxResults: number,
  token: string | undefined,
): { page: T[]; next: string | undefined } {
  const offset = token ? parsePageToken(token) : 0
  const limit = maxResults + 1
  const start = Math.max(0, offset)
  const fetched = limit < 0 ? rows.slice(start) : rows.slice(start, start + limit)
  const next = fetched.length === limit ? pageToken(offset + maxResults) : undefined
  return { page: fetched.slice(0, maxResults), next }
}

/** `max_results` as the handler checks it: int-like and at most `max`. */
function maxResultsOf(fields: Fields, max: number, fallback: number): number {
  const raw = fields.raw('max_results')
  if (raw === undefined || raw === null || raw === '') return fallback
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.trim()) : NaN
  if (!Number.isInteger(value) || value > max) throw invalidValue('max_results', raw)
  return value
}

function searchRegisteredModels(registry: RegistryStore, fields: Fields): Json {
  const filterText = fields.optionalString('filter')
  const orderBy = fields.stringList('order_by')
  const maxResults = maxResultsOf(fields, MAX_REGISTERED_MODELS, DEFAULT_REGISTERED_MODELS)
  const token = fields.optionalString('page_token')
  const filter = parsedFilter(filterText, parseRegisteredModelFilter)
  const sorters: Sorter<MockRegisteredModel>[] = []
  const seen = new Set<string>()
  for (const clause of orderBy) {
    const { key, ascending } = orderByParts(clause)
    let field: string
    if (key === 'name') field = 'name'
    else if (key === 'timestamp' || key === 'last_updated_timestamp') field = 'last_updated_time'
    else {
      throw invalidParameter(
        `Invalid order by key '${key}' specified. Valid keys are '${pySet(['name', 'timestamp'])}'`,
      )
    }
    if (seen.has(field)) throw duplicateOrderBy(orderBy)
    seen.add(field)
    sorters.push({
      value: field === 'name' ? (model) => model.name : (model) => model.lastUpdatedTime,
      ascending,
    })
  }
  if (!seen.has('name')) sorters.push({ value: (model) => model.name, ascending: true })
  // The page token is read after the filter and the order are checked.
  if (token) parsePageToken(token)
  const prompts = queriesPrompts(filter)
  const matching = registry.listModels().filter((model) => {
    if (!prompts && isPrompt(model.tags)) return false
    return filter.every((clause) =>
      clause.entity === 'tag' ? matchesTag(model.tags, clause) : matchesString(model.name, clause),
    )
  })
  const { page, next } = sqlPage(sortBy(matching, sorters), maxResults, token)
  const body: Json = {}
  if (page.length > 0) body.registered_models = page.map((model) => encodeRegisteredModel(model, 'search'))
  if (next !== undefined) body.next_page_token = next
  return body
}

function matchesVersion(version: MockModelVersion, clause: RegistryClause): boolean {
  if (clause.entity === 'tag') return matchesTag(version.tags, clause)
  switch (clause.key) {
    case 'name':
      return matchesString(version.name, clause)
    case 'run_id':
      return matchesString(version.runId, clause)
    case 'source_path':
      return matchesString(version.source, clause)
    case 'version_number': {
      const operand = typeof clause.value === 'number' ? clause.value : Number(clause.value)
      return matchesNumber(version.version, clause.comparator, operand)
    }
    default:
      return false
  }
}

const VERSION_ORDER_KEYS = ['name', 'version_number', 'creation_timestamp', 'last_updated_timestamp']

function searchModelVersions(registry: RegistryStore, fields: Fields): Json {
  const filterText = fields.optionalString('filter')
  const orderBy = fields.stringList('order_by')
  const maxResults = maxResultsOf(fields, MAX_MODEL_VERSIONS, MAX_MODEL_VERSIONS)
  const token = fields.optionalString('page_token')
  if (maxResults < 1) {
    throw invalidParameter(
      `Invalid value for max_results. It must be a positive integer, but got ${maxResults}`,
    )
  }
  const filter = parsedFilter(filterText, parseModelVersionFilter)
  const clauses =
    orderBy.length > 0 ? orderBy : ['last_updated_timestamp DESC', 'name ASC', 'version_number DESC']
  const sorters: Sorter<MockModelVersion>[] = []
  const seen = new Set<string>()
  for (const clause of clauses) {
    const parts = orderByParts(clause)
    const key = parts.key.startsWith('attribute.') ? parts.key.slice('attribute.'.length) : parts.key
    if (!VERSION_ORDER_KEYS.includes(key)) {
      throw invalidParameter(
        `Invalid attribute key '${key}' specified. Valid keys are '${pySet(VERSION_ORDER_KEYS)}'`,
      )
    }
    if (seen.has(key)) throw duplicateOrderBy(clauses)
    seen.add(key)
    const value: Sorter<MockModelVersion>['value'] =
      key === 'name'
        ? (version) => version.name
        : key === 'version_number'
          ? (version) => version.version
          : key === 'creation_timestamp'
            ? (version) => version.creationTime
            : (version) => version.lastUpdatedTime
    sorters.push({ value, ascending: parts.ascending })
  }
  if (!seen.has('name')) sorters.push({ value: (version) => version.name, ascending: true })
  if (!seen.has('version_number')) sorters.push({ value: (version) => version.version, ascending: false })
  if (token) parsePageToken(token)
  const prompts = queriesPrompts(filter)
  const promptNames = new Set(
    registry
      .listModels()
      .filter((model) => model.versions.some((version) => isPrompt(version.tags)))
      .map((model) => model.name),
  )
  const matching = registry
    .listVersions()
    .filter(
      (version) =>
        (prompts || !promptNames.has(version.name)) &&
        filter.every((clause) => matchesVersion(version, clause)),
    )
  const { page, next } = sqlPage(sortBy(matching, sorters), maxResults, token)
  const body: Json = {}
  if (page.length > 0) body.model_versions = page.map((version) => encodeModelVersion(version))
  if (next !== undefined) body.next_page_token = next
  return body
}

// ---- model-versions/create: the handler's source checks ----

function sourceError(source: string, idName: 'run_id' | 'model_id'): MockStoreError {
  return invalidParameter(
    `Invalid model version source: '${source}'. The ${idName} request parameter must identify the resource that contains the source.`,
  )
}

/** `urllib.parse.urlparse` enough for sources: scheme, netloc, path. */
function parseUri(uri: string): { scheme: string; netloc: string; path: string } {
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):(.*)$/s.exec(uri)
  if (match === null) return { scheme: '', netloc: '', path: uri }
  const scheme = (match[1] ?? '').toLowerCase()
  let rest = match[2] ?? ''
  let netloc = ''
  if (rest.startsWith('//')) {
    const end = rest.slice(2).search(/[/?#]/)
    netloc = end === -1 ? rest.slice(2) : rest.slice(2, end + 2)
    rest = end === -1 ? '' : rest.slice(end + 2)
  }
  return { scheme, netloc, path: rest.split(/[?#]/)[0] ?? '' }
}

function isLocal(uri: string): boolean {
  const { scheme } = parseUri(uri)
  return scheme === '' || scheme === 'file'
}

/** `_validate_non_local_source_contains_relative_paths`. */
function requireNoRelativePaths(source: string): void {
  let text = source
  for (;;) {
    let decoded: string
    try {
      decoded = decodeURIComponent(text.replaceAll('+', ' '))
    } catch {
      break
    }
    if (decoded === text) break
    text = decoded
  }
  const path = parseUri(text).path.replace(/\/+$/, '').replace(/\/+/g, '/')
  const segments = path.split('/')
  const resolves = !segments.some((segment) => segment === '.' || segment === '..')
  if (path.includes('\u0000') || text.split('/').includes('..') || !resolves) {
    throw invalidParameter(
      `Invalid model version source: '${source}'. If supplying a source as an http, https, local file path, ftp, objectstore, or mlflow-artifacts uri, an absolute path must be provided without relative path references present. Please provide an absolute path.`,
    )
  }
}

/** `_parse_model_uri` for `models:/` sources: a model id, or a registered name with a version. */
type ModelsUri = { modelId: string } | { name: string; version: string } | undefined

function parseModelsUri(source: string): ModelsUri {
  const { path } = parseUri(source)
  if (!path.startsWith('/') || path.length <= 1) return undefined
  const parts = path.replace(/^\/+/, '').split('/')
  if (parts.length > 2 || (parts[0] ?? '').trim() === '') return undefined
  if (parts.length === 2) {
    const [name = '', suffix = ''] = parts
    if (suffix.trim() === '') return undefined
    return { name, version: suffix }
  }
  if (path.includes('@')) return undefined
  return { modelId: parts[0] ?? '' }
}

function requireModelsUri(source: string): NonNullable<ModelsUri> {
  const parsed = parseModelsUri(source)
  if (parsed === undefined) throw sourceError(source, 'model_id')
  return parsed
}

function localSourceError(source: string, idName: 'run_id' | 'model_id'): MockStoreError {
  const what = idName === 'run_id' ? 'run_id' : 'model_id'
  return invalidParameter(
    `Invalid model version source: '${source}'. To use a local path as a model version source, the ${what} request parameter has to be specified and the local path has to be contained within the artifact directory of the run specified by the ${what}.`,
  )
}

function withinRoot(source: string, root: string): boolean {
  return source === root || source.startsWith(root.endsWith('/') ? root : `${root}/`)
}

function validateSourceRun(store: MockStore, source: string, runId: string): void {
  if (isLocal(source)) throw localSourceError(source, 'run_id')
  requireNoRelativePaths(source)
  const parsed = parseUri(source)
  if (parsed.scheme === 'runs') {
    if (parsed.netloc !== '') throw sourceError(source, 'run_id')
    const sourceRunId = parsed.path.replace(/^\/+/, '').split('/')[0] ?? ''
    if (runId !== '' && sourceRunId === runId) return
    throw sourceError(source, 'run_id')
  }
  if (parsed.scheme === 'models') {
    if (parsed.netloc !== '' || 'modelId' in requireModelsUri(source)) throw sourceError(source, 'model_id')
  }
  if (parsed.scheme === 'mlflow-artifacts') {
    const run = runId === '' ? undefined : store.getRun(runId)
    if (run !== undefined && withinRoot(source, run.artifactUri)) return
    throw sourceError(source, 'run_id')
  }
}

function validateSourceModel(store: MockStore, source: string, modelId: string): void {
  if (isLocal(source)) throw localSourceError(source, 'model_id')
  requireNoRelativePaths(source)
  const parsed = parseUri(source)
  if (parsed.scheme === 'models') {
    if (parsed.netloc !== '') throw sourceError(source, 'model_id')
    const uri = requireModelsUri(source)
    if ('modelId' in uri) {
      if (uri.modelId === modelId) return
      throw sourceError(source, 'model_id')
    }
  }
  if (parsed.scheme === 'runs') throw sourceError(source, 'model_id')
  if (parsed.scheme === 'mlflow-artifacts') {
    let location: string | undefined
    try {
      location = store.getLoggedModel(modelId).artifactLocation
    } catch {
      throw sourceError(source, 'model_id')
    }
    if (withinRoot(source, location)) return
    throw sourceError(source, 'model_id')
  }
}

function createModelVersion(store: MockStore, registry: RegistryStore, fields: Fields): Json {
  const name = fields.requiredString('name')
  let source = fields.requiredString('source')
  let runId = fields.optionalString('run_id') ?? ''
  const modelId = fields.optionalString('model_id') ?? ''
  const hasRunId = fields.raw('run_id') !== undefined && fields.raw('run_id') !== null
  const hasModelId = fields.raw('model_id') !== undefined && fields.raw('model_id') !== null
  const tags = fields.tags('tags')
  const parsed = parseUri(source)
  // `_resolve_registered_model_source_lineage`: a `models:/<name>/<version>` source names a version.
  if (parsed.scheme === 'models') {
    if (parsed.netloc !== '') {
      throw invalidParameter(
        `Invalid model version source: '${source}'. Registered model sources must use the active model registry.`,
      )
    }
    const uri = requireModelsUri(source)
    if ('name' in uri) {
      registry.getModel(uri.name)
      const version = registry.getVersion(uri.name, uri.version)
      if ((hasRunId && runId !== (version.runId ?? '')) || (hasModelId && modelId !== '')) {
        throw invalidParameter(
          `Invalid model version source: '${source}'. The run_id and model_id request parameters must match the referenced model version.`,
        )
      }
      source = `models:/${uri.name}/${version.version}`
      if (!hasRunId) runId = version.runId ?? ''
    }
  }
  if (modelId !== '') validateSourceModel(store, source, modelId)
  else validateSourceRun(store, source, runId)
  // The store: a `models:/` source is resolved to where its files are.
  const request: CreateVersionRequest = {
    name,
    source,
    runId,
    runLink: fields.optionalString('run_link') ?? '',
    description: fields.optionalString('description') ?? '',
    tags,
    modelId: modelId === '' ? null : modelId,
  }
  const uri = parseUri(source).scheme === 'models' ? parseModelsUri(source) : undefined
  if (uri !== undefined) {
    try {
      if ('modelId' in uri) {
        const model = store.getLoggedModel(uri.modelId)
        request.storageLocation = model.artifactLocation
        if (request.runId === '') request.runId = model.sourceRunId ?? null
      } else {
        request.storageLocation = registry.getVersion(uri.name, uri.version).storageLocation
      }
    } catch (error) {
      if (!(error instanceof MockStoreError)) throw error
      throw new MockStoreError(
        'INTERNAL_ERROR',
        `Unable to fetch model from model URI source artifact location '${source}'.Error: ${error.message}`,
      )
    }
  }
  if ((request.runId === '' || request.runId === null) && modelId !== '') {
    request.runId = store.getLoggedModel(modelId).sourceRunId ?? null
  }
  return { model_version: withAliases(registry, registry.createVersion(request)) }
}

// ---- routes ----

function requiredVersion(fields: Fields): string {
  return fields.requiredString('version')
}

export function registryHandlers(store: MockStore): HttpHandler[] {
  const registry = () => registryOf(store)
  return [
    // Registered models.
    ...protoRoute(store, 'post', 'registered-models/create', async (request) => {
      const fields = await Fields.read(request)
      const name = fields.requiredString('name')
      const model = registry().createModel(
        name,
        fields.tags('tags'),
        fields.optionalString('description') ?? '',
      )
      return { registered_model: encodeRegisteredModel(model, 'none') }
    }),
    ...protoRoute(store, 'get', 'registered-models/get', async (request) => {
      const name = (await Fields.read(request)).requiredString('name')
      return { registered_model: encodeRegisteredModel(registry().getModel(name), 'get') }
    }),
    ...protoRoute(store, 'get', 'registered-models/search', async (request) =>
      searchRegisteredModels(registry(), await Fields.read(request, ['order_by'])),
    ),
    ...protoRoute(store, 'patch', 'registered-models/update', async (request) => {
      const fields = await Fields.read(request)
      const name = fields.requiredString('name')
      const model = registry().updateModel(name, fields.optionalString('description') ?? '')
      return { registered_model: encodeRegisteredModel(model, 'get') }
    }),
    ...protoRoute(store, 'post', 'registered-models/rename', async (request) => {
      const fields = await Fields.read(request)
      const name = fields.requiredString('name')
      const newName = fields.requiredString('new_name')
      return { registered_model: encodeRegisteredModel(registry().renameModel(name, newName), 'get') }
    }),
    ...protoRoute(store, 'delete', 'registered-models/delete', async (request) => {
      registry().deleteModel((await Fields.read(request)).requiredString('name'))
      return {}
    }),
    ...(['get', 'post'] as const).flatMap((method) =>
      protoRoute(store, method, 'registered-models/get-latest-versions', async (request) => {
        const fields = await Fields.read(request, ['stages'])
        const name = fields.requiredString('name')
        const stages = fields.stringList('stages')
        const model = registry().getModel(name)
        const wanted = new Set(
          stages.length === 0 ? ['None', 'Staging', 'Production', 'Archived'] : stages.map(canonicalStage),
        )
        const versions = latestVersions(model, 'get').filter((version) => wanted.has(version.currentStage))
        const body: Json = {}
        if (versions.length > 0) {
          body.model_versions = versions.map((version) =>
            encodeModelVersion(version, aliasesOf(model, version.version)),
          )
        }
        return body
      }),
    ),
    ...protoRoute(store, 'post', 'registered-models/set-tag', async (request) => {
      const fields = await Fields.read(request)
      const name = fields.requiredString('name')
      const key = fields.requiredString('key')
      registry().setModelTag(name, key, fields.optionalString('value') ?? '')
      return {}
    }),
    ...protoRoute(store, 'delete', 'registered-models/delete-tag', async (request) => {
      const fields = await Fields.read(request)
      const name = fields.requiredString('name')
      registry().deleteModelTag(name, fields.requiredString('key'))
      return {}
    }),
    ...protoRoute(store, 'post', 'registered-models/alias', async (request) => {
      const fields = await Fields.read(request)
      const name = fields.requiredString('name')
      const alias = fields.requiredString('alias')
      registry().setAlias(name, alias, requiredVersion(fields))
      return {}
    }),
    ...protoRoute(store, 'delete', 'registered-models/alias', async (request) => {
      const fields = await Fields.read(request)
      const name = fields.requiredString('name')
      registry().deleteAlias(name, fields.requiredString('alias'))
      return {}
    }),
    ...protoRoute(store, 'get', 'registered-models/alias', async (request) => {
      const fields = await Fields.read(request)
      const name = fields.requiredString('name')
      const version = registry().versionByAlias(name, fields.requiredString('alias'))
      return { model_version: withAliases(registry(), version) }
    }),
    // Model versions.
    ...protoRoute(store, 'post', 'model-versions/create', async (request) =>
      createModelVersion(store, registry(), await Fields.read(request)),
    ),
    ...protoRoute(store, 'get', 'model-versions/get', async (request) => {
      const fields = await Fields.read(request)
      const name = fields.requiredString('name')
      const version = registry().getVersion(name, requiredVersion(fields))
      return { model_version: withAliases(registry(), version) }
    }),
    ...protoRoute(store, 'get', 'model-versions/search', async (request) =>
      searchModelVersions(registry(), await Fields.read(request, ['order_by'])),
    ),
    ...protoRoute(store, 'patch', 'model-versions/update', async (request) => {
      const fields = await Fields.read(request)
      const name = fields.requiredString('name')
      const version = requiredVersion(fields)
      const raw = fields.raw('description')
      const description =
        raw === undefined || raw === null ? null : (fields.optionalString('description') ?? null)
      return { model_version: withAliases(registry(), registry().updateVersion(name, version, description)) }
    }),
    ...protoRoute(store, 'post', 'model-versions/transition-stage', async (request) => {
      const fields = await Fields.read(request)
      const name = fields.requiredString('name')
      const version = requiredVersion(fields)
      const stage = fields.requiredString('stage')
      const archive = fields.raw('archive_existing_versions')
      if (archive !== undefined && archive !== null && typeof archive !== 'boolean') {
        throw invalidValue('archive_existing_versions', archive)
      }
      const updated = registry().transitionStage(name, version, stage, archive === true)
      return { model_version: withAliases(registry(), updated) }
    }),
    ...protoRoute(store, 'delete', 'model-versions/delete', async (request) => {
      const fields = await Fields.read(request)
      const name = fields.requiredString('name')
      registry().deleteVersion(name, requiredVersion(fields))
      return {}
    }),
    ...protoRoute(store, 'get', 'model-versions/get-download-uri', async (request) => {
      const fields = await Fields.read(request)
      const name = fields.optionalString('name') ?? ''
      const version = fields.optionalString('version') ?? ''
      return { artifact_uri: registry().getVersion(name, version).storageLocation }
    }),
    ...protoRoute(store, 'post', 'model-versions/set-tag', async (request) => {
      const fields = await Fields.read(request)
      const name = fields.requiredString('name')
      const version = requiredVersion(fields)
      const key = fields.requiredString('key')
      registry().setVersionTag(name, version, key, fields.optionalString('value') ?? '')
      return {}
    }),
    ...protoRoute(store, 'delete', 'model-versions/delete-tag', async (request) => {
      const fields = await Fields.read(request)
      const name = fields.requiredString('name')
      const version = requiredVersion(fields)
      registry().deleteVersionTag(name, version, fields.requiredString('key'))
      return {}
    }),
    // LoggedModel writes.
    ...protoRoute(store, 'patch', 'logged-models/:modelId/tags', async (request, _store, params) => {
      const fields = await Fields.read(request)
      store.setLoggedModelTags(params.modelId ?? '', fields.tags('tags'))
      return {}
    }),
    ...protoRoute(store, 'delete', 'logged-models/:modelId/tags/:tagKey', (_request, _store, params) => {
      store.deleteLoggedModelTag(params.modelId ?? '', params.tagKey ?? '')
      return {}
    }),
    ...protoRoute(store, 'delete', 'logged-models/:modelId', (_request, _store, params) => {
      store.deleteLoggedModel(params.modelId ?? '')
      return {}
    }),
  ]
}

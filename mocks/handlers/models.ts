import { HttpResponse, http, type HttpHandler } from 'msw'
import { matchesText } from '@/domain/search-filter/sql-compare'
import type { MockStore } from '../store/store'
import { registryOf } from '../store/registry-store'
import { MockStoreError } from '../store/store'
import type { MockLoggedModel } from '../store/types'
import { artifactBytes } from '../world/artifacts'
import { listFolder, normalizePath, requireSafePath, sendStoredFile } from './artifacts'
import { Fields, answer, invalidParameter, protoRoute, withSecurityHeaders } from './protocol'

/** `SEARCH_LOGGED_MODEL_MAX_RESULTS_DEFAULT`, also what `max_results: 0` means. */
const DEFAULT_LOGGED_MODELS = 100

const SEE_DOCS = ' See the API docs for more information about request parameters.'

type Json = Record<string, unknown>

/** `LoggedModel.to_proto()` as MLflow's JSON writes it: unset and empty fields left out. */
export function encodeLoggedModel(model: MockLoggedModel): Json {
  const info: Json = {
    model_id: model.modelId,
    experiment_id: model.experimentId,
    name: model.name,
    creation_timestamp_ms: model.creationTime,
    last_updated_timestamp_ms: model.lastUpdatedTime,
    artifact_uri: model.artifactLocation,
    status: model.status,
  }
  if (model.modelType !== undefined) info.model_type = model.modelType
  if (model.sourceRunId !== undefined) info.source_run_id = model.sourceRunId
  if (model.tags.size > 0) info.tags = [...model.tags].map(([key, value]) => ({ key, value }))
  const data: Json = {}
  if (model.params.size > 0) data.params = [...model.params].map(([key, value]) => ({ key, value }))
  if (model.metrics.length > 0) {
    data.metrics = model.metrics.map((metric) => {
      const encoded: Json = {
        key: metric.key,
        value: metric.value,
        timestamp: metric.timestamp,
        step: metric.step,
      }
      if (metric.datasetName !== undefined) encoded.dataset_name = metric.datasetName
      if (metric.datasetDigest !== undefined) encoded.dataset_digest = metric.datasetDigest
      encoded.model_id = model.modelId
      if (model.sourceRunId !== undefined) encoded.run_id = model.sourceRunId
      return encoded
    })
  }
  return { info, data }
}

/** A model's files by normalised path, `{{model_id}}` and `{{run_id}}` filled in, made on first use. */
const filesOfModel = new WeakMap<MockLoggedModel, Map<string, Uint8Array>>()

function modelFiles(model: MockLoggedModel): Map<string, Uint8Array> {
  let files = filesOfModel.get(model)
  if (files === undefined) {
    files = new Map(
      model.artifacts.map((file) => {
        const content =
          'text' in file.content
            ? {
                text: file.content.text
                  .replaceAll('{{model_id}}', model.modelId)
                  .replaceAll('{{run_id}}', model.sourceRunId ?? ''),
              }
            : file.content
        return [normalizePath(file.path), artifactBytes(content)]
      }),
    )
    filesOfModel.set(model, files)
  }
  return files
}

// ---- logged-models/search ----

/** Python's `repr` of what page-token messages print: strings, bools, None, lists and dicts. */
function pythonRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None'
  if (typeof value === 'boolean') return value ? 'True' : 'False'
  if (typeof value === 'number') return String(value)
  if (typeof value === 'string') return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`
  if (typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([key, item]) => `${pythonRepr(key)}: ${pythonRepr(item)}`)
      .join(', ')}}`
  }
  return 'None'
}

/** Python's `json.dumps` (default separators, ASCII only) of JSON values. */
function pythonJson(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'string') {
    return JSON.stringify(value).replace(
      /[\u007f-\uffff]/g,
      (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
    )
  }
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`
  if (typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([key, item]) => `${pythonJson(key)}: ${pythonJson(item)}`)
      .join(', ')}}`
  }
  return JSON.stringify(value)
}

interface OrderBy {
  field_name: string
  ascending: boolean
  dataset_name: string | null
  dataset_digest: string | null
}

/** The handler's `order_by` dicts: proto fields, `ascending` defaulting to true, empty strings None. */
function readOrderBy(raw: unknown): OrderBy[] | null {
  if (!Array.isArray(raw) || raw.length === 0) return null
  const list: readonly unknown[] = raw
  return list.map((item) => {
    const read = (key: string): unknown =>
      item !== null && typeof item === 'object' ? Reflect.get(item, key) : undefined
    const text = (key: string): string | null => {
      const value = read(key)
      return typeof value === 'string' && value !== '' ? value : null
    }
    const ascending = read('ascending')
    return {
      field_name: typeof read('field_name') === 'string' ? String(read('field_name')) : '',
      ascending: typeof ascending === 'boolean' ? ascending : true,
      dataset_name: text('dataset_name'),
      dataset_digest: text('dataset_digest'),
    }
  })
}

interface PageToken {
  experiment_ids: string[]
  filter_string: string | null
  order_by: OrderBy[] | null
  offset: number
}

function encodePageToken(token: PageToken): string {
  const json = pythonJson(token)
  return btoa(json)
}

/** A token that is not base64 fails in `b64decode`, outside MLflow's error handling: a 500 page. */
class InternalServerError extends Error {}

function decodePageToken(text: string): PageToken {
  // Python's b64decode drops characters outside the alphabet, then insists on padding; the bytes
  // must be UTF-8.
  const cleaned = text.replace(/[^A-Za-z0-9+/=]/g, '')
  let json: string
  try {
    if (cleaned.length % 4 !== 0) throw new Error('Incorrect padding')
    const binary = atob(cleaned)
    json = new TextDecoder('utf-8', { fatal: true }).decode(
      Uint8Array.from(binary, (char) => char.charCodeAt(0)),
    )
  } catch {
    throw new InternalServerError('bad base64')
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(json)
  } catch {
    throw invalidParameter(`Invalid page token: ${text}.`)
  }
  const read = (key: string): unknown =>
    parsed !== null && typeof parsed === 'object' ? Reflect.get(parsed, key) : undefined
  const ids = read('experiment_ids')
  const filter = read('filter_string')
  const order = read('order_by')
  const offset = read('offset')
  return {
    experiment_ids: Array.isArray(ids) ? ids.map(String) : [],
    filter_string: typeof filter === 'string' && filter !== '' ? filter : null,
    order_by: readOrderBy(order),
    offset: typeof offset === 'number' ? offset : 0,
  }
}

/** The columns `order_by` may name without a dot (the SQL model's attributes and their aliases). */
const ORDER_COLUMNS: Readonly<Record<string, (model: MockLoggedModel) => string | number | undefined>> = {
  model_id: (model) => model.modelId,
  experiment_id: (model) => Number(model.experimentId),
  name: (model) => model.name,
  artifact_location: (model) => model.artifactLocation,
  creation_timestamp_ms: (model) => model.creationTime,
  creation_time: (model) => model.creationTime,
  creation_timestamp: (model) => model.creationTime,
  last_updated_timestamp_ms: (model) => model.lastUpdatedTime,
  last_updated_timestamp: (model) => model.lastUpdatedTime,
  status: (model) =>
    [
      'LOGGED_MODEL_STATUS_UNSPECIFIED',
      'LOGGED_MODEL_PENDING',
      'LOGGED_MODEL_READY',
      'LOGGED_MODEL_UPLOAD_FAILED',
    ].indexOf(model.status),
  lifecycle_stage: (model) => model.lifecycleStage,
  model_type: (model) => model.modelType,
  source_run_id: (model) => model.sourceRunId,
}

type Key = (model: MockLoggedModel) => string | number | undefined

function compareValues(a: string | number | undefined, b: string | number | undefined): number {
  // Nulls are placed by the caller (last whatever the direction).
  if (a === undefined || b === undefined) return 0
  if (typeof a === 'number' && typeof b === 'number') return a - b
  const x = String(a)
  const y = String(b)
  return x < y ? -1 : x > y ? 1 : 0
}

function sortModels(models: MockLoggedModel[], orderBy: readonly OrderBy[] | null): MockLoggedModel[] {
  const clauses: { key: Key; ascending: boolean }[] = []
  let hasCreation = false
  let hasModelId = false
  for (const clause of orderBy ?? []) {
    const field = clause.field_name
    if (!field.includes('.')) {
      const key = ORDER_COLUMNS[field]
      if (key === undefined) throw new AttributeNotFound(`Invalid order by field name: ${field}`)
      if (key === ORDER_COLUMNS.creation_timestamp_ms || field.startsWith('creation_time')) hasCreation = true
      if (field === 'model_id') hasModelId = true
      clauses.push({ key, ascending: clause.ascending })
      continue
    }
    if (!field.startsWith('metrics.')) {
      throw invalidParameter(`Invalid order by field name: ${field}. Only metrics are supported.`)
    }
    clauses.push({
      key: latestMetricValue(field.slice('metrics.'.length), clause),
      ascending: clause.ascending,
    })
  }
  if (!hasCreation) clauses.push({ key: (model) => model.creationTime, ascending: false })
  if (!hasModelId) clauses.push({ key: (model) => model.modelId, ascending: true })
  return [...models].sort((a, b) => {
    for (const { key, ascending } of clauses) {
      const x = key(a)
      const y = key(b)
      const nulls = Number(x === undefined) - Number(y === undefined)
      if (nulls !== 0) return nulls
      const order = compareValues(x, y)
      if (order !== 0) return ascending ? order : -order
    }
    return 0
  })
}

/**
 * A model's value of a metric for ordering: of its values (on the clause's dataset, if it names one),
 * the one with the latest timestamp, then the highest step; none when it has none.
 */
function latestMetricValue(name: string, clause: OrderBy): Key {
  return (model) => {
    let latest: MockLoggedModel['metrics'][number] | undefined
    for (const metric of model.metrics) {
      if (metric.key !== name) continue
      if (clause.dataset_name !== null && metric.datasetName !== clause.dataset_name) continue
      if (clause.dataset_digest !== null && metric.datasetDigest !== clause.dataset_digest) continue
      if (
        latest === undefined ||
        metric.timestamp > latest.timestamp ||
        (metric.timestamp === latest.timestamp && metric.step > latest.step)
      ) {
        latest = metric
      }
    }
    return latest?.value
  }
}

/** An INVALID_PARAMETER_VALUE the real server classifies as ATTRIBUTE_NOT_FOUND. */
class AttributeNotFound extends Error {}

/** A quoted SQL string: `'it''s'`. */
const QUOTED = "'((?:[^']|'')*)'"
const CLAUSE = new RegExp(
  `^\\s*(\`?[\\w.]+\`?(?:\\.\`[^\`]+\`)?)\\s*(=|!=|LIKE|ILIKE|NOT\\s+IN|IN)\\s*(${QUOTED}|\\(\\s*${QUOTED}(?:\\s*,\\s*${QUOTED})*\\s*\\))\\s*$`,
  'i',
)

function unquote(text: string): string {
  return text.slice(1, -1).replaceAll("''", "'")
}

/**
 * The part of the filter grammar the mocks know: comparisons joined by AND, each an attribute
 * (`name`, `model_type`, `source_run_id`, `model_id`), `params.<key>` or `tags.<key>` with `=`, `!=`,
 * `LIKE` (case-sensitive, as MLflow sets up SQLite), `ILIKE` and a quoted string, or `IN` / `NOT IN`
 * and a list of them. A model without the param or tag never matches.
 */
function filterModels(models: MockLoggedModel[], filter: string | null): MockLoggedModel[] {
  if (filter === null) return models
  const tests = filter.split(/\s+AND\s+/i).map((part) => {
    const match = CLAUSE.exec(part)
    if (match === null) {
      throw invalidParameter(`The mocks do not support this logged-models filter: ${filter}`)
    }
    const [, entity = '', rawOp = '=', rawValue = ''] = match
    const op = rawOp.toUpperCase().replace(/\s+/, ' ')
    const comparator =
      op === 'LIKE' || op === 'ILIKE' || op === 'IN' || op === 'NOT IN' || op === '!=' ? op : '='
    const operand: string | string[] = rawValue.startsWith('(')
      ? (rawValue.match(/'(?:[^']|'')*'/g) ?? []).map(unquote)
      : unquote(rawValue)
    if (Array.isArray(operand) !== (comparator === 'IN' || comparator === 'NOT IN')) {
      throw invalidParameter(`The mocks do not support this logged-models filter: ${filter}`)
    }
    const dot = /^(params|tags)\.(.+)$/.exec(entity)
    const read: (model: MockLoggedModel) => string | undefined =
      dot === null
        ? (model) => {
            const key = ORDER_COLUMNS[entity.replaceAll('`', '')]
            const found = key?.(model)
            return found === undefined ? undefined : String(found)
          }
        : (model) => (dot[1] === 'params' ? model.params : model.tags).get((dot[2] ?? '').replaceAll('`', ''))
    return (model: MockLoggedModel) => {
      const actual = read(model)
      return actual !== undefined && matchesText(actual, comparator, operand)
    }
  })
  return models.filter((model) => tests.every((test) => test(model)))
}

const INTERNAL_SERVER_ERROR =
  '<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>\n<p>The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.</p>\n'

const NOT_FOUND_PAGE =
  '<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n'

function searchLoggedModels(store: MockStore, fields: Fields): Json {
  if (fields.raw('experiment_ids') === undefined || fields.raw('experiment_ids') === null) {
    throw invalidParameter(`Missing value for required parameter 'experiment_ids'.${SEE_DOCS}`)
  }
  const experimentIds = fields.stringList('experiment_ids')
  const filter = fields.optionalString('filter') || null
  const orderBy = readOrderBy(fields.raw('order_by'))
  const maxResults = fields.optionalInt('max_results') || DEFAULT_LOGGED_MODELS
  const pageToken = fields.optionalString('page_token')
  let offset = 0
  if (pageToken) {
    const token = decodePageToken(pageToken)
    if (pythonRepr(token.experiment_ids) !== pythonRepr(experimentIds)) {
      throw invalidParameter(
        `Experiment IDs in the page token do not match the requested experiment IDs. Expected: ${pythonRepr(experimentIds)}. Found: ${pythonRepr(token.experiment_ids)}`,
      )
    }
    if (token.filter_string !== filter) {
      throw invalidParameter(
        `Filter string in the page token does not match the requested filter string. Expected: ${filter ?? 'None'}. Found: ${token.filter_string ?? 'None'}`,
      )
    }
    if (pythonRepr(token.order_by) !== pythonRepr(orderBy)) {
      throw invalidParameter(
        `Order by in the page token does not match the requested order by. Expected: ${pythonRepr(orderBy)}. Found: ${pythonRepr(token.order_by)}`,
      )
    }
    offset = token.offset
  }
  const models = sortModels(filterModels(store.loggedModelsOf(experimentIds), filter), orderBy)
  const page = models.slice(offset, offset + maxResults)
  const body: Json = {}
  if (page.length > 0) body.models = page.map(encodeLoggedModel)
  if (models.length > offset + maxResults) {
    body.next_page_token = encodePageToken({
      experiment_ids: experimentIds,
      filter_string: filter,
      order_by: orderBy,
      offset: offset + maxResults,
    })
  }
  return body
}

/**
 * MLflow 3 LoggedModels, read side: from the world (see logged-models.ts), with their files. The
 * registry and the LoggedModel writes are in registry.ts.
 */
export function modelHandlers(store: MockStore): HttpHandler[] {
  return [
    ...protoRoute(store, 'post', 'logged-models/search', async (request) => {
      // Registering a LoggedModel tags it (`mlflow.modelVersions`): make the registry first.
      registryOf(store)
      const fields = await Fields.read(request)
      try {
        return searchLoggedModels(store, fields)
      } catch (error) {
        if (error instanceof InternalServerError) {
          return new HttpResponse(INTERNAL_SERVER_ERROR, {
            status: 500,
            headers: { 'Content-Type': 'text/html; charset=utf-8' },
          })
        }
        if (error instanceof AttributeNotFound) {
          return HttpResponse.json(
            {
              error_code: 'INVALID_PARAMETER_VALUE',
              message: error.message,
              sqlstate: 'KAM04',
              error_class: 'ATTRIBUTE_NOT_FOUND',
            },
            { status: 400 },
          )
        }
        throw error
      }
    }),
    ...protoRoute(store, 'get', 'logged-models/:modelId', (request, _store, params) => {
      registryOf(store)
      const allowDeleted = new URL(request.url).searchParams.get('allow_deleted')?.toLowerCase() === 'true'
      return { model: encodeLoggedModel(store.getLoggedModel(params.modelId ?? '', allowDeleted)) }
    }),
    ...protoRoute(
      store,
      'get',
      'logged-models/:modelId/artifacts/directories',
      async (request, _store, params) => {
        const fields = await Fields.read(request)
        const path = fields.optionalString('artifact_directory_path')
        if (path !== undefined) requireSafePath(path)
        const model = store.getLoggedModel(params.modelId ?? '')
        const files = listFolder(modelFiles(model), path ?? '')
        return files.length === 0
          ? { root_uri: model.artifactLocation }
          : { root_uri: model.artifactLocation, files }
      },
    ),
    // Registered under /ajax-api only: /api answers Flask's 404 page.
    http.get('*/ajax-api/2.0/mlflow/logged-models/:modelId/artifacts/files', ({ request, params }) =>
      answer(
        (_request, _store, routeParams) => {
          const path = new URL(request.url).searchParams.get('artifact_file_path')
          if (path === null || path === '') {
            throw new MockStoreError(
              'BAD_REQUEST',
              'Request must include the "artifact_file_path" query parameter.',
            )
          }
          requireSafePath(path)
          const model = store.getLoggedModel(routeParams.modelId ?? '')
          const files = modelFiles(model)
          return sendStoredFile(files, path, request.headers.get('Range'))
        },
        request,
        store,
        { modelId: typeof params.modelId === 'string' ? params.modelId : '' },
      ),
    ),
    http.get('*/api/2.0/mlflow/logged-models/:modelId/artifacts/files', () =>
      withSecurityHeaders(
        new HttpResponse(NOT_FOUND_PAGE, {
          status: 404,
          headers: { 'Content-Type': 'text/html; charset=utf-8' },
        }),
      ),
    ),
  ]
}

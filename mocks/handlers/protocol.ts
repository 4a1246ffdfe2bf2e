/**
 * How MLflow's server reads requests and writes responses, for the mock handlers: proto fields from
 * the query string (repeated keys) or a JSON body, MLflow's validation messages, its error JSON
 * (`error_code`, `message`, `sqlstate`, `error_class`) and its error-code-to-status map.
 */

import { HttpResponse, http, type HttpHandler } from 'msw'
import { MockStoreError, type MockStore } from '../store/store'

/** `ERROR_CODE_TO_HTTP_STATUS` in mlflow/server/handlers.py; unmapped codes are 500. */
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  BAD_REQUEST: 400,
  INVALID_PARAMETER_VALUE: 400,
  RESOURCE_ALREADY_EXISTS: 400,
  UNAUTHENTICATED: 401,
  CUSTOMER_UNAUTHORIZED: 401,
  PERMISSION_DENIED: 403,
  RESOURCE_DOES_NOT_EXIST: 404,
  NOT_FOUND: 404,
  ENDPOINT_NOT_FOUND: 404,
  ABORTED: 409,
  RESOURCE_CONFLICT: 409,
  ALREADY_EXISTS: 409,
  REQUEST_LIMIT_EXCEEDED: 429,
  RESOURCE_EXHAUSTED: 429,
  CANCELLED: 499,
  INTERNAL_ERROR: 500,
  INVALID_STATE: 500,
  DATA_LOSS: 500,
  NOT_IMPLEMENTED: 501,
  TEMPORARILY_UNAVAILABLE: 503,
  DEADLINE_EXCEEDED: 504,
}

/** mlflow/error_classification.py: error class derived from the code, for client-side codes. */
const ERROR_CLASS_BY_CODE: Readonly<Record<string, string>> = {
  BAD_REQUEST: 'INVALID_PARAMETER_VALUE',
  CUSTOMER_UNAUTHORIZED: 'PERMISSION_DENIED',
  ENDPOINT_NOT_FOUND: 'RESOURCE_NOT_FOUND',
  FEATURE_DISABLED: 'FEATURE_DISABLED',
  INTERNAL_ERROR: 'CLIENT_INTERNAL_ERROR',
  INVALID_PARAMETER_VALUE: 'INVALID_PARAMETER_VALUE',
  INVALID_STATE: 'CLIENT_INTERNAL_ERROR',
  NOT_FOUND: 'RESOURCE_NOT_FOUND',
  PERMISSION_DENIED: 'PERMISSION_DENIED',
  RESOURCE_ALREADY_EXISTS: 'RESOURCE_ALREADY_EXISTS',
  RESOURCE_DOES_NOT_EXIST: 'RESOURCE_NOT_FOUND',
  TEMPORARILY_UNAVAILABLE: 'CLIENT_INTERNAL_ERROR',
}

const SQLSTATE_BY_CODE: Readonly<Record<string, string>> = {
  INTERNAL_ERROR: 'XXM00',
  INVALID_STATE: 'XXM00',
  TEMPORARILY_UNAVAILABLE: 'XXM00',
}

export function mlflowError(errorCode: string, message: string): Response {
  const errorClass = ERROR_CLASS_BY_CODE[errorCode]
  const body: Record<string, string> = { error_code: errorCode, message }
  if (errorClass !== undefined) {
    body.sqlstate = SQLSTATE_BY_CODE[errorCode] ?? 'KAM00'
    body.error_class = errorClass
  }
  return HttpResponse.json(body, { status: STATUS_BY_CODE[errorCode] ?? 500 })
}

/** A request MLflow rejects before it reaches the store. */
export class RequestError extends MockStoreError {}

const SEE_DOCS = ' See the API docs for more information about request parameters.'

/**
 * `_validate_param_against_schema`'s message for a value that failed a check without a message of
 * its own: `invalid_value(param, value, " Hint: ...")` (hence the two spaces after the colon).
 */
export function invalidValue(param: string, value: unknown): RequestError {
  return new RequestError(
    'INVALID_PARAMETER_VALUE',
    `Invalid value ${pythonJson(value)} for parameter '${param}' supplied:  Hint: Value was of type '${pythonTypeName(value)}'.${SEE_DOCS}`,
  )
}

/** `json.dumps(value, sort_keys=True, separators=(",", ":"))` for the values requests carry. */
function pythonJson(value: unknown): string {
  return value === undefined ? 'null' : JSON.stringify(value)
}

export function invalidParameter(message: string): RequestError {
  return new RequestError('INVALID_PARAMETER_VALUE', message)
}

function pythonTypeName(value: unknown): string {
  if (typeof value === 'string') return 'str'
  if (typeof value === 'boolean') return 'bool'
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float'
  if (Array.isArray(value)) return 'list'
  if (value === null) return 'NoneType'
  return 'dict'
}

/**
 * The fields of one request, read the way `_get_request_message` does: a GET reads the query string
 * (repeated keys for repeated fields), anything else a JSON object body.
 */
export class Fields {
  private constructor(
    private readonly values: ReadonlyMap<string, unknown>,
    private readonly fromQuery: boolean,
  ) {}

  static async read(request: Request, repeated: readonly string[] = []): Promise<Fields> {
    if (request.method === 'GET') {
      const query = new URL(request.url).searchParams
      const values = new Map<string, unknown>()
      for (const key of new Set(query.keys())) {
        values.set(key, repeated.includes(key) ? query.getAll(key) : query.get(key))
      }
      return new Fields(values, true)
    }
    if (request.method === 'POST' || request.method === 'PUT') {
      const contentType = request.headers.get('content-type')
      if (contentType === null) throw invalidParameter('Bad Request. Content-Type header is missing.')
      if (contentType.split(';')[0]?.trim() !== 'application/json') {
        throw invalidParameter("Bad Request. Content-Type must be one of ['application/json'].")
      }
    }
    const text = await request.text()
    let body: unknown = {}
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text)
        if (typeof body === 'string') body = JSON.parse(body)
      } catch {
        body = {}
      }
    }
    const values = new Map<string, unknown>()
    if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
      for (const [key, value] of Object.entries(body)) values.set(key, value)
    }
    return new Fields(values, false)
  }

  has(name: string): boolean {
    const value = this.values.get(name)
    return value !== undefined && value !== null && value !== ''
  }

  raw(name: string): unknown {
    return this.values.get(name)
  }

  /** A required string field (`_assert_required`). */
  requiredString(name: string): string {
    const value = this.values.get(name)
    if (value === undefined || value === null || value === '') {
      throw invalidParameter(`Missing value for required parameter '${name}'.${SEE_DOCS}`)
    }
    if (typeof value !== 'string') throw this.typeError(name, value)
    return value
  }

  /** `run_id`, or its deprecated twin `run_uuid` when only that is given, as run endpoints accept both. */
  runId(): string {
    return this.has('run_uuid') && !this.has('run_id')
      ? this.requiredString('run_uuid')
      : this.requiredString('run_id')
  }

  optionalString(name: string): string | undefined {
    const value = this.values.get(name)
    if (value === undefined || value === null) return undefined
    if (typeof value !== 'string') throw this.typeError(name, value)
    return value
  }

  /** An int64 field: JSON numbers, or strings of digits (protobuf's ParseDict takes both). */
  optionalInt(name: string): number | undefined {
    const value = this.values.get(name)
    if (value === undefined || value === null || (this.fromQuery && value === '')) return undefined
    if (typeof value === 'number' && Number.isInteger(value)) return value
    if (typeof value === 'string' && /^\s*[-+]?\d+\s*$/.test(value)) return Number(value)
    throw this.typeError(name, value)
  }

  stringList(name: string): string[] {
    const value = this.values.get(name)
    if (value === undefined || value === null) return []
    if (!Array.isArray(value)) throw this.typeError(name, value)
    const strings: string[] = []
    for (const item of value) {
      if (typeof item !== 'string') throw this.typeError(name, value)
      strings.push(item)
    }
    return strings
  }

  /** A list of `{key, value}` objects, in order; malformed entries are skipped. */
  tags(name: string): Map<string, string> {
    const tags = new Map<string, string>()
    const raw = this.values.get(name)
    if (!Array.isArray(raw)) return tags
    const list: readonly unknown[] = raw
    for (const tag of list) {
      const key: unknown = tag !== null && typeof tag === 'object' ? Reflect.get(tag, 'key') : undefined
      const value: unknown = tag !== null && typeof tag === 'object' ? Reflect.get(tag, 'value') : undefined
      if (typeof key === 'string') tags.set(key, typeof value === 'string' ? value : '')
    }
    return tags
  }

  /** An enum field given by name or number (`ViewType`). */
  optionalEnum<T extends string>(name: string, names: readonly T[]): T | undefined {
    const value = this.values.get(name)
    if (value === undefined || value === null || value === '') return undefined
    const byNumber = typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value))
    if (byNumber) {
      const found = names[Number(value) - 1]
      if (found !== undefined) return found
    } else {
      const found = names.find((candidate) => candidate === value)
      if (found !== undefined) return found
    }
    throw this.typeError(name, value)
  }

  private typeError(name: string, value: unknown): RequestError {
    return invalidValue(name, value)
  }
}

export type RouteResult = Record<string, unknown> | Response

export type RouteResolver = (
  request: Request,
  store: MockStore,
  params: Readonly<Record<string, string>>,
) => Promise<RouteResult> | RouteResult

/** The headers MLflow's security middleware puts on every response (contract §13). */
export function withSecurityHeaders(response: Response): Response {
  response.headers.set('X-Content-Type-Options', 'nosniff')
  response.headers.set('X-Frame-Options', 'SAMEORIGIN')
  return response
}

/** Runs a resolver and turns store and request errors into MLflow's error responses. */
export async function answer(
  resolver: RouteResolver,
  request: Request,
  store: MockStore,
  params: Readonly<Record<string, string>>,
): Promise<Response> {
  try {
    const result = await resolver(request, store, params)
    return withSecurityHeaders(result instanceof Response ? result : HttpResponse.json(result))
  } catch (error) {
    if (error instanceof MockStoreError)
      return withSecurityHeaders(mlflowError(error.errorCode, error.message))
    throw error
  }
}

type Method = 'get' | 'post' | 'patch' | 'delete'

/**
 * A proto-backed route, registered under both `/api/<v>` and `/ajax-api/<v>` as the real server
 * does. The leading `*` matches any origin and any base path in front of it.
 */
export function protoRoute(
  store: MockStore,
  method: Method,
  path: string,
  resolver: RouteResolver,
  version = '2.0',
): HttpHandler[] {
  return ['api', 'ajax-api'].map((prefix) =>
    http[method](`*/${prefix}/${version}/mlflow/${path}`, ({ request, params }) =>
      answer(resolver, request, store, stringParams(params)),
    ),
  )
}

export function stringParams(params: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(params)) if (typeof value === 'string') out[key] = value
  return out
}

/** `SearchUtils.create_page_token`: base64 of Python's `json.dumps({"offset": n})`. */
export function pageToken(offset: number): string {
  return btoa(`{"offset": ${offset}}`)
}

/** `SearchUtils.parse_start_offset_from_page_token`. */
export function parsePageToken(token: string | undefined): number {
  if (token === undefined || token === '') return 0
  let decoded: string
  try {
    decoded = atob(token)
  } catch {
    throw invalidParameter('Invalid page token, could not base64-decode')
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(decoded)
  } catch {
    throw invalidParameter(`Invalid page token, decoded value=b'${decoded}'`)
  }
  const offset: unknown =
    parsed !== null && typeof parsed === 'object' ? Reflect.get(parsed, 'offset') : undefined
  if (offset === undefined || offset === 0 || offset === null || offset === '') {
    throw invalidParameter(`Invalid page token, parsed value=${decoded}`)
  }
  const value = Number(offset)
  if (!Number.isInteger(value))
    throw invalidParameter(`Invalid page token, not stringable ${JSON.stringify(offset)}`)
  return value
}

/** One page of `items` from `offset`, with the token of the next page when there is one. */
export function paginate<T>(
  items: { readonly length: number; slice(start: number, end: number): T[] },
  offset: number,
  maxResults: number,
): { page: T[]; nextPageToken: string | undefined } {
  const page = items.slice(offset, offset + maxResults)
  const nextPageToken = offset + maxResults < items.length ? pageToken(offset + maxResults) : undefined
  return { page, nextPageToken }
}

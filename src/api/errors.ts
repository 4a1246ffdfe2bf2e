/**
 * The single failure type of the API layer: every rejected request, whatever went wrong, rejects with
 * one `ApiError`, so callers branch on `kind`/`status` instead of guessing at thrown values.
 */

/**
 * - `http`: the server answered with a non-2xx status.
 * - `network`: no response (DNS, connection refused, CORS rejection, offline).
 * - `timeout`: the client's own deadline ran out before the response was read.
 * - `aborted`: the caller's `AbortSignal` fired (a query was cancelled or unmounted).
 * - `decode`: a response arrived but was not the JSON shape this client expects.
 */
export type ApiErrorKind = 'http' | 'network' | 'timeout' | 'aborted' | 'decode'

export interface ApiErrorInit {
  kind: ApiErrorKind
  message: string
  /** HTTP status when a response arrived; 0 when none did (network, timeout, aborted). */
  status?: number
  errorCode?: string | undefined
  url?: string
  method?: string
  /** For `decode`: where in the response the bad value sits, e.g. `$.runs[3].info.start_time`. */
  path?: string | undefined
  cause?: unknown
}

export class ApiError extends Error {
  override readonly name = 'ApiError'
  readonly kind: ApiErrorKind
  /**
   * The HTTP status of the response. 0 means no response was read: network failure, timeout and abort.
   * A `decode` error keeps the status of the response it could not decode (usually 200), or 0 when a
   * decoder ran outside a request.
   */
  readonly status: number
  /** MLflow's `error_code` (e.g. `RESOURCE_DOES_NOT_EXIST`) when the body was MLflow's JSON error. */
  readonly errorCode: string | undefined
  readonly url: string
  readonly method: string
  readonly path: string | undefined

  constructor(init: ApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause })
    this.kind = init.kind
    this.status = init.status ?? 0
    this.errorCode = init.errorCode
    this.url = init.url ?? ''
    this.method = init.method ?? ''
    this.path = init.path
  }

  /** The same error, placed in the request it happened in (decoders do not know the request). */
  withRequest(request: { url: string; method: string; status: number }): ApiError {
    return new ApiError({
      kind: this.kind,
      message: this.message,
      status: request.status,
      errorCode: this.errorCode,
      url: request.url,
      method: request.method,
      path: this.path,
      cause: this.cause,
    })
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError
}

export function isNotFound(error: unknown): boolean {
  return isApiError(error) && error.kind === 'http' && error.status === 404
}

/**
 * Whether trying again later could succeed: lost connections, timeouts and server-side trouble. Client
 * errors (4xx), aborts and decode failures repeat identically, so retrying them only delays the message.
 * Meant for react-query's `retry` option; the HTTP client itself retries only 429.
 */
export function isTransientError(error: unknown): boolean {
  if (!isApiError(error)) return false
  if (error.kind === 'network' || error.kind === 'timeout') return true
  if (error.kind !== 'http') return false
  return error.status === 429 || (error.status >= 500 && error.status !== 501)
}

const MAX_MESSAGE_LENGTH = 300

/**
 * Builds the error for a non-2xx response from its body. MLflow answers most failures with JSON
 * `{error_code, message}`, but proxies, auth middleware and Flask's own pages answer with plain text,
 * HTML or nothing (contract §4.3), so JSON is parsed only when the content type says so.
 */
export function errorFromResponse(
  response: { status: number; statusText: string; contentType: string; body: string },
  request: { url: string; method: string },
): ApiError {
  const fallback = `HTTP ${`${response.status} ${response.statusText}`.trim()}`
  const base: ApiErrorInit = { kind: 'http', message: fallback, status: response.status, ...request }
  if (isJsonContentType(response.contentType)) {
    const parsed = parseJsonSafely(response.body)
    if (isRecord(parsed)) {
      const errorCode = typeof parsed.error_code === 'string' ? parsed.error_code : undefined
      // FastAPI routes answer `{"detail": ...}` rather than MLflow's `{"message": ...}`.
      const message = firstString(parsed.message, parsed.detail)
      return new ApiError({ ...base, errorCode, message: message ?? errorCode ?? fallback })
    }
  }
  const excerpt = textExcerpt(response.body, response.contentType)
  return new ApiError({ ...base, message: excerpt === '' ? fallback : excerpt })
}

export function isJsonContentType(contentType: string): boolean {
  return contentType.trim().toLowerCase().startsWith('application/json')
}

function parseJsonSafely(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function firstString(...values: unknown[]): string | undefined {
  for (const value of values) if (typeof value === 'string' && value !== '') return value
  return undefined
}

/** A short, single-line, human-readable excerpt of a text or HTML body. */
export function textExcerpt(body: string, contentType: string): string {
  const looksLikeHtml = contentType.toLowerCase().includes('html') || /^\s*<(!doctype|html)/i.test(body)
  const text = looksLikeHtml ? htmlToText(body) : body
  const singleLine = text.replace(/\s+/g, ' ').trim()
  return singleLine.length > MAX_MESSAGE_LENGTH
    ? `${singleLine.slice(0, MAX_MESSAGE_LENGTH - 1)}…`
    : singleLine
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
}

function htmlToText(html: string): string {
  return (
    html
      // The <title> repeats the heading on Flask's error pages; scripts and styles are not prose.
      .replace(/<(head|title|script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<[^>]*>/g, ' ')
      .replace(/&(#\d+|#x[\da-f]+|[a-z]+);/gi, (entity: string, name: string) => decodeEntity(name) ?? entity)
  )
}

function decodeEntity(name: string): string | undefined {
  if (!name.startsWith('#')) return ENTITIES[name.toLowerCase()]
  const hex = name[1] === 'x' || name[1] === 'X'
  const codePoint = parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10)
  return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : undefined
}

/**
 * The fetch wrapper every endpoint goes through. It knows MLflow's transport conventions (contract
 * §2): repeated query keys for arrays, JSON bodies with `Content-Type: application/json`, a base URL
 * that may carry a path prefix (`mlflow server --static-prefix`). It returns decoded data or throws
 * `ApiError`; it never toasts, logs or redirects, so callers decide what a failure means.
 */

import { decode, type Decoder } from './decode'
import { ApiError, errorFromResponse, isJsonContentType } from './errors'

/** Proto endpoints are served under both `/api` and `/ajax-api`; a few routes exist only under the latter. */
export const MLFLOW_API = '/ajax-api/2.0/mlflow'
/** MLflow 3.x-only endpoints such as `server-info`. */
export const MLFLOW_API_V3 = '/ajax-api/3.0/mlflow'

export type QueryValue = string | number | boolean | undefined | readonly (string | number)[]
export type QueryParams = Readonly<Record<string, QueryValue>>

export type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue | undefined }
/** A request body; `undefined` fields are left out, as MLflow treats absent and unset alike. */
export type JsonBody = { readonly [key: string]: JsonValue | undefined }

export type HeaderSource = Readonly<Record<string, string>> | (() => Readonly<Record<string, string>>)

export interface MlflowClientOptions {
  /**
   * Where MLflow is served: an absolute URL (`http://localhost:5000`), a path on this origin
   * (`/mlflow`), or `''` for this origin's root. Every URL the client builds is relative to it.
   */
  baseUrl: string
  /** Defaults to the global `fetch`, looked up per call so test interceptors installed later apply. */
  fetch?: typeof fetch
  /**
   * Extra headers on every request, e.g. `Authorization` or a proxy's CSRF header. A function is read
   * per request, for credentials that change.
   */
  headers?: HeaderSource
  /** Deadline per attempt, covering the response body too. Default 60 s; 0 disables it. */
  timeoutMs?: number
  /** How often a 429 is retried. Default 2, as MLflow's UI does. */
  rateLimitRetries?: number
  /** First backoff after a 429 without `Retry-After`; doubles per retry. Default 1000 ms. */
  rateLimitBackoffMs?: number
}

export interface MlflowClient {
  readonly baseUrl: string
  /** A URL under the base URL, for links and `<img src>` (raw artifact downloads). */
  url(path: string, query?: QueryParams): string
  get<T>(path: string, query: QueryParams | undefined, decoder: Decoder<T>, signal?: AbortSignal): Promise<T>
  post<T>(path: string, body: JsonBody, decoder: Decoder<T>, signal?: AbortSignal): Promise<T>
  patch<T>(path: string, body: JsonBody, decoder: Decoder<T>, signal?: AbortSignal): Promise<T>
  delete<T>(path: string, body: JsonBody, decoder: Decoder<T>, signal?: AbortSignal): Promise<T>
  /** For the few plain-text routes (`/version`, `/health`). */
  getText(path: string, query?: QueryParams, signal?: AbortSignal): Promise<string>
  /**
   * Raw bytes of a 2xx answer, with the headers a ranged read needs (artifact previews). `headers`
   * are added to the request, e.g. `Range`. Errors are `ApiError`s as for every other method.
   */
  getBytes(
    path: string,
    query: QueryParams | undefined,
    headers: Readonly<Record<string, string>>,
    signal?: AbortSignal,
  ): Promise<BytesResponse>
}

export interface BytesResponse {
  status: number
  bytes: Uint8Array
  contentType: string
  /** The `Content-Range` header, or `null`. */
  contentRange: string | null
}

const DEFAULT_TIMEOUT_MS = 60_000
const DEFAULT_RATE_LIMIT_RETRIES = 2
const DEFAULT_RATE_LIMIT_BACKOFF_MS = 1000
/** A server asking for a longer pause than this gets the error instead of a frozen screen. */
const MAX_RETRY_AFTER_MS = 10_000

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE'

interface RawResponse {
  status: number
  statusText: string
  contentType: string
  retryAfter: string | null
  contentRange: string | null
  /** The body as text; for a binary read, only filled in for an error answer. */
  body: string
  /** The body as bytes, for a binary read of a 2xx answer. */
  bytes: Uint8Array | undefined
}

export function createMlflowClient(options: MlflowClientOptions): MlflowClient {
  const baseUrl = options.baseUrl
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const retries = options.rateLimitRetries ?? DEFAULT_RATE_LIMIT_RETRIES
  const backoffMs = options.rateLimitBackoffMs ?? DEFAULT_RATE_LIMIT_BACKOFF_MS
  const doFetch =
    options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init))

  const url = (path: string, query?: QueryParams): string => buildUrl(baseUrl, path, query)

  async function send(
    method: Method,
    target: string,
    body: string | undefined,
    accept: string,
    signal?: AbortSignal,
    extra?: { headers: Readonly<Record<string, string>>; binary: boolean },
  ) {
    const headers: Record<string, string> = {
      Accept: accept,
      ...readHeaders(options.headers),
      ...extra?.headers,
    }
    const binary = extra?.binary ?? false
    // MLflow rejects POST/PUT without it (400), and ignores it on PATCH/DELETE; send it on every body.
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    for (let attempt = 0; ; attempt++) {
      const response = await attemptOnce(doFetch, {
        method,
        url: target,
        headers,
        body,
        signal,
        timeoutMs,
        binary,
      })
      if (response.status !== 429 || attempt >= retries) return response
      await sleep(
        retryDelayMs(response.retryAfter, backoffMs * 2 ** attempt),
        { method, url: target },
        signal,
      )
    }
  }

  async function requestJson<T>(
    method: Method,
    target: string,
    body: JsonBody | undefined,
    decoder: Decoder<T>,
    signal?: AbortSignal,
  ): Promise<T> {
    const request = { url: target, method }
    const response = await send(
      method,
      target,
      body === undefined ? undefined : JSON.stringify(body),
      'application/json',
      signal,
    )
    if (response.status < 200 || response.status > 299) throw errorFromResponse(response, request)
    const context = { ...request, status: response.status }
    if (!isJsonContentType(response.contentType)) {
      // Typically an SPA fallback or a login page served with 200 by a proxy in front of MLflow.
      throw new ApiError({
        kind: 'decode',
        message: `Expected a JSON response, got ${response.contentType === '' ? 'no content type' : response.contentType}`,
        ...context,
      })
    }
    let document: unknown
    try {
      document = JSON.parse(response.body)
    } catch (cause) {
      throw new ApiError({ kind: 'decode', message: 'The response is not valid JSON', ...context, cause })
    }
    try {
      return decode(decoder, document)
    } catch (error) {
      if (error instanceof ApiError) throw error.withRequest(context)
      throw error
    }
  }

  return {
    baseUrl,
    url,
    get: (path, query, decoder, signal) => requestJson('GET', url(path, query), undefined, decoder, signal),
    post: (path, body, decoder, signal) => requestJson('POST', url(path), body, decoder, signal),
    patch: (path, body, decoder, signal) => requestJson('PATCH', url(path), body, decoder, signal),
    delete: (path, body, decoder, signal) => requestJson('DELETE', url(path), body, decoder, signal),
    async getText(path, query, signal) {
      const target = url(path, query)
      const response = await send('GET', target, undefined, 'text/plain, */*', signal)
      if (response.status < 200 || response.status > 299)
        throw errorFromResponse(response, { url: target, method: 'GET' })
      return response.body
    },
    async getBytes(path, query, headers, signal) {
      const target = url(path, query)
      const response = await send('GET', target, undefined, '*/*', signal, { headers, binary: true })
      if (response.status < 200 || response.status > 299 || response.bytes === undefined)
        throw errorFromResponse(response, { url: target, method: 'GET' })
      return {
        status: response.status,
        bytes: response.bytes,
        contentType: response.contentType,
        contentRange: response.contentRange,
      }
    },
  }
}

/**
 * Joins the base URL and an absolute API path, keeping any prefix of the base (`/mlflow`). Arrays
 * become repeated keys (`run_ids=a&run_ids=b`), which is what MLflow's request parser reads for
 * repeated proto fields; `undefined` values are left out.
 */
export function buildUrl(baseUrl: string, path: string, query?: QueryParams): string {
  const joined = `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`
  if (query === undefined) return joined
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue
    if (isList(value)) for (const item of value) search.append(key, String(item))
    else search.append(key, String(value))
  }
  const text = search.toString()
  return text === '' ? joined : `${joined}?${text}`
}

function isList(value: QueryValue): value is readonly (string | number)[] {
  return Array.isArray(value)
}

function readHeaders(source: HeaderSource | undefined): Readonly<Record<string, string>> {
  if (source === undefined) return {}
  return typeof source === 'function' ? source() : source
}

interface Attempt {
  method: Method
  url: string
  headers: Record<string, string>
  body: string | undefined
  signal: AbortSignal | undefined
  timeoutMs: number
  /** Read a 2xx body as bytes rather than text. */
  binary?: boolean
}

/**
 * One request with its own deadline. The caller's signal and the timer both abort one controller; the
 * flags tell afterwards which of the two it was, so a cancelled query is not reported as a timeout.
 */
async function attemptOnce(doFetch: typeof fetch, attempt: Attempt): Promise<RawResponse> {
  const request = { url: attempt.url, method: attempt.method }
  if (isAborted(attempt.signal)) throw abortedError(request)
  const controller = new AbortController()
  const deadline = { passed: false }
  const timer =
    attempt.timeoutMs > 0
      ? setTimeout(() => {
          deadline.passed = true
          controller.abort()
        }, attempt.timeoutMs)
      : undefined
  const onAbort = () => {
    controller.abort()
  }
  attempt.signal?.addEventListener('abort', onAbort, { once: true })
  try {
    const response = await doFetch(attempt.url, {
      method: attempt.method,
      headers: attempt.headers,
      body: attempt.body,
      signal: controller.signal,
    })
    // Reading the body stays inside the deadline: a stalled stream is as stuck as a stalled connect.
    const ok = response.status >= 200 && response.status <= 299
    const bytes = attempt.binary === true && ok ? new Uint8Array(await response.arrayBuffer()) : undefined
    const body = bytes === undefined ? await response.text() : ''
    return {
      status: response.status,
      statusText: response.statusText,
      contentType: response.headers.get('content-type') ?? '',
      retryAfter: response.headers.get('retry-after'),
      contentRange: response.headers.get('content-range'),
      body,
      bytes,
    }
  } catch (cause) {
    if (isAborted(attempt.signal)) throw abortedError(request, cause)
    if (deadline.passed) {
      throw new ApiError({
        kind: 'timeout',
        message: `No response within ${attempt.timeoutMs} ms`,
        ...request,
        cause,
      })
    }
    const detail = cause instanceof Error ? cause.message : String(cause)
    throw new ApiError({ kind: 'network', message: `Network error: ${detail}`, ...request, cause })
  } finally {
    clearTimeout(timer)
    attempt.signal?.removeEventListener('abort', onAbort)
  }
}

/** A function, not an inline check: the flag changes while awaiting, which narrowing cannot see. */
function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true
}

function abortedError(request: { url: string; method: string }, cause?: unknown): ApiError {
  return new ApiError({ kind: 'aborted', message: 'The request was cancelled', ...request, cause })
}

/** `Retry-After` is either seconds or an HTTP date; without a usable one, back off exponentially. */
function retryDelayMs(retryAfter: string | null, fallbackMs: number): number {
  if (retryAfter !== null) {
    const seconds = Number(retryAfter)
    const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - Date.now()
    if (Number.isFinite(ms)) return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS)
  }
  return fallbackMs
}

function sleep(
  ms: number,
  request: { url: string; method: string },
  signal: AbortSignal | undefined,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (isAborted(signal)) {
      reject(abortedError(request))
      return
    }
    const onAbort = () => {
      clearTimeout(timer)
      reject(abortedError(request))
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

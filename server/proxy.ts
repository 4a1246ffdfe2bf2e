/**
 * Proxy mode: MLflow's routes under the base path go to the tracking server, streamed both ways
 * (a 1 GB artifact never sits in memory). The rules come from contract §13.2: `Host` and `Origin`
 * become the upstream's (MLflow rejects foreign hosts, and writes from foreign origins), the
 * configured credentials are added unless the browser sent its own, and JSON/text is gzipped.
 */

import { Agent as HttpAgent, request as httpRequest } from 'node:http'
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'
import { sendStream } from './compression'
import { endToEndHeaders, sendUnreachable } from './http-messages'
import { logToStderr } from './log'
import type { ApiHandler } from './mlflow-routes'
import type { Upstream } from './options'

export interface ProxyOptions {
  upstream: Upstream
  /** How the tracking server is named in 502s and logs. Default: the upstream URL. */
  displayUri?: string
  /** How long to wait for the upstream's response headers before answering 502. Default 30 s. */
  timeoutMs?: number
  log?: (line: string) => void
}

const DEFAULT_TIMEOUT_MS = 30_000
/**
 * Idle pooled connections are closed after this, below uvicorn's 5 s keep-alive, so that we
 * rarely send on a connection the server is closing (the retry below covers the rest).
 */
const IDLE_SOCKET_MS = 4000
/**
 * Request bodies up to this size are read before forwarding, so that a request can be sent again
 * when a pooled connection turns out to be closed. MLflow's JSON requests are far smaller; larger
 * bodies (artifact uploads) stream.
 */
const REPLAYABLE_BODY_BYTES = 1024 * 1024

class UpstreamTimeout extends Error {
  readonly code = 'RUNBOARD_UPSTREAM_TIMEOUT'
}

function errorCode(error: Error): string {
  const code: unknown = Reflect.get(error, 'code')
  return typeof code === 'string' ? code : error.name
}

/** Whether the request has a body at all (HTTP/1.1 framing: a length or chunked encoding). */
function hasBody(request: IncomingMessage): boolean {
  const length = request.headers['content-length']
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')
}

/** Reads a small body whole; undefined (nothing consumed) when it is large or of unknown size. */
async function readSmallBody(request: IncomingMessage): Promise<Buffer | undefined> {
  if (!hasBody(request)) return Buffer.alloc(0)
  const length = Number(request.headers['content-length'])
  if (!Number.isInteger(length) || length > REPLAYABLE_BODY_BYTES) return undefined
  const chunks: Buffer[] = []
  for await (const chunk of request) {
    if (Buffer.isBuffer(chunk)) chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

export function createProxy(options: ProxyOptions): ApiHandler {
  const { upstream } = options
  const base = new URL(upstream.url)
  const secure = base.protocol === 'https:'
  const send = secure ? httpsRequest : httpRequest
  const agent = secure
    ? new HttpsAgent({ keepAlive: true, timeout: IDLE_SOCKET_MS, rejectUnauthorized: !upstream.insecureTls })
    : new HttpAgent({ keepAlive: true, timeout: IDLE_SOCKET_MS })
  const prefix = base.pathname.replace(/\/+$/, '')
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const log = options.log ?? logToStderr
  const shownUri = options.displayUri ?? upstream.url
  // Logged on changes only, so a server that is down for an hour does not flood the log.
  let unreachable: string | undefined

  function markReachable(): void {
    if (unreachable === undefined) return
    unreachable = undefined
    log(`[runboard] the tracking server at ${shownUri} answers again`)
  }

  function markUnreachable(error: Error): void {
    const code = errorCode(error)
    if (unreachable === code) return
    unreachable = code
    const hint = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)
      ? ' (a private certificate authority? set NODE_EXTRA_CA_CERTS, or MLFLOW_TRACKING_INSECURE_TLS=true)'
      : ''
    log(`[runboard] cannot reach the tracking server at ${shownUri}: ${code}${hint}`)
  }

  function requestHeaders(request: IncomingMessage): OutgoingHttpHeaders {
    const headers = endToEndHeaders(request.headers)
    headers.host = base.host
    // Browsers send Origin on same-origin POSTs too; MLflow would take ours for a foreign one.
    if (headers.origin !== undefined) headers.origin = base.origin
    if (headers.authorization === undefined && upstream.authorization !== undefined)
      headers.authorization = upstream.authorization
    return headers
  }

  function forward(
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
    body: Buffer | undefined,
    retried: boolean,
  ): void {
    const outgoing = send(
      {
        protocol: base.protocol,
        hostname: base.hostname,
        port: base.port === '' ? undefined : base.port,
        method: request.method,
        path,
        headers: requestHeaders(request),
        agent,
      },
      (upstreamResponse) => {
        clearTimeout(timer)
        markReachable()
        sendStream(
          request,
          response,
          upstreamResponse.statusCode ?? 502,
          endToEndHeaders(upstreamResponse.headers),
          upstreamResponse,
          (error) => {
            // A body cut off midway (upstream died, browser left): nothing left to answer.
            if (error !== undefined) outgoing.destroy()
          },
        )
      },
    )
    const timer = setTimeout(() => {
      outgoing.destroy(new UpstreamTimeout(`no response within ${timeoutMs} ms`))
    }, timeoutMs)
    outgoing.setNoDelay(true)
    outgoing.on('error', (error) => {
      clearTimeout(timer)
      if (response.headersSent || response.destroyed) {
        response.destroy()
        return
      }
      // A pooled connection the server closed meanwhile: send once more on a fresh one.
      const stale = outgoing.reusedSocket && ['ECONNRESET', 'EPIPE'].includes(errorCode(error))
      if (stale && !retried && body !== undefined) {
        forward(request, response, path, body, true)
        return
      }
      markUnreachable(error)
      sendUnreachable(response, shownUri)
    })
    // The browser went away (navigation, aborted fetch): stop the upstream work too.
    response.on('close', () => {
      if (!response.writableFinished) outgoing.destroy()
    })
    if (body !== undefined) {
      outgoing.end(body)
      return
    }
    // pipe(), not pipeline(): an upstream failure must not destroy the browser's connection,
    // which still has to carry the 502.
    request.pipe(outgoing)
    request.on('error', () => outgoing.destroy())
  }

  return {
    handle(request, response, target) {
      const path = `${prefix}/${target}`
      readSmallBody(request).then(
        (body) => {
          forward(request, response, path, body, false)
        },
        () => {
          // The browser aborted while sending the body.
          response.destroy()
        },
      )
    },
    close() {
      agent.destroy()
    },
  }
}

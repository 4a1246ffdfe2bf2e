/**
 * Header and body rules shared by the proxy and demo mode: which headers belong to one connection
 * only (hop-by-hop), and the JSON error bodies Runboard itself answers with, in MLflow's shape
 * (`{error_code, message}`) so that the app reads them like the tracking server's own.
 */

import type { IncomingHttpHeaders, OutgoingHttpHeaders, ServerResponse } from 'node:http'

/** RFC 9110 §7.6.1, plus the non-standard ones proxies still meet. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
])

/**
 * A copy without hop-by-hop headers, including those a `Connection` header names. Node gives
 * lowercase names; `set-cookie` stays an array.
 */
export function endToEndHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const named = new Set(
    (headers.connection ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter((name) => name !== ''),
  )
  const copy: OutgoingHttpHeaders = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || named.has(name)) continue
    copy[name] = value
  }
  return copy
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: OutgoingHttpHeaders = {},
): void {
  const text = JSON.stringify(body)
  response.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  })
  response.end(text)
}

/** The error code the app recognises as "the tracking server is down or unreachable". */
export const UPSTREAM_UNREACHABLE = 'RUNBOARD_UPSTREAM_UNREACHABLE'

export function sendUnreachable(response: ServerResponse, trackingUri: string): void {
  sendJson(response, 502, {
    error_code: UPSTREAM_UNREACHABLE,
    message: `Cannot reach the tracking server at ${trackingUri}`,
  })
}

export function sendText(
  response: ServerResponse,
  status: number,
  text: string,
  headers: OutgoingHttpHeaders = {},
): void {
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  })
  response.end(text)
}

/**
 * gzip for API and static responses. MLflow compresses nothing, and its JSON is pretty-printed
 * (contract §2.5): a runs/search page of 1,000 runs shrinks about tenfold, which is most of the
 * wait on a remote connection. Bodies are compressed as they stream, never buffered.
 */

import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'
import { pipeline, type Readable } from 'node:stream'
import { createGzip } from 'node:zlib'

/** Below this, gzip's header and the CPU cost outweigh the bytes saved. */
export const MIN_COMPRESSED_BYTES = 1024

/**
 * Measured on a 1,000-run runs/search from MLflow 3.17.2 (4.4 MB of indented JSON), streamed through
 * the proxy: level 1 gives 8.5x for ~20 ms, level 6 gives 11x for ~36 ms. The extra 110 KB of
 * level 1 costs less than that CPU on any link faster than ~25 Mbit/s, which covers the networks
 * a team dashboard runs on, and a busy server compresses about twice as many responses.
 */
const GZIP_LEVEL = 1

/** Whether an `Accept-Encoding` header admits gzip (a `q=0` refuses it; `*` admits it). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '')
  let gzip: number | undefined
  let star: number | undefined
  for (const part of text.split(',')) {
    const [coding = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase())
    const qParam = params.find((param) => param.startsWith('q='))
    const quality = qParam === undefined ? 1 : Number(qParam.slice(2))
    const weight = Number.isNaN(quality) ? 0 : quality
    if (coding === 'gzip' || coding === 'x-gzip') gzip = weight
    else if (coding === '*') star = weight
  }
  return (gzip ?? star ?? 0) > 0
}

/** JSON and text compress well; images, archives and model files mostly do not. */
export function isCompressibleType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false
  const type = (contentType.split(';')[0] ?? '').trim().toLowerCase()
  return (
    type.startsWith('text/') ||
    type === 'application/json' ||
    type.endsWith('+json') ||
    type === 'application/javascript' ||
    type === 'application/xml' ||
    type.endsWith('+xml') ||
    type === 'image/svg+xml'
  )
}

function headerText(value: OutgoingHttpHeaders[string]): string | undefined {
  if (value === undefined) return undefined
  return Array.isArray(value) ? value.join(', ') : String(value)
}

function withVary(vary: string | undefined): string {
  if (vary === undefined || vary.trim() === '') return 'Accept-Encoding'
  if (vary.split(',').some((name) => ['accept-encoding', '*'].includes(name.trim().toLowerCase())))
    return vary
  return `${vary}, Accept-Encoding`
}

/**
 * Writes the status and headers, then streams `body` (gzipped when the client accepts it and the
 * body is text of some size), and calls `done` once the body is sent or the exchange failed.
 * @param headers lowercase names, as Node and the Fetch API give them
 */
export function sendStream(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  headers: OutgoingHttpHeaders,
  body: Readable | undefined,
  done: (error: Error | undefined) => void = () => undefined,
): void {
  const outgoing: OutgoingHttpHeaders = { ...headers }
  const hasBody = body !== undefined && request.method !== 'HEAD' && status !== 204 && status !== 304
  const eligible =
    hasBody &&
    isCompressibleType(headerText(outgoing['content-type'])) &&
    outgoing['content-encoding'] === undefined &&
    // A byte range of the identity body must stay one.
    outgoing['content-range'] === undefined
  if (eligible) outgoing.vary = withVary(headerText(outgoing.vary))
  const length = Number(headerText(outgoing['content-length']) ?? Number.NaN)
  const compress =
    eligible && acceptsGzip(request.headers['accept-encoding']) && !(length < MIN_COMPRESSED_BYTES)
  if (compress) {
    delete outgoing['content-length']
    outgoing['content-encoding'] = 'gzip'
  }
  response.writeHead(status, outgoing)
  if (!hasBody) {
    body?.resume()
    response.end()
    done(undefined)
    return
  }
  const finish = (error: NodeJS.ErrnoException | null): void => {
    done(error ?? undefined)
  }
  if (compress) {
    pipeline(body, createGzip({ level: GZIP_LEVEL }), response, finish)
  } else {
    pipeline(body, response, finish)
  }
}

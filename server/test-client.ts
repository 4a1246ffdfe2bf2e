/**
 * A raw HTTP client for the server's tests: node:http rather than fetch, so that tests see the
 * bytes on the wire (no automatic gunzip) and can send any header, `Origin` included.
 */

import { request as httpRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http'
import { gunzipSync } from 'node:zlib'

export interface TestResponse {
  status: number
  headers: IncomingHttpHeaders
  /** As sent: still gzipped when content-encoding says so. */
  raw: Buffer
  /** Decoded from gzip if needed, as UTF-8. */
  text: string
  json(): unknown
}

export interface TestRequest {
  method?: string
  headers?: OutgoingHttpHeaders
  body?: string | Buffer
}

export function send(url: string, init: TestRequest = {}): Promise<TestResponse> {
  return new Promise((resolveResponse, reject) => {
    const outgoing = httpRequest(url, { method: init.method ?? 'GET', headers: init.headers }, (incoming) => {
      const chunks: Buffer[] = []
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
      incoming.on('error', reject)
      incoming.on('end', () => {
        const raw = Buffer.concat(chunks)
        const decoded = incoming.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw
        const text = decoded.toString('utf8')
        resolveResponse({
          status: incoming.statusCode ?? 0,
          headers: incoming.headers,
          raw,
          text,
          json: (): unknown => JSON.parse(text),
        })
      })
    })
    outgoing.on('error', reject)
    outgoing.end(init.body)
  })
}

/** Polls until `check` returns true: for conditions with no event to wait on. */
export async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolveSleep) => setTimeout(resolveSleep, 10))
  }
}

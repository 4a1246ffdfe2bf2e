/**
 * Demo mode: MLflow's routes answered by the same MSW handlers that serve the tests, from one
 * in-memory store per server process (writes persist until restart). Running them here, not in a
 * service worker, keeps MSW out of the bundle and lets responses stream (stack-notes §0).
 */

import type { IncomingMessage } from 'node:http'
import { Readable } from 'node:stream'
import { getResponse } from 'msw'
import type { ScenarioName } from '../mocks/scenario-names'
import { createMockApi } from '../mocks/scenarios'
import { sendStream } from './compression'
import { endToEndHeaders, sendJson, sendUnreachable } from './http-messages'
import { logToStderr } from './log'
import type { ApiHandler } from './mlflow-routes'

export interface DemoOptions {
  scenario: ScenarioName
  /** Shown in the 502 of the `unreachable` scenario, like the tracking URI in proxy mode. */
  trackingUri: string
  log?: (line: string) => void
}

/** The handlers match on the path only (`*\/api/...`), so the origin is a placeholder. */
const ORIGIN = 'http://runboard.demo'

function webHeaders(request: IncomingMessage): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(endToEndHeaders(request.headers))) {
    if (name === 'host' || value === undefined) continue
    if (Array.isArray(value)) for (const item of value) headers.append(name, item)
    else headers.set(name, String(value))
  }
  return headers
}

/** The Node request body as a Fetch stream, pulled as the handler reads it. */
function webBody(request: IncomingMessage): ReadableStream<Uint8Array> {
  const chunks = request[Symbol.asyncIterator]()
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next: IteratorResult<unknown> = await chunks.next()
      if (next.done === true) controller.close()
      else if (Buffer.isBuffer(next.value)) controller.enqueue(next.value)
    },
    async cancel() {
      await chunks.return?.()
    },
  })
}

function webRequest(request: IncomingMessage, target: string, signal: AbortSignal): Request {
  const method = request.method ?? 'GET'
  const init: RequestInit & { duplex?: 'half' } = { method, headers: webHeaders(request), signal }
  const length = request.headers['content-length']
  const withBody =
    request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')
  if (withBody && method !== 'GET' && method !== 'HEAD') {
    // Streamed, not read first; undici requires duplex 'half' for a stream body.
    init.body = webBody(request)
    init.duplex = 'half'
  }
  return new Request(`${ORIGIN}/${target}`, init)
}

/** A Fetch body as a Node stream; cancelling the reader when the consumer stops early. */
async function* chunksOf(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      yield value
    }
  } finally {
    await reader.cancel().catch(() => undefined)
  }
}

function nodeHeaders(response: Response): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {}
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) headers['set-cookie'] = cookies
  return headers
}

export function createDemoApi(options: DemoOptions): ApiHandler {
  const { handlers } = createMockApi(options.scenario)
  const log = options.log ?? logToStderr
  return {
    handle(request, response, target) {
      const controller = new AbortController()
      response.on('close', () => {
        if (!response.writableFinished) controller.abort()
      })
      let answer: Promise<Response | undefined>
      try {
        answer = getResponse(handlers, webRequest(request, target, controller.signal))
      } catch (error) {
        answer = Promise.reject(error instanceof Error ? error : new Error(String(error)))
      }
      answer.then(
        (mocked) => {
          if (response.destroyed) return
          if (mocked === undefined) {
            sendJson(response, 404, {
              error_code: 'ENDPOINT_NOT_FOUND',
              message: `No demo handler for ${request.method ?? 'GET'} /${target.split('?')[0] ?? ''}`,
            })
            return
          }
          // HttpResponse.error(): the `unreachable` scenario, answered as proxy mode would.
          if (mocked.type === 'error') {
            sendUnreachable(response, options.trackingUri)
            return
          }
          const body = mocked.body === null ? undefined : Readable.from(chunksOf(mocked.body))
          sendStream(request, response, mocked.status, nodeHeaders(mocked), body)
        },
        (error: unknown) => {
          if (response.destroyed) return
          log(`[runboard] demo handler failed for ${request.method ?? 'GET'} /${target}: ${String(error)}`)
          sendJson(response, 500, {
            error_code: 'INTERNAL_ERROR',
            message: `The demo server failed: ${error instanceof Error ? error.message : String(error)}`,
          })
        },
      )
    },
    close() {
      // Nothing pooled: the store lives as long as the process.
    },
  }
}

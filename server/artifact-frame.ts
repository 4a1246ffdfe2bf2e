/**
 * `GET <base>/artifact-frame?run_uuid=<id>&path=<file.html>` (or `model_id=<id>` for a logged
 * model's file): an HTML artifact as a document of its own, for the preview's "Run interactive
 * content" switch.
 *
 * Why a route: the app's page has a strict Content-Security-Policy (`script-src 'self'`), and a
 * `srcdoc` or `blob:` frame inherits its creator's policy, so a plotly figure's inline scripts could
 * never run there. MLflow's own `/get-artifact` answers `Content-Disposition: attachment`, which a
 * frame would download. This route fetches the file through Runboard's own MLflow routes (so it works
 * alike in proxy, local-store and demo mode) and answers it as HTML with a policy of its own whose
 * `sandbox allow-scripts` directive gives the document an opaque origin even when opened directly:
 * it can run its scripts and load libraries from a CDN, but never reach Runboard's origin, open
 * pop-ups or dialogs, submit forms or navigate the top window.
 */

import type { IncomingMessage, ServerResponse } from 'node:http'
import { sendText } from './http-messages'

export const ARTIFACT_FRAME_PATH = 'artifact-frame'

/** Above the app's HTML preview limit (10 MiB), so a figure the preview shows always fits. */
const MAX_FRAME_BYTES = 16 * 1024 * 1024

export const FRAME_CONTENT_SECURITY_POLICY = [
  'sandbox allow-scripts',
  "default-src 'none'",
  "script-src 'unsafe-inline' 'unsafe-eval' https: data: blob:",
  "style-src 'unsafe-inline' https: data:",
  'img-src https: data: blob:',
  'font-src https: data:',
  'media-src https: data: blob:',
  "connect-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "form-action 'none'",
  "base-uri 'none'",
].join('; ')

/** The MLflow route that holds the file, below the base path; undefined for a bad request. */
export function frameSourceTarget(query: URLSearchParams): string | undefined {
  const path = query.get('path') ?? ''
  if (!/\.html?$/i.test(path)) return undefined
  const runId = query.get('run_uuid')
  const modelId = query.get('model_id')
  if (runId !== null && runId !== '' && modelId === null) {
    return `get-artifact?${new URLSearchParams({ path, run_uuid: runId }).toString()}`
  }
  if (modelId !== null && /^[\w-]+$/.test(modelId) && runId === null) {
    return `ajax-api/2.0/mlflow/logged-models/${modelId}/artifacts/files?${new URLSearchParams({ artifact_file_path: path }).toString()}`
  }
  return undefined
}

/** Forwarded to Runboard's own MLflow route, so an auth proxy in front of Runboard still applies. */
const FORWARDED_HEADERS = ['authorization', 'cookie']

/**
 * Answers the frame route. `selfUrl` is Runboard's own base URL on a loopback address (the file is
 * read through Runboard's MLflow routes, whatever mode answers them).
 */
export async function sendArtifactFrame(
  request: IncomingMessage,
  response: ServerResponse,
  query: URLSearchParams,
  selfUrl: string,
): Promise<void> {
  const target = frameSourceTarget(query)
  if (target === undefined) {
    sendText(response, 400, 'Expected path=<file>.html and one of run_uuid or model_id\n')
    return
  }
  const headers: Record<string, string> = {}
  for (const name of FORWARDED_HEADERS) {
    const value = request.headers[name]
    if (typeof value === 'string') headers[name] = value
  }
  const upstream = await fetch(`${selfUrl}${target}`, { headers, signal: AbortSignal.timeout(60_000) })
  if (!upstream.ok) {
    await upstream.body?.cancel()
    sendText(response, upstream.status, `Could not read the file (HTTP ${upstream.status})\n`)
    return
  }
  const length = Number(upstream.headers.get('content-length') ?? Number.NaN)
  if (length > MAX_FRAME_BYTES) {
    await upstream.body?.cancel()
    sendText(response, 413, 'The file is too large to show\n')
    return
  }
  const body = Buffer.from(await upstream.arrayBuffer())
  if (body.length > MAX_FRAME_BYTES) {
    sendText(response, 413, 'The file is too large to show\n')
    return
  }
  response.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(body.length),
    'Content-Security-Policy': FRAME_CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  })
  response.end(request.method === 'HEAD' ? undefined : body)
}

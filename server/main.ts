/**
 * The Runboard server: one HTTP listener that serves, under the base path, MLflow's routes (proxied
 * or from the demo mocks), the runtime config, and the built app. `startRunboard` is what the CLI
 * runs and what tests start on port 0.
 */

import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { fileURLToPath } from 'node:url'
import { sendJson, sendText } from './http-messages'
import { startLocalStore } from './local-store'
import { logToStderr } from './log'
import type { MlflowProcess } from './mlflow-process'
import { ARTIFACT_FRAME_PATH, sendArtifactFrame } from './artifact-frame'
import { isMlflowRoute, type ApiHandler } from './mlflow-routes'
import type { RunboardConfig, Upstream } from './options'
import { createProxy } from './proxy'
import { RUNTIME_CONFIG_PATH, runtimeConfigOf, sendRuntimeConfig, type RuntimeConfig } from './runtime-config'
import { createStaticHandler } from './static'

export interface RunboardOptions {
  /** The built app. Default: dist/ of this repository. */
  staticDir?: string
  log?: (line: string) => void
  /** Proxy: how long to wait for the tracking server's response headers. Default 30 s. */
  upstreamTimeoutMs?: number
  /** Local store: how long to wait for `mlflow server` to answer. Default 90 s. */
  mlflowStartTimeoutMs?: number
  /** Local store: relative store paths and ./mlartifacts resolve here. Default: the current folder. */
  cwd?: string
  /** Local store: the managed `mlflow server` died while serving. Default: log it. */
  onMlflowExit?: (message: string) => void
}

export interface Runboard {
  /** e.g. http://127.0.0.1:5000/mlflow/ */
  url: string
  port: number
  runtimeConfig: RuntimeConfig
  /** The managed MLflow's URL in local-store mode. */
  mlflowUrl: string | undefined
  close(): Promise<void>
}

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url))
export const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../dist', import.meta.url))

/** package.json's version, shown in the banner and the runtime config. */
export function runboardVersion(): string {
  const manifest: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
  const version: unknown =
    manifest !== null && typeof manifest === 'object' ? Reflect.get(manifest, 'version') : undefined
  return typeof version === 'string' ? version : 'unknown'
}

/** The port is taken: the CLI says so in one line. */
export class ListenError extends Error {}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolveListen, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      const where = `port ${port} on ${host}`
      if (error.code === 'EADDRINUSE')
        reject(
          new ListenError(`${where} is in use (another Runboard or mlflow ui?); pass --port <n> or set PORT`),
        )
      else if (error.code === 'EACCES')
        reject(new ListenError(`no permission to listen on ${where}; pick a port above 1023`))
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND')
        reject(new ListenError(`cannot listen on ${host}: no such local address`))
      else reject(error)
    }
    server.once('error', onError)
    server.listen(port, host, () => {
      server.removeListener('error', onError)
      const address = server.address()
      resolveListen(address !== null && typeof address === 'object' ? address.port : port)
    })
  })
}

function urlHost(host: string): string {
  // A wildcard address is not something to type into a browser.
  if (host === '0.0.0.0' || host === '::') return 'localhost'
  return host.includes(':') ? `[${host}]` : host
}

/** An address of this machine's own listener that a request from the server itself can reach. */
function loopbackHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1'
  if (host === '::') return '[::1]'
  return host.includes(':') ? `[${host}]` : host
}

/** Answers MLflow's routes until the real handler is ready (a local store still starting). */
const startingApi: ApiHandler = {
  handle(_request, response) {
    sendJson(response, 503, {
      error_code: 'TEMPORARILY_UNAVAILABLE',
      message: 'MLflow is still starting; try again in a moment.',
    })
  },
  close() {
    // Nothing to free.
  },
}

export async function startRunboard(
  config: RunboardConfig,
  options: RunboardOptions = {},
): Promise<Runboard> {
  const log = options.log ?? logToStderr
  const runtimeConfig = runtimeConfigOf(config, runboardVersion())
  const { basePath } = config
  const staticHandler = createStaticHandler({
    root: options.staticDir ?? DEFAULT_STATIC_DIR,
    basePath,
    pageConfig: JSON.stringify(runtimeConfig),
  })
  let api = startingApi
  /** Runboard's own base URL on a loopback address, once listening (the frame route reads through it). */
  let selfUrl = ''

  function route(request: IncomingMessage, response: ServerResponse): void {
    const raw = request.url ?? '/'
    if (!raw.startsWith('/')) {
      sendText(response, 400, 'Bad request\n')
      return
    }
    // Resolves dot segments (also %2e%2e) before any routing decision; other escapes stay as sent.
    let url: URL
    try {
      url = new URL(`http://runboard${raw}`)
    } catch {
      sendText(response, 400, 'Bad request\n')
      return
    }
    const { pathname, search } = url
    const readOnly = request.method === 'GET' || request.method === 'HEAD'
    if (!pathname.startsWith(basePath)) {
      if (readOnly && (pathname === '/' || `${pathname}/` === basePath)) {
        response.writeHead(302, { Location: `${basePath}${search}` })
        response.end()
      } else {
        sendText(response, 404, `Not found: Runboard is served under ${basePath}\n`)
      }
      return
    }
    const path = pathname.slice(basePath.length)
    if (isMlflowRoute(path)) api.handle(request, response, `${path}${search}`)
    else if (path === ARTIFACT_FRAME_PATH && readOnly) {
      sendArtifactFrame(request, response, url.searchParams, selfUrl).catch((error: unknown) => {
        log(`[runboard] artifact frame failed: ${String(error)}`)
        if (!response.headersSent) sendText(response, 502, 'Could not read the file\n')
        else response.destroy()
      })
    } else if (path === RUNTIME_CONFIG_PATH && readOnly) sendRuntimeConfig(response, runtimeConfig)
    else staticHandler.handle(request, response, path)
  }

  const server = createServer((request, response) => {
    try {
      route(request, response)
    } catch (error) {
      log(`[runboard] ${request.method ?? 'GET'} ${request.url ?? ''} failed: ${String(error)}`)
      if (!response.headersSent) sendText(response, 500, 'Internal error\n')
      else response.destroy()
    }
  })
  // Bound before MLflow starts, so a taken port fails at once rather than after MLflow's start-up.
  const port = await listen(server, config.port, config.host)
  selfUrl = `http://${loopbackHost(config.host)}:${port}${basePath}`

  let mlflow: MlflowProcess | undefined
  const closeServer = (): Promise<void> =>
    new Promise((resolveClose) => {
      server.close(() => {
        resolveClose()
      })
      // Open keep-alive connections and streams would hold close() for minutes.
      server.closeAllConnections()
    })
  try {
    if (config.mode.kind === 'demo') {
      // Loaded only in demo mode: MSW and the mock world are most of the start-up time.
      const { createDemoApi } = await import('./demo')
      api = createDemoApi({ scenario: config.mode.scenario, trackingUri: runtimeConfig.trackingUri, log })
    } else if (config.mode.kind === 'proxy') {
      api = createProxy({ upstream: config.mode.upstream, timeoutMs: options.upstreamTimeoutMs, log })
    } else {
      const { storeUri } = config.mode
      mlflow = await startLocalStore({
        storeUri,
        defaultArtifactRoot: config.mode.defaultArtifactRoot,
        mlflow: config.mode.mlflow,
        cwd: options.cwd,
        startTimeoutMs: options.mlflowStartTimeoutMs,
        log,
        onUnexpectedExit: (reason, output) => {
          const message = `[runboard] mlflow server for ${runtimeConfig.trackingUri} ${reason}:\n${output}`
          if (options.onMlflowExit !== undefined) options.onMlflowExit(message)
          else log(message)
        },
      })
      const upstream: Upstream = { url: mlflow.url, authorization: undefined, insecureTls: false }
      // Named by its store: the private port means nothing to the person reading the error.
      api = createProxy({
        upstream,
        displayUri: runtimeConfig.trackingUri,
        timeoutMs: options.upstreamTimeoutMs,
        log,
      })
    }
  } catch (error) {
    await closeServer()
    await mlflow?.stop()
    throw error
  }

  let closing: Promise<void> | undefined
  const close = async (): Promise<void> => {
    await closeServer()
    api.close()
    await mlflow?.stop()
  }
  return {
    url: `http://${urlHost(config.host)}:${port}${basePath}`,
    port,
    runtimeConfig,
    mlflowUrl: mlflow?.url,
    close: () => (closing ??= close()),
  }
}

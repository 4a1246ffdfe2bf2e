/**
 * Starts a real `mlflow server` on a loopback port, backed by SQLite and a local artifact folder,
 * and stops it again (server/mlflow-process.ts does the spawning, waiting and process-group
 * cleanup, also when this process exits or is interrupted).
 */

import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startMlflowProcess, type MlflowProbe } from '../../server/mlflow-process'

export interface MlflowServerOptions {
  /** The venv's `mlflow` executable (see ensureVenv). */
  mlflow: string
  /** Holds mlflow.db and artifacts/. Default: a new temporary folder, removed by stop() or on exit. */
  dir?: string
  /** Default: a free loopback port. */
  port?: number
  /** uvicorn worker processes. Default 1 (see MlflowProcessOptions.workers for why). */
  workers?: number
  /** Copy the server's stderr (warnings, tracebacks) to ours. Default false. */
  forwardStderr?: boolean
  /** How long to wait for GET /health. Default 90 s (the first start on a busy 2-core machine is slow). */
  startTimeoutMs?: number
  /** More `mlflow server` flags, e.g. `--enable-workspaces`. */
  extraArgs?: readonly string[]
}

export interface MlflowServer {
  /** e.g. http://127.0.0.1:43125, without a trailing slash. */
  url: string
  dir: string
  stop(): Promise<void>
}

const SERVER_ENV = {
  MLFLOW_DISABLE_TELEMETRY: 'true',
  DO_NOT_TRACK: 'true',
  // The job runner (GenAI scorer jobs) would start a Huey consumer with more Python processes.
  MLFLOW_SERVER_ENABLE_JOB_EXECUTION: 'false',
}

/**
 * Whether the server answers /health, and whether it is the one we started: another server that
 * already holds the port would answer too, until ours fails to bind it. Ours keeps the Default
 * experiment's artifacts under its own folder.
 */
async function probe(url: string, dir: string): Promise<MlflowProbe> {
  const expectedArtifacts = join(dir, 'artifacts', '0')
  try {
    const health = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) })
    await health.arrayBuffer()
    if (health.status !== 200) return { state: 'down' }
    const response = await fetch(`${url}/api/2.0/mlflow/experiments/get?experiment_id=0`, {
      signal: AbortSignal.timeout(5000),
    })
    const body: unknown = await response.json()
    const experiment: unknown =
      body !== null && typeof body === 'object' ? Reflect.get(body, 'experiment') : undefined
    const location: unknown =
      experiment !== null && typeof experiment === 'object'
        ? Reflect.get(experiment, 'artifact_location')
        : undefined
    // With --enable-workspaces the Default experiment lives in the default workspace's folder.
    const withWorkspaces = join(dir, 'artifacts', 'workspaces', 'default', '0')
    if (location === expectedArtifacts || location === withWorkspaces) return { state: 'ours' }
    return {
      state: 'other',
      reason:
        `its Default experiment keeps artifacts in ${String(location)}, not under ${dir} ` +
        `(port taken by another server, or ${dir}/mlflow.db made with another artifact root)`,
    }
  } catch {
    return { state: 'down' }
  }
}

/** The SQLite store of a server whose data lives in `dir`. */
export function backendStoreUri(dir: string): string {
  return `sqlite:///${join(dir, 'mlflow.db')}`
}

/** Starts `mlflow server` and resolves once GET /health answers 200. */
export async function startMlflowServer(options: MlflowServerOptions): Promise<MlflowServer> {
  const ownDir = options.dir === undefined
  const dir =
    options.dir === undefined ? await mkdtemp(join(tmpdir(), 'runboard-mlflow-')) : resolve(options.dir)
  await mkdir(join(dir, 'artifacts'), { recursive: true })

  try {
    const server = await startMlflowProcess({
      mlflow: options.mlflow,
      serverArgs: [
        '--backend-store-uri',
        backendStoreUri(dir),
        '--default-artifact-root',
        join(dir, 'artifacts'),
        ...(options.extraArgs ?? []),
      ],
      port: options.port,
      workers: options.workers ?? 1,
      env: SERVER_ENV,
      forwardStderr: options.forwardStderr,
      startTimeoutMs: options.startTimeoutMs ?? 90_000,
      probe: (url) => probe(url, dir),
      ownedDir: ownDir ? dir : undefined,
    })
    return { url: server.url, dir, stop: () => server.stop() }
  } catch (error) {
    if (ownDir) await rm(dir, { recursive: true, force: true })
    throw error
  }
}

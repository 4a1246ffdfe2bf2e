/**
 * Starts a real `mlflow server` on a loopback port, backed by SQLite and a local artifact folder,
 * and stops it again (server/mlflow-process.ts does the spawning, waiting and process-group
 * cleanup, also when this process exits or is interrupted).
 *
 * Two artifact modes, as people run MLflow:
 * - `direct`: `--default-artifact-root <dir>/artifacts`. Runs get plain paths as artifact URIs and
 *   the server (and the client!) read and write that folder themselves.
 * - `proxied`: `--artifacts-destination <dir>/mlartifacts --default-artifact-root mlflow-artifacts:/`
 *   (with `--serve-artifacts`, MLflow's default). Experiments get `mlflow-artifacts:/<id>` roots, runs
 *   `mlflow-artifacts:/<exp>/<run>/artifacts`; clients upload and download through the server's
 *   `/api/2.0/mlflow-artifacts/artifacts/…` routes, and the server keeps the files in the destination.
 */

import { randomUUID } from 'node:crypto'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startMlflowProcess, type MlflowProbe } from '../../server/mlflow-process'

export interface MlflowServerOptions {
  /** The venv's `mlflow` executable (see ensureVenv). */
  mlflow: string
  /**
   * Holds mlflow.db and artifacts/ (direct) or mlartifacts/ (proxied). Default: a new temporary
   * folder, removed by stop() or on exit.
   */
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
  /** Where artifacts go (see above). Default `direct`. */
  artifacts?: ArtifactMode
}

export type ArtifactMode = 'direct' | 'proxied'

export interface MlflowServer {
  /** e.g. http://127.0.0.1:43125, without a trailing slash. */
  url: string
  dir: string
  artifacts: ArtifactMode
  /** The artifact files' folder: `<dir>/artifacts` (direct) or `<dir>/mlartifacts` (proxied). */
  artifactsDir: string
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
async function probeDirect(url: string, dir: string): Promise<MlflowProbe> {
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

/** A file in the proxied destination's root, holding a token that only the server we started serves. */
const PROXIED_MARKER = 'runboard-server-token'

/**
 * The same question for a proxied server. Every proxied server's Default experiment lives at
 * `mlflow-artifacts:/0`, so that cannot tell ours apart; our destination folder holds a fresh token
 * (written before the start), which the server serves through its mlflow-artifacts download route.
 */
async function probeProxied(url: string, token: string): Promise<MlflowProbe> {
  try {
    const health = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) })
    await health.arrayBuffer()
    if (health.status !== 200) return { state: 'down' }
    const response = await fetch(`${url}/api/2.0/mlflow-artifacts/artifacts/${PROXIED_MARKER}`, {
      signal: AbortSignal.timeout(5000),
    })
    const text = await response.text()
    if (response.status === 200 && text === token) return { state: 'ours' }
    return {
      state: 'other',
      reason:
        `it does not serve our token from its artifacts destination (status ${response.status}): ` +
        'the port is taken by another server, or that server does not proxy artifacts',
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
  const artifacts = options.artifacts ?? 'direct'
  const artifactsDir = join(dir, artifacts === 'direct' ? 'artifacts' : 'mlartifacts')
  await mkdir(artifactsDir, { recursive: true })
  const token = randomUUID()
  if (artifacts === 'proxied') await writeFile(join(artifactsDir, PROXIED_MARKER), token)

  try {
    const server = await startMlflowProcess({
      mlflow: options.mlflow,
      serverArgs: [
        '--backend-store-uri',
        backendStoreUri(dir),
        ...(artifacts === 'direct'
          ? ['--default-artifact-root', artifactsDir]
          : [
              '--serve-artifacts',
              '--artifacts-destination',
              artifactsDir,
              // What 3.17.2 defaults to with --serve-artifacts; said explicitly, as MLflow's docs do.
              '--default-artifact-root',
              'mlflow-artifacts:/',
            ]),
        ...(options.extraArgs ?? []),
      ],
      port: options.port,
      workers: options.workers ?? 1,
      env: SERVER_ENV,
      forwardStderr: options.forwardStderr,
      startTimeoutMs: options.startTimeoutMs ?? 90_000,
      probe: (url) => (artifacts === 'direct' ? probeDirect(url, dir) : probeProxied(url, token)),
      ownedDir: ownDir ? dir : undefined,
    })
    return { url: server.url, dir, artifacts, artifactsDir, stop: () => server.stop() }
  } catch (error) {
    if (ownDir) await rm(dir, { recursive: true, force: true })
    throw error
  }
}

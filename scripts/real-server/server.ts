/**
 * Starts a real `mlflow server` on a loopback port, backed by SQLite and a local artifact folder,
 * and stops it again: the whole process group (mlflow starts uvicorn, which starts workers), also
 * when this process exits or is interrupted.
 */

import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { OutputTail } from './process'

export interface MlflowServerOptions {
  /** The venv's `mlflow` executable (see ensureVenv). */
  mlflow: string
  /** Holds mlflow.db and artifacts/. Default: a new temporary folder, removed by stop() or on exit. */
  dir?: string
  /** Default: a free loopback port. */
  port?: number
  /**
   * uvicorn worker processes. Default 1: with more, uvicorn (0.54) hands each worker a listening
   * socket that lacks TCP_NODELAY, and every request after the first on a keep-alive connection
   * then waits ~40 ms for a delayed ACK (uvicorn issue 3149). One worker also starts fastest.
   */
  workers?: number
  /** Copy the server's stderr (warnings, tracebacks) to ours. Default false. */
  forwardStderr?: boolean
  /** How long to wait for GET /health. Default 90 s (the first start on a busy 2-core machine is slow). */
  startTimeoutMs?: number
}

export interface MlflowServer {
  /** e.g. http://127.0.0.1:43125, without a trailing slash. */
  url: string
  dir: string
  stop(): Promise<void>
}

const HEALTH_POLL_MS = 150
const STOP_GRACE_MS = 10_000
const PORT_ATTEMPTS = 3
const EXIT_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP']

const SERVER_ENV = {
  MLFLOW_DISABLE_TELEMETRY: 'true',
  DO_NOT_TRACK: 'true',
  // The job runner (GenAI scorer jobs) would start a Huey consumer with more Python processes.
  MLFLOW_SERVER_ENABLE_JOB_EXECUTION: 'false',
}

/** The servers still running: process group id -> the temporary folder to remove with it, if any. */
const running = new Map<number, string | undefined>()
let hooksInstalled = false

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal)
  } catch {
    // The group is gone already.
  }
}

/** For a server that failed to start: its workers may still be starting up. */
function stopGroupNow(pid: number): void {
  killGroup(pid, 'SIGKILL')
  running.delete(pid)
}

/** Synchronous, for the moment this process ends. */
function killAllNow(): void {
  for (const [pid, ownDir] of running) {
    killGroup(pid, 'SIGKILL')
    if (ownDir !== undefined) rmSync(ownDir, { recursive: true, force: true })
  }
  running.clear()
}

function installExitHooks(): void {
  if (hooksInstalled) return
  hooksInstalled = true
  process.on('exit', killAllNow)
  for (const signal of EXIT_SIGNALS) {
    const onSignal = (): void => {
      // Other listeners (a CLI's graceful shutdown, a test runner) decide what the signal means,
      // and stop() or the exit hook ends the servers.
      if (process.listenerCount(signal) > 1) return
      // Alone, our listener would keep Node from dying of the signal: die as Node would have.
      killAllNow()
      process.removeListener(signal, onSignal)
      process.kill(process.pid, signal)
    }
    process.on(signal, onSignal)
  }
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer()
    probe.on('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => {
        if (address !== null && typeof address === 'object') resolvePort(address.port)
        else reject(new Error('could not read the probe port'))
      })
    })
  })
}

type Probe = { state: 'down' } | { state: 'ours' } | { state: 'other'; artifactLocation: string }

/**
 * Whether the server answers /health, and whether it is the one we started: another server that
 * already holds the port would answer too, until ours fails to bind it. Ours keeps the Default
 * experiment's artifacts under its own folder.
 */
async function probe(url: string, expectedArtifacts: string): Promise<Probe> {
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
    if (location === expectedArtifacts) return { state: 'ours' }
    return { state: 'other', artifactLocation: String(location) }
  } catch {
    return { state: 'down' }
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0)
    return true
  } catch {
    return false
  }
}

/** Resolves true once no process of the group is left, false after timeoutMs. */
async function waitForGroupExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (groupAlive(pid)) {
    if (Date.now() > deadline) return false
    await new Promise((resolveSleep) => setTimeout(resolveSleep, 50))
  }
  return true
}

class StartError extends Error {
  constructor(
    message: string,
    readonly portTaken: boolean,
  ) {
    super(message)
  }
}

async function launch(
  options: MlflowServerOptions,
  dir: string,
  ownDir: boolean,
  port: number,
  timeoutMs: number,
): Promise<number> {
  const args = [
    'server',
    '--backend-store-uri',
    `sqlite:///${join(dir, 'mlflow.db')}`,
    '--default-artifact-root',
    join(dir, 'artifacts'),
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--workers',
    String(options.workers ?? 1),
  ]
  // Its own process group (detached), so that stop() can signal uvicorn's workers too.
  const child = spawn(options.mlflow, args, {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...SERVER_ENV },
  })
  const tail = new OutputTail()
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    tail.push(chunk)
    if (options.forwardStderr === true) process.stderr.write(chunk)
  })
  let failure: string | undefined
  child.on('error', (error) => {
    failure = error.message
  })
  child.on('exit', (code, signal) => {
    failure ??= signal === null ? `exited with code ${code ?? 'unknown'}` : `was killed by ${signal}`
  })
  const { pid } = child
  if (pid === undefined) {
    // spawn() reports why (e.g. ENOENT) on the next tick.
    const error = await new Promise<Error>((resolveError) => child.once('error', resolveError))
    throw new StartError(`could not run ${options.mlflow}: ${error.message}`, false)
  }
  running.set(pid, ownDir ? dir : undefined)

  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + timeoutMs
  let other: string | undefined
  for (;;) {
    if (failure !== undefined) {
      stopGroupNow(pid)
      const output = tail.toString()
      throw new StartError(
        `mlflow server ${failure} before answering /health:\n${output}`,
        /address already in use/i.test(output),
      )
    }
    const found = await probe(url, join(dir, 'artifacts', '0'))
    if (found.state === 'ours') return pid
    if (found.state === 'other') other = found.artifactLocation
    if (Date.now() > deadline) {
      stopGroupNow(pid)
      const reason =
        other === undefined
          ? `did not answer ${url}/health within ${timeoutMs / 1000} s`
          : `at ${url} is not the one started here: its Default experiment keeps artifacts in ${other}, ` +
            `not under ${dir} (port taken by another server, or ${dir}/mlflow.db made with another artifact root)`
      throw new StartError(`mlflow server ${reason}:\n${tail.toString()}`, false)
    }
    await new Promise((resolveSleep) => setTimeout(resolveSleep, HEALTH_POLL_MS))
  }
}

/** Launches on the given port, or on free ports until one stays free long enough for mlflow to bind it. */
async function launchOnFreePort(
  options: MlflowServerOptions,
  dir: string,
  ownDir: boolean,
  timeoutMs: number,
): Promise<{ pid: number; port: number }> {
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freePort())
    try {
      return { pid: await launch(options, dir, ownDir, port, timeoutMs), port }
    } catch (error) {
      // Another process may take the probed port before mlflow binds it.
      const retry = error instanceof StartError && error.portTaken && options.port === undefined
      if (!retry || attempt >= PORT_ATTEMPTS) throw error
    }
  }
}

/** Starts `mlflow server` and resolves once GET /health answers 200. */
export async function startMlflowServer(options: MlflowServerOptions): Promise<MlflowServer> {
  installExitHooks()
  const ownDir = options.dir === undefined
  const dir =
    options.dir === undefined ? await mkdtemp(join(tmpdir(), 'runboard-mlflow-')) : resolve(options.dir)
  await mkdir(join(dir, 'artifacts'), { recursive: true })

  let started: { pid: number; port: number }
  try {
    started = await launchOnFreePort(options, dir, ownDir, options.startTimeoutMs ?? 90_000)
  } catch (error) {
    if (ownDir) await rm(dir, { recursive: true, force: true })
    throw error
  }
  const { pid, port } = started
  const stop = async (): Promise<void> => {
    killGroup(pid, 'SIGTERM')
    if (!(await waitForGroupExit(pid, STOP_GRACE_MS))) {
      killGroup(pid, 'SIGKILL')
      await waitForGroupExit(pid, STOP_GRACE_MS)
    }
    running.delete(pid)
    if (ownDir) await rm(dir, { recursive: true, force: true })
  }
  let stopping: Promise<void> | undefined
  return {
    url: `http://127.0.0.1:${port}`,
    dir,
    stop: () => (stopping ??= stop()),
  }
}

/**
 * Runs `mlflow server` as a child on a loopback port and stops it again: the whole process group
 * (mlflow starts uvicorn, which starts workers), also when this process exits or is interrupted.
 * Used by local-store mode and by the test harness (scripts/real-server/server.ts).
 */

import { spawn } from 'node:child_process'
import { accessSync, constants, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { delimiter, join } from 'node:path'

/** Whether the server answering at a URL is the one just started (another may hold the port). */
export type MlflowProbe = { state: 'down' } | { state: 'ours' } | { state: 'other'; reason: string }

export interface MlflowProcessOptions {
  /** The `mlflow` executable. */
  mlflow: string
  /** `mlflow server` arguments other than --host, --port and --workers. */
  serverArgs: readonly string[]
  /** Default: a free loopback port (retried if another process takes it first). */
  port?: number
  /**
   * uvicorn worker processes. Default 1: with more, uvicorn (0.54) hands each worker a listening
   * socket that lacks TCP_NODELAY, and every request after the first on a keep-alive connection
   * then waits ~40 ms for a delayed ACK (uvicorn issue 3149). One worker also starts fastest.
   */
  workers?: number
  /** Relative paths in the arguments (and ./mlartifacts) resolve against it. Default: ours. */
  cwd?: string
  /** Added to our environment. */
  env?: Readonly<Record<string, string>>
  /** Copy the server's stderr (warnings, tracebacks) to ours. Default false. */
  forwardStderr?: boolean
  /** How long to wait for the server to answer. Default 90 s (a first start on a busy 2-core machine is slow). */
  startTimeoutMs?: number
  /** Default: GET /health answers 200. */
  probe?: (url: string) => Promise<MlflowProbe>
  /** Removed with the process, also when this process exits (a temporary store). */
  ownedDir?: string
  /** Called if the server dies after it started (not after stop()). */
  onUnexpectedExit?: (reason: string, output: string) => void
}

export interface MlflowProcess {
  /** e.g. http://127.0.0.1:43125, without a trailing slash. */
  url: string
  port: number
  /** The last lines of the server's stderr. */
  output(): string
  /** SIGTERM to the group, SIGKILL after a grace period; resolves once no process is left. */
  stop(): Promise<void>
}

export class MlflowStartError extends Error {
  constructor(
    message: string,
    /** The port was taken by someone else (worth another try on another port). */
    readonly portTaken: boolean,
  ) {
    super(message)
  }
}

const HEALTH_POLL_MS = 150
const STOP_GRACE_MS = 10_000
const PORT_ATTEMPTS = 3
const OUTPUT_LINES = 40
const EXIT_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP']

/** Keeps the last lines of a stream of text, for error messages. */
class OutputTail {
  private readonly lines: string[] = []
  private partial = ''

  push(chunk: string): void {
    const pieces = (this.partial + chunk).split('\n')
    this.partial = pieces.pop() ?? ''
    this.lines.push(...pieces)
    if (this.lines.length > OUTPUT_LINES) this.lines.splice(0, this.lines.length - OUTPUT_LINES)
  }

  toString(): string {
    return [...this.lines, this.partial].join('\n').trim()
  }
}

/** The servers still running: process group id -> the folder to remove with it, if any. */
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
  for (const [pid, ownedDir] of running) {
    killGroup(pid, 'SIGKILL')
    if (ownedDir !== undefined) rmSync(ownedDir, { recursive: true, force: true })
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

export function freePort(): Promise<number> {
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

/** The default probe: /health answers 200. */
async function probeHealth(url: string): Promise<MlflowProbe> {
  try {
    const health = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) })
    await health.arrayBuffer()
    return health.status === 200 ? { state: 'ours' } : { state: 'down' }
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

/** The first executable called `name` on PATH, as a shell would find it. */
export function findOnPath(name: string, path: string | undefined = process.env.PATH): string | undefined {
  for (const dir of (path ?? '').split(delimiter)) {
    if (dir === '') continue
    const candidate = join(dir, name)
    try {
      accessSync(candidate, constants.X_OK)
      return candidate
    } catch {
      // Not here.
    }
  }
  return undefined
}

/** MLflow's own environment for a server nobody watches: no telemetry questions, no job runner. */
const QUIET_ENV: Readonly<Record<string, string>> = {
  // The job runner (GenAI scorer jobs) would start a Huey consumer with more Python processes.
  MLFLOW_SERVER_ENABLE_JOB_EXECUTION: 'false',
}

interface Launched {
  pid: number
  tail: OutputTail
  onExit: (listener: (reason: string) => void) => void
}

async function launch(options: MlflowProcessOptions, port: number, timeoutMs: number): Promise<Launched> {
  const args = [
    'server',
    ...options.serverArgs,
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
    cwd: options.cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...QUIET_ENV, ...process.env, ...options.env },
  })
  const tail = new OutputTail()
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    tail.push(chunk)
    if (options.forwardStderr === true) process.stderr.write(chunk)
  })
  let failure: string | undefined
  // A function, so that TypeScript does not narrow `failure` across the awaits below.
  const failed = (): string | undefined => failure
  const exitListeners: ((reason: string) => void)[] = []
  child.on('error', (error) => {
    failure ??= error.message
  })
  child.on('exit', (code, signal) => {
    failure ??= signal === null ? `exited with code ${code ?? 'unknown'}` : `was killed by ${signal}`
    for (const listener of exitListeners) listener(failure)
  })
  const { pid } = child
  if (pid === undefined) {
    // spawn() reports why (e.g. ENOENT) on the next tick.
    const error = await new Promise<Error>((resolveError) => child.once('error', resolveError))
    throw new MlflowStartError(`could not run ${options.mlflow}: ${error.message}`, false)
  }
  running.set(pid, options.ownedDir)

  const url = `http://127.0.0.1:${port}`
  const probe = options.probe ?? probeHealth
  const deadline = Date.now() + timeoutMs
  let other: string | undefined
  for (;;) {
    if (failure !== undefined) {
      stopGroupNow(pid)
      const output = tail.toString()
      throw new MlflowStartError(
        `mlflow server ${failure} before answering /health:\n${output}`,
        /address already in use/i.test(output),
      )
    }
    const found = await probe(url)
    // Checked again: another server on the port may answer while ours is failing to bind it.
    if (found.state === 'ours' && failed() === undefined)
      return {
        pid,
        tail,
        onExit: (listener) => exitListeners.push(listener),
      }
    if (found.state === 'other') other = found.reason
    if (Date.now() > deadline) {
      stopGroupNow(pid)
      const reason =
        other === undefined
          ? `did not answer ${url}/health within ${timeoutMs / 1000} s`
          : `at ${url} is not the one started here: ${other}`
      throw new MlflowStartError(`mlflow server ${reason}:\n${tail.toString()}`, false)
    }
    await new Promise((resolveSleep) => setTimeout(resolveSleep, HEALTH_POLL_MS))
  }
}

/** Launches on the given port, or on free ports until one stays free long enough for mlflow to bind it. */
async function launchOnFreePort(
  options: MlflowProcessOptions,
  timeoutMs: number,
): Promise<{ launched: Launched; port: number }> {
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freePort())
    try {
      return { launched: await launch(options, port, timeoutMs), port }
    } catch (error) {
      // Another process may take the probed port before mlflow binds it.
      const retry = error instanceof MlflowStartError && error.portTaken && options.port === undefined
      if (!retry || attempt >= PORT_ATTEMPTS) throw error
    }
  }
}

/** Starts `mlflow server` and resolves once the probe (by default GET /health) says it is up. */
export async function startMlflowProcess(options: MlflowProcessOptions): Promise<MlflowProcess> {
  installExitHooks()
  const { launched, port } = await launchOnFreePort(options, options.startTimeoutMs ?? 90_000)
  const { pid, tail } = launched
  let stopping: Promise<void> | undefined
  launched.onExit((reason) => {
    if (stopping === undefined) options.onUnexpectedExit?.(reason, tail.toString())
  })
  const stop = async (): Promise<void> => {
    killGroup(pid, 'SIGTERM')
    if (!(await waitForGroupExit(pid, STOP_GRACE_MS))) {
      killGroup(pid, 'SIGKILL')
      await waitForGroupExit(pid, STOP_GRACE_MS)
    }
    running.delete(pid)
    if (options.ownedDir !== undefined) rmSync(options.ownedDir, { recursive: true, force: true })
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    output: () => tail.toString(),
    stop: () => (stopping ??= stop()),
  }
}

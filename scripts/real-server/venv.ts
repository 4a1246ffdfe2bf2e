/**
 * The Python venv with the pinned mlflow (python/requirements.txt), cached outside the clone so that
 * every clone, test run and CI run on a machine shares one build. Its folder name carries a hash of
 * the requirements and the Python version, so changing either builds a new venv beside the old one.
 */

import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runProcess } from './process'

export interface Venv {
  python: string
  mlflow: string
}

export const REQUIREMENTS_FILE = fileURLToPath(new URL('../../python/requirements.txt', import.meta.url))

/** Written last, so a venv without it (a build that crashed or was killed) is rebuilt. */
const COMPLETE_MARKER = '.runboard-complete'
const LOCK_POLL_MS = 500
/** A build takes one to two minutes; a waiter gives up after this. */
const LOCK_TIMEOUT_MS = 15 * 60_000
/** A lock folder without an owner file yet is taken as abandoned only after this. */
const OWNERLESS_LOCK_GRACE_MS = 30_000

function log(message: string): void {
  console.error(`[venv] ${message}`)
}

function cacheRoot(): string {
  const xdg = process.env.XDG_CACHE_HOME
  return xdg !== undefined && xdg !== '' ? xdg : join(homedir(), '.cache')
}

async function venvDirectory(): Promise<string> {
  const requirements = await readFile(REQUIREMENTS_FILE, 'utf8')
  const { stdout } = await runProcess('python3', ['--version'])
  const hash = createHash('sha256').update(requirements).update(stdout.trim()).digest('hex')
  return join(cacheRoot(), 'runboard', `mlflow-venv-${hash.slice(0, 12)}`)
}

function venvOf(directory: string): Venv {
  return { python: join(directory, 'bin', 'python'), mlflow: join(directory, 'bin', 'mlflow') }
}

function isComplete(directory: string): boolean {
  return existsSync(join(directory, COMPLETE_MARKER))
}

function errorCode(error: unknown): unknown {
  return error instanceof Error ? Reflect.get(error, 'code') : undefined
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return errorCode(error) === 'EPERM'
  }
}

/** Whether a lock folder was left by a builder that no longer runs. */
async function isAbandoned(lock: string): Promise<boolean> {
  try {
    const pid = Number(await readFile(join(lock, 'pid'), 'utf8'))
    return Number.isInteger(pid) && pid > 0 && !isAlive(pid)
  } catch {
    // The owner writes its pid right after creating the folder; give it time to do so.
    try {
      return Date.now() - (await stat(lock)).mtimeMs > OWNERLESS_LOCK_GRACE_MS
    } catch {
      return false // the lock went away meanwhile
    }
  }
}

/**
 * Takes the build lock (a folder: mkdir is atomic), waiting while another process holds it, and
 * returns its release. Resolves to undefined, without the lock, if the venv got built meanwhile.
 */
async function acquireLock(lock: string, directory: string): Promise<(() => Promise<void>) | undefined> {
  const deadline = Date.now() + LOCK_TIMEOUT_MS
  let announced = false
  for (;;) {
    try {
      await mkdir(lock)
      await writeFile(join(lock, 'pid'), String(process.pid))
      return () => rm(lock, { recursive: true, force: true })
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error
    }
    if (isComplete(directory)) return undefined
    if (await isAbandoned(lock)) {
      log(`removing the lock of a builder that is gone: ${lock}`)
      await rm(lock, { recursive: true, force: true })
      continue
    }
    if (Date.now() > deadline)
      throw new Error(`gave up waiting for ${lock}; remove it if no build is running`)
    if (!announced) log(`another process is building the venv; waiting for it (${lock})`)
    announced = true
    await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS))
  }
}

async function build(directory: string): Promise<void> {
  const started = Date.now()
  log(`building ${directory}`)
  await rm(directory, { recursive: true, force: true })
  await runProcess('python3', ['-m', 'venv', directory])
  const { python } = venvOf(directory)
  log(`pip install -r ${REQUIREMENTS_FILE} (takes a minute or two without a warm pip cache)`)
  await runProcess(python, [
    '-m',
    'pip',
    'install',
    '--disable-pip-version-check',
    '--no-input',
    '-r',
    REQUIREMENTS_FILE,
  ])
  // Fail here, not in the first test, if the install is unusable.
  await runProcess(python, ['-c', 'import mlflow, sklearn'])
  await writeFile(join(directory, COMPLETE_MARKER), `${new Date().toISOString()}\n`)
  log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

/**
 * Returns the cached venv, building it first if it is missing or incomplete. Concurrent callers,
 * in this process or others, wait for a single build.
 */
export async function ensureVenv(): Promise<Venv> {
  const directory = await venvDirectory()
  if (isComplete(directory)) {
    log(`reusing ${directory}`)
    return venvOf(directory)
  }

  await mkdir(join(directory, '..'), { recursive: true })
  const release = await acquireLock(`${directory}.lock`, directory)
  if (release === undefined) {
    log(`another process built ${directory}`)
    return venvOf(directory)
  }
  try {
    // Another builder may have finished between our check and taking the lock.
    if (!isComplete(directory)) await build(directory)
  } finally {
    await release()
  }
  return venvOf(directory)
}

/**
 * A real MLflow server seeded with the contract world, for working against by hand:
 *
 *   npx tsx scripts/real-server/cli.ts [--port N] [--dir D] [--big-file]
 *
 * Builds or reuses the cached venv, starts `mlflow server` (data in D, or a temporary folder that is
 * removed on exit), seeds it, prints its URL and keeps it up until Ctrl-C. A --dir that was seeded
 * before is refused by the seed; use a fresh one.
 *
 * --big-file also makes a run `artifact-huge-files` in an experiment `artifact-huge` whose
 * `big/weights-1gb.bin` is a 1 GiB sparse file (`truncate -s 1G`: it takes no disk space and no time),
 * to try the artifact browser on a real server's 1 GB file. Only when asked, so the seed stays fast.
 */

import { execFile } from 'node:child_process'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs, promisify } from 'node:util'
import { HUGE_ARTIFACTS } from '../../mocks/world/huge-artifacts'
import { startSeededServer } from './seeded'

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now()
  const result = await work()
  console.error(`[real-server] ${label} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return result
}

function parsePort(text: string | undefined): number | undefined {
  if (text === undefined) return undefined
  const port = Number(text)
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`--port ${text} is not a port number`)
  return port
}

async function call(url: string, method: 'GET' | 'POST', path: string, body?: object): Promise<unknown> {
  const response = await fetch(`${url}/api/2.0/mlflow/${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`)
  return JSON.parse(text)
}

function field(value: unknown, ...path: string[]): unknown {
  let current = value
  for (const key of path)
    current = current !== null && typeof current === 'object' ? Reflect.get(current, key) : undefined
  return current
}

/** The folder behind a run's artifact URI: a path or `file://` URI with a local artifact root. */
function localFolder(artifactUri: string): string {
  if (artifactUri.startsWith('file://')) return fileURLToPath(artifactUri)
  if (artifactUri.startsWith('/')) return artifactUri
  throw new Error(`--big-file needs a local artifact root, but the run's artifact URI is ${artifactUri}`)
}

/**
 * The `artifact-huge` run with a sparse 1 GiB `big/weights-1gb.bin`, written straight into the run's
 * artifact folder (the server lists and serves whatever is there). Returns the file's path.
 */
async function addBigFile(url: string): Promise<string> {
  const experiment = await call(url, 'POST', 'experiments/create', { name: HUGE_ARTIFACTS.experiment })
  const experimentId = String(field(experiment, 'experiment_id'))
  const now = Date.now()
  const created = await call(url, 'POST', 'runs/create', {
    experiment_id: experimentId,
    run_name: HUGE_ARTIFACTS.runName,
    start_time: now,
  })
  const runId = String(field(created, 'run', 'info', 'run_id'))
  const file = join(
    localFolder(String(field(created, 'run', 'info', 'artifact_uri'))),
    HUGE_ARTIFACTS.paths.binary,
  )
  await mkdir(join(file, '..'), { recursive: true })
  await promisify(execFile)('truncate', ['-s', '1G', file])
  await call(url, 'POST', 'runs/update', { run_id: runId, status: 'FINISHED', end_time: Date.now() })
  return file
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, dir: { type: 'string' }, 'big-file': { type: 'boolean' } },
    strict: true,
  })
  const { server, summary } = await timed('seeded server ready', () =>
    startSeededServer({ dir: values.dir, port: parsePort(values.port), forwardStderr: true }),
  )
  if (values['big-file'] === true) {
    const file = await timed('1 GiB sparse file made', () => addBigFile(server.url))
    console.error(`[real-server] ${HUGE_ARTIFACTS.experiment}/${HUGE_ARTIFACTS.runName}: ${file}`)
  }
  console.error(
    `[real-server] ${Object.keys(summary.experiments).length} experiments, ${Object.keys(summary.runs).length} ` +
      `world runs and ${summary.realUsageRuns.length} real-usage runs; data in ${server.dir}`,
  )
  let stopping = false
  const shutdown = (): void => {
    if (stopping) return
    stopping = true
    console.error('[real-server] stopping')
    void server.stop().then(() => process.exit(0))
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
  console.log(server.url)
  console.error('[real-server] serving until Ctrl-C')
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})

/**
 * A real MLflow server seeded with the contract world, for working against by hand:
 *
 *   npx tsx scripts/real-server/cli.ts [--port N] [--dir D]
 *
 * Builds or reuses the cached venv, starts `mlflow server` (data in D, or a temporary folder that is
 * removed on exit), seeds it, prints its URL and keeps it up until Ctrl-C. A --dir that was seeded
 * before is refused by the seed; use a fresh one.
 */

import { parseArgs } from 'node:util'
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

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, dir: { type: 'string' } },
    strict: true,
  })
  const { server, summary } = await timed('seeded server ready', () =>
    startSeededServer({ dir: values.dir, port: parsePort(values.port), forwardStderr: true }),
  )
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

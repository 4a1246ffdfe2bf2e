/**
 * The real backend of the end-to-end tests, started by Playwright as a web server: a real MLflow
 * server seeded with the contract world, and two `runboard` servers in front of it, run exactly as a
 * user runs them: one proxying the tracking server (`--tracking-uri`), one opening its SQLite store
 * as `mlflow ui` users do (`--backend-store-uri`). Stops everything on SIGTERM/SIGINT.
 */

import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { startSeededServer } from './real-server/seeded'

const RUNBOARD = fileURLToPath(new URL('../bin/runboard.mjs', import.meta.url))

function runboard(args: string[]): ChildProcess {
  return spawn(process.execPath, [RUNBOARD, ...args], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: process.env,
  })
}

async function main(): Promise<void> {
  const { server, venv } = await startSeededServer()
  console.log(`[e2e-real] seeded MLflow at ${server.url}`)
  const children = [
    runboard(['--tracking-uri', server.url, '--port', '5192']),
    runboard([
      '--backend-store-uri',
      `sqlite:///${server.dir}/mlflow.db`,
      '--default-artifact-root',
      `${server.dir}/artifacts`,
      '--mlflow',
      venv.mlflow,
      '--port',
      '5194',
    ]),
  ]
  let stopping = false
  const stop = (): void => {
    if (stopping) return
    stopping = true
    for (const child of children) child.kill('SIGTERM')
    void server.stop().then(() => process.exit(0))
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
  for (const child of children) {
    child.on('exit', (code) => {
      if (!stopping && code !== 0 && code !== null) {
        console.error(`[e2e-real] a runboard server exited with ${code}`)
        stop()
      }
    })
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})

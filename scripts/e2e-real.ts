/**
 * The real backend of the end-to-end tests, started by Playwright as a web server: a real MLflow
 * server seeded with the contract world, and two `runboard` servers in front of it, run exactly as a
 * user runs them: one proxying the tracking server (`--tracking-uri`, port 5192), one opening its
 * SQLite store as `mlflow ui` users do (`--backend-store-uri`, port 5194). A second real server with
 * `--enable-workspaces` (a workspace `team-a` holding `team-a-experiment`) sits behind a third
 * `runboard` (port 5195). Stops everything on SIGTERM/SIGINT.
 */

import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { startSeededServer } from './real-server/seeded'
import { startMlflowServer } from './real-server/server'

const RUNBOARD = fileURLToPath(new URL('../bin/runboard.mjs', import.meta.url))

function runboard(args: string[]): ChildProcess {
  return spawn(process.execPath, [RUNBOARD, ...args], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: process.env,
  })
}

async function waitForHealth(url: string): Promise<void> {
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/health`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`${url} did not come up`)
}

async function post(url: string, body: unknown, workspace?: string): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(workspace === undefined ? {} : { 'X-MLFLOW-WORKSPACE': workspace }),
    },
    body: JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`)
}

async function main(): Promise<void> {
  const { server, venv } = await startSeededServer()
  console.log(`[e2e-real] seeded MLflow at ${server.url}`)
  const workspaces = await startMlflowServer({ mlflow: venv.mlflow, extraArgs: ['--enable-workspaces'] })
  await post(`${workspaces.url}/ajax-api/3.0/mlflow/workspaces`, { name: 'team-a', description: 'Team A' })
  await post(`${workspaces.url}/api/2.0/mlflow/experiments/create`, { name: 'team-a-experiment' }, 'team-a')
  const workspaceFront = runboard(['--tracking-uri', workspaces.url, '--port', '5195'])
  await waitForHealth('http://127.0.0.1:5195')
  const children = [
    workspaceFront,
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
    void Promise.all([server.stop(), workspaces.stop()]).then(() => process.exit(0))
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

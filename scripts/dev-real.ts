/**
 * `npm run dev:real`: Vite's dev server against a real MLflow server seeded with the contract world,
 * for a person to click through what the tests see. Both stop on Ctrl-C.
 */

import { spawn } from 'node:child_process'
import { startSeededServer } from './real-server/seeded'

async function main(): Promise<void> {
  const { server } = await startSeededServer({ forwardStderr: true })
  console.log(`[dev:real] seeded MLflow server at ${server.url}`)
  const vite = spawn(process.execPath, ['node_modules/vite/bin/vite.js', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, MLFLOW_TRACKING_URI: server.url },
  })
  const stop = (): void => {
    vite.kill('SIGTERM')
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  vite.on('exit', (code) => {
    void server.stop().then(() => process.exit(code ?? 0))
  })
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})

import { createServer } from 'node:net'
import { expect, test } from '@playwright/test'
import { startRunboard, type Runboard } from '../server/main'
import { parseRunboardOptions } from '../server/options'

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => {
        if (address === null || typeof address === 'string') reject(new Error('no port'))
        else resolve(address.port)
      })
    })
  })
}

function config(args: string[]) {
  const parsed = parseRunboardOptions({ argv: args, env: {}, cwd: process.cwd() })
  if (parsed.kind !== 'run') throw new Error(`bad options: ${args.join(' ')}`)
  return parsed.config
}

test('says the tracking server is unreachable, and recovers by itself when it returns @demo-only', async ({
  page,
}) => {
  const trackingPort = await freePort()
  const trackingUri = `http://127.0.0.1:${trackingPort}`
  const servers: Runboard[] = []
  try {
    const front = await startRunboard(config(['--tracking-uri', trackingUri, '--port', '0']), {
      log: () => {},
    })
    servers.push(front)
    await page.goto(front.url)
    await expect(page.getByText(`Cannot reach the tracking server at ${trackingUri}`)).toBeVisible()
    await expect(
      page.getByRole('alert').filter({ hasText: 'Cannot reach the tracking server' }).first(),
    ).toBeVisible()

    // The tracking server comes back (played by a demo Runboard, which answers MLflow's routes).
    servers.push(await startRunboard(config(['--demo', '--port', String(trackingPort)]), { log: () => {} }))
    await expect(page.getByText('MLflow 3.17.2')).toBeVisible({ timeout: 20_000 })
    await expect(page.getByRole('link', { name: 'mnist-baseline' })).toBeVisible({ timeout: 20_000 })
  } finally {
    await Promise.all(servers.map((server) => server.close()))
  }
})

import { once } from 'node:events'
import { createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { ListenError, startRunboard } from './main'
import type { RunboardConfig } from './options'
import { send } from './test-client'

function demoOn(port: number, host = '127.0.0.1'): RunboardConfig {
  return { mode: { kind: 'demo', scenario: 'empty' }, host, port, basePath: '/' }
}

describe('startRunboard', () => {
  it('fails with one clear line when the port is taken', async () => {
    const taken = createServer()
    taken.listen(0, '127.0.0.1')
    await once(taken, 'listening')
    const { port } = taken.address() as AddressInfo
    try {
      const started = startRunboard(demoOn(port), { staticDir: '/nonexistent', log: () => undefined })
      await expect(started).rejects.toThrow(ListenError)
      await expect(started).rejects.toThrow(
        `port ${port} on 127.0.0.1 is in use (another Runboard or mlflow ui?); pass --port <n> or set PORT`,
      )
    } finally {
      taken.close()
    }
  })

  it('gives a URL one can open, also when listening on every interface', async () => {
    const runboard = await startRunboard(demoOn(0, '0.0.0.0'), {
      staticDir: '/nonexistent',
      log: () => undefined,
    })
    try {
      expect(runboard.url).toBe(`http://localhost:${runboard.port}/`)
      expect((await send(`http://127.0.0.1:${runboard.port}/health`)).text).toBe('OK')
    } finally {
      await runboard.close()
    }
  })

  it('answers 400 to a request target that is not a path, and 405 to writes of the config', async () => {
    const runboard = await startRunboard(demoOn(0), { staticDir: '/nonexistent', log: () => undefined })
    try {
      const absolute = new Promise<number>((resolveStatus, reject) => {
        const outgoing = request(
          { host: '127.0.0.1', port: runboard.port, path: 'http://elsewhere.example/api/2.0/mlflow/x' },
          (incoming) => {
            incoming.resume()
            resolveStatus(incoming.statusCode ?? 0)
          },
        )
        outgoing.on('error', reject)
        outgoing.end()
      })
      expect(await absolute).toBe(400)
      const write = await send(`${runboard.url}runboard-config.json`, { method: 'DELETE' })
      expect(write.status).toBe(405)
    } finally {
      await runboard.close()
    }
  })
})

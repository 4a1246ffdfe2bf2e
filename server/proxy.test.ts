import { createHash, randomBytes } from 'node:crypto'
import { once } from 'node:events'
import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { freePort } from './mlflow-process'
import { startRunboard, type Runboard } from './main'
import type { RunboardConfig } from './options'
import { send, waitFor } from './test-client'

interface Seen {
  method: string
  url: string
  headers: IncomingHttpHeaders
  bodyBytes: number
  bodySha: string
}

/** A stand-in tracking server under the prefix /mlflow that records what reaches it. */
class Upstream {
  readonly seen: Seen[] = []
  readonly server: Server
  /** Requests that wait for the test (streaming and disconnect checks). */
  held: { response: ServerResponse; closed: boolean }[] = []
  releaseStream: (() => void) | undefined
  readonly download = randomBytes(5 * 1024 * 1024)
  readonly searchJson = JSON.stringify(
    { experiments: Array.from({ length: 50 }, (_, i) => ({ id: String(i) })) },
    null,
    2,
  )

  constructor() {
    this.server = createServer((request, response) => {
      this.receive(request, response)
    })
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port
  }

  listen(port = 0): Promise<void> {
    this.server.listen(port, '127.0.0.1')
    return once(this.server, 'listening').then(() => undefined)
  }

  close(): Promise<void> {
    this.server.closeAllConnections()
    return new Promise((resolveClose) =>
      this.server.close(() => {
        resolveClose()
      }),
    )
  }

  private receive(request: IncomingMessage, response: ServerResponse): void {
    const hash = createHash('sha256')
    let bytes = 0
    request.on('data', (chunk: Buffer) => {
      bytes += chunk.length
      hash.update(chunk)
    })
    request.on('end', () => {
      const seen: Seen = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        bodyBytes: bytes,
        bodySha: hash.digest('hex'),
      }
      this.seen.push(seen)
      this.answer(seen, response)
    })
  }

  private answer(seen: Seen, response: ServerResponse): void {
    const path = seen.url.split('?')[0]
    if (path === '/mlflow/api/2.0/mlflow/experiments/search') {
      // MLflow sends no gzip; Keep-Alive describes this hop only.
      response.writeHead(200, {
        'Content-Type': 'application/json',
        'Keep-Alive': 'timeout=99',
        Vary: 'Origin',
      })
      response.end(this.searchJson)
    } else if (path === '/mlflow/ajax-api/2.0/mlflow/upload') {
      response.writeHead(200, { 'Content-Type': 'application/json' })
      response.end(JSON.stringify({ bytes: seen.bodyBytes, sha256: seen.bodySha }))
    } else if (seen.url === '/mlflow/get-artifact?path=model.bin&run_uuid=1') {
      // The first MiB, then the rest only once the test has seen the first bytes arrive.
      response.writeHead(200, {
        'Content-Type': 'application/octet-stream',
        'Content-Length': this.download.length,
      })
      response.write(this.download.subarray(0, 1024 * 1024))
      this.releaseStream = () => response.end(this.download.subarray(1024 * 1024))
    } else if (path === '/mlflow/api/2.0/mlflow/hang') {
      const held = { response, closed: false }
      response.on('close', () => {
        held.closed = true
      })
      this.held.push(held)
    } else {
      response.writeHead(200, { 'Content-Type': 'text/plain' })
      response.end(`upstream ${seen.method} ${seen.url}`)
    }
  }
}

const upstream = new Upstream()
let runboard: Runboard
const logs: string[] = []

function proxyConfig(upstreamUrl: string, basePath = '/rb/'): RunboardConfig {
  return {
    mode: {
      kind: 'proxy',
      upstream: { url: upstreamUrl, authorization: 'Basic YWxpY2U6czNjcmV0', insecureTls: false },
    },
    host: '127.0.0.1',
    port: 0,
    basePath,
  }
}

beforeAll(async () => {
  await upstream.listen()
  runboard = await startRunboard(proxyConfig(`http://127.0.0.1:${upstream.port}/mlflow`), {
    staticDir: '/nonexistent',
    log: (line) => logs.push(line),
  })
})

afterAll(async () => {
  await runboard.close()
  await upstream.close()
})

afterEach(() => {
  upstream.seen.length = 0
})

function at(path: string): string {
  return `http://127.0.0.1:${runboard.port}${path}`
}

describe('proxy mode: what reaches the tracking server', () => {
  it('forwards under the upstream prefix with Host and Origin rewritten and credentials added', async () => {
    const response = await send(at('/rb/api/2.0/mlflow/experiments/search?max_results=5&view=x%2Fy'), {
      method: 'POST',
      headers: {
        Origin: 'https://dashboard.example',
        Host: 'dashboard.example',
        'Content-Type': 'application/json',
        Connection: 'keep-alive, X-Hop',
        'X-Hop': 'drop me',
        'Proxy-Authorization': 'Basic drop',
        Cookie: 'mlflow-session=abc',
      },
      body: '{"max_results":5}',
    })
    expect(response.status).toBe(200)
    const [seen] = upstream.seen
    expect(seen?.url).toBe('/mlflow/api/2.0/mlflow/experiments/search?max_results=5&view=x%2Fy')
    expect(seen?.headers.host).toBe(`127.0.0.1:${upstream.port}`)
    expect(seen?.headers.origin).toBe(`http://127.0.0.1:${upstream.port}`)
    expect(seen?.headers.authorization).toBe('Basic YWxpY2U6czNjcmV0')
    expect(seen?.headers['x-hop']).toBeUndefined()
    expect(seen?.headers['proxy-authorization']).toBeUndefined()
    expect(seen?.headers.cookie).toBe('mlflow-session=abc')
    expect(seen?.headers['content-type']).toBe('application/json')
    expect(seen?.bodyBytes).toBe(17)
  })

  it("keeps the browser's own Authorization and adds no Origin to requests without one", async () => {
    await send(at('/rb/api/2.0/mlflow/runs/get?run_id=1'), { headers: { Authorization: 'Bearer mine' } })
    expect(upstream.seen[0]?.headers.authorization).toBe('Bearer mine')
    expect(upstream.seen[0]?.headers.origin).toBeUndefined()
  })

  it.each([
    '/rb/api/2.0/mlflow/runs/get',
    '/rb/ajax-api/2.0/mlflow/metrics/get-history-bulk-interval',
    '/rb/ajax-api/3.0/mlflow/server-info',
    '/rb/get-artifact',
    '/rb/model-versions/get-artifact',
    '/rb/version',
    '/rb/health',
  ])('forwards %s', async (path) => {
    const response = await send(at(`${path}?q=1`))
    expect(response.text).toBe(`upstream GET /mlflow${path.slice(3)}?q=1`)
  })

  it.each([
    '/rb/graphql',
    '/rb/static-files/app.js',
    '/rb/apix/2.0',
    '/api/2.0/mlflow/runs/get',
    '/rb/api/../../mlflow/api/2.0/mlflow/runs/get',
    '/rb/api/%2e%2e/%2e%2e/secret',
  ])('does not forward %s', async (path) => {
    const response = await send(at(path))
    expect(response.status).toBe(404)
    expect(upstream.seen).toEqual([])
  })
})

describe('proxy mode: responses', () => {
  it('gzips JSON for clients that accept it, drops hop-by-hop headers, and varies on encoding', async () => {
    const response = await send(at('/rb/api/2.0/mlflow/experiments/search'), {
      headers: { 'Accept-Encoding': 'gzip, deflate, br' },
    })
    expect(response.headers['content-encoding']).toBe('gzip')
    expect(response.headers.vary).toBe('Origin, Accept-Encoding')
    expect(response.headers['keep-alive']).not.toBe('timeout=99')
    expect(response.text).toBe(upstream.searchJson)
    expect(response.raw.length).toBeLessThan(upstream.searchJson.length / 4)
  })

  it('sends identity to clients that do not accept gzip', async () => {
    const response = await send(at('/rb/api/2.0/mlflow/experiments/search'), {
      headers: { 'Accept-Encoding': 'gzip;q=0, identity' },
    })
    expect(response.headers['content-encoding']).toBeUndefined()
    expect(response.raw.toString()).toBe(upstream.searchJson)
  })

  it('streams a 5 MB download: the first bytes arrive before the upstream has sent the rest', async () => {
    const request = httpRequest(at('/rb/get-artifact?path=model.bin&run_uuid=1'), {
      headers: { 'Accept-Encoding': 'gzip' },
    })
    request.end()
    const [response] = (await once(request, 'response')) as [IncomingMessage]
    expect(response.headers['content-encoding']).toBeUndefined()
    const chunks: Buffer[] = []
    let released = false
    response.on('data', (chunk: Buffer) => {
      chunks.push(chunk)
      if (!released) {
        released = true
        upstream.releaseStream?.()
      }
    })
    await once(response, 'end')
    expect(Buffer.concat(chunks).equals(upstream.download)).toBe(true)
  })

  it('streams a 5 MB upload through intact', async () => {
    const body = randomBytes(5 * 1024 * 1024)
    const response = await send(at('/rb/ajax-api/2.0/mlflow/upload'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream' },
      body,
    })
    expect(response.json()).toEqual({
      bytes: body.length,
      sha256: createHash('sha256').update(body).digest('hex'),
    })
  })

  it('stops the upstream request when the browser disconnects', async () => {
    const request = httpRequest(at('/rb/api/2.0/mlflow/hang'))
    request.on('error', () => undefined)
    request.end()
    await waitFor(() => upstream.held.length === 1)
    request.destroy()
    await waitFor(() => upstream.held[0]?.closed === true)
  })
})

describe('proxy mode: pooled connections', () => {
  it('sends a request again when the server dropped the pooled connection it went out on', async () => {
    // Answers the first request on each connection and drops the connection on the second one,
    // as a server does whose keep-alive timeout just ran out.
    const served = new WeakMap<object, number>()
    const dropping = createServer((request, response) => {
      const count = (served.get(request.socket) ?? 0) + 1
      served.set(request.socket, count)
      if (count > 1) {
        request.socket.destroy()
        return
      }
      request.resume()
      request.on('end', () => {
        response.writeHead(200, { 'Content-Type': 'text/plain' })
        response.end(`${request.method ?? ''} ok`)
      })
    })
    dropping.listen(0, '127.0.0.1')
    await once(dropping, 'listening')
    const port = (dropping.address() as AddressInfo).port
    const pooled = await startRunboard(proxyConfig(`http://127.0.0.1:${port}`, '/'), {
      staticDir: '/nonexistent',
      log: (line) => logs.push(line),
    })
    try {
      const base = `http://127.0.0.1:${pooled.port}`
      expect((await send(`${base}/version`)).text).toBe('GET ok')
      expect((await send(`${base}/version`)).text).toBe('GET ok')
      const post = await send(`${base}/api/2.0/mlflow/runs/search`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"max_results":1}',
      })
      expect(post.text).toBe('POST ok')
    } finally {
      await pooled.close()
      dropping.closeAllConnections()
      dropping.close()
    }
  })
})

describe('proxy mode: an unreachable tracking server', () => {
  it('answers 502 in JSON without credentials, and recovers once the server is up', async () => {
    const port = await freePort()
    const down = await startRunboard(proxyConfig(`http://127.0.0.1:${port}/mlflow`, '/'), {
      staticDir: '/nonexistent',
      log: (line) => logs.push(line),
    })
    try {
      const failed = await send(`http://127.0.0.1:${down.port}/api/2.0/mlflow/experiments/search`)
      expect(failed.status).toBe(502)
      expect(failed.json()).toEqual({
        error_code: 'RUNBOARD_UPSTREAM_UNREACHABLE',
        message: `Cannot reach the tracking server at http://127.0.0.1:${port}/mlflow`,
      })
      expect(logs.some((line) => line.includes('ECONNREFUSED'))).toBe(true)

      const late = new Upstream()
      await late.listen(port)
      try {
        const recovered = await send(`http://127.0.0.1:${down.port}/version`)
        expect(recovered.status).toBe(200)
        expect(recovered.text).toBe('upstream GET /mlflow/version')
      } finally {
        await late.close()
      }
    } finally {
      await down.close()
    }
  })

  it('answers 502 when no response headers come in time', async () => {
    const slow = await startRunboard(proxyConfig(`http://127.0.0.1:${upstream.port}/mlflow`, '/'), {
      staticDir: '/nonexistent',
      upstreamTimeoutMs: 200,
      log: (line) => logs.push(line),
    })
    try {
      const response = await send(`http://127.0.0.1:${slow.port}/api/2.0/mlflow/hang`)
      expect(response.status).toBe(502)
      expect(logs.some((line) => line.includes('RUNBOARD_UPSTREAM_TIMEOUT'))).toBe(true)
    } finally {
      await slow.close()
    }
  })

  it('names a host that does not resolve', async () => {
    const nowhere = await startRunboard(proxyConfig('http://runboard-no-such-host.invalid:5000'), {
      staticDir: '/nonexistent',
      log: (line) => logs.push(line),
    })
    try {
      const response = await send(`http://127.0.0.1:${nowhere.port}/rb/version`)
      expect(response.status).toBe(502)
      expect(response.json()).toMatchObject({ error_code: 'RUNBOARD_UPSTREAM_UNREACHABLE' })
    } finally {
      await nowhere.close()
    }
  })
})

describe('proxy mode: runtime config', () => {
  it('describes the upstream without credentials', async () => {
    const response = await send(at('/rb/runboard-config.json'))
    expect(response.json()).toEqual({
      mode: 'proxy',
      trackingUri: `http://127.0.0.1:${upstream.port}/mlflow`,
      basePath: '/rb/',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/) as unknown,
      artifactFrames: true,
    })
    expect(response.text).not.toContain('YWxpY2U6czNjcmV0')
    expect(response.headers['cache-control']).toBe('no-store')
  })
})

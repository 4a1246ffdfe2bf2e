import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRunboard, type Runboard } from './main'
import { injectBaseHref } from './static'
import { send } from './test-client'

const INDEX = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <script type="module" crossorigin src="./assets/index-AbCdEf12.js"></script>
  </head>
  <body><div id="root"></div></body>
</html>
`
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(4000))})\n`

const dist = mkdtempSync(join(tmpdir(), 'runboard-dist-'))
mkdirSync(join(dist, 'assets'))
writeFileSync(join(dist, 'index.html'), INDEX)
writeFileSync(join(dist, 'assets', 'index-AbCdEf12.js'), SCRIPT)
writeFileSync(join(dist, 'favicon.ico'), Buffer.from([0, 0, 1, 0]))
writeFileSync(join(dist, '.env'), 'SECRET=1')
const outside = join(dist, '..', `${basename(dist)}-outside.txt`)
writeFileSync(outside, 'outside')

let runboard: Runboard
let origin: string
beforeAll(async () => {
  runboard = await startRunboard(
    { mode: { kind: 'demo', scenario: 'empty' }, host: '127.0.0.1', port: 0, basePath: '/mlflow/' },
    { staticDir: dist, log: () => undefined },
  )
  origin = `http://127.0.0.1:${runboard.port}`
})
afterAll(async () => {
  await runboard.close()
  rmSync(dist, { recursive: true, force: true })
  rmSync(outside, { force: true })
})

const html = { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' }

describe('injectBaseHref', () => {
  it('puts the base element first in head, with attributes on head or none', () => {
    expect(injectBaseHref('<html><head><title>x</title></head></html>', '/a/')).toBe(
      '<html><head>\n    <base href="/a/" /><title>x</title></head></html>',
    )
    expect(injectBaseHref('<HEAD lang="en"><title>', '/')).toBe(
      '<HEAD lang="en">\n    <base href="/" /><title>',
    )
    expect(injectBaseHref('<p>no head</p>', '/a"b/')).toBe('<base href="/a&quot;b/" />\n<p>no head</p>')
  })

  it('writes the page config as an escaped meta element right after the base element', () => {
    expect(injectBaseHref('<head><title>', '/', '{"trackingUri":"http://a/<x>&\\"y"}')).toBe(
      '<head>\n    <base href="/" />\n    <meta name="runboard-config" content="{&quot;trackingUri&quot;:&quot;http://a/&lt;x&gt;&amp;\\&quot;y&quot;}" /><title>',
    )
  })
})

describe('static files under the base path', () => {
  it('serves index.html with the base href, security headers and no-cache', async () => {
    const response = await send(`${origin}/mlflow/`, { headers: html })
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(response.text).toContain(
      '<head>\n    <base href="/mlflow/" />\n    <meta name="runboard-config" content="{&quot;mode&quot;:&quot;demo&quot;',
    )
    expect(response.text).toContain('&quot;basePath&quot;:&quot;/mlflow/&quot;')
    expect(response.headers['cache-control']).toBe('no-cache')
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    const csp = response.headers['content-security-policy'] ?? ''
    for (const directive of [
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "connect-src 'self'",
      "frame-src 'self' blob:",
      "object-src 'none'",
      "base-uri 'self'",
    ])
      expect(csp).toContain(directive)
    // Runboard is embedded in portals: nothing may forbid framing.
    expect(csp).not.toContain('frame-ancestors')
    expect(response.headers['x-frame-options']).toBeUndefined()
  })

  it('falls back to index.html for deep links that accept HTML', async () => {
    const response = await send(`${origin}/mlflow/experiments/3/runs/abc/artifacts/model.pkl?tab=x`, {
      headers: html,
    })
    expect(response.status).toBe(200)
    expect(response.text).toContain('<base href="/mlflow/" />')
  })

  it('answers 404 for a missing file requested by a script or image', async () => {
    const response = await send(`${origin}/mlflow/assets/index-missing1.js`, { headers: { Accept: '*/*' } })
    expect(response.status).toBe(404)
  })

  it('serves hashed assets for a year, gzipped when accepted, with a validator', async () => {
    const response = await send(`${origin}/mlflow/assets/index-AbCdEf12.js`, {
      headers: { 'Accept-Encoding': 'gzip' },
    })
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(response.headers['content-encoding']).toBe('gzip')
    expect(response.text).toBe(SCRIPT)
    const again = await send(`${origin}/mlflow/assets/index-AbCdEf12.js`, {
      headers: { 'If-None-Match': response.headers.etag ?? '' },
    })
    expect(again.status).toBe(304)
  })

  it('serves other files with revalidation and their content type', async () => {
    const response = await send(`${origin}/mlflow/favicon.ico`)
    expect(response.headers['content-type']).toBe('image/x-icon')
    expect(response.headers['cache-control']).toBe('no-cache')
  })

  it.each([
    '/mlflow/.env',
    '/mlflow/..%2f..%2fetc%2fpasswd',
    `/mlflow/..%2f${basename(outside)}`,
    '/mlflow/%E0%A4%A',
  ])('keeps %s private', async (path) => {
    const response = await send(`${origin}${path}`, { headers: { Accept: '*/*' } })
    expect(response.status).toBe(404)
    expect(response.text).not.toMatch(/SECRET|outside|root:/)
  })

  it('answers 405 to writes outside the API', async () => {
    const response = await send(`${origin}/mlflow/index.html`, { method: 'POST' })
    expect(response.status).toBe(405)
    expect(response.headers.allow).toBe('GET, HEAD')
  })
})

describe('outside the base path', () => {
  it('redirects / and the base path without its slash to the base path', async () => {
    const root = await send(`${origin}/`, { headers: html })
    expect(root.status).toBe(302)
    expect(root.headers.location).toBe('/mlflow/')
    const bare = await send(`${origin}/mlflow?x=1`, { headers: html })
    expect(bare.headers.location).toBe('/mlflow/?x=1')
  })

  it('answers 404 elsewhere, even for pages', async () => {
    const response = await send(`${origin}/other/page`, { headers: html })
    expect(response.status).toBe(404)
  })
})

describe('before the app is built', () => {
  it('says how to build it', async () => {
    const unbuilt = await startRunboard(
      { mode: { kind: 'demo', scenario: 'empty' }, host: '127.0.0.1', port: 0, basePath: '/' },
      { staticDir: join(dist, 'missing'), log: () => undefined },
    )
    try {
      const response = await send(unbuilt.url, { headers: html })
      expect(response.status).toBe(503)
      expect(response.text).toContain('npm run build')
    } finally {
      await unbuilt.close()
    }
  })
})

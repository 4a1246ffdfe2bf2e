/**
 * The built SPA (`dist/`) under the base path. One build serves any base path: Vite emits relative
 * asset URLs (`base: './'`) and we put `<base href="<basePath>">` into index.html, so assets and
 * `document.baseURI` resolve from deep links such as `/mlflow/experiments/3/runs/abc` too.
 */

import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'
import { extname, join, relative, resolve, sep } from 'node:path'
import { gzipSync } from 'node:zlib'
import { MIN_COMPRESSED_BYTES, acceptsGzip, isCompressibleType } from './compression'
import { sendText } from './http-messages'

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.json': 'application/json',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
}

/**
 * What the app needs and nothing more. No `frame-ancestors` (and no X-Frame-Options): Runboard is
 * embedded in internal portals. `blob:` frames and workers serve artifact previews and off-thread
 * chart reduction; inline styles come from the chart and table libraries.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self' blob:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ')

/** Vite's output: `assets/<name>-<hash>.<ext>`; the hash changes whenever the content does. */
function isHashedAsset(path: string): boolean {
  return path.startsWith('assets/') && /[-.][A-Za-z0-9_-]{8,}\.[a-z0-9]+$/.test(path)
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/**
 * Puts `<base href>` first in `<head>`, before anything that resolves a relative URL, and the
 * runtime config as a `<meta>` the app reads at start (no request, and no inline script for the CSP
 * to forbid).
 */
export function injectBaseHref(html: string, basePath: string, pageConfig?: string): string {
  const meta =
    pageConfig === undefined
      ? ''
      : `\n    <meta name="runboard-config" content="${escapeAttribute(pageConfig)}" />`
  const tag = `<base href="${escapeAttribute(basePath)}" />${meta}`
  const head = /<head(\s[^>]*)?>/i.exec(html)
  if (head === null) return `${tag}\n${html}`
  const end = head.index + head[0].length
  return `${html.slice(0, end)}\n    ${tag}${html.slice(end)}`
}

interface CachedFile {
  mtimeMs: number
  size: number
  body: Buffer
  gzipped: Buffer | undefined
  etag: string
}

export interface StaticOptions {
  /** The built app: index.html and assets/. */
  root: string
  basePath: string
  /** JSON the page carries for the app (the runtime config). */
  pageConfig?: string
}

export interface StaticHandler {
  /**
   * @param path the decoded-on-demand path below the base path, without leading slash or query
   */
  handle(request: IncomingMessage, response: ServerResponse, path: string): void
}

function etagOf(body: Buffer): string {
  // Weak: the gzipped and the identity body share it, which only a weak validator may.
  return `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`
}

/** Files up to this size are kept in memory with their gzip (the whole app is a few MB). */
const CACHED_FILE_LIMIT_BYTES = 4 * 1024 * 1024

export function createStaticHandler(options: StaticOptions): StaticHandler {
  const root = resolve(options.root)
  const cache = new Map<string, CachedFile>()

  /** Reads a file (or the injected index.html) unless the cached copy is still current. */
  async function load(file: string, size: number, mtimeMs: number, isIndex: boolean): Promise<CachedFile> {
    const cached = cache.get(file)
    if (cached !== undefined && cached.mtimeMs === mtimeMs && cached.size === size) return cached
    const raw = await readFile(file)
    const body = isIndex
      ? Buffer.from(injectBaseHref(raw.toString('utf8'), options.basePath, options.pageConfig))
      : raw
    const compressible = isCompressibleType(CONTENT_TYPES[extname(file)])
    const entry: CachedFile = {
      mtimeMs,
      size,
      body,
      gzipped: compressible && body.length >= MIN_COMPRESSED_BYTES ? gzipSync(body) : undefined,
      etag: etagOf(body),
    }
    cache.set(file, entry)
    return entry
  }

  /** The file for a path below the base path, if it names one inside the root. */
  async function findFile(
    path: string,
  ): Promise<{ file: string; size: number; mtimeMs: number } | undefined> {
    let decoded: string
    try {
      decoded = decodeURIComponent(path)
    } catch {
      return undefined
    }
    if (decoded.includes('\0')) return undefined
    const file = resolve(root, decoded)
    const inside = relative(root, file)
    // Dotfiles stay private, and nothing outside the root is reachable.
    if (inside === '' || inside.startsWith('..') || inside.split(sep).some((part) => part.startsWith('.')))
      return undefined
    try {
      const info = await stat(file)
      return info.isFile() ? { file, size: info.size, mtimeMs: info.mtimeMs } : undefined
    } catch {
      return undefined
    }
  }

  async function serve(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    const found = path === '' ? undefined : await findFile(path)
    const wantsHtml = (request.headers.accept ?? '').includes('text/html')
    const index = join(root, 'index.html')
    const isIndex = found === undefined || found.file === index
    if (found === undefined && path !== '' && !wantsHtml) {
      sendText(response, 404, 'Not found\n')
      return
    }
    let target = found
    if (isIndex) {
      try {
        const info = await stat(index)
        target = { file: index, size: info.size, mtimeMs: info.mtimeMs }
      } catch {
        sendText(
          response,
          503,
          'Runboard is not built yet: run `npm run build` (npm start does it for you).\n',
        )
        return
      }
    }
    if (target === undefined) return
    const type = CONTENT_TYPES[extname(target.file)] ?? 'application/octet-stream'
    const headers: OutgoingHttpHeaders = { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff' }
    if (isIndex) {
      headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY
      headers['Referrer-Policy'] = 'same-origin'
    }
    // index.html must be revalidated so a new build is picked up; hashed assets never change.
    headers['Cache-Control'] = isHashedAsset(path) ? 'public, max-age=31536000, immutable' : 'no-cache'

    if (!isIndex && target.size > CACHED_FILE_LIMIT_BYTES) {
      headers['Content-Length'] = target.size
      response.writeHead(200, headers)
      if (request.method === 'HEAD') response.end()
      else createReadStream(target.file).pipe(response)
      return
    }
    const entry = await load(target.file, target.size, target.mtimeMs, isIndex)
    headers.ETag = entry.etag
    if (entry.gzipped !== undefined) headers.Vary = 'Accept-Encoding'
    const known = (request.headers['if-none-match'] ?? '').split(',').map((tag) => tag.trim())
    if (known.includes(entry.etag)) {
      response.writeHead(304, headers)
      response.end()
      return
    }
    const gzip = entry.gzipped !== undefined && acceptsGzip(request.headers['accept-encoding'])
    const body = gzip && entry.gzipped !== undefined ? entry.gzipped : entry.body
    if (gzip) headers['Content-Encoding'] = 'gzip'
    headers['Content-Length'] = body.length
    response.writeHead(200, headers)
    response.end(request.method === 'HEAD' ? undefined : body)
  }

  return {
    handle(request, response, path) {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        sendText(response, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' })
        return
      }
      serve(request, response, path).catch((error: unknown) => {
        if (response.headersSent) response.destroy()
        else sendText(response, 500, `Could not read the app's files: ${String(error)}\n`)
      })
    },
  }
}

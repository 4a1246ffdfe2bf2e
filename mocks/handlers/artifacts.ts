import { HttpResponse, http, type HttpHandler } from 'msw'
import type { MockStore } from '../store/store'
import { MockStoreError } from '../store/store'
import type { MockRun } from '../store/types'
import { artifactBytes, artifactFiles } from '../world/artifacts'
import { generatedFiles } from '../world/huge-artifacts'
import type { WorldGeneratedContent } from '../world/types'
import { Fields, answer, invalidParameter, protoRoute } from './protocol'
import { requireRun } from './runs'

/** `validate_path_is_safe`: no `..` segments, no absolute paths, no URL schemes. */
export function requireSafePath(path: string): void {
  const segments = path.split(/[\\/]/)
  if (segments.includes('..') || path.startsWith('/') || /^[a-zA-Z][\w+.-]*:/.test(path)) {
    throw invalidParameter('Invalid path')
  }
}

/** Flask's page for a missing required query argument. */
const FLASK_BAD_REQUEST =
  '<!doctype html>\n<html lang=en>\n<title>400 Bad Request</title>\n<h1>Bad Request</h1>\n<p>The browser (or proxy) sent a request that this server could not understand.</p>\n'

/** A file's bytes, or a generated file (huge-artifacts.ts) whose bytes are made per range read. */
type FileBody = Uint8Array | WorldGeneratedContent

/**
 * A generated file, told apart by its `kind` rather than `instanceof Uint8Array`: in the dom tests
 * stored bytes come from another realm's Uint8Array, which `instanceof` does not recognise.
 */
function isGenerated(body: FileBody): body is WorldGeneratedContent {
  return 'kind' in body
}

function sizeOf(body: FileBody): number {
  return isGenerated(body) ? body.size : body.length
}

/** A run's files by normalised path, made on first use (the zoo's big files cost a few ms). */
const filesOfRun = new WeakMap<MockRun, Map<string, FileBody>>()

function runFiles(run: MockRun): Map<string, FileBody> {
  let files = filesOfRun.get(run)
  if (files === undefined) {
    files = new Map<string, FileBody>(
      artifactFiles(run.artifacts).map((file) => [normalizePath(file.path), artifactBytes(file.content)]),
    )
    for (const file of generatedFiles(run.artifacts)) files.set(normalizePath(file.path), file.content)
    filesOfRun.set(run, files)
  }
  return files
}

/** As `os.path.relpath` leaves a path below the run root: no empty or `.` segments. */
export function normalizePath(path: string): string {
  return path
    .split('/')
    .filter((segment) => segment !== '' && segment !== '.')
    .join('/')
}

interface FileInfo {
  path: string
  is_dir: boolean
  file_size?: number
}

/**
 * One folder level, as the local artifact repository lists it: sorted by path (Python's `sorted`,
 * code-point order, folders among files), folders without a size. A file or a missing folder lists
 * nothing, and an empty list leaves `files` out. The real server does not page this list.
 */
export function listFolder(files: ReadonlyMap<string, FileBody>, path: string): FileInfo[] {
  const folder = normalizePath(path)
  const prefix = folder === '' ? '' : `${folder}/`
  const entries = new Map<string, FileInfo>()
  for (const [filePath, body] of files) {
    if (!filePath.startsWith(prefix)) continue
    const rest = filePath.slice(prefix.length)
    const slash = rest.indexOf('/')
    if (slash === -1) entries.set(filePath, { path: filePath, is_dir: false, file_size: sizeOf(body) })
    else {
      const dir = prefix + rest.slice(0, slash)
      entries.set(dir, { path: dir, is_dir: true })
    }
  }
  return [...entries.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

/**
 * MLflow's `_send_artifact`: types that browsers could run or render are sent as `text/plain`, others by
 * Python's `mimetypes` (only the ones worth knowing here), unknown ones as `application/octet-stream`.
 */
const TEXT_EXTENSIONS = new Set([
  'txt',
  'log',
  'err',
  'cfg',
  'conf',
  'cnf',
  'cf',
  'ini',
  'properties',
  'prop',
  'hocon',
  'toml',
  'yaml',
  'yml',
  'xml',
  'json',
  'js',
  'py',
  'py3',
  'csv',
  'tsv',
  'md',
  'rst',
  'MLmodel',
  'MLproject',
])
const MIME_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
  svg: 'image/svg+xml',
  html: 'text/html',
  htm: 'text/html',
  pdf: 'application/pdf',
}

export function artifactContentType(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1)
  const dot = name.lastIndexOf('.')
  const extension = dot === -1 ? name : name.slice(dot + 1)
  if (TEXT_EXTENSIONS.has(extension)) return 'text/plain'
  return (dot === -1 ? undefined : MIME_TYPES[extension.toLowerCase()]) ?? 'application/octet-stream'
}

/** Werkzeug's `attachment; filename=…`: bare when the name is a token, else quoted. */
function contentDisposition(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1)
  if (/^[!#$%&'*+\-.0-9A-Z^_`a-z|~]+$/.test(name)) return `attachment; filename=${name}`
  return `attachment; filename="${name.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`
}

/**
 * The byte span `[start, end)` that a `Range` header asks for, as the real server reads it (verified
 * over HTTP): one `bytes=` range (unit case-insensitive, blanks allowed), the end clamped to the file;
 * a suffix `-N` must be 1..length. Anything else (several ranges, another unit, a start past the end,
 * garbage) is not satisfiable.
 */
function byteSpan(header: string, length: number): [number, number] | undefined {
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header)
  if (match === null) return undefined
  const [, first = '', last = ''] = match
  if (first === '') {
    const suffix = Number(last)
    return last === '' || suffix === 0 || suffix > length ? undefined : [length - suffix, length]
  }
  const start = Number(first)
  const end = last === '' ? length : Number(last) + 1
  if (end <= start || start >= length) return undefined
  return [start, Math.min(end, length)]
}

const RANGE_NOT_SATISFIABLE =
  '<!doctype html>\n<html lang=en>\n<title>416 Requested Range Not Satisfiable</title>\n<h1>Requested Range Not Satisfiable</h1>\n<p>The server cannot provide the requested range.</p>\n'

/** Bytes of a generated file streamed in pieces of this size, so a 1 GiB download never is in memory. */
const GENERATED_PIECE_BYTES = 1024 * 1024

/** Bytes `[start, end)` of a file: a slice of stored bytes, or a generated file's pieces as a stream. */
function bodyPart(body: FileBody, start: number, end: number): Uint8Array | ReadableStream<Uint8Array> {
  if (!isGenerated(body)) return body.slice(start, end)
  if (end - start <= GENERATED_PIECE_BYTES) return body.read(start, end)
  let at = start
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const next = Math.min(end, at + GENERATED_PIECE_BYTES)
        controller.enqueue(body.read(at, next))
        at = next
        if (at >= end) controller.close()
      },
    },
    { highWaterMark: 0 },
  )
}

/** Flask's `send_file(as_attachment=True)` with conditional (Range) support; no ETag or Last-Modified. */
export function sendFile(path: string, body: FileBody, rangeHeader: string | null): Response {
  const headers = {
    'Content-Disposition': contentDisposition(path),
    'Content-Type': artifactContentType(path),
    'Cache-Control': 'no-cache',
    'Accept-Ranges': 'bytes',
  }
  const length = sizeOf(body)
  // Any Range header gets a 206 (even for the whole file) or a 416.
  if (rangeHeader !== null) {
    const span = byteSpan(rangeHeader, length)
    if (span === undefined) {
      return new HttpResponse(RANGE_NOT_SATISFIABLE, {
        status: 416,
        headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Range': `bytes */${length}` },
      })
    }
    return new HttpResponse(bodyPart(body, span[0], span[1]), {
      status: 206,
      headers: {
        ...headers,
        'Content-Length': String(span[1] - span[0]),
        'Content-Range': `bytes ${span[0]}-${span[1] - 1}/${length}`,
      },
    })
  }
  return new HttpResponse(bodyPart(body, 0, length), {
    status: 200,
    headers: { ...headers, 'Content-Length': String(length) },
  })
}

/**
 * A file of a run's or a logged model's files, as MLflow's `_send_artifact` answers it: the bytes
 * (Range honoured), or 400 for a directory, or 404 for a missing file. `path` is already checked safe.
 */
export function sendStoredFile(
  files: ReadonlyMap<string, FileBody>,
  path: string,
  rangeHeader: string | null,
): Response {
  const normalized = normalizePath(path)
  const bytes = files.get(normalized)
  if (bytes !== undefined) return sendFile(normalized, bytes, rangeHeader)
  if (listFolder(files, normalized).length > 0) {
    throw invalidParameter(`Artifact path refers to a directory, not a file: '${path}'`)
  }
  throw new MockStoreError('RESOURCE_DOES_NOT_EXIST', `No such artifact: '${path}'`)
}

export function artifactHandlers(store: MockStore): HttpHandler[] {
  return [
    ...protoRoute(store, 'get', 'artifacts/list', async (request) => {
      const fields = await Fields.read(request)
      const runId = fields.runId()
      const path = fields.optionalString('path') ?? ''
      if (path !== '') requireSafePath(path)
      const run = requireRun(store, runId)
      const files = listFolder(runFiles(run), path)
      return files.length === 0 ? { root_uri: run.artifactUri } : { root_uri: run.artifactUri, files }
    }),
    http.get('*/get-artifact', ({ request }) =>
      answer(
        () => {
          const query = new URL(request.url).searchParams
          const path = query.get('path')
          if (path === null) {
            return new HttpResponse(FLASK_BAD_REQUEST, {
              status: 400,
              headers: { 'Content-Type': 'text/html; charset=utf-8' },
            })
          }
          requireSafePath(path)
          const runId = query.get('run_uuid') ?? query.get('run_id') ?? ''
          const run = requireRun(store, runId)
          const files = runFiles(run)
          return sendStoredFile(files, path, request.headers.get('Range'))
        },
        request,
        store,
        {},
      ),
    ),
  ]
}

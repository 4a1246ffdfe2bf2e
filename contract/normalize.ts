/**
 * What of a response the contract compares. Everything is kept (status, content type, the headers
 * of raw routes, every key and value, array order, page tokens, error bodies) except what no two
 * servers can share (file bodies that are big or binary are compared by size and SHA-256): generated
 * run and LoggedModel ids (mapped back to their names), the artifact root directory, and wall-clock
 * times of experiments, LoggedModels, registered models and model versions (runs carry explicit,
 * seeded times and are compared exactly; the registry's orderings by time are compared through the
 * order of what comes back).
 */

import type { Backend, Observed } from './backends'

export interface Normalized {
  status: number
  contentType: string | null
  headers: Record<string, string>
  body: unknown
}

const WALL_CLOCK_KEYS = new Set([
  'creation_time',
  'last_update_time',
  'creation_timestamp_ms',
  'last_updated_timestamp_ms',
  // Registered models and model versions: the seed registers them at wall-clock times.
  'creation_timestamp',
  'last_updated_timestamp',
])

/**
 * Python prints sets in an order that changes from process to process (string hashing is salted), so
 * the real server's messages list valid keys in any order: sort the items of `{'a', 'b'}`.
 */
function sortPythonSets(text: string): string {
  return text.replace(
    /\{('[^']*'(?:, '[^']*')*)\}/g,
    (_match, items: string) => `{${items.split(', ').sort().join(', ')}}`,
  )
}

/** SQLAlchemy messages echo the statement's parameters, wall-clock times included. */
function maskSqlParameters(text: string): string {
  return text.replace(/\[parameters: [^\]]*\]/g, '[parameters: …]')
}

interface IdNames {
  runs: ReadonlyMap<string, string>
  models: ReadonlyMap<string, string>
}

function normalizeString(text: string, backend: Backend, names: IdNames): string {
  let out = maskSqlParameters(sortPythonSets(text.replaceAll(backend.artifactRoot, '<artifact-root>')))
  // LoggedModel ids first: their 32 hex digits are no run id.
  out = out.replace(/m-[0-9a-f]{32}/g, (id) => {
    const name = names.models.get(id)
    return name === undefined ? id : `<model:${name}>`
  })
  const idToName = names.runs
  out = out.replace(/[0-9a-f]{32}/g, (id) => {
    const name = idToName.get(id)
    return name === undefined ? id : `<run:${name}>`
  })
  return out
}

function normalizeValue(value: unknown, backend: Backend, names: IdNames): unknown {
  if (typeof value === 'string') return normalizeString(value, backend, names)
  if (Array.isArray(value)) return value.map((item) => normalizeValue(item, backend, names))
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) {
      if (WALL_CLOCK_KEYS.has(key)) {
        out[key] = typeof item === 'number' ? '<wall-clock>' : item
        continue
      }
      out[key] = normalizeValue(item, backend, names)
    }
    return out
  }
  return value
}

/** Whether decoding lost nothing: no replacement characters and the same number of bytes back. */
function isUtf8(text: string, size: number): boolean {
  return !text.includes('\uFFFD') && new TextEncoder().encode(text).length === size
}

export function normalize(observed: Observed, backend: Backend): Normalized {
  const names: IdNames = {
    runs: new Map([...backend.runIds].map(([name, id]) => [id, name])),
    models: new Map([...backend.modelIds].map(([name, id]) => [id, name])),
  }
  const isJson = observed.contentType?.startsWith('application/json') ?? false
  let body: unknown = observed.text
  if (isJson) {
    try {
      body = JSON.parse(observed.text)
    } catch {
      body = `<invalid JSON> ${observed.text}`
    }
  } else if (observed.headers['content-disposition'] !== undefined) {
    // A file: its bytes, as text when short and UTF-8 (so that a difference shows), else as a hash.
    body =
      observed.size <= 2048 && isUtf8(observed.text, observed.size)
        ? observed.text
        : `<${observed.size} bytes, sha256 ${observed.sha256}>`
  } else if (observed.contentType?.startsWith('text/html')) {
    // Flask and uvicorn error pages: the status and type are the contract, not their markup.
    body = '<html page>'
  }
  return {
    status: observed.status,
    contentType: observed.contentType,
    headers: observed.headers,
    body: normalizeValue(body, backend, names),
  }
}

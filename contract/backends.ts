/**
 * The two backends of the contract test, behind one interface: the mock handlers (answered in
 * process through msw's `getResponse`, exactly as the demo server answers) and a real MLflow server.
 * Requests name runs, experiments and LoggedModels (`{{run:NAME}}`, `{{exp:NAME}}`, `{{model:NAME}}`);
 * each backend resolves names to its own ids, and `normalize` maps ids in responses back to names.
 */

import { createHash } from 'node:crypto'
import { getResponse, type HttpHandler } from 'msw'

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE'

export interface ContractRequest {
  method: Method
  /** Path below the server root, e.g. `/api/2.0/mlflow/runs/search`. */
  path: string
  query?: Readonly<Record<string, string | readonly string[]>>
  body?: unknown
  /** Sent as given; JSON bodies get `Content-Type: application/json` unless this overrides it. */
  headers?: Readonly<Record<string, string>>
  /** Send the body text as is (for malformed-body cases). */
  rawBody?: string
}

export interface Observed {
  status: number
  contentType: string | null
  headers: Record<string, string>
  text: string
  /** The body's size and SHA-256 (hex), for comparing binary and big bodies. */
  size: number
  sha256: string
}

export interface Backend {
  readonly name: 'mock' | 'real'
  /** Run and experiment names to ids; filled by `learnIds` and by write requests that create things. */
  readonly runIds: Map<string, string>
  readonly experimentIds: Map<string, string>
  /** LoggedModel names to ids (`m-<32 hex>`); filled by `learnIds`. */
  readonly modelIds: Map<string, string>
  readonly artifactRoot: string
  send(request: ContractRequest): Promise<Observed>
}

const ORIGIN = 'http://contract.test'

function resolveNames(text: string, backend: Backend): string {
  return text.replace(/\{\{(run|exp|model):([^}]+)\}\}/g, (_match, kind: string, name: string) => {
    const ids = kind === 'run' ? backend.runIds : kind === 'exp' ? backend.experimentIds : backend.modelIds
    const id = ids.get(name)
    if (id === undefined) throw new Error(`${backend.name}: no ${kind} named ${name}`)
    return id
  })
}

function resolveDeep(value: unknown, backend: Backend): unknown {
  if (typeof value === 'string') return resolveNames(value, backend)
  if (Array.isArray(value)) return value.map((item) => resolveDeep(item, backend))
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolveDeep(item, backend)]))
  }
  return value
}

export function toFetchRequest(baseUrl: string, request: ContractRequest, backend: Backend): Request {
  const url = new URL(resolveNames(request.path, backend), baseUrl)
  for (const [key, value] of Object.entries(request.query ?? {})) {
    const values: readonly string[] = typeof value === 'string' ? [value] : value
    for (const item of values) url.searchParams.append(key, resolveNames(item, backend))
  }
  const headers = new Headers(request.headers)
  let body: string | undefined = request.rawBody
  if (request.body !== undefined) {
    body = JSON.stringify(resolveDeep(request.body, backend))
    if (!headers.has('content-type') && request.headers?.['Content-Type'] !== '') {
      headers.set('Content-Type', 'application/json')
    }
  }
  return new Request(url, { method: request.method, headers, body })
}

/** Headers every response is compared on, when present. */
const COMPARED_HEADERS = ['content-disposition', 'x-content-type-options', 'content-range']
/** Headers compared on file downloads (answers with a Content-Disposition) only. */
const FILE_HEADERS = ['accept-ranges', 'cache-control', 'content-length']

async function observe(response: Response): Promise<Observed> {
  const headers: Record<string, string> = {}
  const isFile = response.headers.has('content-disposition')
  for (const name of [...COMPARED_HEADERS, ...(isFile ? FILE_HEADERS : [])]) {
    const value = response.headers.get(name)
    if (value !== null) headers[name] = value
  }
  const bytes = new Uint8Array(await response.arrayBuffer())
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    headers,
    text: new TextDecoder().decode(bytes),
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  }
}

export function mockBackend(handlers: readonly HttpHandler[], artifactRoot: string): Backend {
  const backend: Backend = {
    name: 'mock',
    runIds: new Map(),
    experimentIds: new Map(),
    modelIds: new Map(),
    artifactRoot,
    async send(request) {
      const fetchRequest = toFetchRequest(ORIGIN, request, backend)
      const response = await getResponse([...handlers], fetchRequest)
      if (response === undefined) {
        return {
          status: 404,
          contentType: 'text/html; charset=utf-8',
          headers: {},
          text: '<unhandled by mocks>',
          size: 0,
          sha256: '',
        }
      }
      return observe(response)
    },
  }
  return backend
}

export function realBackend(baseUrl: string, artifactRoot: string): Backend {
  const backend: Backend = {
    name: 'real',
    runIds: new Map(),
    experimentIds: new Map(),
    modelIds: new Map(),
    artifactRoot,
    async send(request) {
      return observe(await fetch(toFetchRequest(baseUrl, request, backend)))
    },
  }
  return backend
}

function parseJson(text: string): unknown {
  return JSON.parse(text)
}

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' ? Reflect.get(value, key) : undefined
}

/** Learns every experiment, run and LoggedModel id by name, deleted experiments and runs included. */
export async function learnIds(backend: Backend): Promise<void> {
  const experiments = await backend.send({
    method: 'GET',
    path: '/api/2.0/mlflow/experiments/search',
    query: { max_results: '1000', view_type: 'ALL' },
  })
  const experimentList = field(parseJson(experiments.text), 'experiments')
  const ids: string[] = []
  for (const experiment of Array.isArray(experimentList) ? experimentList : []) {
    const id = field(experiment, 'experiment_id')
    const name = field(experiment, 'name')
    if (typeof id === 'string' && typeof name === 'string') {
      backend.experimentIds.set(name, id)
      ids.push(id)
    }
  }
  const runs = await backend.send({
    method: 'POST',
    path: '/api/2.0/mlflow/runs/search',
    body: { experiment_ids: ids, run_view_type: 'ALL', max_results: 50000 },
  })
  const runList = field(parseJson(runs.text), 'runs')
  for (const run of Array.isArray(runList) ? runList : []) {
    const info = field(run, 'info')
    const id = field(info, 'run_id')
    const name = field(info, 'run_name')
    if (typeof id === 'string' && typeof name === 'string') backend.runIds.set(name, id)
  }
  const models = await backend.send({
    method: 'POST',
    path: '/api/2.0/mlflow/logged-models/search',
    body: { experiment_ids: ids, max_results: 1000 },
  })
  const modelList = field(parseJson(models.text), 'models')
  for (const model of Array.isArray(modelList) ? modelList : []) {
    const info = field(model, 'info')
    const id = field(info, 'model_id')
    const name = field(info, 'name')
    if (typeof id === 'string' && typeof name === 'string') backend.modelIds.set(name, id)
  }
}

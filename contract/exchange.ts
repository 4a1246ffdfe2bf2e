import type { Backend, ContractRequest, Observed } from './backends'
import { normalize, type Normalized } from './normalize'
import type { ContractCase } from './requests'

const MAX_PAGES = 60

function nextToken(text: string): string | undefined {
  try {
    const body: unknown = JSON.parse(text)
    const token: unknown =
      body !== null && typeof body === 'object' ? Reflect.get(body, 'next_page_token') : undefined
    return typeof token === 'string' ? token : undefined
  } catch {
    return undefined
  }
}

function withToken(
  request: ContractRequest,
  token: string,
  changes: Readonly<Record<string, string | number>> = {},
): ContractRequest {
  if (request.method === 'GET') {
    const query = Object.fromEntries(Object.entries(changes).map(([key, value]) => [key, String(value)]))
    return { ...request, query: { ...request.query, ...query, page_token: token } }
  }
  const body = request.body !== null && typeof request.body === 'object' ? request.body : {}
  return { ...request, body: { ...body, ...changes, page_token: token } }
}

export interface Exchanged {
  /** What the contract compares. */
  pages: Normalized[]
  /** The responses as received. */
  observed: Observed[]
}

/** Sends a case to one backend: one response, or every page when the case follows page tokens. */
export async function exchange(backend: Backend, contractCase: ContractCase): Promise<Exchanged> {
  const pages: Normalized[] = []
  const received: Observed[] = []
  let request = contractCase.request
  for (let page = 0; page < MAX_PAGES; page++) {
    const observed = await backend.send(request)
    if (page === 0 && contractCase.learn !== undefined) learnCreatedId(backend, contractCase.learn, observed)
    received.push(observed)
    pages.push(normalize(observed, backend))
    const token = contractCase.followPages ? nextToken(observed.text) : undefined
    if (token === undefined) break
    request = withToken(contractCase.request, token, contractCase.laterPages)
  }
  return { pages, observed: received }
}

/** Remembers the id a create request returned, so that later cases can name it. */
function learnCreatedId(
  backend: Backend,
  learn: NonNullable<ContractCase['learn']>,
  response: Observed,
): void {
  if (response.status !== 200) return
  const body: unknown = JSON.parse(response.text)
  const read = (value: unknown, key: string): unknown =>
    value !== null && typeof value === 'object' ? Reflect.get(value, key) : undefined
  const id =
    learn.kind === 'exp' ? read(body, 'experiment_id') : read(read(read(body, 'run'), 'info'), 'run_id')
  if (typeof id !== 'string') throw new Error(`${backend.name}: no id in the answer to a create`)
  ;(learn.kind === 'exp' ? backend.experimentIds : backend.runIds).set(learn.name, id)
}

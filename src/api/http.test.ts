import { delay, http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { emptyResponse, int64, object, string } from './decode'
import { ApiError } from './errors'
import { buildUrl, createMlflowClient, MLFLOW_API } from './http'

/** Served under a path prefix, as `mlflow server --static-prefix /mlflow` does. */
const BASE = 'http://mlflow.test/mlflow'
const server = setupServer()
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' })
})
afterEach(() => {
  server.resetHandlers()
})
afterAll(() => {
  server.close()
})

const client = createMlflowClient({ baseUrl: BASE, rateLimitBackoffMs: 1 })
const echo = object((field) => field('value', string))

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof ApiError) return error
    throw error
  }
  throw new Error('expected the request to fail')
}

describe('URLs', () => {
  it('keep the base path prefix and send arrays as repeated keys', async () => {
    server.use(
      http.get(`${BASE}${MLFLOW_API}/echo`, ({ request }) => {
        const query = new URL(request.url).searchParams
        return HttpResponse.json({
          value: `${query.getAll('run_ids').join(',')}|${query.get('metric_key') ?? ''}`,
        })
      }),
    )
    const value = await client.get(
      `${MLFLOW_API}/echo`,
      { run_ids: ['a', 'b'], metric_key: 'loss', skip: undefined },
      echo,
    )
    expect(value).toBe('a,b|loss')
  })

  it.each([
    ['http://host/mlflow/', '/get-artifact', 'http://host/mlflow/get-artifact'],
    ['http://host', 'ajax-api/x', 'http://host/ajax-api/x'],
    ['', '/ajax-api/x', '/ajax-api/x'],
    ['/mlflow', '/health', '/mlflow/health'],
  ])('join %j and %j', (base, path, expected) => {
    expect(buildUrl(base, path)).toBe(expected)
  })

  it('encode query values and leave out undefined ones', () => {
    expect(buildUrl('/m', '/get-artifact', { path: 'a b/c&d.txt', run_uuid: 'r1', none: undefined })).toBe(
      '/m/get-artifact?path=a+b%2Fc%26d.txt&run_uuid=r1',
    )
  })
})

describe('request bodies', () => {
  it.each(['post', 'patch', 'delete'] as const)(
    '%s sends JSON with Content-Type: application/json',
    async (method) => {
      // Behaves like MLflow: a body without the JSON content type is a 400.
      server.use(
        http.all(`${BASE}${MLFLOW_API}/write`, async ({ request }) => {
          if (!(request.headers.get('content-type') ?? '').startsWith('application/json')) {
            return HttpResponse.json(
              {
                error_code: 'INVALID_PARAMETER_VALUE',
                message: 'Bad Request. Content-Type header is missing.',
              },
              { status: 400 },
            )
          }
          const body = (await request.json()) as { name: string; absent?: unknown }
          return HttpResponse.json({ value: `${request.method} ${body.name} ${'absent' in body}` })
        }),
      )
      const value = await client[method](`${MLFLOW_API}/write`, { name: 'x', absent: undefined }, echo)
      expect(value).toBe(`${method.toUpperCase()} x false`)
    },
  )

  it('sends configured headers, read per request', async () => {
    let token = 'one'
    const authed = createMlflowClient({
      baseUrl: BASE,
      headers: () => ({ Authorization: `Bearer ${token}` }),
    })
    server.use(
      http.get(`${BASE}/whoami`, ({ request }) =>
        HttpResponse.json({ value: request.headers.get('authorization') }),
      ),
    )
    expect(await authed.get('/whoami', undefined, echo)).toBe('Bearer one')
    token = 'two'
    expect(await authed.get('/whoami', undefined, echo)).toBe('Bearer two')
  })
})

describe('failures become one ApiError', () => {
  const path = `${MLFLOW_API}/runs/get`
  const url = `${BASE}${path}`

  it('a JSON error body', async () => {
    server.use(
      http.get(url, () =>
        HttpResponse.json(
          { error_code: 'RESOURCE_DOES_NOT_EXIST', message: 'Run with id=r1 not found', sqlstate: 'KAM00' },
          { status: 404 },
        ),
      ),
    )
    const error = await failure(client.get(path, { run_id: 'r1' }, echo))
    expect(error).toMatchObject({
      kind: 'http',
      status: 404,
      errorCode: 'RESOURCE_DOES_NOT_EXIST',
      message: 'Run with id=r1 not found',
      method: 'GET',
      url: `${url}?run_id=r1`,
    })
  })

  it('a plain-text 403', async () => {
    server.use(http.post(url, () => HttpResponse.text('Cross-origin request blocked', { status: 403 })))
    const error = await failure(client.post(path, {}, echo))
    expect(error).toMatchObject({
      kind: 'http',
      status: 403,
      errorCode: undefined,
      message: 'Cross-origin request blocked',
    })
  })

  it('an HTML 500', async () => {
    const page =
      '<!doctype html><html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1><p>The server encountered an internal error.</p></body></html>'
    server.use(http.get(url, () => HttpResponse.html(page, { status: 500 })))
    const error = await failure(client.get(path, undefined, echo))
    expect(error).toMatchObject({
      kind: 'http',
      status: 500,
      message: 'Internal Server Error The server encountered an internal error.',
    })
  })

  it('an empty 404 (a proto RPC without a handler)', async () => {
    server.use(http.get(url, () => new HttpResponse(null, { status: 404, statusText: 'Not Found' })))
    const error = await failure(client.get(path, undefined, echo))
    expect(error).toMatchObject({ kind: 'http', status: 404, message: 'HTTP 404 Not Found' })
  })

  it('a network error, with status 0', async () => {
    server.use(http.get(url, () => HttpResponse.error()))
    const error = await failure(client.get(path, undefined, echo))
    expect(error).toMatchObject({ kind: 'network', status: 0, url, method: 'GET' })
  })

  it('a timeout, with status 0', async () => {
    server.use(
      http.get(url, async () => {
        await delay('infinite')
        return HttpResponse.json({ value: 'late' })
      }),
    )
    const impatient = createMlflowClient({ baseUrl: BASE, timeoutMs: 20 })
    const error = await failure(impatient.get(path, undefined, echo))
    expect(error).toMatchObject({ kind: 'timeout', status: 0 })
  })

  it('an abort by the caller, which is not a timeout', async () => {
    server.use(
      http.get(url, async () => {
        await delay('infinite')
        return HttpResponse.json({ value: 'late' })
      }),
    )
    const controller = new AbortController()
    const pending = failure(client.get(path, undefined, echo, controller.signal))
    setTimeout(() => {
      controller.abort()
    }, 5)
    expect(await pending).toMatchObject({ kind: 'aborted', status: 0 })
  })

  it('an already aborted signal, without sending anything', async () => {
    const controller = new AbortController()
    controller.abort()
    expect(await failure(client.get(path, undefined, echo, controller.signal))).toMatchObject({
      kind: 'aborted',
    })
  })

  it('a 200 that is not JSON (an SPA fallback page)', async () => {
    server.use(http.get(url, () => HttpResponse.html('<html><body>Runboard</body></html>')))
    const error = await failure(client.get(path, undefined, echo))
    expect(error).toMatchObject({ kind: 'decode', status: 200 })
    expect(error.message).toContain('text/html')
  })

  it('a JSON content type with a body JSON.parse rejects (a bare NaN token)', async () => {
    server.use(
      http.get(
        url,
        () => new HttpResponse('{"value": NaN}', { headers: { 'Content-Type': 'application/json' } }),
      ),
    )
    expect(await failure(client.get(path, undefined, echo))).toMatchObject({ kind: 'decode', status: 200 })
  })

  it('a body of the wrong shape, naming the field and the request', async () => {
    server.use(http.get(url, () => HttpResponse.json({ value: 42 })))
    const error = await failure(client.get(path, { run_id: 'r1' }, echo))
    expect(error).toMatchObject({
      kind: 'decode',
      status: 200,
      path: '$.value',
      url: `${url}?run_id=r1`,
      method: 'GET',
    })
  })
})

describe('429', () => {
  const url = `${BASE}${MLFLOW_API}/busy`
  const tooMany = () =>
    HttpResponse.json(
      { error_code: 'REQUEST_LIMIT_EXCEEDED', message: 'Too many requests' },
      { status: 429, headers: { 'Retry-After': '0' } },
    )

  it('is retried, so a short burst of 429s still yields data', async () => {
    const answers = [tooMany, tooMany, () => HttpResponse.json({ value: 'finally' })]
    server.use(http.get(url, () => (answers.shift() ?? tooMany)()))
    expect(await client.get(`${MLFLOW_API}/busy`, undefined, echo)).toBe('finally')
  })

  it('surfaces once the retries are spent', async () => {
    server.use(http.get(url, tooMany))
    const error = await failure(client.get(`${MLFLOW_API}/busy`, undefined, echo))
    expect(error).toMatchObject({ kind: 'http', status: 429, errorCode: 'REQUEST_LIMIT_EXCEEDED' })
  })

  it('backs off without a Retry-After header too', async () => {
    const answers = [
      () => HttpResponse.text('slow down', { status: 429 }),
      () => HttpResponse.json({ value: 'ok' }),
    ]
    server.use(http.get(url, () => (answers.shift() ?? tooMany)()))
    expect(await client.get(`${MLFLOW_API}/busy`, undefined, echo)).toBe('ok')
  })

  it('is not retried for other statuses', async () => {
    const answers = [
      () => HttpResponse.text('unavailable', { status: 503 }),
      () => HttpResponse.json({ value: 'would have worked' }),
    ]
    server.use(http.get(url, () => (answers.shift() ?? tooMany)()))
    expect(await failure(client.get(`${MLFLOW_API}/busy`, undefined, echo))).toMatchObject({ status: 503 })
  })
})

describe('int64 and empty bodies through the client', () => {
  it('decodes int64 strings and the {} of write endpoints', async () => {
    server.use(
      http.get(`${BASE}/time`, () => HttpResponse.json({ t: '1714390000123' })),
      http.post(`${BASE}/write`, () => HttpResponse.json({})),
    )
    expect(
      await client.get(
        '/time',
        undefined,
        object((field) => field('t', int64)),
      ),
    ).toBe(1714390000123)
    await expect(client.post('/write', {}, emptyResponse)).resolves.toBeUndefined()
  })

  it('reads plain-text routes whatever their content type', async () => {
    server.use(http.get(`${BASE}/version`, () => HttpResponse.html('3.17.2')))
    expect(await client.getText('/version')).toBe('3.17.2')
  })
})

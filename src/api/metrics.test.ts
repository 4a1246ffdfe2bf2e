import { QueryClient } from '@tanstack/react-query'
import { delay, http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { bindMlflowClient } from './client-binding'
import { TEST_MLFLOW_API, TEST_MLFLOW_BASE, setupTestHttpServer } from '@/testing/http-test-server'
import { createMlflowClient } from './http'
import { getMetricColumns, getMetricHistory, getSampledMetricHistory, metricQueries } from './metrics'

const BASE = TEST_MLFLOW_BASE
const API = TEST_MLFLOW_API
const server = setupTestHttpServer()

const client = createMlflowClient({ baseUrl: BASE })
const badRequest = (message: string) =>
  HttpResponse.json({ error_code: 'INVALID_PARAMETER_VALUE', message }, { status: 400 })

const point = (step: number, value: number | string = step / 10) => ({
  key: 'loss',
  value,
  timestamp: 1000 + step,
  step,
})

describe('getMetricHistory', () => {
  /**
   * Like a 3.1.1+ SQL store: without max_results it answers an empty page and the token of offset 0,
   * which then fails. Pages of `max_results` otherwise; the second page repeats a point, as an offset
   * shifted by a concurrent insert would.
   */
  const history = http.get(`${API}/metrics/get-history`, ({ request }) => {
    const query = new URL(request.url).searchParams
    if (query.get('max_results') === null)
      return HttpResponse.json({ next_page_token: 'eyJvZmZzZXQiOiAwfQ==' })
    const pages: Record<string, { metrics: unknown[]; next_page_token?: string }> = {
      first: { metrics: [point(0), point(1, 'NaN')], next_page_token: 'p2' },
      p2: { metrics: [point(1, 'NaN'), point(2, 'Infinity'), point(3, '-Infinity')], next_page_token: 'p3' },
      p3: { metrics: [point(4)] },
    }
    const page = pages[query.get('page_token') ?? 'first']
    return page ? HttpResponse.json(page) : badRequest('Invalid page token')
  })

  it('follows page tokens and returns every point once, non-finite values as numbers', async () => {
    server.use(history)
    const points = await getMetricHistory(client, { runId: 'r1', metricKey: 'loss' })
    expect(points).toEqual([
      { step: 0, timestamp: 1000, value: 0 },
      { step: 1, timestamp: 1001, value: Number.NaN },
      { step: 2, timestamp: 1002, value: Number.POSITIVE_INFINITY },
      { step: 3, timestamp: 1003, value: Number.NEGATIVE_INFINITY },
      { step: 4, timestamp: 1004, value: 0.4 },
    ])
  })

  it('returns no points for a key the run does not have (the server answers {})', async () => {
    server.use(http.get(`${API}/metrics/get-history`, () => HttpResponse.json({})))
    expect(await getMetricHistory(client, { runId: 'r1', metricKey: 'nope' })).toEqual([])
  })

  it('can be cancelled between pages', async () => {
    const controller = new AbortController()
    server.use(
      http.get(`${API}/metrics/get-history`, async ({ request }) => {
        if (new URL(request.url).searchParams.get('page_token') === null) {
          controller.abort()
          return HttpResponse.json({ metrics: [point(0)], next_page_token: 'p2' })
        }
        await delay('infinite')
        return HttpResponse.json({ metrics: [] })
      }),
    )
    await expect(
      getMetricHistory(client, { runId: 'r1', metricKey: 'loss' }, controller.signal),
    ).rejects.toMatchObject({
      kind: 'aborted',
    })
  })

  it('backs metricQueries.history', async () => {
    server.use(history)
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    bindMlflowClient(queryClient, client)
    const query = metricQueries.history({ runId: 'r1', metricKey: 'loss' })
    expect(query.queryKey).toEqual(['metrics', 'history', 'r1', 'loss'])
    expect(await queryClient.query(query)).toHaveLength(5)
  })
})

describe('getMetricColumns', () => {
  const history = http.get(`${API}/metrics/get-history`, ({ request }) => {
    const pages: Record<string, { metrics: unknown[]; next_page_token?: string }> = {
      first: { metrics: [point(0), point(1, 'NaN')], next_page_token: 'p2' },
      // A shifted offset repeats the previous page's last row; an int64 may come as a string.
      p2: {
        metrics: [point(1, 'NaN'), { ...point(2, 'Infinity'), step: '2' }, point(3, '-Infinity')],
        next_page_token: 'p3',
      },
      p3: { metrics: [point(4), { key: 'loss', value: 0.5, timestamp: 1005 }] },
    }
    const page = pages[new URL(request.url).searchParams.get('page_token') ?? 'first']
    return page ? HttpResponse.json(page) : badRequest('Invalid page token')
  })

  it('reads every page into columns once, non-finite values as numbers, a missing step as 0', async () => {
    server.use(history)
    const columns = await getMetricColumns(client, { runId: 'r1', metricKey: 'loss' })
    expect([...columns.steps]).toEqual([0, 1, 2, 3, 4, 0])
    expect([...columns.timestamps]).toEqual([1000, 1001, 1002, 1003, 1004, 1005])
    expect([...columns.values]).toEqual([0, Number.NaN, Infinity, -Infinity, 0.4, 0.5])
  })

  it('names the row that does not decode', async () => {
    server.use(
      http.get(`${API}/metrics/get-history`, () =>
        HttpResponse.json({ metrics: [point(0), { key: 'loss', value: 'lots', timestamp: 1, step: 1 }] }),
      ),
    )
    await expect(getMetricColumns(client, { runId: 'r1', metricKey: 'loss' })).rejects.toMatchObject({
      kind: 'decode',
      path: '$.metrics[1].value',
    })
  })

  it('runs at most two full histories at a time', async () => {
    let active = 0
    let most = 0
    // The first requests wait until two are in flight, so a queue that allowed more would show it.
    let release = () => {}
    const twoInFlight = new Promise<void>((resolve) => {
      release = resolve
    })
    server.use(
      http.get(`${API}/metrics/get-history`, async () => {
        active++
        most = Math.max(most, active)
        if (active === 2) release()
        await twoInFlight
        active--
        return HttpResponse.json({ metrics: [point(0)] })
      }),
    )
    await Promise.all(
      ['a', 'b', 'c', 'd', 'e'].map((runId) => getMetricColumns(client, { runId, metricKey: 'loss' })),
    )
    expect(most).toBe(2)
  })
})

describe('getSampledMetricHistory', () => {
  /** Like MLflow: 1..100 run ids, both step bounds or neither; one point per run at `start_step`. */
  const bulkInterval = http.get(`${API}/metrics/get-history-bulk-interval`, ({ request }) => {
    const query = new URL(request.url).searchParams
    const runIds = query.getAll('run_ids')
    if (runIds.length === 0) return badRequest("Missing value for required parameter 'run_ids'.")
    if (runIds.length > 100)
      return badRequest(`must specify at most 100 run_ids. Received ${runIds.length} run_ids.`)
    const start = query.get('start_step')
    const end = query.get('end_step')
    if ((start === null) !== (end === null))
      return badRequest('If either start step or end step are specified, both must be specified.')
    const maxResults = Number(query.get('max_results'))
    if (!(maxResults >= 1 && maxResults <= 2500)) return badRequest('max_results must be between 1 and 2500.')
    return HttpResponse.json({
      metrics: runIds.map((runId) => ({
        key: query.get('metric_key'),
        value: 'NaN',
        timestamp: '1000',
        step: Number(start ?? 0),
        run_id: runId,
      })),
    })
  })

  const runIds = (count: number) =>
    Array.from({ length: count }, (_, i) => `run-${String(i).padStart(3, '0')}`)

  it('splits more than 100 runs into several requests and merges the points', async () => {
    server.use(bulkInterval)
    const ids = runIds(250)
    const points = await getSampledMetricHistory(client, {
      runIds: [...ids, ids[0] ?? ''],
      metricKey: 'loss',
    })
    expect(points.map((p) => p.runId).sort()).toEqual(ids)
    expect(points[0]).toEqual({ runId: 'run-000', step: 0, timestamp: 1000, value: Number.NaN })
  })

  it('sends both ends of a step range', async () => {
    server.use(bulkInterval)
    const points = await getSampledMetricHistory(client, {
      runIds: ['a'],
      metricKey: 'loss',
      maxResults: 5000,
      stepRange: { start: 7, end: 9 },
    })
    expect(points).toEqual([{ runId: 'a', step: 7, timestamp: 1000, value: Number.NaN }])
  })

  it('asks nothing for no runs', async () => {
    // onUnhandledRequest is 'error' and no handler is installed: a request would fail the test.
    expect(await getSampledMetricHistory(client, { runIds: [], metricKey: 'loss' })).toEqual([])
  })

  it('fails as a whole when one chunk fails', async () => {
    server.use(
      http.get(`${API}/metrics/get-history-bulk-interval`, ({ request }) =>
        new URL(request.url).searchParams.getAll('run_ids').includes('run-150')
          ? HttpResponse.text('upstream timeout', { status: 504 })
          : HttpResponse.json({}),
      ),
    )
    await expect(
      getSampledMetricHistory(client, { runIds: runIds(200), metricKey: 'loss' }),
    ).rejects.toMatchObject({
      kind: 'http',
      status: 504,
      message: 'upstream timeout',
    })
  })

  it('keys the query by the set of runs, not their order', () => {
    expect(metricQueries.sampled({ runIds: ['b', 'a'], metricKey: 'loss' }).queryKey).toEqual(
      metricQueries.sampled({ runIds: ['a', 'b', 'a'], metricKey: 'loss', maxResults: 320 }).queryKey,
    )
  })
})

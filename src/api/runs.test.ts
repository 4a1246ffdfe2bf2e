import { QueryClient } from '@tanstack/react-query'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { bindMlflowClient } from './client-binding'
import { ApiError } from './errors'
import { TEST_MLFLOW_API, TEST_MLFLOW_BASE, setupTestHttpServer } from '@/testing/http-test-server'
import { createMlflowClient } from './http'
import { flattenPages } from './paging'
import { deleteRunTag, getRun, runKey, runQueries, searchRuns, setRunTag, updateRun } from './runs'

const BASE = TEST_MLFLOW_BASE
const API = TEST_MLFLOW_API
const server = setupTestHttpServer()

const client = createMlflowClient({ baseUrl: BASE })
function boundQueryClient(): QueryClient {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  bindMlflowClient(queryClient, client)
  return queryClient
}

/** A run as MLflow 3.17 writes it, trimmed to what the tests look at. */
function wireRun(runId: string, extra: Record<string, unknown> = {}) {
  return {
    info: {
      run_uuid: runId,
      run_id: runId,
      experiment_id: '1',
      run_name: `run-${runId}`,
      user_id: 'alice',
      status: 'FINISHED',
      start_time: 1714390000000,
      end_time: 1714390123456,
      artifact_uri: `mlflow-artifacts:/1/${runId}/artifacts`,
      lifecycle_stage: 'active',
    },
    data: {},
    inputs: {},
    outputs: {},
    ...extra,
  }
}

/** Answers like MLflow: POST only, JSON content type required, the body decides the page. */
function searchHandler(pages: Record<string, { runs: unknown[]; next_page_token?: string }>) {
  return http.post(`${API}/runs/search`, async ({ request }) => {
    if (!(request.headers.get('content-type') ?? '').startsWith('application/json')) {
      return HttpResponse.json(
        {
          error_code: 'INVALID_PARAMETER_VALUE',
          message: "Content-Type must be one of ['application/json'].",
        },
        { status: 400 },
      )
    }
    const body = (await request.json()) as { page_token?: string }
    const page = pages[body.page_token ?? 'first']
    return page
      ? HttpResponse.json(page)
      : HttpResponse.json(
          { error_code: 'INVALID_PARAMETER_VALUE', message: 'Invalid page token' },
          { status: 400 },
        )
  })
}

describe('run decoding', () => {
  it('reads int64 strings, "NaN" metrics and omitted fields', async () => {
    server.use(
      http.get(`${API}/runs/get`, () =>
        HttpResponse.json({
          run: {
            // A server that writes int64 as strings, has no run_name (old) and omits end_time (running).
            info: {
              run_uuid: 'r1',
              experiment_id: '1',
              status: 'RUNNING',
              start_time: '1714390000000',
              lifecycle_stage: 'active',
            },
            data: {
              metrics: [
                { key: 'val_auc', value: 'NaN', timestamp: '1714390120000', step: '49' },
                { key: 'loss', value: 0.25, timestamp: 1714390120000 },
              ],
              tags: [{ key: 'mlflow.runName', value: 'bright-owl' }],
            },
          },
        }),
      ),
    )
    const run = await getRun(client, 'r1')
    expect(run.info).toEqual({
      runId: 'r1',
      runName: 'bright-owl',
      experimentId: '1',
      userId: undefined,
      status: 'RUNNING',
      startTime: 1714390000000,
      endTime: undefined,
      artifactUri: undefined,
      lifecycleStage: 'active',
    })
    expect(run.metrics.val_auc).toEqual({
      key: 'val_auc',
      value: Number.NaN,
      timestamp: 1714390120000,
      step: 49,
    })
    expect(run.metrics.loss?.step).toBe(0)
    expect(run.params).toEqual({})
    expect(run.datasets).toEqual([])
    expect(run.modelOutputs).toEqual([])
    expect(run.modelInputs).toEqual([])
  })

  it('reads datasets, model outputs and model inputs', async () => {
    server.use(
      http.get(`${API}/runs/get`, () =>
        HttpResponse.json({
          run: wireRun('r1', {
            inputs: {
              dataset_inputs: [
                {
                  tags: [{ key: 'mlflow.data.context', value: 'train' }],
                  dataset: { name: 'cifar10', digest: '3f2a9c1d', source_type: 'local', source: '{}' },
                },
              ],
              model_inputs: [{ model_id: 'm-in' }],
            },
            outputs: { model_outputs: [{ model_id: 'm-out', step: 49 }] },
          }),
        }),
      ),
    )
    const run = await getRun(client, 'r1')
    expect(run.datasets).toEqual([
      {
        name: 'cifar10',
        digest: '3f2a9c1d',
        sourceType: 'local',
        source: '{}',
        schema: undefined,
        profile: undefined,
        tags: { 'mlflow.data.context': 'train' },
      },
    ])
    expect(run.modelOutputs).toEqual([{ modelId: 'm-out', step: 49 }])
    expect(run.modelInputs).toEqual(['m-in'])
  })

  it('fails loudly on a status the app does not know, naming the field', async () => {
    server.use(
      http.get(`${API}/runs/get`, () =>
        HttpResponse.json({ run: wireRun('r1', { info: { ...wireRun('r1').info, status: 'LOST' } }) }),
      ),
    )
    await expect(getRun(client, 'r1')).rejects.toMatchObject({ kind: 'decode', path: '$.run.info.status' })
  })
})

describe('runs search', () => {
  it('sends the search as JSON and always sends max_results', async () => {
    server.use(
      http.post(`${API}/runs/search`, async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>
        // Echo the request back as run names so the test asserts on what the caller receives.
        return HttpResponse.json({
          runs: Object.entries(body).map(([key, value], index) =>
            wireRun(`r${index}`, {
              info: { ...wireRun(`r${index}`).info, run_name: `${key}=${JSON.stringify(value)}` },
            }),
          ),
        })
      }),
    )
    const page = await searchRuns(client, {
      experimentIds: ['1', '2'],
      filter: "params.optimizer = 'adam'",
      orderBy: ['metrics.`val loss` DESC'],
    })
    expect(page.items.map((run) => run.info.runName)).toEqual([
      'experiment_ids=["1","2"]',
      `filter="params.optimizer = 'adam'"`,
      'run_view_type="ACTIVE_ONLY"',
      'order_by=["metrics.`val loss` DESC"]',
      'max_results=100',
    ])
    expect(page.nextPageToken).toBeUndefined()
  })

  it('reads an empty result, where the server omits `runs`', async () => {
    server.use(http.post(`${API}/runs/search`, () => HttpResponse.json({})))
    expect(await searchRuns(client, { experimentIds: [] })).toEqual({ items: [], nextPageToken: undefined })
  })

  it('pages through an infinite query and drops a row a shifted offset repeated', async () => {
    server.use(
      searchHandler({
        first: { runs: [wireRun('a'), wireRun('b')], next_page_token: 'eyJvZmZzZXQiOiAyfQ==' },
        'eyJvZmZzZXQiOiAyfQ==': { runs: [wireRun('b'), wireRun('c')] },
      }),
    )
    const queryClient = boundQueryClient()
    const runs = await queryClient.infiniteQuery({
      ...runQueries.searchPages({ experimentIds: ['1'] }),
      pages: 2,
      select: (data) => flattenPages(data.pages, runKey),
    })
    expect(runs.map(runKey)).toEqual(['a', 'b', 'c'])
  })
})

describe('run queries', () => {
  it('fetch through the client bound to the QueryClient', async () => {
    server.use(
      http.get(`${API}/runs/get`, ({ request }) => {
        const runId = new URL(request.url).searchParams.get('run_id') ?? ''
        return HttpResponse.json({ run: wireRun(runId) })
      }),
    )
    const run = await boundQueryClient().query(runQueries.get('r42'))
    expect(run.info.runName).toBe('run-r42')
  })

  it('reject with the ApiError of the request', async () => {
    server.use(
      http.get(`${API}/runs/get`, () =>
        HttpResponse.json(
          { error_code: 'RESOURCE_DOES_NOT_EXIST', message: 'Run with id=zz not found' },
          { status: 404 },
        ),
      ),
    )
    const error: unknown = await boundQueryClient()
      .query(runQueries.get('zz'))
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 404, errorCode: 'RESOURCE_DOES_NOT_EXIST' })
  })

  it('share one cache entry for searches that differ only by defaults', () => {
    expect(runQueries.search({ experimentIds: ['1'] }).queryKey).toEqual(
      runQueries.search({ experimentIds: ['1'], maxResults: 100, viewType: 'ACTIVE_ONLY', filter: '' })
        .queryKey,
    )
    expect(runQueries.search({ experimentIds: ['1'] }).queryKey.slice(0, 2)).toEqual(runQueries.searches())
  })

  it('explain a QueryClient without a bound client', async () => {
    const unbound = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    await expect(unbound.query(runQueries.get('r1'))).rejects.toThrow(/bindMlflowClient/)
  })
})

describe('run writes', () => {
  it('update returns the new info; tag writes resolve on {}', async () => {
    server.use(
      http.post(`${API}/runs/update`, async ({ request }) => {
        const body = (await request.json()) as {
          run_id: string
          run_name: string
          status: string
          end_time: number
        }
        return HttpResponse.json({
          run_info: {
            ...wireRun(body.run_id).info,
            run_name: body.run_name,
            status: body.status,
            end_time: body.end_time,
          },
        })
      }),
      http.post(`${API}/runs/set-tag`, () => HttpResponse.json({})),
      http.post(`${API}/runs/delete-tag`, () =>
        HttpResponse.json(
          { error_code: 'RESOURCE_DOES_NOT_EXIST', message: 'No tag with name: x' },
          { status: 404 },
        ),
      ),
    )
    expect(
      await updateRun(client, { runId: 'r1', name: 'renamed', status: 'KILLED', endTime: 5 }),
    ).toMatchObject({
      runId: 'r1',
      runName: 'renamed',
      status: 'KILLED',
      endTime: 5,
    })
    await expect(setRunTag(client, { runId: 'r1', key: 'x', value: 'y' })).resolves.toBeUndefined()
    await expect(deleteRunTag(client, { runId: 'r1', key: 'x' })).rejects.toMatchObject({ status: 404 })
  })
})

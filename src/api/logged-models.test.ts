import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { TEST_MLFLOW_API, TEST_MLFLOW_BASE, setupTestHttpServer } from '@/testing/http-test-server'
import { createMlflowClient } from './http'
import {
  deleteLoggedModel,
  deleteLoggedModelTag,
  getLoggedModel,
  searchLoggedModels,
  setLoggedModelTags,
} from './logged-models'

const BASE = TEST_MLFLOW_BASE
const API = TEST_MLFLOW_API
const server = setupTestHttpServer()

const client = createMlflowClient({ baseUrl: BASE })

/** As MLflow 3.17 writes it: registrations only in the `mlflow.modelVersions` tag, `data` without params. */
const wireModel = (modelId: string, name = 'm') => ({
  info: {
    model_id: modelId,
    experiment_id: '1',
    name,
    creation_timestamp_ms: 1714390100000,
    last_updated_timestamp_ms: '1714390130000',
    artifact_uri: `mlflow-artifacts:/1/models/${modelId}/artifacts`,
    status: 'LOGGED_MODEL_READY',
    model_type: '',
    source_run_id: 'r1',
    tags: [
      {
        key: 'mlflow.modelVersions',
        value:
          '[{"name": "cifar", "version": 1}, {"name": "cifar", "version": "1"}, {"name": "cifar", "version": 2}]',
      },
    ],
  },
  data: {
    metrics: [
      { key: 'accuracy', value: 'NaN', timestamp: 1714390120000, step: 0, model_id: modelId, run_id: 'r1' },
    ],
  },
})

describe('logged models', () => {
  it('get reads registrations from the tag, once each, and metrics with NaN', async () => {
    server.use(
      http.get(`${API}/logged-models/:modelId`, ({ params }) =>
        HttpResponse.json({ model: wireModel(String(params.modelId)) }),
      ),
    )
    const model = await getLoggedModel(client, 'm-7b0e')
    expect(model).toMatchObject({
      modelId: 'm-7b0e',
      lastUpdatedTimestamp: 1714390130000,
      modelType: undefined,
      status: 'LOGGED_MODEL_READY',
      params: {},
      registrations: [
        { name: 'cifar', version: '1' },
        { name: 'cifar', version: '2' },
      ],
    })
    expect(model.metrics).toEqual([
      {
        key: 'accuracy',
        value: Number.NaN,
        timestamp: 1714390120000,
        step: 0,
        datasetName: undefined,
        datasetDigest: undefined,
        runId: 'r1',
      },
    ])
  })

  it('prefer `registrations` when a server fills it', async () => {
    const model = wireModel('m-1')
    server.use(
      http.get(`${API}/logged-models/:modelId`, () =>
        HttpResponse.json({
          model: { ...model, info: { ...model.info, registrations: [{ name: 'other', version: '9' }] } },
        }),
      ),
    )
    expect((await getLoggedModel(client, 'm-1')).registrations).toEqual([{ name: 'other', version: '9' }])
  })

  it('search POSTs JSON with order_by objects and reads the page', async () => {
    server.use(
      http.post(`${API}/logged-models/search`, async ({ request }) => {
        if (request.headers.get('content-type') !== 'application/json') {
          return HttpResponse.json(
            { error_code: 'INVALID_PARAMETER_VALUE', message: 'Content-Type' },
            { status: 400 },
          )
        }
        const body = (await request.json()) as {
          experiment_ids: string[]
          max_results: number
          order_by: { field_name: string; ascending: boolean; dataset_name?: string }[]
          datasets: { dataset_name: string }[]
        }
        const order = body.order_by
          .map((o) => `${o.field_name}:${o.ascending}:${o.dataset_name ?? ''}`)
          .join()
        const name = `${body.experiment_ids.join()}|${body.max_results}|${order}|${body.datasets.map((d) => d.dataset_name).join()}`
        return HttpResponse.json({ models: [wireModel('m-1', name)], next_page_token: 'next' })
      }),
    )
    const page = await searchLoggedModels(client, {
      experimentIds: ['1', '2'],
      orderBy: [{ field: 'metrics.accuracy', ascending: false, datasetName: 'val' }],
      datasets: [{ name: 'val' }],
    })
    expect(page.items.map((model) => model.name)).toEqual(['1,2|50|metrics.accuracy:false:val|val'])
    expect(page.nextPageToken).toBe('next')
  })

  it('sets tags with PATCH and deletes one with DELETE, the key encoded as one path segment', async () => {
    const seen: string[] = []
    server.use(
      http.patch(`${API}/logged-models/:modelId/tags`, async ({ request, params }) => {
        seen.push(`PATCH ${String(params.modelId)} ${JSON.stringify(await request.json())}`)
        return HttpResponse.json({})
      }),
      http.delete(`${API}/logged-models/:modelId/tags/:key`, ({ request, params }) => {
        seen.push(`DELETE ${String(params.modelId)} ${new URL(request.url).pathname.split('/').pop() ?? ''}`)
        return HttpResponse.json({})
      }),
      http.delete(`${API}/logged-models/:modelId`, ({ params }) => {
        seen.push(`DELETE ${String(params.modelId)}`)
        return HttpResponse.json({})
      }),
    )
    await setLoggedModelTags(client, { modelId: 'm-1', tags: { stage: 'candidate', 'a b': '' } })
    await deleteLoggedModelTag(client, { modelId: 'm-1', key: 'a b' })
    await deleteLoggedModel(client, 'm-1')
    expect(seen).toEqual([
      'PATCH m-1 {"tags":[{"key":"stage","value":"candidate"},{"key":"a b","value":""}]}',
      'DELETE m-1 a%20b',
      'DELETE m-1',
    ])
  })

  it('a refused tag write rejects with the server’s reason', async () => {
    server.use(
      http.delete(`${API}/logged-models/:modelId/tags/:key`, () =>
        HttpResponse.json(
          {
            error_code: 'RESOURCE_DOES_NOT_EXIST',
            message: "No tag with key 'x' found for model with ID 'm-1'.",
          },
          { status: 404 },
        ),
      ),
    )
    const refused = deleteLoggedModelTag(client, { modelId: 'm-1', key: 'x' })
    await expect(refused).rejects.toThrow("No tag with key 'x' found for model with ID 'm-1'.")
    await expect(refused).rejects.toMatchObject({
      status: 404,
      errorCode: 'RESOURCE_DOES_NOT_EXIST',
    })
  })
})

import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { TEST_MLFLOW_API, TEST_MLFLOW_BASE, setupTestHttpServer } from '@/testing/http-test-server'
import { createMlflowClient } from './http'
import {
  getModelVersion,
  getRegisteredModel,
  modelQueries,
  searchModelVersions,
  searchRegisteredModels,
} from './model-registry'

const BASE = TEST_MLFLOW_BASE
const API = TEST_MLFLOW_API
const server = setupTestHttpServer()

const client = createMlflowClient({ baseUrl: BASE })

/** A version as MLflow 3.17 writes it: empty strings for unset text, no `model_id`, no aliases. */
const wireVersion = (version: string) => ({
  name: 'cifar',
  version,
  creation_timestamp: 1714390400000,
  last_updated_timestamp: '1714390400000',
  current_stage: 'None',
  description: '',
  source: 'models:/m-c9aeb88d20964056b469371cca6ef969',
  run_id: 'r1',
  status: 'READY',
  tags: [{ key: 'k', value: 'v' }],
  run_link: '',
})

describe('registered models', () => {
  it('clamp max_results to the server cap of 1000 and always send it', async () => {
    server.use(
      http.get(`${API}/registered-models/search`, ({ request }) => {
        const maxResults = Number(new URL(request.url).searchParams.get('max_results'))
        if (!(maxResults >= 1 && maxResults <= 1000)) {
          return HttpResponse.json(
            { error_code: 'INVALID_PARAMETER_VALUE', message: `Invalid value "${maxResults}"` },
            { status: 400 },
          )
        }
        return HttpResponse.json({ registered_models: [{ name: `cap-${maxResults}` }] })
      }),
    )
    const page = await searchRegisteredModels(client, { maxResults: 5000 })
    expect(page.items.map((model) => model.name)).toEqual(['cap-1000'])
    expect(page.items[0]).toMatchObject({ latestVersions: [], tags: {}, aliases: {} })
  })

  it('read aliases as a record and give latest versions their aliases', async () => {
    server.use(
      http.get(`${API}/registered-models/get`, () =>
        HttpResponse.json({
          registered_model: {
            name: 'cifar',
            description: 'ResNet family',
            latest_versions: [wireVersion('4'), wireVersion('5')],
            aliases: [
              { alias: 'champion', version: '4' },
              { alias: 'stable', version: '4' },
            ],
          },
        }),
      ),
    )
    const model = await getRegisteredModel(client, 'cifar')
    expect(model.aliases).toEqual({ champion: '4', stable: '4' })
    expect(model.latestVersions.map((version) => version.aliases)).toEqual([['champion', 'stable'], []])
  })
})

describe('model versions', () => {
  it('read "" as unset and find the LoggedModel in the source', async () => {
    server.use(
      http.get(`${API}/model-versions/get`, ({ request }) => {
        const query = new URL(request.url).searchParams
        return HttpResponse.json({
          model_version: { ...wireVersion(query.get('version') ?? ''), aliases: ['champion'] },
        })
      }),
    )
    expect(await getModelVersion(client, { name: 'cifar', version: '4' })).toEqual({
      name: 'cifar',
      version: '4',
      creationTimestamp: 1714390400000,
      lastUpdatedTimestamp: 1714390400000,
      userId: undefined,
      currentStage: 'None',
      description: undefined,
      source: 'models:/m-c9aeb88d20964056b469371cca6ef969',
      runId: 'r1',
      status: 'READY',
      statusMessage: undefined,
      tags: { k: 'v' },
      aliases: ['champion'],
      runLink: undefined,
      modelId: 'm-c9aeb88d20964056b469371cca6ef969',
    })
  })

  it('search with the filter and repeated order_by', async () => {
    server.use(
      http.get(`${API}/model-versions/search`, ({ request }) => {
        const query = new URL(request.url).searchParams
        return HttpResponse.json({
          model_versions: [
            {
              ...wireVersion('1'),
              description: `${query.get('filter')}|${query.getAll('order_by').join(',')}`,
            },
          ],
          next_page_token: 'next',
        })
      }),
    )
    const page = await searchModelVersions(client, {
      filter: "run_id IN ('a','b')",
      orderBy: ['name ASC', 'version_number DESC'],
    })
    expect(page.items[0]?.description).toBe("run_id IN ('a','b')|name ASC,version_number DESC")
    expect(page.nextPageToken).toBe('next')
  })

  it('key versions under the registry hierarchy', () => {
    expect(modelQueries.getVersion({ name: 'cifar', version: '4' }).queryKey).toEqual([
      'registry',
      'versions',
      'get',
      'cifar',
      '4',
    ])
    expect(modelQueries.get('cifar').queryKey.slice(0, 1)).toEqual(modelQueries.all())
  })
})

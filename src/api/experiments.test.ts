import { QueryClient } from '@tanstack/react-query'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { bindMlflowClient } from './client-binding'
import {
  createExperiment,
  experimentKey,
  experimentQueries,
  getExperimentByName,
  renameExperiment,
  searchExperiments,
} from './experiments'
import { TEST_MLFLOW_API, TEST_MLFLOW_BASE, setupTestHttpServer } from '@/testing/http-test-server'
import { createMlflowClient } from './http'
import { collectPages, flattenPages } from './paging'

const BASE = TEST_MLFLOW_BASE
const API = TEST_MLFLOW_API
const server = setupTestHttpServer()

const client = createMlflowClient({ baseUrl: BASE })

const wireExperiment = (id: string, name = `exp-${id}`) => ({
  experiment_id: id,
  name,
  artifact_location: `mlflow-artifacts:/${id}`,
  lifecycle_stage: 'active',
  last_update_time: 1714390000123,
  creation_time: 1714300000000,
  workspace: 'default',
})

/**
 * Like a SQL store: no max_results is a 400; pages of one experiment whose offsets shift, so the
 * second page repeats the first page's row. Names echo view_type and order_by.
 */
const search = http.get(`${API}/experiments/search`, ({ request }) => {
  const query = new URL(request.url).searchParams
  if (query.get('max_results') === null) {
    return HttpResponse.json(
      {
        error_code: 'INVALID_PARAMETER_VALUE',
        message: "Invalid value 0 for parameter 'max_results' supplied.",
      },
      { status: 400 },
    )
  }
  const label = `${query.get('view_type')}|${query.getAll('order_by').join(',')}|${query.get('max_results')}`
  switch (query.get('page_token')) {
    case null:
      return HttpResponse.json({ experiments: [wireExperiment('2', label)], next_page_token: 'o1' })
    case 'o1':
      return HttpResponse.json({
        experiments: [wireExperiment('2', label), wireExperiment('1')],
        next_page_token: 'o2',
      })
    default:
      return HttpResponse.json({ experiments: [wireExperiment('0', 'Default')] })
  }
})

describe('experiments search', () => {
  it('always sends max_results and repeats order_by', async () => {
    server.use(search)
    const page = await searchExperiments(client, {
      orderBy: ['name ASC', 'experiment_id DESC'],
      viewType: 'ALL',
    })
    expect(page.items[0]?.name).toBe('ALL|name ASC,experiment_id DESC|100')
    expect(page.nextPageToken).toBe('o1')
  })

  it('maps the wire to the app vocabulary, ignoring unknown fields', async () => {
    server.use(search)
    const { items } = await searchExperiments(client, { maxResults: 1, pageToken: 'o2' })
    expect(items).toEqual([
      {
        experimentId: '0',
        name: 'Default',
        artifactLocation: 'mlflow-artifacts:/0',
        lifecycleStage: 'active',
        creationTime: 1714300000000,
        lastUpdateTime: 1714390000123,
        tags: {},
      },
    ])
  })

  it('collects every page without the repeated row', async () => {
    server.use(search)
    const { items } = await collectPages(
      (pageToken) => searchExperiments(client, { maxResults: 1, pageToken }),
      {
        keyOf: experimentKey,
      },
    )
    expect(items.map(experimentKey)).toEqual(['2', '1', '0'])
  })

  it('backs an infinite query', async () => {
    server.use(search)
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    bindMlflowClient(queryClient, client)
    const data = await queryClient.infiniteQuery({
      ...experimentQueries.searchPages({ maxResults: 1 }),
      pages: 3,
    })
    expect(flattenPages(data.pages, experimentKey).map(experimentKey)).toEqual(['2', '1', '0'])
  })
})

describe('experiment reads and writes', () => {
  it('gets by name, with tags as a record', async () => {
    server.use(
      http.get(`${API}/experiments/get-by-name`, ({ request }) => {
        const name = new URL(request.url).searchParams.get('experiment_name') ?? ''
        return HttpResponse.json({
          experiment: {
            ...wireExperiment('3', name),
            tags: [{ key: 'mlflow.note.content', value: 'Baseline' }],
          },
        })
      }),
    )
    const experiment = await getExperimentByName(client, 'resnet & friends')
    expect(experiment.name).toBe('resnet & friends')
    expect(experiment.tags).toEqual({ 'mlflow.note.content': 'Baseline' })
  })

  it('creates with tags as a key/value list and resolves to the id', async () => {
    server.use(
      http.post(`${API}/experiments/create`, async ({ request }) => {
        const body = (await request.json()) as { name: string; tags: { key: string; value: string }[] }
        return HttpResponse.json({
          experiment_id: `${body.name}:${body.tags.map((t) => `${t.key}=${t.value}`).join()}`,
        })
      }),
    )
    expect(await createExperiment(client, { name: 'new', tags: { team: 'cv' } })).toBe('new:team=cv')
  })

  it('reports a taken name as MLflow does (400, RESOURCE_ALREADY_EXISTS)', async () => {
    server.use(
      http.post(`${API}/experiments/create`, () =>
        HttpResponse.json(
          { error_code: 'RESOURCE_ALREADY_EXISTS', message: 'Experiment(name=new) already exists.' },
          { status: 400 },
        ),
      ),
    )
    await expect(createExperiment(client, { name: 'new' })).rejects.toMatchObject({
      kind: 'http',
      status: 400,
      errorCode: 'RESOURCE_ALREADY_EXISTS',
    })
  })

  it('renames through experiments/update with new_name', async () => {
    server.use(
      http.post(`${API}/experiments/update`, async ({ request }) => {
        const body = (await request.json()) as { experiment_id?: string; new_name?: string }
        return body.experiment_id === '3' && body.new_name === 'renamed'
          ? HttpResponse.json({})
          : HttpResponse.json({ error_code: 'INVALID_PARAMETER_VALUE', message: 'bad body' }, { status: 400 })
      }),
    )
    await expect(renameExperiment(client, { experimentId: '3', name: 'renamed' })).resolves.toBeUndefined()
  })
})

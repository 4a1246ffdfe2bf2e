import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { TEST_MLFLOW_API, TEST_MLFLOW_BASE, setupTestHttpServer } from '@/testing/http-test-server'
import { createMlflowClient } from './http'
import { isApiError } from './errors'
import {
  createModelVersion,
  createRegisteredModel,
  deleteModelAlias,
  deleteModelVersion,
  deleteModelVersionTag,
  deleteRegisteredModel,
  deleteRegisteredModelTag,
  getModelVersion,
  getModelVersionByAlias,
  getModelVersionDownloadUri,
  getRegisteredModel,
  modelQueries,
  renameRegisteredModel,
  searchModelVersions,
  searchRegisteredModels,
  setModelAlias,
  setModelVersionTag,
  setRegisteredModelTag,
  transitionModelVersionStage,
  updateModelVersion,
  updateRegisteredModel,
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

describe('registry writes', () => {
  const wireModel = { name: 'cifar', aliases: [{ alias: 'champion', version: '4' }] }
  /** What MLflow 3.17 answers on each route (`{}` for the tag, alias and delete writes). */
  const answers: Record<string, Record<string, unknown>> = {
    'registered-models/create': { registered_model: wireModel },
    'registered-models/update': { registered_model: wireModel },
    'registered-models/rename': { registered_model: { ...wireModel, name: 'cifar-2' } },
    'model-versions/create': { model_version: wireVersion('4') },
    'model-versions/update': { model_version: wireVersion('4') },
    'model-versions/transition-stage': { model_version: wireVersion('4') },
    'model-versions/get-download-uri': { artifact_uri: 'mlflow-artifacts:/1/models/m-1/artifacts' },
  }

  /** Records each request as `METHOD path body` (the query for a GET) and answers as the server does. */
  function recordWrites() {
    const seen: string[] = []
    const handle = async ({ request }: { request: Request }) => {
      const url = new URL(request.url)
      const path = url.pathname.replace(`${new URL(API).pathname}/`, '')
      const body = request.method === 'GET' ? url.search : await request.text()
      seen.push(`${request.method} ${path} ${body}`)
      if (request.method === 'GET' && path === 'registered-models/alias') {
        return HttpResponse.json({ model_version: { ...wireVersion('4'), aliases: ['champion'] } })
      }
      return HttpResponse.json(answers[path] ?? {})
    }
    server.use(
      http.post(`${API}/*`, handle),
      http.patch(`${API}/*`, handle),
      http.delete(`${API}/*`, handle),
      http.get(`${API}/*`, handle),
    )
    return seen
  }

  it('send every model write with the method, route and body MLflow 3.17 expects', async () => {
    const seen = recordWrites()
    const created = await createRegisteredModel(client, {
      name: 'cifar',
      description: 'ResNet',
      tags: { team: 'cv' },
    })
    expect(created.aliases).toEqual({ champion: '4' })
    await updateRegisteredModel(client, { name: 'cifar', description: '' })
    await renameRegisteredModel(client, { name: 'cifar', newName: 'cifar-2' })
    await setRegisteredModelTag(client, { name: 'cifar', key: 'team', value: 'cv' })
    await deleteRegisteredModelTag(client, { name: 'cifar', key: 'team' })
    await setModelAlias(client, { name: 'cifar', alias: 'champion', version: '4' })
    await deleteModelAlias(client, { name: 'cifar', alias: 'champion' })
    await deleteRegisteredModel(client, 'cifar')
    expect(seen).toEqual([
      'POST registered-models/create {"name":"cifar","description":"ResNet","tags":[{"key":"team","value":"cv"}]}',
      'PATCH registered-models/update {"name":"cifar","description":""}',
      'POST registered-models/rename {"name":"cifar","new_name":"cifar-2"}',
      'POST registered-models/set-tag {"name":"cifar","key":"team","value":"cv"}',
      'DELETE registered-models/delete-tag {"name":"cifar","key":"team"}',
      'POST registered-models/alias {"name":"cifar","alias":"champion","version":"4"}',
      // The server reads a DELETE's parameters from the JSON body only; query parameters give a 400.
      'DELETE registered-models/alias {"name":"cifar","alias":"champion"}',
      'DELETE registered-models/delete {"name":"cifar"}',
    ])
  })

  it('send every version write with the method, route and body MLflow 3.17 expects', async () => {
    const seen = recordWrites()
    const version = await createModelVersion(client, {
      name: 'cifar',
      source: 'models:/m-c9aeb88d20964056b469371cca6ef969',
      modelId: 'm-c9aeb88d20964056b469371cca6ef969',
      runId: 'r1',
    })
    expect(version).toMatchObject({ version: '4', modelId: 'm-c9aeb88d20964056b469371cca6ef969' })
    await updateModelVersion(client, { name: 'cifar', version: '4', description: 'best' })
    await setModelVersionTag(client, { name: 'cifar', version: '4', key: 'k', value: 'v' })
    await deleteModelVersionTag(client, { name: 'cifar', version: '4', key: 'k' })
    await transitionModelVersionStage(client, {
      name: 'cifar',
      version: '4',
      stage: 'Production',
      archiveExistingVersions: true,
    })
    await deleteModelVersion(client, { name: 'cifar', version: '4' })
    expect(await getModelVersionByAlias(client, { name: 'cifar', alias: 'champion' })).toMatchObject({
      version: '4',
      aliases: ['champion'],
    })
    expect(await getModelVersionDownloadUri(client, { name: 'cifar', version: '4' })).toBe(
      'mlflow-artifacts:/1/models/m-1/artifacts',
    )
    expect(seen).toEqual([
      'POST model-versions/create {"name":"cifar","source":"models:/m-c9aeb88d20964056b469371cca6ef969","run_id":"r1","model_id":"m-c9aeb88d20964056b469371cca6ef969"}',
      'PATCH model-versions/update {"name":"cifar","version":"4","description":"best"}',
      'POST model-versions/set-tag {"name":"cifar","version":"4","key":"k","value":"v"}',
      'DELETE model-versions/delete-tag {"name":"cifar","version":"4","key":"k"}',
      'POST model-versions/transition-stage {"name":"cifar","version":"4","stage":"Production","archive_existing_versions":true}',
      'DELETE model-versions/delete {"name":"cifar","version":"4"}',
      'GET registered-models/alias ?name=cifar&alias=champion',
      'GET model-versions/get-download-uri ?name=cifar&version=4',
    ])
  })

  it("reject with the server's reason when a write is refused", async () => {
    server.use(
      http.post(`${API}/registered-models/create`, () =>
        HttpResponse.json(
          {
            error_code: 'RESOURCE_ALREADY_EXISTS',
            message: 'Registered Model (name=cifar) already exists.',
          },
          { status: 400 },
        ),
      ),
    )
    const error: unknown = await createRegisteredModel(client, { name: 'cifar' }).catch(
      (caught: unknown) => caught,
    )
    expect(isApiError(error) && error.errorCode).toBe('RESOURCE_ALREADY_EXISTS')
    expect(isApiError(error) && error.message).toBe('Registered Model (name=cifar) already exists.')
  })

  it('key alias and download-uri look-ups under the versions prefix', () => {
    expect(modelQueries.byAlias({ name: 'cifar', alias: 'champion' }).queryKey.slice(0, 2)).toEqual(
      modelQueries.versions(),
    )
    expect(modelQueries.downloadUri({ name: 'cifar', version: '4' }).queryKey.slice(0, 2)).toEqual(
      modelQueries.versions(),
    )
    expect(modelQueries.search({}).queryKey.slice(0, 3)).toEqual(modelQueries.searches())
    expect(modelQueries.get('cifar').queryKey.slice(0, 2)).toEqual(modelQueries.models())
  })
})

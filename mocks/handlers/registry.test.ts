/**
 * What the contract test cannot compare: registry state a real server's SQL store never holds
 * (versions still registering or whose registration failed, only in the demo world), and the demo
 * and empty scenarios' registries.
 */

import { getResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { createMockApi } from '../scenarios'
import { DEMO_REGISTRY } from '../world/demo-world'
import { CONTRACT_REGISTRY } from '../world/contract-world'

const API = 'http://mock.test/api/2.0/mlflow'

async function call(
  api: ReturnType<typeof createMockApi>,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const request = new Request(`${API}/${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const response = await getResponse(api.handlers, request)
  if (response === undefined) throw new Error(`no mock answers ${method} ${path}`)
  const json: unknown = await response.json()
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new Error('not an object')
  return { status: response.status, json: Object.fromEntries(Object.entries(json)) }
}

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' ? Reflect.get(value, key) : undefined
}

const version = (api: ReturnType<typeof createMockApi>, name: string, number: number) =>
  call(api, 'GET', `model-versions/get?name=${encodeURIComponent(name)}&version=${number}`)

describe('the demo registry', () => {
  it('holds a version still registering and one whose registration failed, with their messages', async () => {
    const api = createMockApi('demo')
    const pending = await version(api, DEMO_REGISTRY.name, DEMO_REGISTRY.pendingVersion)
    expect(pending.json.model_version).toMatchObject({
      status: 'PENDING_REGISTRATION',
      status_message: 'Uploading the adapter weights.',
    })
    const failed = await version(api, DEMO_REGISTRY.name, DEMO_REGISTRY.failedVersion)
    expect(failed.json.model_version).toMatchObject({
      status: 'FAILED_REGISTRATION',
      status_message: DEMO_REGISTRY.failedMessage,
    })
    expect(String(field(failed.json.model_version, 'source'))).toMatch(/^runs:\/[0-9a-f]{32}\/adapter$/)
    const ready = await version(api, DEMO_REGISTRY.name, 1)
    expect(ready.json.model_version).toMatchObject({ status: 'READY', aliases: ['production'] })
    expect(ready.json.model_version).not.toHaveProperty('status_message')
  })

  it('lists the statuses in searches too, beside the contract registry', async () => {
    const api = createMockApi('demo')
    const { json } = await call(
      api,
      'GET',
      `model-versions/search?filter=${encodeURIComponent(`name = '${DEMO_REGISTRY.name}'`)}`,
    )
    expect(json.model_versions).toEqual([
      expect.objectContaining({ version: '3', status: 'FAILED_REGISTRATION' }),
      expect.objectContaining({ version: '2', status: 'PENDING_REGISTRATION' }),
      expect.objectContaining({ version: '1', status: 'READY' }),
    ])
    const models = await call(api, 'GET', 'registered-models/search')
    const names = Array.isArray(models.json.registered_models)
      ? models.json.registered_models.map((model: unknown) => field(model, 'name'))
      : []
    expect(names).toEqual([
      CONTRACT_REGISTRY.aliases.name,
      CONTRACT_REGISTRY.empty.name,
      CONTRACT_REGISTRY.loggedModels.name,
      DEMO_REGISTRY.name,
      CONTRACT_REGISTRY.stages.name,
    ])
  })

  it('keeps the pending and failed versions out of the contract scenario', async () => {
    const { status, json } = await call(
      createMockApi('contract'),
      'GET',
      `registered-models/get?name=${DEMO_REGISTRY.name}`,
    )
    expect(status).toBe(404)
    expect(json.message).toBe(`Registered Model with name=${DEMO_REGISTRY.name} not found`)
  })

  it('answers an empty registry in the empty scenario', async () => {
    const api = createMockApi('empty')
    expect((await call(api, 'GET', 'registered-models/search')).json).toEqual({})
    expect((await call(api, 'GET', 'model-versions/search')).json).toEqual({})
  })
})

describe('LoggedModels registered in the world', () => {
  it('list their versions from the first request on, before anything asked the registry', async () => {
    const api = createMockApi('contract')
    const modelId = api.store.modelIdOf('zoo-classifier') ?? ''
    const { json } = await call(api, 'GET', `logged-models/${modelId}`)
    const tags = field(field(json.model, 'info'), 'tags')
    expect(tags).toContainEqual({
      key: 'mlflow.modelVersions',
      value: `[{"name": "${CONTRACT_REGISTRY.loggedModels.name}", "version": 2}]`,
    })
  })
})

describe('registry writes in one mock server', () => {
  it('registers a LoggedModel, lists it on the model, and pages through versions', async () => {
    const api = createMockApi('contract')
    await call(api, 'POST', 'registered-models/create', { name: 'unit-model' })
    const modelId = api.store.modelIdOf('zoo-classifier-failed') ?? ''
    for (let i = 0; i < 3; i++) {
      const created = await call(api, 'POST', 'model-versions/create', {
        name: 'unit-model',
        source: `models:/${modelId}`,
        model_id: modelId,
      })
      expect(created.json.model_version).toMatchObject({ version: String(i + 1), status: 'READY' })
    }
    const model = await call(api, 'GET', `logged-models/${modelId}`)
    expect(JSON.stringify(model.json)).toContain(
      '[{\\"name\\": \\"unit-model\\", \\"version\\": 1}, {\\"name\\": \\"unit-model\\", \\"version\\": 2}, {\\"name\\": \\"unit-model\\", \\"version\\": 3}]',
    )
    const query = `filter=${encodeURIComponent("name = 'unit-model'")}&max_results=2`
    const first = await call(api, 'GET', `model-versions/search?${query}`)
    expect(first.json.model_versions).toHaveLength(2)
    expect(typeof first.json.next_page_token).toBe('string')
    const second = await call(
      api,
      'GET',
      `model-versions/search?${query}&page_token=${String(first.json.next_page_token)}`,
    )
    expect(second.json.model_versions).toEqual([expect.objectContaining({ version: '1' })])
    expect(second.json).not.toHaveProperty('next_page_token')
  })
})

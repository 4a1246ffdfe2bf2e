import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ScenarioName } from '../mocks/scenario-names'
import { DEMO_EXPERIMENTS } from '../mocks/scenarios'
import { startRunboard, type Runboard } from './main'
import { send } from './test-client'

function demo(scenario: ScenarioName, basePath = '/'): Promise<Runboard> {
  return startRunboard(
    { mode: { kind: 'demo', scenario }, host: '127.0.0.1', port: 0, basePath },
    { staticDir: '/nonexistent', log: () => undefined },
  )
}

interface Named {
  name: string
}

function names(body: unknown, key: string): string[] {
  const list = (body as Record<string, Named[] | undefined>)[key] ?? []
  return list.map((item) => item.name)
}

describe('demo mode', () => {
  let runboard: Runboard
  beforeAll(async () => {
    runboard = await demo('demo', '/mlflow/')
  })
  afterAll(async () => {
    await runboard.close()
  })

  it('answers experiments/search from the demo world under the base path', async () => {
    const response = await send(`${runboard.url}api/2.0/mlflow/experiments/search?max_results=10`)
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toBe('application/json')
    expect(names(response.json(), 'experiments')).toEqual(
      expect.arrayContaining([DEMO_EXPERIMENTS.sweep, DEMO_EXPERIMENTS.finetune]),
    )
  })

  it('answers a POST runs/search with a streamed body, gzipped when accepted', async () => {
    const search = await send(`${runboard.url}api/2.0/mlflow/experiments/search?max_results=100`)
    const experiments = (search.json() as { experiments: { experiment_id: string; name: string }[] })
      .experiments
    const sweep = experiments.find((experiment) => experiment.name === DEMO_EXPERIMENTS.sweep)
    const response = await send(`${runboard.url}ajax-api/2.0/mlflow/runs/search`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept-Encoding': 'gzip' },
      body: JSON.stringify({ experiment_ids: [sweep?.experiment_id], max_results: 50 }),
    })
    expect(response.status).toBe(200)
    expect(response.headers['content-encoding']).toBe('gzip')
    const body = response.json() as { runs: unknown[]; next_page_token?: string }
    expect(body.runs).toHaveLength(50)
    expect(body.next_page_token).toEqual(expect.any(String))
  })

  it('keeps writes until restart', async () => {
    const created = await send(`${runboard.url}api/2.0/mlflow/experiments/create`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'written-in-demo' }),
    })
    expect(created.status).toBe(200)
    const search = await send(`${runboard.url}api/2.0/mlflow/experiments/search?max_results=100`)
    expect(names(search.json(), 'experiments')).toContain('written-in-demo')
  })

  it('answers version and health as MLflow does', async () => {
    expect((await send(`${runboard.url}version`)).text).toMatch(/^\d+\.\d+\.\d+$/)
    expect((await send(`${runboard.url}health`)).text).toBe('OK')
  })

  it('answers an unknown MLflow route with a 404 in MLflow error JSON', async () => {
    const response = await send(`${runboard.url}api/2.0/mlflow/no-such-endpoint`)
    expect(response.status).toBe(404)
    expect(response.json()).toEqual({
      error_code: 'ENDPOINT_NOT_FOUND',
      message: 'No demo handler for GET /api/2.0/mlflow/no-such-endpoint',
    })
  })

  it('serves its runtime config', async () => {
    const response = await send(`${runboard.url}runboard-config.json`)
    expect(response.json()).toEqual({
      mode: 'demo',
      trackingUri: 'demo:demo',
      scenario: 'demo',
      basePath: '/mlflow/',
      version: expect.any(String) as unknown,
      artifactFrames: true,
    })
  })
})

describe('demo scenarios', () => {
  it('server-error: every API call answers 500 INTERNAL_ERROR', async () => {
    const runboard = await demo('server-error')
    try {
      const response = await send(`${runboard.url}api/2.0/mlflow/experiments/search?max_results=10`)
      expect(response.status).toBe(500)
      expect(response.json()).toMatchObject({ error_code: 'INTERNAL_ERROR' })
    } finally {
      await runboard.close()
    }
  })

  it('unreachable: answers as proxy mode does when the tracking server is down', async () => {
    const runboard = await demo('unreachable')
    try {
      const response = await send(`${runboard.url}api/2.0/mlflow/experiments/search?max_results=10`)
      expect(response.status).toBe(502)
      expect(response.json()).toEqual({
        error_code: 'RUNBOARD_UPSTREAM_UNREACHABLE',
        message: 'Cannot reach the tracking server at demo:unreachable',
      })
    } finally {
      await runboard.close()
    }
  })
})

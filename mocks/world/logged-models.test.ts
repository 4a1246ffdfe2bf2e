import { getResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { createMockApi } from '../scenarios'
import { ARTIFACT_COMPARE, artifactBytes } from './artifacts'
import { contractWorld } from './contract-world'
import { CONTRACT_LOGGED_MODELS, LOGGED_MODELS } from './logged-models'

const M = LOGGED_MODELS

describe('the LoggedModels of the contract world', () => {
  it('come from a run of their experiment, with unique names', () => {
    const models = contractWorld.loggedModels ?? []
    expect(models.map((model) => model.name)).toEqual([M.classifier, M.checkpoint, M.failed])
    // At most one output per run: the real server lists a run's outputs in no set order.
    const outputRuns = models
      .filter((model) => model.outputStep !== undefined)
      .map((model) => model.sourceRun)
    expect(new Set(outputRuns).size).toBe(outputRuns.length)
    for (const model of models) {
      const source = contractWorld.runs.find((run) => run.name === model.sourceRun)
      expect(source?.experiment).toBe(model.experiment)
      expect(Object.keys(model.params)).toEqual(Object.keys(model.params).sort())
    }
  })

  it('hold the files log_model writes, MLmodel naming the model and its run', () => {
    const classifier = CONTRACT_LOGGED_MODELS[0]
    const files = new Map(
      (classifier?.artifacts ?? []).map((file) => [
        file.path,
        new TextDecoder().decode(artifactBytes(file.content)),
      ]),
    )
    expect([...files.keys()].sort()).toEqual(Object.values(M.files).sort())
    const mlmodel = files.get(M.files.mlmodel) ?? ''
    expect(mlmodel).toMatch(/^ {2}python_function:$/m)
    expect(mlmodel).toMatch(/^ {2}sklearn:$/m)
    expect(mlmodel).toMatch(/^signature:\n {2}inputs: '\[\{"type": "double"/m)
    expect(mlmodel).toContain('model_id: {{model_id}}\n')
    expect(mlmodel).toContain('run_id: {{run_id}}\n')
    expect(JSON.parse(files.get(M.files.servingInputExample) ?? '')).toHaveProperty('dataframe_split')
  })
})

describe('the mocks serve LoggedModels as the real server does', () => {
  const { store, handlers } = createMockApi('contract')
  const classifierId = store.modelIdOf(M.classifier) ?? ''
  const trainId = store.runIdOf(M.trainRun) ?? ''

  async function send(path: string, init?: RequestInit & { query?: Record<string, string> }) {
    const url = new URL(`http://mock.test${path}`)
    for (const [key, value] of Object.entries(init?.query ?? {})) url.searchParams.set(key, value)
    const response = await getResponse(handlers, new Request(url, init))
    if (response === undefined) throw new Error(`unhandled ${path}`)
    return response
  }

  it('gives models ids shaped like the real ones', () => {
    expect(classifierId).toMatch(/^m-[0-9a-f]{32}$/)
  })

  it('answers a lookup, and 404 for an unknown id', async () => {
    const found = await send(`/api/2.0/mlflow/logged-models/${classifierId}`)
    const body = (await found.json()) as { model: { info: Record<string, unknown>; data: unknown } }
    expect(body.model.info).toMatchObject({
      model_id: classifierId,
      name: M.classifier,
      status: 'LOGGED_MODEL_READY',
      source_run_id: trainId,
    })
    expect(String(body.model.info.artifact_uri).endsWith(`/models/${classifierId}/artifacts`)).toBe(true)
    expect(body.model.data).toMatchObject({
      params: [
        { key: 'C', value: '1.0' },
        { key: 'max_iter', value: '200' },
        { key: 'solver', value: 'lbfgs' },
      ],
      metrics: expect.arrayContaining([
        {
          key: 'eval_accuracy',
          value: 0.95,
          timestamp: 1767618007000,
          step: 1,
          dataset_name: 'iris-test',
          dataset_digest: 'e5f6a7b8',
          model_id: classifierId,
          run_id: trainId,
        },
      ]) as unknown,
    })
    const missing = await send('/api/2.0/mlflow/logged-models/m-0123')
    expect(missing.status).toBe(404)
  })

  it('searches newest first, in pages', async () => {
    const experimentId = store.getRun(trainId)?.experimentId ?? ''
    const search = async (body: unknown) => {
      const response = await send('/api/2.0/mlflow/logged-models/search', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
      return (await response.json()) as { models?: { info: { name: string } }[]; next_page_token?: string }
    }
    const all = await search({ experiment_ids: [experimentId] })
    expect(all.models?.map((model) => model.info.name)).toEqual([M.failed, M.checkpoint, M.classifier])
    const first = await search({ experiment_ids: [experimentId], max_results: 2 })
    expect(first.models).toHaveLength(2)
    expect(atob(first.next_page_token ?? '')).toBe(
      `{"experiment_ids": ["${experimentId}"], "filter_string": null, "order_by": null, "offset": 2}`,
    )
    const second = await search({
      experiment_ids: [experimentId],
      max_results: 2,
      page_token: first.next_page_token,
    })
    expect(second.models?.map((model) => model.info.name)).toEqual([M.classifier])
  })

  it('lists and serves the model files, with Range support', async () => {
    const listed = await send(`/api/2.0/mlflow/logged-models/${classifierId}/artifacts/directories`)
    const listing = (await listed.json()) as { files: { path: string }[] }
    expect(listing.files.map((file) => file.path)).toEqual(Object.values(M.files).sort())
    const files = `/ajax-api/2.0/mlflow/logged-models/${classifierId}/artifacts/files`
    const mlmodel = await send(files, { query: { artifact_file_path: M.files.mlmodel } })
    expect(mlmodel.headers.get('content-disposition')).toBe('attachment; filename=MLmodel')
    const text = await mlmodel.text()
    expect(text).toContain(`model_id: ${classifierId}\n`)
    expect(text).toContain(`run_id: ${trainId}\n`)
    const part = await send(files, {
      query: { artifact_file_path: M.files.mlmodel },
      headers: { Range: 'bytes=0-9' },
    })
    expect(part.status).toBe(206)
    expect(await part.text()).toBe(text.slice(0, 10))
    const missing = await send(files)
    expect(missing.status).toBe(400)
  })

  it('gives the source run the metrics logged with a model', async () => {
    const response = await send('/api/2.0/mlflow/runs/get', { query: { run_id: trainId } })
    const body = (await response.json()) as { run: { data: { metrics: { key: string; value: number }[] } } }
    expect(body.run.data.metrics).toContainEqual(
      expect.objectContaining({ key: 'eval_accuracy', value: 0.95 }),
    )
  })

  it('lists the models a run produced in its outputs', async () => {
    const response = await send('/api/2.0/mlflow/runs/get', { query: { run_id: trainId } })
    const body = (await response.json()) as { run: { outputs: unknown } }
    expect(body.run.outputs).toEqual({ model_outputs: [{ model_id: classifierId, step: 0 }] })
    const runB = await send('/api/2.0/mlflow/runs/get', {
      query: { run_id: store.runIdOf(ARTIFACT_COMPARE.runB) ?? '' },
    })
    const bodyB = (await runB.json()) as { run: { outputs: unknown } }
    expect(bodyB.run.outputs).toEqual({
      model_outputs: [{ model_id: store.modelIdOf(M.checkpoint), step: 5 }],
    })
  })
})

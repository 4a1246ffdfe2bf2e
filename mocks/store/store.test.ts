import { describe, expect, it } from 'vitest'
import { MockStore, MockStoreError } from './store'
import type { World } from '../world/types'

const world: World = {
  experiments: [
    { name: 'a', tags: { team: 'x' } },
    { name: 'gone', tags: {}, deleted: true },
  ],
  runs: [
    {
      name: 'parent',
      experiment: 'a',
      status: 'FINISHED',
      startTime: 1000,
      endTime: 2000,
      params: { lr: '0.1' },
      tags: { 'mlflow.user': 'alice' },
      metrics: {
        loss: [
          { step: 2, timestamp: 10, value: 0.5 },
          { step: 3, timestamp: 5, value: 'NaN' },
          { step: 1, timestamp: 50, value: 0.9 },
        ],
        same_step: [
          { step: 1, timestamp: 10, value: 0.2 },
          { step: 1, timestamp: 10, value: 0.7 },
          { step: 1, timestamp: 10, value: 0.4 },
        ],
        inf: [{ step: 0, timestamp: 1, value: 'Infinity' }],
      },
    },
    {
      name: 'child',
      experiment: 'a',
      parent: 'parent',
      status: 'RUNNING',
      startTime: 3000,
      params: {},
      tags: {},
      metrics: {},
    },
    {
      name: 'old',
      experiment: 'gone',
      status: 'FINISHED',
      startTime: 1,
      endTime: 2,
      params: {},
      tags: {},
      metrics: {},
    },
  ],
}

describe('MockStore', () => {
  const fresh = () => MockStore.fromWorld(world, { artifactRoot: '/root', now: () => 42 })

  it('numbers experiments after the Default experiment 0, as a fresh SQL store does', () => {
    expect(
      fresh()
        .listExperiments()
        .map((e) => [e.experimentId, e.name]),
    ).toEqual([
      ['0', 'Default'],
      ['1', 'a'],
      ['2', 'gone'],
    ])
  })

  it('keeps the latest metric by step, then timestamp, then value, and stores infinity as max double', () => {
    const store = fresh()
    const run = store.getRun(store.runIdOf('parent') ?? '')
    expect(run?.latestMetrics.get('loss')).toEqual({ step: 3, timestamp: 5, value: 'NaN' })
    expect(run?.latestMetrics.get('same_step')?.value).toBe(0.7)
    expect(run?.latestMetrics.get('inf')?.value).toBe(1.7976931348623157e308)
  })

  it('links children to the parent id and derives user and artifact uri', () => {
    const store = fresh()
    const parentId = store.runIdOf('parent') ?? ''
    const child = store.getRun(store.runIdOf('child') ?? '')
    expect(child?.tags.get('mlflow.parentRunId')).toBe(parentId)
    expect(child?.userId).toBe('unknown')
    expect(child?.endTime).toBeUndefined()
    const parent = store.getRun(parentId)
    expect(parent?.userId).toBe('alice')
    expect(parent?.artifactUri).toBe(`/root/1/${parentId}/artifacts`)
  })

  it('orders a history by timestamp, then step, as the SQL store does', () => {
    const store = fresh()
    expect(
      store
        .metricHistory(store.runIdOf('parent') ?? '', 'loss')
        .slice()
        .map((p) => p.step),
    ).toEqual([3, 2, 1])
  })

  it('deletes the runs of a deleted experiment and restores them with it', () => {
    const store = fresh()
    expect(store.getRun(store.runIdOf('old') ?? '')?.lifecycleStage).toBe('deleted')
    store.setExperimentLifecycle('1', 'deleted')
    expect(store.runsOf('1').map((run) => run.lifecycleStage)).toEqual(['deleted', 'deleted'])
    store.setExperimentLifecycle('1', 'active')
    expect(store.runsOf('1').map((run) => run.lifecycleStage)).toEqual(['active', 'active'])
  })

  it('refuses tag edits on deleted runs and duplicate experiment names', () => {
    const store = fresh()
    const runId = store.runIdOf('child') ?? ''
    store.setRunLifecycle(runId, 'deleted')
    expect(() => {
      store.setTag(runId, 'k', 'v')
    }).toThrow(MockStoreError)
    expect(() => store.createExperiment('a', new Map())).toThrow(/already exists/)
  })

  it('makes the runs of a lazy experiment only when they are first read', () => {
    let made = 0
    const store = new MockStore([
      {
        experiment: { name: 'lazy', tags: {} },
        runs: () => {
          made++
          return [
            { name: 'r', status: 'FINISHED', startTime: 1, endTime: 2, params: {}, tags: {}, metrics: {} },
          ]
        },
      },
    ])
    expect(made).toBe(0)
    expect(store.runsOf('1')).toHaveLength(1)
    store.runsOf('1')
    expect(made).toBe(1)
  })

  it('caches a search until the next write', () => {
    const store = fresh()
    let searches = 0
    const search = () => {
      searches++
      return [...store.runsOf('1')]
    }
    const first = store.cachedSearch('k', search)
    expect(store.cachedSearch('k', search)).toBe(first)
    expect(searches).toBe(1)
    store.setTag(store.runIdOf('parent') ?? '', 'note', 'x')
    expect(store.cachedSearch('k', search)).not.toBe(first)
    expect(searches).toBe(2)
    store.setRunLifecycle(store.runIdOf('child') ?? '', 'deleted')
    store.cachedSearch('k', search)
    store.createRun('1', { runName: 'new', startTime: 5, userId: 'u', tags: new Map() })
    store.cachedSearch('k', search)
    expect(searches).toBe(4)
  })

  it('keeps at most 32 cached searches, dropping the least recently used', () => {
    const store = fresh()
    let searches = 0
    const search = () => {
      searches++
      return []
    }
    for (let i = 0; i < 33; i++) store.cachedSearch(String(i), search)
    store.cachedSearch('1', search)
    expect(searches).toBe(33)
    store.cachedSearch('0', search)
    expect(searches).toBe(34)
  })
})

describe('MockStore LoggedModels', () => {
  const withModels: World = {
    ...world,
    loggedModels: [
      {
        name: 'first',
        experiment: 'a',
        sourceRun: 'parent',
        outputStep: 3,
        status: 'LOGGED_MODEL_READY',
        params: { lr: '0.1' },
        tags: {},
      },
      { name: 'second', experiment: 'a', status: 'LOGGED_MODEL_PENDING', params: {}, tags: {} },
    ],
  }

  it('gives each model an m-<32 hex> id, its source run and an artifact root below the experiment', () => {
    const store = MockStore.fromWorld(withModels, { artifactRoot: '/root' })
    const id = store.modelIdOf('first') ?? ''
    expect(id).toMatch(/^m-[0-9a-f]{32}$/)
    const model = store.getLoggedModel(id)
    expect(model.sourceRunId).toBe(store.runIdOf('parent'))
    expect(model.artifactLocation).toBe(`/root/1/models/${id}/artifacts`)
    expect(model.modelType).toBe('')
  })

  it('links a model with an output step to its run, and lists models in creation order', () => {
    const store = MockStore.fromWorld(withModels)
    const first = store.modelIdOf('first') ?? ''
    expect(store.getRun(store.runIdOf('parent') ?? '')?.modelOutputs).toEqual([{ modelId: first, step: 3 }])
    const models = store.loggedModelsOf(['1'])
    expect(models.map((model) => model.name)).toEqual(['first', 'second'])
    expect(models[0]?.creationTime).toBeLessThan(models[1]?.creationTime ?? 0)
    expect(store.loggedModelsOf(['0'])).toEqual([])
  })

  it('answers an unknown id as the SQL store does', () => {
    const store = MockStore.fromWorld(withModels)
    expect(() => store.getLoggedModel('m-0')).toThrow(
      new MockStoreError('RESOURCE_DOES_NOT_EXIST', "Logged model with ID 'm-0' not found."),
    )
  })
})

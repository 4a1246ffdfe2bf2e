import { describe, expect, it } from 'vitest'
import type { Run } from './run'
import { diffRuns } from './run-diff'

function run(
  name: string,
  data: { params?: Record<string, string>; metrics?: Record<string, number>; tags?: Record<string, string> },
): Run {
  return {
    info: {
      runId: name,
      runName: name,
      experimentId: '1',
      userId: undefined,
      status: 'FINISHED',
      startTime: 1000,
      endTime: 2000,
      artifactUri: undefined,
      lifecycleStage: 'active',
    },
    params: data.params ?? {},
    metrics: Object.fromEntries(
      Object.entries(data.metrics ?? {}).map(([key, value]) => [key, { key, value, timestamp: 0, step: 0 }]),
    ),
    tags: data.tags ?? {},
    datasets: [],
    modelOutputs: [],
    modelInputs: [],
  }
}

describe('diffRuns', () => {
  const a = run('a', {
    params: { lr: '0.1', seed: '1' },
    metrics: { loss: 0.5, 'system/gpu_utilization': 90, diverged: Number.NaN },
    tags: { team: 'vision', 'mlflow.user': 'alice' },
  })
  const b = run('b', {
    params: { lr: '0.01', seed: '1', dropout: '0.5' },
    metrics: { loss: 0.4, 'system/gpu_utilization': 90, diverged: Number.NaN },
    tags: { team: 'vision', 'mlflow.user': 'bob' },
  })

  it('lays out sections in order, keys in natural order, one value per run', () => {
    const rows = diffRuns([a, b])
    expect(rows.map((r) => `${r.section}:${r.key}`)).toEqual([
      'params:dropout',
      'params:lr',
      'params:seed',
      'metrics:diverged',
      'metrics:loss',
      'system:system/gpu_utilization',
      'tags:team',
      'attributes:Status',
      'attributes:Started',
      'attributes:Duration',
      'attributes:User',
      'attributes:Source',
      'attributes:Git commit',
    ])
    expect(rows.find((r) => r.key === 'dropout')?.values).toEqual([undefined, '0.5'])
  })

  it('marks what differs: changed values and missing ones, but not NaN against NaN', () => {
    const differs = Object.fromEntries(diffRuns([a, b]).map((r) => [r.key, r.differs]))
    expect(differs).toMatchObject({
      dropout: true,
      lr: true,
      seed: false,
      loss: true,
      diverged: false,
      'system/gpu_utilization': false,
      team: false,
      User: true,
      Status: false,
      Source: false,
    })
  })
})

/**
 * Five runs for the search tests, also logged into a real MLflow 3.17.2 server (SQLite) with these
 * run ids, so the expected results in the tests are what that server returned.
 */

import type { WorldDataset } from '../world/types'
import type { MockLatestMetric, MockRun } from '../store/types'

interface RunSpec {
  runId: string
  name: string
  status: MockRun['status']
  userId: string
  startTime: number
  endTime?: number
  metrics: Readonly<Record<string, MockLatestMetric['value']>>
  params: Readonly<Record<string, string>>
  tags: Readonly<Record<string, string>>
  /** name, digest, context */
  datasets: readonly (readonly [string, string, string])[]
}

function mockRun(spec: RunSpec): MockRun {
  const datasets = spec.datasets.map(([name, digest, context]): WorldDataset => ({
    name,
    digest,
    context,
    sourceType: 'local',
    source: '{}',
  }))
  return {
    runId: spec.runId,
    experimentId: '1',
    runName: spec.name,
    userId: spec.userId,
    status: spec.status,
    startTime: spec.startTime,
    endTime: spec.endTime,
    lifecycleStage: 'active',
    artifactUri: `mlflow-artifacts:/1/${spec.runId}/artifacts`,
    params: new Map(Object.entries(spec.params)),
    tags: new Map([...Object.entries(spec.tags), ['mlflow.runName', spec.name]]),
    latestMetrics: new Map(
      Object.entries(spec.metrics).map(([key, value]) => [key, { step: 0, timestamp: 5, value }]),
    ),
    datasets,
  }
}

export const FIXTURE_RUNS: readonly MockRun[] = [
  mockRun({
    runId: 'r1',
    name: 'alpha',
    status: 'FINISHED',
    userId: 'alice',
    startTime: 1000,
    endTime: 1100,
    metrics: { loss: 0.5, auc: 'NaN' },
    params: { opt: 'adam', lr: '10' },
    tags: { team: 'nlp', city: 'école' },
    datasets: [
      ['cifar', 'abc', 'train'],
      ['mnist', 'd1', 'eval'],
    ],
  }),
  mockRun({
    runId: 'r2',
    name: 'Alpha',
    status: 'FAILED',
    userId: 'bob',
    startTime: 2000,
    endTime: 2100,
    metrics: { loss: 1.5, auc: 0.9 },
    params: { opt: 'Adam', lr: '9' },
    tags: { team: 'NLP' },
    datasets: [['cifar', 'ABC', 'eval']],
  }),
  mockRun({
    runId: 'r3',
    name: 'beta_1',
    status: 'RUNNING',
    userId: 'alice',
    startTime: 3000,
    metrics: { loss: 'Infinity' },
    params: { lr: '100' },
    tags: { city: 'École', team: 'cv' },
    datasets: [],
  }),
  mockRun({
    runId: 'r4',
    name: 'beta%1',
    status: 'FINISHED',
    userId: 'carol',
    startTime: 3000,
    endTime: 3500,
    metrics: { auc: '-Infinity', loss: 0.5 },
    params: { opt: 'sgd' },
    tags: {},
    datasets: [['imagenet', 'x', 'test']],
  }),
  mockRun({
    runId: 'r5',
    name: '😀 run',
    status: 'KILLED',
    userId: 'bob',
    startTime: 1000,
    endTime: 1000,
    metrics: {},
    params: {},
    tags: { team: '' },
    datasets: [],
  }),
]

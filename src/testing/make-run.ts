/** A Run for unit tests, with MLflow's defaults for everything not given. */

import type { Run, RunInfo } from '@/domain/runs/run'

export interface RunSpec extends Partial<RunInfo> {
  params?: Record<string, string>
  /** Latest values; step 0, timestamp 0. */
  metrics?: Record<string, number>
  tags?: Record<string, string>
  datasets?: Run['datasets']
  modelOutputs?: Run['modelOutputs']
}

export function makeRun({
  params = {},
  metrics = {},
  tags = {},
  datasets = [],
  modelOutputs = [],
  ...info
}: RunSpec = {}): Run {
  return {
    info: {
      runId: 'r',
      runName: '',
      experimentId: '1',
      userId: undefined,
      status: 'FINISHED',
      startTime: 1_000,
      endTime: 2_000,
      artifactUri: undefined,
      lifecycleStage: 'active',
      ...info,
    },
    params,
    metrics: Object.fromEntries(
      Object.entries(metrics).map(([key, value]) => [key, { key, value, timestamp: 0, step: 0 }]),
    ),
    tags,
    datasets,
    modelOutputs,
    modelInputs: [],
  }
}

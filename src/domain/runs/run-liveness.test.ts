import { describe, expect, it } from 'vitest'
import type { Run } from './run'
import { lastActivity, staleFor, STALE_AFTER_MS } from './run-liveness'

function run(status: Run['info']['status'], startTime: number, metricTimes: number[]): Run {
  return {
    info: {
      runId: 'r',
      runName: 'r',
      experimentId: '1',
      userId: undefined,
      status,
      startTime,
      endTime: undefined,
      artifactUri: undefined,
      lifecycleStage: 'active',
    },
    params: {},
    tags: {},
    metrics: Object.fromEntries(
      metricTimes.map((timestamp, index) => [
        `m${index}`,
        { key: `m${index}`, value: 1, timestamp, step: 0 },
      ]),
    ),
    datasets: [],
    modelOutputs: [],
    modelInputs: [],
  }
}

describe('run liveness', () => {
  it('takes the newest metric timestamp, else the start time', () => {
    expect(lastActivity(run('RUNNING', 1000, [1500, 4000, 2000]))).toBe(4000)
    expect(lastActivity(run('RUNNING', 1000, []))).toBe(1000)
  })

  it('flags only RUNNING runs silent for longer than the threshold', () => {
    const now = 10 * STALE_AFTER_MS
    expect(staleFor(run('RUNNING', 0, [now - STALE_AFTER_MS - 5]), now)).toBe(STALE_AFTER_MS + 5)
    expect(staleFor(run('RUNNING', 0, [now - 1000]), now)).toBeUndefined()
    expect(staleFor(run('FINISHED', 0, []), now)).toBeUndefined()
  })
})

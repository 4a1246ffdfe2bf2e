import { describe, expect, it } from 'vitest'
import type { LatestMetric, Run } from '@/domain/runs/run'
import { paramImportance } from '@/domain/sweep/importance'
import { contractWorld } from './contract-world'
import { IMPORTANCE_SWEEP, importanceSweepRuns } from './contract-sweep'
import type { WorldRun } from './types'

/** The run as the app reads it from the server: latest metric = the point at the highest step. */
function asRun(run: WorldRun, index: number): Run {
  const metrics: Record<string, LatestMetric> = {}
  for (const [key, series] of Object.entries(run.metrics)) {
    if (!Array.isArray(series)) throw new Error('the importance sweep logs plain histories')
    const points: readonly { step: number; timestamp: number; value: unknown }[] = series
    const last = points.reduce((best, point) => (point.step >= best.step ? point : best))
    metrics[key] = { key, value: Number(last.value), step: last.step, timestamp: last.timestamp }
  }
  return {
    info: {
      runId: `run-${index}`,
      runName: run.name,
      experimentId: '1',
      userId: undefined,
      status: run.status,
      startTime: run.startTime,
      endTime: run.endTime,
      artifactUri: undefined,
      lifecycleStage: 'active',
    },
    params: run.params,
    metrics,
    tags: run.tags,
    datasets: [],
    modelOutputs: [],
    modelInputs: [],
  }
}

const runs = importanceSweepRuns.map(asRun)

describe('the importance sweep', () => {
  it('is the last experiment of the contract world, its runs the last runs', () => {
    expect(contractWorld.experiments.at(-1)?.name).toBe(IMPORTANCE_SWEEP.experiment)
    expect(contractWorld.runs.slice(-IMPORTANCE_SWEEP.runCount)).toEqual(importanceSweepRuns)
  })

  it('holds 48 runs with unique names and start times, four of them FAILED without metrics', () => {
    expect(importanceSweepRuns).toHaveLength(IMPORTANCE_SWEEP.runCount)
    expect(new Set(importanceSweepRuns.map((run) => run.name)).size).toBe(IMPORTANCE_SWEEP.runCount)
    expect(new Set(importanceSweepRuns.map((run) => run.startTime)).size).toBe(IMPORTANCE_SWEEP.runCount)
    const failed = importanceSweepRuns.filter((run) => run.status === 'FAILED')
    expect(failed).toHaveLength(4)
    expect(failed.every((run) => Object.keys(run.metrics).length === 0)).toBe(true)
  })

  it('logs short histories (cheap to seed)', () => {
    for (const run of importanceSweepRuns) {
      for (const series of Object.values(run.metrics)) {
        expect(Array.isArray(series) && series.length <= 20).toBe(true)
      }
    }
  })

  it.each(['val_accuracy', 'val_loss'])('ranks learning_rate first and dropout last for %s', (metric) => {
    const ranking = paramImportance(runs, metric)
    expect(ranking[0]?.param).toBe('learning_rate')
    expect(ranking.at(-1)?.param).toBe('dropout')
    expect(ranking.at(-1)?.score).toBeLessThan(1e-9)
    // The documented order, with seed (meaning nothing) somewhere after the params that matter.
    const order = ranking.map((row) => row.param).filter((param) => param !== 'seed')
    expect(order).toEqual([...IMPORTANCE_SWEEP.ranking])
    expect(ranking.every((row) => row.n === 44)).toBe(true)
  })

  it('scores the learning rate near 1 and the optimizer as a categorical param', () => {
    const [first, second] = paramImportance(runs, IMPORTANCE_SWEEP.metric)
    expect(first?.score).toBeGreaterThan(0.9)
    expect(first?.direction).toBe(1)
    expect(second).toMatchObject({ param: 'optimizer', kind: 'categorical' })
  })
})

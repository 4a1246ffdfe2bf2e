import { describe, expect, it } from 'vitest'
import { MockStore } from '../store/store'
import { isCurve } from './curves'
import {
  CHARTS_BENCH_EXPERIMENT,
  CHARTS_BENCH_GRID,
  CHARTS_BENCH_LONG,
  CHARTS_BENCH_RUN_COUNT,
  chartsBenchRuns,
  chartsBenchSource,
  chartsBenchSpikeSteps,
} from './charts-bench-world'

const runs = chartsBenchRuns()
const store = new MockStore([chartsBenchSource()])
const experimentId = store.getExperimentByName(CHARTS_BENCH_EXPERIMENT)?.experimentId ?? ''

function runId(name: string): string {
  const id = store.runIdOf(name)
  if (id === undefined) throw new Error(`no run ${name}`)
  return id
}

describe('the charts-bench experiment', () => {
  it('has 10 long runs and 10 grid runs, named in order, in start-time order', () => {
    expect(runs.map((run) => run.name)).toEqual([
      ...Array.from({ length: 10 }, (_, index) => `bench-grid-${index + 1}`),
      ...Array.from({ length: 10 }, (_, index) => `bench-long-${index + 1}`),
    ])
    expect(CHARTS_BENCH_RUN_COUNT).toBe(20)
    expect(runs.every((run, i) => i === 0 || run.startTime > (runs[i - 1]?.startTime ?? 0))).toBe(true)
    expect(store.runsOf(experimentId)).toHaveLength(20)
  })

  it('stores formulas, not points: nothing is generated until read', () => {
    for (const run of runs) {
      for (const series of Object.values(run.metrics)) expect(isCurve(series)).toBe(true)
    }
  })

  it('gives each long run train_loss at every step 0 .. 99,999, falling, with one-step spikes', () => {
    const rows = store.metricHistory(runId('bench-long-3'), CHARTS_BENCH_LONG.metricKey)
    expect(rows.length).toBe(100_000)
    expect(rows.at(0)?.step).toBe(0)
    expect(rows.at(-1)?.step).toBe(99_999)
    const value = (index: number) => Number(rows.at(index)?.value)
    expect(value(0)).toBeGreaterThan(value(99_999) + 1)
    const spikes = chartsBenchSpikeSteps(2)
    expect(spikes).toHaveLength(CHARTS_BENCH_LONG.spikesPerRun)
    for (const step of spikes) {
      expect(value(step)).toBeGreaterThan(3 * Math.max(value(step - 1), value(step + 1)))
    }
    // Only the spikes stand out: the curve between them stays below the first value plus noise.
    const page = rows.slice(40_000, 65_000)
    const high = page.filter((point) => Number(point.value) > value(0) * 1.1).map((point) => point.step)
    expect(high).toEqual(spikes.filter((step) => step >= 40_000 && step < 65_000))
  })

  it('gives each grid run the 30 metrics m01 .. m30 at every step 0 .. 9,999', () => {
    expect(CHARTS_BENCH_GRID.metricKeys).toHaveLength(30)
    expect(CHARTS_BENCH_GRID.metricKeys[0]).toBe('m01')
    expect(CHARTS_BENCH_GRID.metricKeys.at(-1)).toBe('m30')
    const run = store.getRun(runId('bench-grid-10'))
    expect([...(run?.latestMetrics.keys() ?? [])]).toEqual(CHARTS_BENCH_GRID.metricKeys)
    for (const key of ['m01', 'm15', 'm30']) {
      const rows = store.metricRowsByStep(runId('bench-grid-10'), key)
      expect(rows.length).toBe(10_000)
      expect(rows.at(-1)?.step).toBe(9999)
    }
    expect(store.metricHistory(runId('bench-grid-1'), CHARTS_BENCH_LONG.metricKey)).toHaveLength(0)
  })

  it('is the same in every process', () => {
    const again = chartsBenchRuns()
    expect(again).toEqual(runs)
    expect(chartsBenchSpikeSteps(7)).toEqual(chartsBenchSpikeSteps(7))
  })
})

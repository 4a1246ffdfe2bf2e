import { describe, expect, it } from 'vitest'
import { MockStore } from '../store/store'
import { searchRuns } from '../handlers/search'
import {
  SWEEP_20K_EXPERIMENT,
  SWEEP_20K_METRICS,
  SWEEP_20K_PARAMS,
  SWEEP_20K_RUN_COUNT,
  sweep20kRuns,
  sweep20kSource,
} from './sweep-20k-world'

const runs = sweep20kRuns()
const store = new MockStore([sweep20kSource()])

describe('the sweep-20k experiment', () => {
  it('has 20,000 runs with unique names, in creation order of their start times', () => {
    expect(runs).toHaveLength(SWEEP_20K_RUN_COUNT)
    expect(new Set(runs.map((run) => run.name)).size).toBe(SWEEP_20K_RUN_COUNT)
    expect(runs.every((run, i) => i === 0 || run.startTime > (runs[i - 1]?.startTime ?? 0))).toBe(true)
  })

  it('is the same in every process', () => {
    const again = sweep20kRuns()
    expect(again[12_345]).toEqual(runs[12_345])
    expect(again.at(-1)).toEqual(runs.at(-1))
  })

  it('gives flat runs 50 params, 30 metrics when finished, and 20 tags', () => {
    expect(SWEEP_20K_PARAMS).toHaveLength(50)
    expect(SWEEP_20K_METRICS).toHaveLength(30)
    const finished = runs.find((run) => run.parent === undefined && run.status === 'FINISHED')
    expect(Object.keys(finished?.params ?? {})).toHaveLength(50)
    expect(Object.keys(finished?.metrics ?? {})).toHaveLength(30)
    for (const run of runs.slice(0, 500)) expect(Object.keys(run.tags).length).toBeGreaterThanOrEqual(20)
  })

  it('nests a few hundred runs three levels deep, parents first', () => {
    const names = new Set<string>()
    const depth = new Map<string, number>()
    for (const run of runs) {
      if (run.parent !== undefined) {
        expect(names.has(run.parent)).toBe(true)
        depth.set(run.name, (depth.get(run.parent) ?? 0) + 1)
      }
      names.add(run.name)
    }
    expect(depth.size).toBeGreaterThan(250)
    expect(Math.max(...depth.values())).toBe(2)
  })

  it('has every status, RUNNING runs without an end, a few deleted runs, datasets and NaN', () => {
    const statuses = new Map<string, number>()
    for (const run of runs) statuses.set(run.status, (statuses.get(run.status) ?? 0) + 1)
    expect([...statuses.keys()].sort()).toEqual(['FAILED', 'FINISHED', 'KILLED', 'RUNNING', 'SCHEDULED'])
    expect(runs.filter((run) => run.status === 'RUNNING').every((run) => run.endTime === undefined)).toBe(
      true,
    )
    expect(runs.filter((run) => run.deleted === true).length).toBeGreaterThan(20)
    const datasetNames = new Set(runs.flatMap((run) => run.datasets ?? []).map((dataset) => dataset.name))
    expect(datasetNames.size).toBeGreaterThanOrEqual(3)
    const nan = store.runsOf('1').filter((run) => run.latestMetrics.get('val_loss')?.value === 'NaN')
    expect(nan.length).toBeGreaterThan(50)
  })

  it('pages through a search sorted by a metric without sorting again', () => {
    expect(store.getExperiment('1')?.name).toBe(SWEEP_20K_EXPERIMENT)
    const request = {
      experimentIds: ['1'],
      filter: "attributes.status != 'FAILED'",
      orderBy: ['metrics.val_loss DESC'],
      viewType: 'ACTIVE_ONLY' as const,
    }
    const first = searchRuns(store, request)
    expect(first.length).toBeGreaterThan(18_000)
    expect(searchRuns(store, { ...request })).toBe(first)
    // NaN sorts after every number, whatever the direction.
    expect(first[0]?.latestMetrics.get('val_loss')?.value).not.toBe('NaN')
  })
})

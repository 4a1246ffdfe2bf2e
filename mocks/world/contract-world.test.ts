import { getResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { createMockApi } from '../scenarios'
import { CONTRACT_EXPERIMENTS, LONG_HISTORY, SEED_RUNS, contractWorld } from './contract-world'
import { isCurve, metricPoints } from './curves'
import type { WorldMetricPoint, WorldRun } from './types'

function worldRun(name: string): WorldRun {
  const run = contractWorld.runs.find((candidate) => candidate.name === name)
  if (run === undefined) throw new Error(`no run ${name}`)
  return run
}

function points(run: WorldRun, key: string): readonly WorldMetricPoint[] {
  const series = run.metrics[key]
  if (series === undefined) throw new Error(`${run.name} has no ${key}`)
  return metricPoints(series)
}

const long = worldRun(LONG_HISTORY.runName)

describe('the long history of the curves experiment', () => {
  it('is a formula, so importing the world does not make 100,000 points', () => {
    expect(long.experiment).toBe(CONTRACT_EXPERIMENTS.curves)
    expect(isCurve(long.metrics[LONG_HISTORY.metricKey] ?? [])).toBe(true)
  })

  const history = points(long, LONG_HISTORY.metricKey)

  it('has one point at every step from 0 to 99,999, in time order', () => {
    expect(history).toHaveLength(LONG_HISTORY.steps)
    expect(history.every((point, index) => point.step === index)).toBe(true)
    expect(history.every((point, i) => i === 0 || point.timestamp > (history[i - 1]?.timestamp ?? 0))).toBe(
      true,
    )
    expect(history[0]?.timestamp).toBe(long.startTime)
    expect(long.endTime).toBeGreaterThanOrEqual(history.at(-1)?.timestamp ?? Infinity)
  })

  it('has exactly one spike and the documented NaN values; every other value lies in range', () => {
    expect(history[LONG_HISTORY.spikeStep]?.value).toBe(LONG_HISTORY.spikeValue)
    const nanSteps = history.filter((point) => point.value === 'NaN').map((point) => point.step)
    expect(nanSteps).toEqual(LONG_HISTORY.nanSteps)
    const { min, max } = LONG_HISTORY.valueRange
    const outside = history.filter(
      (point) =>
        point.value !== 'NaN' && (typeof point.value !== 'number' || point.value < min || point.value > max),
    )
    expect(outside.map((point) => point.step)).toEqual([LONG_HISTORY.spikeStep])
  })

  it('decreases', () => {
    const mean = (slice: readonly WorldMetricPoint[]) =>
      slice.reduce((sum, point) => sum + Number(point.value), 0) / slice.length
    expect(mean(history.slice(0, 1000))).toBeGreaterThan(2.5)
    expect(mean(history.slice(-1000))).toBeLessThan(0.7)
  })

  it('logs eval_loss every 5,000 steps', () => {
    expect(points(long, LONG_HISTORY.evalMetricKey).map((point) => point.step)).toEqual(
      Array.from({ length: 20 }, (_, i) => i * LONG_HISTORY.evalEvery),
    )
  })
})

describe('the seed runs of the curves experiment', () => {
  const runs = SEED_RUNS.map((seedRun) => ({ seedRun, run: worldRun(seedRun.runName) }))

  it('are two configurations of three seeds that differ in lr and seed only', () => {
    const without = (params: Readonly<Record<string, string>>, ...keys: string[]) =>
      JSON.stringify(Object.entries(params).filter(([key]) => !keys.includes(key)))
    expect(runs).toHaveLength(6)
    expect(new Set(runs.map(({ run }) => without(run.params, 'lr', 'seed'))).size).toBe(1)
    for (const lr of ['0.01', '0.001']) {
      const group = runs.filter(({ run }) => run.params.lr === lr)
      expect(group.map(({ run }) => run.params.seed)).toEqual(['0', '1', '2'])
      expect(group.map(({ seedRun }) => seedRun.lr)).toEqual([lr, lr, lr])
      // Each seed of one configuration logs a different step set.
      expect(new Set(group.map(({ seedRun }) => seedRun.stepSet)).size).toBe(3)
    }
    expect(new Set(runs.map(({ run }) => run.startTime)).size).toBe(6)
  })

  it('log loss and val_accuracy at the steps their step set names', () => {
    const expected = {
      'every step': Array.from({ length: 200 }, (_, i) => i),
      'every 2nd step': Array.from({ length: 100 }, (_, i) => i * 2),
      'stopped at step 150': Array.from({ length: 151 }, (_, i) => i),
    }
    for (const { seedRun, run } of runs) {
      expect(points(run, 'loss').map((point) => point.step)).toEqual(expected[seedRun.stepSet])
      expect(points(run, 'val_accuracy').map((point) => point.step)).toEqual(expected[seedRun.stepSet])
    }
  })
})

describe('the mocks serve the long history', () => {
  const { store, handlers } = createMockApi('contract')
  const runId = store.runIdOf(LONG_HISTORY.runName) ?? ''

  async function get(path: string, query: Record<string, string>): Promise<unknown> {
    const url = new URL(`http://mock.test/api/2.0/mlflow/${path}`)
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value)
    const response = await getResponse(handlers, new Request(url))
    return response?.json()
  }

  function field(value: unknown, key: string): unknown {
    return value !== null && typeof value === 'object' ? Reflect.get(value, key) : undefined
  }

  function metricsOf(body: unknown): { step: unknown; value: unknown }[] {
    const metrics = field(body, 'metrics')
    if (!Array.isArray(metrics)) return []
    return metrics.map((point: unknown) => ({ step: field(point, 'step'), value: field(point, 'value') }))
  }

  it('keeps the spike when a zoom holds fewer steps than max_results', async () => {
    const body = await get('metrics/get-history-bulk-interval', {
      run_ids: runId,
      metric_key: LONG_HISTORY.metricKey,
      max_results: '2500',
      start_step: '61000',
      end_step: '62000',
    })
    const metrics = metricsOf(body)
    expect(metrics).toHaveLength(1001)
    expect(metrics.find((point) => point.step === LONG_HISTORY.spikeStep)?.value).toBe(
      LONG_HISTORY.spikeValue,
    )
  })

  it('samples the whole history down to max_results, ending at the last step', async () => {
    const metrics = metricsOf(
      await get('metrics/get-history-bulk-interval', {
        run_ids: runId,
        metric_key: LONG_HISTORY.metricKey,
        max_results: '1000',
      }),
    )
    expect(metrics).toHaveLength(1000)
    expect(metrics[0]?.step).toBe(0)
    expect(metrics.at(-1)?.step).toBe(LONG_HISTORY.steps - 1)
  })

  it('pages through every point of get-history', async () => {
    const body = await get('metrics/get-history', {
      run_id: runId,
      metric_key: LONG_HISTORY.metricKey,
      max_results: '25000',
      page_token: btoa('{"offset": 75000}'),
    })
    const metrics = metricsOf(body)
    expect(metrics).toHaveLength(25_000)
    expect(metrics.at(-1)?.step).toBe(LONG_HISTORY.steps - 1)
    expect(body).not.toHaveProperty('next_page_token')
  })
})

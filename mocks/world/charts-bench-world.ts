/**
 * The `charts-bench` scenario's experiment, for `npm run bench:charts`: metric histories at the sizes
 * the charts must handle. Ten runs log one metric at every step 0 .. 99,999 (1,000,000 points on one
 * chart), and ten others log 30 metrics at every step 0 .. 9,999 (30 charts of 100,000 points). Every
 * history is a formula (see CurveSpec), so the world allocates no point until a request reads it.
 */

import type { ExperimentSource, MetricSource, StoreRun } from '../store/store'
import type { CurveSpec } from './curves'
import { CONTRACT_EPOCH } from './contract-world'
import { createRandom } from './random'

export const CHARTS_BENCH_EXPERIMENT = 'charts-bench'

/** Ten runs of one long metric: one chart of 1,000,000 points. */
export const CHARTS_BENCH_LONG = {
  runPrefix: 'bench-long-',
  runCount: 10,
  metricKey: 'train_loss',
  steps: 100_000,
  /** One-step spikes per run, at hashed steps: what a stride sample misses and a min/max reduction keeps. */
  spikesPerRun: 4,
  stepMs: 100,
} as const

/** Ten runs of 30 metrics: 30 charts of 100,000 points each. */
export const CHARTS_BENCH_GRID = {
  runPrefix: 'bench-grid-',
  runCount: 10,
  steps: 10_000,
  metricKeys: Array.from({ length: 30 }, (_, index) => `m${String(index + 1).padStart(2, '0')}`),
  stepMs: 1000,
} as const

export const CHARTS_BENCH_RUN_COUNT = CHARTS_BENCH_LONG.runCount + CHARTS_BENCH_GRID.runCount

const MINUTE = 60_000
/** After the other worlds' runs (sweep-20k's end about 90 days after the contract epoch). */
const EPOCH = CONTRACT_EPOCH + 120 * 24 * 60 * MINUTE

export function chartsBenchLongRunName(index: number): string {
  return `${CHARTS_BENCH_LONG.runPrefix}${index + 1}`
}

export function chartsBenchGridRunName(index: number): string {
  return `${CHARTS_BENCH_GRID.runPrefix}${index + 1}`
}

/** The spike steps of one long run: well inside the history, far apart, the same in every process. */
export function chartsBenchSpikeSteps(runIndex: number): number[] {
  const random = createRandom(7_000 + runIndex)
  const span = CHARTS_BENCH_LONG.steps / CHARTS_BENCH_LONG.spikesPerRun
  return Array.from({ length: CHARTS_BENCH_LONG.spikesPerRun }, (_, spike) =>
    Math.floor(span * spike + span * (0.1 + 0.8 * random())),
  )
}

function longRun(index: number): StoreRun {
  const name = chartsBenchLongRunName(index)
  const startTime = EPOCH + index * 10 * 24 * 60 * MINUTE
  const from = 2.8 + index * 0.05
  const to = 0.4 + index * 0.04
  const spike = from * 4
  const trainLoss: CurveSpec = {
    seed: `${name}/${CHARTS_BENCH_LONG.metricKey}`,
    steps: CHARTS_BENCH_LONG.steps,
    from,
    to,
    noise: 0.03,
    overrides: Object.fromEntries(chartsBenchSpikeSteps(index).map((step) => [step, spike])),
    startTime,
    stepMs: CHARTS_BENCH_LONG.stepMs,
  }
  return {
    name,
    status: 'FINISHED',
    startTime,
    endTime: startTime + CHARTS_BENCH_LONG.steps * CHARTS_BENCH_LONG.stepMs,
    params: { lr: `${3 * (index + 1)}e-4`, seed: String(index), max_steps: String(CHARTS_BENCH_LONG.steps) },
    tags: { 'mlflow.user': 'bench', 'mlflow.source.name': 'pretrain.py' },
    metrics: { [CHARTS_BENCH_LONG.metricKey]: trainLoss },
  }
}

/** Metric `m01` .. `m30` of a grid run: losses that fall and scores that rise, each with its own noise. */
function gridMetric(name: string, runIndex: number, metricIndex: number, startTime: number): CurveSpec {
  const key = CHARTS_BENCH_GRID.metricKeys[metricIndex] ?? `m${metricIndex + 1}`
  const rising = metricIndex % 3 === 2
  const shift = runIndex * 0.02
  return {
    seed: `${name}/${key}`,
    steps: CHARTS_BENCH_GRID.steps,
    from: rising ? 0.1 + shift : 2 + metricIndex * 0.1 + shift,
    to: rising ? 0.9 - shift : 0.2 + shift,
    noise: 0.01 + (metricIndex % 5) * 0.01,
    startTime,
    stepMs: CHARTS_BENCH_GRID.stepMs,
  }
}

function gridRun(index: number): StoreRun {
  const name = chartsBenchGridRunName(index)
  const startTime = EPOCH - (CHARTS_BENCH_GRID.runCount - index) * 24 * 60 * MINUTE
  const metrics: Record<string, MetricSource> = {}
  CHARTS_BENCH_GRID.metricKeys.forEach((key, metricIndex) => {
    metrics[key] = gridMetric(name, index, metricIndex, startTime)
  })
  return {
    name,
    status: 'FINISHED',
    startTime,
    endTime: startTime + CHARTS_BENCH_GRID.steps * CHARTS_BENCH_GRID.stepMs,
    params: { lr: `${index + 1}e-3`, seed: String(index) },
    tags: { 'mlflow.user': 'bench', 'mlflow.source.name': 'grid.py' },
    metrics,
  }
}

/** The grid runs, then the long runs: creation order is start-time order. */
export function chartsBenchRuns(): StoreRun[] {
  return [
    ...Array.from({ length: CHARTS_BENCH_GRID.runCount }, (_, index) => gridRun(index)),
    ...Array.from({ length: CHARTS_BENCH_LONG.runCount }, (_, index) => longRun(index)),
  ]
}

export function chartsBenchSource(): ExperimentSource {
  return {
    experiment: {
      name: CHARTS_BENCH_EXPERIMENT,
      tags: {
        'mlflow.note.content':
          'Chart benchmark: 10 runs × 100,000 steps of train_loss, and 10 runs × 30 metrics × 10,000 steps.',
      },
    },
    runs: chartsBenchRuns,
  }
}

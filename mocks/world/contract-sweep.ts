/**
 * `importance-sweep`: a small hyperparameter sweep with a known answer, for the sweep view's
 * parameter importance. 48 runs over 8 log-spaced learning rates × 3 optimizers, each configuration
 * run twice. The final `val_accuracy` is driven strongly (and monotonically) by `learning_rate`, by
 * `optimizer` a little (adam > rmsprop > sgd), by `batch_size` weakly (smaller is better), and not at
 * all by `dropout`: the two runs of a configuration share their results and take dropouts symmetric
 * about 0.25 (0.0 and 0.5, 0.1 and 0.4, 0.2 and 0.3), so dropout's correlation with any metric is
 * exactly zero. `seed` varies and means nothing. Two configurations (four runs, the largest learning
 * rate with sgd and rmsprop) FAILED before their first evaluation and logged no metrics.
 *
 * Histories are 10 evaluation steps of `val_accuracy` and `val_loss` each: cheap to seed.
 */

import type { ExperimentSource, StoreRun } from '../store/store'
import { createRandom, pick } from './random'
import type { WorldExperiment, WorldMetricPoint, WorldRun } from './types'

export const IMPORTANCE_SWEEP = {
  experiment: 'importance-sweep',
  runCount: 48,
  metric: 'val_accuracy',
  /** The params from most to least important for `val_accuracy` (seed excepted: it means nothing). */
  ranking: ['learning_rate', 'optimizer', 'batch_size', 'dropout'],
  learningRates: ['1e-4', '2e-4', '5e-4', '1e-3', '2e-3', '5e-3', '0.01', '0.02'],
  optimizers: ['adam', 'rmsprop', 'sgd'],
  batchSizes: ['32', '64', '128', '256'],
  evalSteps: 10,
} as const

const MINUTE = 60_000
/**
 * 2026-01-25T09:00:00Z: twenty days after the contract world's epoch (CONTRACT_EPOCH, not imported:
 * contract-world.ts imports this file), after every other contract run and before sweep-20k's.
 */
const EPOCH = 1767603600000 + 20 * 24 * 60 * MINUTE
const OPTIMIZER_EFFECT: Readonly<Record<string, number>> = { adam: 0.05, rmsprop: 0.02, sgd: -0.04 }
const DROPOUT_PAIRS: readonly (readonly [string, string])[] = [
  ['0.0', '0.5'],
  ['0.1', '0.4'],
  ['0.2', '0.3'],
]
const FAILED_CONFIGS = new Set(['0.02/sgd', '0.02/rmsprop'])

export const importanceSweepExperiment: WorldExperiment = {
  name: IMPORTANCE_SWEEP.experiment,
  tags: {
    team: 'research',
    'mlflow.note.content': 'A sweep with a known answer: learning_rate matters most, dropout not at all.',
  },
}

function round(value: number, digits = 4): number {
  return Number(value.toFixed(digits))
}

/** A history rising (or falling) towards `final`, reaching it at the last step. */
function history(final: number, first: number, startTime: number): WorldMetricPoint[] {
  const steps = IMPORTANCE_SWEEP.evalSteps
  return Array.from({ length: steps }, (_, step) => {
    const progress = 1 - Math.exp((-3 * (step + 1)) / steps)
    const end = 1 - Math.exp(-3)
    return {
      step,
      timestamp: startTime + (step + 1) * 5000,
      value: step === steps - 1 ? final : round(first + ((final - first) * progress) / end),
    }
  })
}

function buildRuns(): WorldRun[] {
  const random = createRandom(0x5eed)
  const runs: WorldRun[] = []
  const { learningRates, optimizers, batchSizes } = IMPORTANCE_SWEEP
  let config = 0
  for (const optimizer of optimizers) {
    for (const [lrIndex, learningRate] of learningRates.entries()) {
      const batchSize = pick(random, batchSizes)
      const dropouts = DROPOUT_PAIRS[config % DROPOUT_PAIRS.length] ?? ['0.0', '0.5']
      // Position of the learning rate in log space, 0..1 over the sweep's range.
      const lrPosition = (Math.log10(Number(learningRate)) + 4) / (Math.log10(0.02) + 4)
      const batchEffect = -0.004 * Math.log2(Number(batchSize) / 32)
      const noise = (random() - 0.5) * 0.02
      const accuracy = round(
        0.58 + 0.3 * lrPosition + (OPTIMIZER_EFFECT[optimizer] ?? 0) + batchEffect + noise,
      )
      const loss = round(0.05 + 1.8 * (1 - accuracy) + noise / 2)
      const failed = FAILED_CONFIGS.has(`${learningRate}/${optimizer}`)
      for (const [repeat, dropout] of dropouts.entries()) {
        const index = runs.length
        const startTime = EPOCH + index * 3 * MINUTE
        const name = `imp-${optimizer}-lr${lrIndex}-${repeat === 0 ? 'a' : 'b'}`
        runs.push({
          name,
          experiment: IMPORTANCE_SWEEP.experiment,
          status: failed ? 'FAILED' : 'FINISHED',
          startTime,
          endTime: startTime + (failed ? 10_000 : 2 * MINUTE),
          params: {
            learning_rate: learningRate,
            optimizer,
            batch_size: batchSize,
            dropout,
            seed: String(Math.floor(random() * 1000)),
          },
          tags: { 'mlflow.user': 'carol', 'mlflow.source.name': 'sweep.py', 'mlflow.source.type': 'LOCAL' },
          metrics: failed
            ? {}
            : {
                val_accuracy: history(accuracy, 0.1, startTime),
                val_loss: history(loss, 2.3, startTime),
              },
        })
      }
      config += 1
    }
  }
  return runs
}

export const importanceSweepRuns: readonly WorldRun[] = buildRuns()

/** The `sweep-5k` scenario's experiment (demo only, never seeded): the bench's 5,000-run sweep. */
export const SWEEP_5K = {
  experiment: 'sweep-5k',
  runCount: 5000,
} as const

/**
 * 5,000 runs of the same model as the importance sweep, with every param drawn at random (the
 * learning rate log-uniform over 1e-4..0.02, dropout uniform over 0..0.5), about 3% FAILED without
 * metrics and the newest 20 still RUNNING. For the sweep view at scale (bench:sweep).
 */
export function sweep5kRuns(): StoreRun[] {
  const random = createRandom(0x5eed5)
  const { optimizers, batchSizes } = IMPORTANCE_SWEEP
  const epoch = EPOCH + 10 * 24 * 60 * MINUTE
  return Array.from({ length: SWEEP_5K.runCount }, (_, index) => {
    const lrPosition = random()
    const learningRate = 10 ** (-4 + lrPosition * (Math.log10(0.02) + 4))
    const optimizer = pick(random, optimizers)
    const batchSize = pick(random, batchSizes)
    const dropout = round(random() * 0.5, 3)
    const noise = (random() - 0.5) * 0.04
    const accuracy = round(
      0.58 +
        0.3 * lrPosition +
        (OPTIMIZER_EFFECT[optimizer] ?? 0) -
        0.004 * Math.log2(Number(batchSize) / 32) +
        noise,
    )
    const loss = round(0.05 + 1.8 * (1 - accuracy) + noise / 2)
    const startTime = epoch + index * MINUTE
    const running = index >= SWEEP_5K.runCount - 20
    const failed = !running && random() < 0.03
    const run: StoreRun = {
      name: `s5k-${String(index + 1).padStart(4, '0')}`,
      status: running ? 'RUNNING' : failed ? 'FAILED' : 'FINISHED',
      startTime,
      params: {
        learning_rate: String(Number(learningRate.toPrecision(3))),
        optimizer,
        batch_size: batchSize,
        dropout: String(dropout),
        seed: String(Math.floor(random() * 1000)),
      },
      tags: { 'mlflow.user': pick(random, ['alice', 'bob', 'carol']) },
      metrics: failed
        ? {}
        : { val_accuracy: history(accuracy, 0.1, startTime), val_loss: history(loss, 2.3, startTime) },
    }
    return running ? run : { ...run, endTime: startTime + 2 * MINUTE }
  })
}

export function sweep5kSource(): ExperimentSource {
  return {
    experiment: {
      name: SWEEP_5K.experiment,
      tags: { team: 'research', 'mlflow.note.content': 'A 5,000-run sweep for the chart view at scale.' },
    },
    runs: sweep5kRuns,
  }
}

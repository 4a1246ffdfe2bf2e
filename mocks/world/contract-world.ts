/**
 * The contract world: small enough to seed into a real MLflow server in seconds, yet holding every
 * shape the app must handle (nesting three levels deep, every run state, deleted runs and experiments,
 * NaN and infinite values, spikes, negative steps, several values at one step, long param values,
 * keys that need quoting, datasets, system tags, seeds of one configuration logged at different steps,
 * a 100,000-step history). The seed script logs it into the real server and the mocks load it, and
 * the contract test compares the two backends over it.
 */

import {
  ARTIFACT_COMPARE,
  ARTIFACT_MANY_FILES,
  ARTIFACT_ZOO,
  ARTIFACT_ZOO_B_FILES,
  ARTIFACT_ZOO_C_FILES,
  ARTIFACT_ZOO_FILES,
} from './artifacts'
import { CONTRACT_REGISTERED_MODELS, withRegisteredModelFiles } from './contract-registry'
import { importanceSweepExperiment, importanceSweepRuns } from './contract-sweep'
import { curvePoints, type CurveSpec } from './curves'
import { CONTRACT_LOGGED_MODELS, LOGGED_MODELS } from './logged-models'
import { createRandom, pick } from './random'
import type { World, WorldExperiment, WorldMetricPoint, WorldRun } from './types'

/** 2026-01-05T09:00:00Z. Every run starts at a distinct minute after it, so orderings never tie. */
export const CONTRACT_EPOCH = 1767603600000
const MINUTE = 60_000

export const CONTRACT_EXPERIMENTS = {
  mnist: 'mnist-baseline',
  sweep: 'cifar-sweep',
  grid: 'lr-grid',
  quoting: 'nlp\'s "quoted" experiment (ünïcode)',
  empty: 'empty-experiment',
  archived: 'archived-experiment',
  realUsage: 'sklearn-real-usage',
  curves: 'training-curves',
  artifacts: ARTIFACT_ZOO.experiment,
} as const

const experiments: WorldExperiment[] = [
  {
    name: CONTRACT_EXPERIMENTS.mnist,
    tags: {
      team: 'vision',
      'mlflow.note.content': '# MNIST baseline\n\nSmall CNNs. See **runs** below.',
    },
  },
  {
    name: CONTRACT_EXPERIMENTS.sweep,
    tags: { team: 'vision', project: 'cifar', 'mlflow.experiment.primaryMetric.name': 'val_accuracy' },
  },
  { name: CONTRACT_EXPERIMENTS.grid, tags: { team: 'research' } },
  { name: CONTRACT_EXPERIMENTS.quoting, tags: { 'team name': "nlp's", 'long.tag': 'x'.repeat(4000) } },
  { name: CONTRACT_EXPERIMENTS.empty, tags: {} },
  { name: CONTRACT_EXPERIMENTS.archived, tags: { team: 'legacy' }, deleted: true },
  { name: CONTRACT_EXPERIMENTS.realUsage, tags: { team: 'tabular' }, realUsage: true },
  // Last, so that the experiments before it keep their ids on a fresh server.
  {
    name: CONTRACT_EXPERIMENTS.curves,
    tags: {
      team: 'research',
      'mlflow.note.content': 'Per-step curves: seeds of two configurations, and one long run.',
    },
  },
  // After training-curves, for the same reason.
  { name: CONTRACT_EXPERIMENTS.artifacts, tags: { team: 'platform' } },
]

const users = ['alice', 'bob', 'carol'] as const
const commits = [
  '9c1e2d7a4b5f60718293a4b5c6d7e8f901234567',
  '3f2a9c1d0e8b7a6f5e4d3c2b1a0f9e8d7c6b5a49',
] as const

/** A run builder that hands out start times in creation order. */
function createRunFactory() {
  let minute = 0
  return (run: Omit<WorldRun, 'startTime' | 'endTime'> & { durationMinutes?: number }): WorldRun => {
    const startTime = CONTRACT_EPOCH + minute * MINUTE
    minute += Math.max(2, (run.durationMinutes ?? 1) + 1)
    const { durationMinutes, ...rest } = run
    const running = run.status === 'RUNNING' || run.status === 'SCHEDULED'
    return running
      ? { ...rest, startTime }
      : { ...rest, startTime, endTime: startTime + (durationMinutes ?? 1) * MINUTE }
  }
}

function sourceTags(user: string, script: string, commit: string): Record<string, string> {
  return {
    'mlflow.user': user,
    'mlflow.source.name': script,
    'mlflow.source.type': 'LOCAL',
    'mlflow.source.git.commit': commit,
  }
}

/** What MLflow 2's `log_model` recorded on the run (MLflow 3 records LoggedModels instead). */
function logModelHistory(name: string): Record<string, string> {
  const entry = {
    run_id: '{{run_id}}',
    artifact_path: 'model',
    utc_time_created: '2026-01-05 09:40:00.000000',
    model_uuid: `${name}-model-0001`,
    flavors: {
      python_function: {
        loader_module: 'mlflow.pytorch',
        python_version: '3.11.7',
        env: { conda: 'conda.yaml', virtualenv: 'python_env.yaml' },
      },
      pytorch: { model_data: 'data', pytorch_version: '2.5.1' },
    },
  }
  return { 'mlflow.log-model.history': JSON.stringify([entry]) }
}

/** The usual four curves of a classifier's training, one point per epoch. */
function trainingMetrics(
  seed: string,
  epochs: number,
  startTime: number,
  options: { nanAt?: number; spikes?: boolean; accuracy?: number } = {},
): Record<string, WorldMetricPoint[]> {
  const base = { steps: epochs, startTime, stepMs: 1000 }
  const finalAccuracy = options.accuracy ?? 0.9
  return {
    loss: curvePoints({
      ...base,
      seed: `${seed}/loss`,
      from: 2.3,
      to: 0.2,
      spikeRate: options.spikes ? 0.08 : undefined,
    }),
    val_loss: curvePoints({
      ...base,
      seed: `${seed}/val_loss`,
      from: 2.4,
      to: 0.3,
      nanSteps: options.nanAt === undefined ? undefined : [options.nanAt],
    }),
    accuracy: curvePoints({
      ...base,
      seed: `${seed}/accuracy`,
      from: 0.1,
      to: finalAccuracy + 0.03,
      noise: 0.01,
    }),
    val_accuracy: curvePoints({
      ...base,
      seed: `${seed}/val_accuracy`,
      from: 0.1,
      to: finalAccuracy,
      noise: 0.01,
    }),
  }
}

function buildMnist(makeRun: ReturnType<typeof createRunFactory>): WorldRun[] {
  const experiment = CONTRACT_EXPERIMENTS.mnist
  const runs: WorldRun[] = []
  const statuses = ['FINISHED', 'FINISHED', 'FAILED', 'FINISHED', 'KILLED', 'FINISHED'] as const
  statuses.forEach((status, index) => {
    const name = `mnist-cnn-${index + 1}`
    const user = users[index % users.length] ?? 'alice'
    const epochs = 8 + index * 3
    const run = makeRun({
      name,
      experiment,
      status,
      durationMinutes: epochs,
      params: {
        lr: ['0.001', '1e-3', '0.01', '0.1', '0.0005', '0.003'][index] ?? '0.001',
        batch_size: ['32', '64', '128', '256', '32', '8'][index] ?? '32',
        optimizer: index % 2 === 0 ? 'adam' : 'sgd',
        'model.depth': String(2 + (index % 3)),
        'warmup steps': String(index * 100),
      },
      tags: {
        ...sourceTags(user, 'train_mnist.py', commits[index % 2] ?? commits[0]),
        'mlflow.source.git.branch': 'main',
        team: index < 4 ? 'vision' : 'Vision',
        ...(index === 0
          ? {
              'mlflow.note.content':
                '## Notes\nBaseline with <b>bold</b> and <script>alert("x")</script> that must never run.',
            }
          : {}),
        ...(index === 3 ? { priority: 'high', 'release candidate': 'yes', ...logModelHistory(name) } : {}),
      },
      metrics: {},
    })
    runs.push({
      ...run,
      metrics: trainingMetrics(name, epochs, run.startTime, {
        nanAt: index === 1 ? 3 : undefined,
        spikes: index === 2,
        accuracy: 0.9 + index * 0.01,
      }),
    })
  })

  // One metric whose latest value is NaN, one with infinities, one logged without a step (all at
  // step 0, distinct timestamps), one with several values at the same step, and one with negative steps.
  const edge = makeRun({
    name: 'mnist-edge-values',
    experiment,
    status: 'FINISHED',
    durationMinutes: 3,
    params: { lr: '0.02', optimizer: 'adam', notes: 'long value '.repeat(50).trim() },
    tags: { ...sourceTags('alice', 'edge_cases.py', commits[0]), team: 'vision' },
    metrics: {},
  })
  const t = edge.startTime
  runs.push({
    ...edge,
    metrics: {
      diverged_loss: [
        { step: 0, timestamp: t, value: 1.5 },
        { step: 1, timestamp: t + 1000, value: 3.25 },
        { step: 2, timestamp: t + 2000, value: 'NaN' },
      ],
      grad_norm: [
        { step: 0, timestamp: t, value: 1.0 },
        { step: 1, timestamp: t + 1000, value: 'Infinity' },
        { step: 2, timestamp: t + 2000, value: '-Infinity' },
        { step: 3, timestamp: t + 3000, value: 2.5 },
      ],
      throughput: [0, 1, 2, 3, 4].map((i) => ({ step: 0, timestamp: t + i * 500, value: 100 + i * 7 })),
      eval_score: [
        { step: 5, timestamp: t + 1000, value: 0.5 },
        { step: 5, timestamp: t + 1000, value: 0.75 },
        { step: 5, timestamp: t + 2000, value: 0.6 },
        { step: 6, timestamp: t + 3000, value: 0.8 },
      ],
      warmup_lr: Array.from({ length: 11 }, (_, i) => ({
        step: i - 5,
        timestamp: t + i * 100,
        value: 0.001 * (i + 1),
      })),
      long_history: curvePoints({
        seed: 'mnist-edge-values/long_history',
        steps: 1500,
        from: 5,
        to: 0.1,
        spikeRate: 0.01,
        nanSteps: [700],
        startTime: t,
        stepMs: 100,
      }),
    },
  })

  runs.push(
    makeRun({
      name: 'mnist-still-running',
      experiment,
      status: 'RUNNING',
      params: { lr: '0.001', optimizer: 'adam' },
      tags: { ...sourceTags('bob', 'train_mnist.py', commits[1]), team: 'vision' },
      metrics: {},
    }),
  )
  runs.push(
    makeRun({
      name: 'mnist-deleted-1',
      experiment,
      status: 'FINISHED',
      deleted: true,
      params: { lr: '0.5', optimizer: 'sgd' },
      tags: { ...sourceTags('carol', 'train_mnist.py', commits[0]), team: 'vision' },
      metrics: {},
    }),
  )
  runs.push(
    makeRun({
      name: 'mnist-deleted-2',
      experiment,
      status: 'FAILED',
      deleted: true,
      params: { lr: '0.9' },
      tags: { 'mlflow.user': 'carol' },
      metrics: {},
    }),
  )
  runs.push(
    makeRun({
      name: 'mnist-with-datasets',
      experiment,
      status: 'FINISHED',
      durationMinutes: 2,
      params: { lr: '0.001', optimizer: 'adam' },
      tags: { ...sourceTags('alice', 'train_mnist.py', commits[0]), team: 'vision' },
      metrics: {},
      datasets: [
        {
          name: 'mnist',
          digest: '3f2a9c1d',
          sourceType: 'local',
          source: '{"uri": "/data/mnist/train"}',
          schema:
            '{"mlflow_colspec": [{"type": "tensor", "name": "image"}, {"type": "long", "name": "label"}]}',
          profile: '{"num_rows": 60000}',
          context: 'train',
        },
        {
          name: 'mnist',
          digest: '77aa0b12',
          sourceType: 'local',
          source: '{"uri": "/data/mnist/test"}',
          profile: '{"num_rows": 10000}',
          context: 'eval',
        },
      ],
    }),
  )
  // Shaped like what mlflow.sklearn.autolog() logs for a LogisticRegression fit.
  const autolog = makeRun({
    name: 'mnist-logreg-autolog',
    experiment,
    status: 'FINISHED',
    params: {
      C: '1.0',
      class_weight: 'None',
      dual: 'False',
      fit_intercept: 'True',
      max_iter: '200',
      penalty: 'l2',
      random_state: '0',
      solver: 'lbfgs',
      tol: '0.0001',
    },
    tags: {
      ...sourceTags('alice', 'sklearn_baseline.py', commits[0]),
      'mlflow.autologging': 'sklearn',
      estimator_name: 'LogisticRegression',
      estimator_class: 'sklearn.linear_model._logistic.LogisticRegression',
    },
    metrics: {},
  })
  runs.push({
    ...autolog,
    metrics: Object.fromEntries(
      (
        [
          ['training_accuracy_score', 0.9721],
          ['training_f1_score', 0.9718],
          ['training_log_loss', 0.1043],
          ['training_precision_score', 0.9725],
          ['training_recall_score', 0.9721],
          ['training_roc_auc', 0.9987],
          ['training_score', 0.9721],
        ] as const
      ).map(([key, value]) => [key, [{ step: 0, timestamp: autolog.startTime + 5000, value }]]),
    ),
  })
  return runs
}

/** A sweep: two parents, each with eight trials, each trial with four cross-validation folds. */
function buildSweep(makeRun: ReturnType<typeof createRunFactory>): WorldRun[] {
  const experiment = CONTRACT_EXPERIMENTS.sweep
  const random = createRandom(7)
  const runs: WorldRun[] = []
  for (const sweep of ['sweep-a', 'sweep-b']) {
    runs.push(
      makeRun({
        name: sweep,
        experiment,
        status: 'FINISHED',
        durationMinutes: 1,
        params: { search: 'random', trials: '8' },
        tags: { ...sourceTags('bob', 'sweep.py', commits[1]), 'sweep.kind': 'parent' },
        metrics: {},
      }),
    )
    for (let trial = 1; trial <= 8; trial++) {
      const trialName = `${sweep}-trial-${trial}`
      const params = {
        lr: pick(random, ['0.1', '0.03', '0.01', '0.003', '0.001']),
        batch_size: pick(random, ['64', '128', '256']),
        dropout: pick(random, ['0.0', '0.1', '0.25', '0.5']),
        optimizer: pick(random, ['adam', 'sgd', 'adamw']),
      }
      const failed = sweep === 'sweep-b' && trial === 5
      const trialRun = makeRun({
        name: trialName,
        experiment,
        parent: sweep,
        status: failed ? 'FAILED' : 'FINISHED',
        durationMinutes: 1,
        params,
        tags: { ...sourceTags('bob', 'sweep.py', commits[1]), 'sweep.kind': 'trial' },
        metrics: {},
      })
      runs.push({
        ...trialRun,
        metrics: failed
          ? {}
          : {
              cv_accuracy: [
                {
                  step: 0,
                  timestamp: trialRun.startTime + 30_000,
                  value: Math.round((0.7 + random() * 0.25) * 1e4) / 1e4,
                },
              ],
            },
      })
      if (failed) continue
      for (let fold = 1; fold <= 4; fold++) {
        const foldName = `${trialName}-fold-${fold}`
        const foldRun = makeRun({
          name: foldName,
          experiment,
          parent: trialName,
          status: 'FINISHED',
          durationMinutes: 1,
          params: { ...params, fold: String(fold) },
          tags: { ...sourceTags('bob', 'sweep.py', commits[1]), 'sweep.kind': 'fold' },
          metrics: {},
        })
        runs.push({
          ...foldRun,
          metrics: trainingMetrics(foldName, 12, foldRun.startTime, { accuracy: 0.7 + random() * 0.25 }),
        })
      }
    }
  }
  return runs
}

/** A flat grid of 120 short runs: enough for paging and sorting across pages. */
function buildGrid(makeRun: ReturnType<typeof createRunFactory>): WorldRun[] {
  const experiment = CONTRACT_EXPERIMENTS.grid
  const random = createRandom(11)
  const runs: WorldRun[] = []
  for (let i = 0; i < 120; i++) {
    const name = `grid-${String(i + 1).padStart(3, '0')}`
    const lr = String([0.1, 0.05, 0.01, 0.005, 0.001][i % 5])
    const run = makeRun({
      name,
      experiment,
      status: i % 17 === 5 ? 'FAILED' : i % 23 === 7 ? 'KILLED' : 'FINISHED',
      params: { lr, seed: String(i % 6), width: String(64 * (1 + (i % 4))) },
      tags: { 'mlflow.user': pick(random, users), stage: i % 3 === 0 ? 'dev' : 'prod' },
      metrics: {},
    })
    const score = Math.round(random() * 1e4) / 1e4
    runs.push({
      ...run,
      metrics: {
        score: [{ step: 0, timestamp: run.startTime + 1000, value: i === 42 ? 'NaN' : score }],
        loss: curvePoints({
          seed: `${name}/loss`,
          steps: 10,
          from: 1,
          to: 0.1,
          startTime: run.startTime,
          stepMs: 1000,
        }),
      },
    })
  }
  return runs
}

function buildOthers(makeRun: ReturnType<typeof createRunFactory>): WorldRun[] {
  const quoting = CONTRACT_EXPERIMENTS.quoting
  const archived = CONTRACT_EXPERIMENTS.archived
  return [
    makeRun({
      name: "bert-base 'quoted' run",
      experiment: quoting,
      status: 'FINISHED',
      params: {
        'tokenizer.name': 'bert-base-uncased',
        'quote test': 'it\'s a "quoted" value',
        'max len': '512',
      },
      tags: { 'team name': "nlp's", 'mlflow.user': 'dave', 'path/like/key': 'a/b' },
      metrics: { 'f1 score': [{ step: 1, timestamp: CONTRACT_EPOCH + 5 * MINUTE, value: 0.88 }] },
    }),
    makeRun({
      name: 'bert-scheduled',
      experiment: quoting,
      status: 'SCHEDULED',
      params: {},
      tags: { 'mlflow.user': 'dave' },
      metrics: {},
    }),
    ...[1, 2, 3].map((i) =>
      makeRun({
        name: `archived-run-${i}`,
        experiment: archived,
        status: 'FINISHED',
        params: { version: String(i) },
        tags: { 'mlflow.user': 'erin' },
        metrics: { acc: [{ step: 0, timestamp: CONTRACT_EPOCH, value: i / 10 }] },
      }),
    ),
  ]
}

/** Which steps a seed run logged: a chart that aligns runs by step must cope with all three. */
export type SeedStepSet = 'every step' | 'every 2nd step' | 'stopped at step 150'

export interface SeedRun {
  runName: string
  /** The configuration: runs with the same `lr` differ only in `seed`. */
  lr: string
  seed: string
  stepSet: SeedStepSet
}

/** Steps of a full seed run (0 .. 199) and the last step of the one that stopped early. */
const SEED_RUN_STEPS = 200
const EARLY_STOP_STEP = 150
const STEP_SETS: readonly [SeedStepSet, SeedStepSet, SeedStepSet] = [
  'every step',
  'every 2nd step',
  'stopped at step 150',
]

/**
 * The seed runs of the curves experiment: two configurations (lr 0.01 and 0.001, every other param
 * equal) × seeds 0, 1, 2, each logging `loss` and `val_accuracy`. Within a configuration each seed
 * logs a different step set, so no two seeds of one configuration share all their steps.
 */
export const SEED_RUNS: readonly SeedRun[] = ['0.01', '0.001'].flatMap((lr, config) =>
  [0, 1, 2].map((seed) => ({
    runName: `lr-${lr}-seed-${seed}`,
    lr,
    seed: String(seed),
    stepSet: STEP_SETS[(seed + config) % 3] ?? 'every step',
  })),
)

/**
 * The long run of the curves experiment: `train_loss` at every step 0 .. 99,999, a smooth noisy
 * decreasing curve that stays within `valueRange` except for one one-step spike and two NaN values;
 * and `eval_loss` every 5,000 steps. A formula, so it costs nothing until read.
 */
export const LONG_HISTORY = {
  runName: 'long-history-100k',
  metricKey: 'train_loss',
  steps: 100_000,
  spikeStep: 61_803,
  spikeValue: 40,
  nanSteps: [20_000, 20_001],
  /** Every other value lies within [min, max]. */
  valueRange: { min: 0.5, max: 3 },
  evalMetricKey: 'eval_loss',
  evalEvery: 5000,
  /** Time between two steps, in ms. */
  stepMs: 100,
} as const

function seedRunMetrics(run: SeedRun, startTime: number): Record<string, WorldMetricPoint[]> {
  const keep = (point: WorldMetricPoint): boolean =>
    run.stepSet === 'every 2nd step'
      ? point.step % 2 === 0
      : run.stepSet === 'stopped at step 150'
        ? point.step <= EARLY_STOP_STEP
        : true
  // Seeds of one configuration share the curve's shape and differ in noise.
  const fast = run.lr === '0.01'
  const base = { steps: SEED_RUN_STEPS, startTime, stepMs: 1000 }
  return {
    loss: curvePoints({
      ...base,
      seed: `${run.runName}/loss`,
      from: 2.3,
      to: fast ? 0.25 : 0.45,
      noise: 0.04,
    }).filter(keep),
    val_accuracy: curvePoints({
      ...base,
      seed: `${run.runName}/val_accuracy`,
      from: 0.1,
      to: fast ? 0.88 : 0.82,
      noise: 0.015,
    }).filter(keep),
  }
}

function buildCurves(makeRun: ReturnType<typeof createRunFactory>): WorldRun[] {
  const experiment = CONTRACT_EXPERIMENTS.curves
  const runs: WorldRun[] = SEED_RUNS.map((seedRun) => {
    const stopped = seedRun.stepSet === 'stopped at step 150'
    const run = makeRun({
      name: seedRun.runName,
      experiment,
      status: stopped ? 'KILLED' : 'FINISHED',
      durationMinutes: stopped ? 3 : 4,
      params: {
        lr: seedRun.lr,
        batch_size: '64',
        optimizer: 'adam',
        max_steps: String(SEED_RUN_STEPS),
        seed: seedRun.seed,
      },
      tags: { ...sourceTags('carol', 'train_curves.py', commits[0]) },
      metrics: {},
    })
    return { ...run, metrics: seedRunMetrics(seedRun, run.startTime) }
  })

  const long = makeRun({
    name: LONG_HISTORY.runName,
    experiment,
    status: 'FINISHED',
    durationMinutes: Math.ceil((LONG_HISTORY.steps * LONG_HISTORY.stepMs) / MINUTE),
    params: { lr: '3e-4', batch_size: '32', optimizer: 'adamw', max_steps: String(LONG_HISTORY.steps) },
    tags: { ...sourceTags('dave', 'pretrain.py', commits[1]) },
    metrics: {},
  })
  const trainLoss: CurveSpec = {
    seed: `${LONG_HISTORY.runName}/${LONG_HISTORY.metricKey}`,
    steps: LONG_HISTORY.steps,
    // With ±2% noise the curve stays inside [0.5, 3]: at most 2.9 + 0.046, at least 0.6 + 0.042 - 0.046.
    from: 2.9,
    to: 0.6,
    noise: 0.02,
    nanSteps: LONG_HISTORY.nanSteps,
    overrides: { [LONG_HISTORY.spikeStep]: LONG_HISTORY.spikeValue },
    startTime: long.startTime,
    stepMs: LONG_HISTORY.stepMs,
  }
  const evalLoss = curvePoints({
    seed: `${LONG_HISTORY.runName}/${LONG_HISTORY.evalMetricKey}`,
    steps: LONG_HISTORY.steps / LONG_HISTORY.evalEvery,
    from: 3,
    to: 0.8,
    startTime: long.startTime,
    stepMs: LONG_HISTORY.evalEvery * LONG_HISTORY.stepMs,
  }).map((point) => ({ ...point, step: point.step * LONG_HISTORY.evalEvery }))
  runs.push({
    ...long,
    metrics: { [LONG_HISTORY.metricKey]: trainLoss, [LONG_HISTORY.evalMetricKey]: evalLoss },
  })
  return runs
}

/**
 * A run holding one file of each kind a preview handles (and images logged per step), one holding
 * 5,000 files in a folder, two siblings of the first to compare its files with, and the run that
 * trained the world's LoggedModels (logged-models.ts).
 */
function buildArtifactZoo(makeRun: ReturnType<typeof createRunFactory>): WorldRun[] {
  const experiment = ARTIFACT_ZOO.experiment
  // `log_image(key=, step=)` sets this tag.
  const loggedImages = { 'mlflow.loggedImages': 'True' }
  return [
    {
      ...makeRun({
        name: ARTIFACT_ZOO.runName,
        experiment,
        status: 'FINISHED',
        params: {},
        tags: { ...sourceTags('alice', 'report.py', commits[0]), ...loggedImages },
        metrics: {},
      }),
      artifacts: ARTIFACT_ZOO_FILES,
    },
    {
      ...makeRun({
        name: ARTIFACT_ZOO.manyRunName,
        experiment,
        status: 'FINISHED',
        params: {},
        tags: { ...sourceTags('alice', 'shard.py', commits[0]) },
        metrics: {},
      }),
      artifacts: ARTIFACT_MANY_FILES,
    },
    {
      ...makeRun({
        name: ARTIFACT_COMPARE.runB,
        experiment,
        status: 'FINISHED',
        params: {},
        tags: { ...sourceTags('bob', 'report.py', commits[1]), ...loggedImages },
        metrics: {},
      }),
      artifacts: ARTIFACT_ZOO_B_FILES,
    },
    {
      ...makeRun({
        name: ARTIFACT_COMPARE.runC,
        experiment,
        status: 'FAILED',
        params: {},
        tags: { ...sourceTags('carol', 'report.py', commits[1]), ...loggedImages },
        metrics: {},
      }),
      artifacts: ARTIFACT_ZOO_C_FILES,
    },
    (() => {
      const train = makeRun({
        name: LOGGED_MODELS.trainRun,
        experiment,
        status: 'FINISHED',
        durationMinutes: 2,
        params: { C: '1.0', max_iter: '200', solver: 'lbfgs' },
        tags: { ...sourceTags('alice', 'train.py', commits[0]) },
        metrics: {},
      })
      return {
        ...train,
        metrics: {
          training_accuracy_score: [{ step: 0, timestamp: train.startTime + 30_000, value: 0.9733 }],
          val_accuracy: [{ step: 0, timestamp: train.startTime + 60_000, value: 0.9667 }],
        },
      }
    })(),
  ]
}

function buildContractWorld(): World {
  const makeRun = createRunFactory()
  const runs = [
    ...buildMnist(makeRun),
    ...buildSweep(makeRun),
    ...buildGrid(makeRun),
    ...buildOthers(makeRun),
    // Last: the runs before keep their start times.
    ...buildCurves(makeRun),
    ...buildArtifactZoo(makeRun),
  ]
  return {
    // The importance sweep last, so the experiments before it keep their ids on a fresh server.
    experiments: [...experiments, importanceSweepExperiment],
    runs: [...runs.map(withRegisteredModelFiles), ...importanceSweepRuns],
    loggedModels: CONTRACT_LOGGED_MODELS,
    registeredModels: CONTRACT_REGISTERED_MODELS,
  }
}

export const contractWorld: World = buildContractWorld()
export { ARTIFACT_COMPARE, ARTIFACT_ZOO } from './artifacts'
export { LOGGED_MODELS } from './logged-models'
export { CONTRACT_REGISTRY } from './contract-registry'

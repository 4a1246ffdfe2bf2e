/**
 * The demo world: the contract world plus generated scale. Generated experiments are lazy sources,
 * made from a seeded generator on first access, so a test worker pays only for what it reads and
 * every process sees the same runs.
 */

import type { CurveSpec } from './curves'
import type { ExperimentSource, MetricSource, StoreRun } from '../store/store'
import { worldSources } from '../store/store'
import { CONTRACT_EPOCH, CONTRACT_EXPERIMENTS, contractWorld } from './contract-world'
import { createRandom, pick } from './random'
import type { WorldRegisteredModel } from './types'

const MINUTE = 60_000
/** Generated runs start after every contract run (which span a few days from the epoch). */
const DEMO_EPOCH = CONTRACT_EPOCH + 30 * 24 * 60 * MINUTE

export const DEMO_EXPERIMENTS = {
  sweep: 'resnet-hparam-sweep',
  finetune: 'llm-finetune',
} as const

function curve(spec: Omit<CurveSpec, 'stepMs'> & { stepMs?: number }): CurveSpec {
  return { stepMs: 1000, ...spec }
}

/**
 * Runs of the same shape as those the seed script's real training code logs into the real-usage
 * experiment: an autologged sklearn fit and a nested pipeline, three levels deep.
 */
function realUsageRuns(): StoreRun[] {
  const start = CONTRACT_EPOCH + 20 * 24 * 60 * MINUTE
  const source = {
    'mlflow.user': 'alice',
    'mlflow.source.name': 'train.py',
    'mlflow.source.type': 'LOCAL',
    'mlflow.source.git.commit': '5d1b0c9e3f2a4b6c8d7e9f0a1b2c3d4e5f6a7b8c',
  }
  const run = (name: string, offset: number, extra: Partial<StoreRun>): StoreRun => ({
    name,
    status: 'FINISHED',
    startTime: start + offset * MINUTE,
    endTime: start + offset * MINUTE + 40_000,
    params: {},
    tags: source,
    metrics: {},
    ...extra,
  })
  return [
    run('logreg-autolog', 0, {
      params: { C: '1.0', max_iter: '200', penalty: 'l2', solver: 'lbfgs', tol: '0.0001' },
      tags: {
        ...source,
        'mlflow.autologging': 'sklearn',
        estimator_name: 'LogisticRegression',
        estimator_class: 'sklearn.linear_model._logistic.LogisticRegression',
      },
      metrics: {
        training_accuracy_score: [{ step: 0, timestamp: start + 30_000, value: 0.9733 }],
        training_f1_score: [{ step: 0, timestamp: start + 30_000, value: 0.9733 }],
        training_log_loss: [{ step: 0, timestamp: start + 30_000, value: 0.1189 }],
      },
    }),
    run('pipeline', 2, { params: { stages: '2' } }),
    run('pipeline-train', 3, {
      parent: 'pipeline',
      params: { epochs: '20', lr: '0.01' },
      metrics: {
        loss: curve({
          seed: 'pipeline-train/loss',
          steps: 20,
          from: 1.2,
          to: 0.2,
          startTime: start + 3 * MINUTE,
        }),
      },
    }),
    run('pipeline-train-fold-1', 4, {
      parent: 'pipeline-train',
      params: { fold: '1' },
      metrics: {
        val_loss: curve({
          seed: 'fold-1/val',
          steps: 20,
          from: 1.3,
          to: 0.25,
          startTime: start + 4 * MINUTE,
        }),
      },
    }),
    run('failed-run', 6, { status: 'FAILED', params: { lr: '10' } }),
    run('killed-run', 7, { status: 'KILLED' }),
    { ...run('running-run', 8, { status: 'RUNNING' }), endTime: undefined },
  ]
}

/**
 * A large nested sweep: 20 studies, each with 10 trials, each trial with 10 folds
 * (2,220 runs, three levels), in every state.
 */
function sweepRuns(): StoreRun[] {
  const random = createRandom(2024)
  const runs: StoreRun[] = []
  let minute = 0
  const next = () => DEMO_EPOCH + minute++ * MINUTE
  for (let study = 1; study <= 20; study++) {
    const studyName = `study-${String(study).padStart(2, '0')}`
    const studyStart = next()
    runs.push({
      name: studyName,
      status: study === 20 ? 'RUNNING' : 'FINISHED',
      startTime: studyStart,
      endTime: study === 20 ? undefined : studyStart + 600 * MINUTE,
      params: { sampler: pick(random, ['tpe', 'random', 'grid']), trials: '10' },
      tags: { 'mlflow.user': pick(random, ['alice', 'bob', 'carol', 'dave']), 'sweep.level': 'study' },
      metrics: {},
    })
    for (let trial = 1; trial <= 10; trial++) {
      const trialName = `${studyName}-trial-${String(trial).padStart(2, '0')}`
      const params = {
        lr: pick(random, ['0.1', '0.05', '0.01', '0.005', '0.001', '0.0005']),
        batch_size: pick(random, ['32', '64', '128', '256']),
        weight_decay: pick(random, ['0', '1e-5', '1e-4', '1e-3']),
        depth: pick(random, ['18', '34', '50']),
        optimizer: pick(random, ['sgd', 'adam', 'adamw']),
        augment: pick(random, ['none', 'flip', 'autoaugment']),
      }
      const trialStart = next()
      const quality = random()
      const state = quality < 0.04 ? 'FAILED' : quality < 0.06 ? 'KILLED' : 'FINISHED'
      runs.push({
        name: trialName,
        parent: studyName,
        status: state,
        startTime: trialStart,
        endTime: trialStart + 50 * MINUTE,
        params,
        tags: { 'mlflow.user': 'alice', 'sweep.level': 'trial' },
        metrics: {
          cv_accuracy: [
            {
              step: 0,
              timestamp: trialStart + 40 * MINUTE,
              value: Math.round((0.6 + quality * 0.35) * 1e4) / 1e4,
            },
          ],
        },
      })
      for (let fold = 1; fold <= 10; fold++) {
        const foldName = `${trialName}-fold-${String(fold).padStart(2, '0')}`
        const foldStart = next()
        const epochs = 30 + Math.floor(random() * 70)
        const metrics: Record<string, MetricSource> = {
          loss: curve({
            seed: `${foldName}/loss`,
            steps: epochs,
            from: 2.3,
            to: 0.15 + quality * 0.2,
            spikeRate: 0.02,
            startTime: foldStart,
          }),
          val_loss: curve({
            seed: `${foldName}/val_loss`,
            steps: epochs,
            from: 2.4,
            to: 0.3 + quality * 0.2,
            startTime: foldStart,
          }),
          val_accuracy: curve({
            seed: `${foldName}/val_acc`,
            steps: epochs,
            from: 0.1,
            to: 0.6 + quality * 0.35,
            noise: 0.01,
            startTime: foldStart,
          }),
        }
        runs.push({
          name: foldName,
          parent: trialName,
          status: state === 'FAILED' && fold > 5 ? 'FAILED' : 'FINISHED',
          startTime: foldStart,
          endTime: foldStart + 4 * MINUTE,
          params: { ...params, fold: String(fold) },
          tags: { 'mlflow.user': 'alice', 'sweep.level': 'fold' },
          metrics,
        })
      }
    }
  }
  return runs
}

/** Long histories: 10,000 to 100,000 steps with spikes and NaN values, made on demand. */
function finetuneRuns(): StoreRun[] {
  const lengths = [10_000, 25_000, 50_000, 100_000]
  return lengths.map((steps, index) => {
    const startTime = DEMO_EPOCH + (3000 + index * 600) * MINUTE
    const name = `finetune-${steps / 1000}k-steps`
    return {
      name,
      status: 'FINISHED',
      startTime,
      endTime: startTime + steps * 200,
      params: { model: 'llama-7b', lr: '2e-5', lora_rank: String(8 * (index + 1)), steps: String(steps) },
      tags: { 'mlflow.user': 'dave', 'mlflow.source.name': 'finetune.py', 'mlflow.source.type': 'LOCAL' },
      metrics: {
        train_loss: curve({
          seed: `${name}/train_loss`,
          steps,
          from: 3.2,
          to: 0.9,
          noise: 0.08,
          spikeRate: 0.0005,
          nanSteps: [Math.floor(steps * 0.37)],
          startTime,
          stepMs: 200,
        }),
        learning_rate: curve({
          seed: `${name}/lr`,
          steps,
          from: 2e-5,
          to: 1e-6,
          noise: 0,
          startTime,
          stepMs: 200,
        }),
        eval_loss: curve({
          seed: `${name}/eval_loss`,
          steps: steps / 500,
          firstStep: 0,
          from: 3.0,
          to: 1.0,
          startTime,
          stepMs: 100_000,
        }),
      },
    }
  })
}

/**
 * A registered model only the demo holds: the real server's SQL store makes every version READY, so
 * versions still registering, or whose registration failed, exist in the mocks alone.
 */
export const DEMO_REGISTRY = {
  name: 'llama-7b-lora',
  pendingVersion: 2,
  failedVersion: 3,
  failedMessage: 'Copying the adapter weights to the registry failed: connection reset by peer.',
} as const

const DEMO_REGISTERED_MODELS: readonly WorldRegisteredModel[] = [
  {
    name: DEMO_REGISTRY.name,
    description: 'LoRA adapters for **llama-7b**, fine-tuned in `llm-finetune`.',
    tags: { team: 'nlp' },
    versions: [
      { source: { run: 'finetune-10k-steps', path: 'adapter' }, description: 'Rank 8, 10k steps.' },
      {
        source: { run: 'finetune-25k-steps', path: 'adapter' },
        status: 'PENDING_REGISTRATION',
        statusMessage: 'Uploading the adapter weights.',
      },
      {
        source: { run: 'finetune-50k-steps', path: 'adapter' },
        status: 'FAILED_REGISTRATION',
        statusMessage: DEMO_REGISTRY.failedMessage,
      },
    ],
    aliases: { production: 1 },
  },
]

export function demoSources(): ExperimentSource[] {
  const contract = worldSources(contractWorld).map((source) =>
    source.experiment.name === CONTRACT_EXPERIMENTS.realUsage ? { ...source, runs: realUsageRuns } : source,
  )
  return [
    ...contract,
    {
      experiment: {
        name: DEMO_EXPERIMENTS.sweep,
        tags: {
          team: 'vision',
          'mlflow.note.content': 'ResNet hyperparameter sweep: 20 studies × 10 trials × 10 folds.',
        },
      },
      runs: sweepRuns,
    },
    {
      experiment: { name: DEMO_EXPERIMENTS.finetune, tags: { team: 'nlp' } },
      runs: finetuneRuns,
      registeredModels: DEMO_REGISTERED_MODELS,
    },
  ]
}

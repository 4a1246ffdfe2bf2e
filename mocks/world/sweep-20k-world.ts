/**
 * The `runs-20k` scenario's experiment: 20,000 runs shaped like a large hyperparameter search, for the
 * runs table at scale. Every run has up to 50 params, 30 metrics and 20 tags; a few hundred runs are
 * nested three levels deep (studies, trials, folds); runs are in every state (the newest still
 * RUNNING), a few are deleted, and most carry datasets. Seeded, so every process sees the same runs.
 * Histories hold only the latest point, except loss and val_loss, which are formulas (cheap until read).
 */

import type { ExperimentSource, MetricSource, StoreRun } from '../store/store'
import type { CurveSpec } from './curves'
import { CONTRACT_EPOCH } from './contract-world'
import { createRandom, pick } from './random'
import type { WorldDataset, WorldMetricValue } from './types'

export const SWEEP_20K_EXPERIMENT = 'sweep-20k'
export const SWEEP_20K_RUN_COUNT = 20_000

const MINUTE = 60_000
/** After the contract and demo worlds' runs. */
const EPOCH = CONTRACT_EPOCH + 60 * 24 * 60 * MINUTE
const STUDIES = 24
const TRIALS_PER_STUDY = 4
const FOLDS_PER_TRIAL = 2
/** The newest runs are still running. */
const RUNNING_TAIL = 40

type Values = readonly [string, ...string[]]

/** 50 params; every run but a study parent has all of them. */
export const SWEEP_20K_PARAMS: readonly (readonly [string, Values])[] = [
  ['lr', ['0.1', '0.03', '0.01', '0.003', '0.001', '3e-4', '1e-4']],
  ['batch_size', ['16', '32', '64', '128', '256', '512', '1024']],
  ['optimizer', ['sgd', 'adam', 'adamw', 'lamb', 'lion']],
  ['weight_decay', ['0', '1e-5', '1e-4', '5e-4', '0.01', '0.05']],
  ['momentum', ['0.8', '0.9', '0.95', '0.99']],
  ['beta1', ['0.9', '0.95']],
  ['beta2', ['0.98', '0.99', '0.999']],
  ['eps', ['1e-8', '1e-6']],
  ['dropout', ['0.0', '0.1', '0.2', '0.3', '0.5']],
  ['label_smoothing', ['0.0', '0.05', '0.1']],
  ['grad_clip', ['0.5', '1.0', '5.0', 'None']],
  ['warmup_steps', ['0', '500', '1000', '2000', '10000']],
  ['epochs', ['10', '30', '90', '100', '300']],
  ['scheduler', ['cosine', 'step', 'linear', 'onecycle', 'constant']],
  ['min_lr', ['0', '1e-6', '1e-5']],
  ['model', ['resnet18', 'resnet50', 'vit-s16', 'vit-b16', 'convnext-t', 'efficientnet-b0']],
  ['depth', ['12', '18', '24', '34', '50', '101']],
  ['width', ['64', '128', '256', '384', '768']],
  ['activation', ['relu', 'gelu', 'silu']],
  ['norm', ['batch', 'layer', 'group']],
  ['attention_heads', ['4', '6', '8', '12', '16']],
  ['embed_dim', ['192', '384', '768']],
  ['patch_size', ['8', '14', '16', '32']],
  ['stochastic_depth', ['0.0', '0.1', '0.2']],
  ['ema_decay', ['None', '0.999', '0.9999']],
  ['precision', ['fp32', 'bf16', 'fp16-mixed']],
  ['augment', ['none', 'flip', 'randaugment', 'autoaugment', 'trivialaugment']],
  ['mixup_alpha', ['0.0', '0.2', '0.8']],
  ['cutmix_alpha', ['0.0', '1.0']],
  ['randaugment_n', ['1', '2', '3']],
  ['randaugment_m', ['5', '9', '15']],
  ['image_size', ['160', '192', '224', '256', '384']],
  ['crop_pct', ['0.875', '0.9', '0.95', '1.0']],
  ['dataset', ['imagenet-1k', 'cifar100', 'imagenet-v2']],
  ['train_split', ['train', 'train[:90%]']],
  ['val_split', ['validation', 'train[90%:]']],
  ['num_workers', ['4', '8', '16', '32']],
  ['pin_memory', ['True', 'False']],
  ['accumulate_grad', ['1', '2', '4', '8']],
  ['compile', ['True', 'False']],
  ['checkpoint_every', ['1', '5', '10']],
  ['eval_every', ['1', '2', '5']],
  ['log_every', ['10', '50', '100']],
  ['early_stopping', ['True', 'False']],
  ['patience', ['3', '5', '10']],
  ['loss_fn', ['cross_entropy', 'focal', 'bce']],
  ['class_weights', ['None', 'balanced', 'inverse_sqrt']],
  ['pretrained', ['True', 'False']],
  ['freeze_backbone', ['True', 'False']],
  ['seed', ['0', '1', '2', '3', '4', '42', '1234']],
]

/** 30 metrics; loss and val_loss have histories, the rest only their latest value. */
export const SWEEP_20K_METRICS = [
  'loss',
  'val_loss',
  'accuracy',
  'val_accuracy',
  'top5_accuracy',
  'val_top5_accuracy',
  'f1',
  'val_f1',
  'precision',
  'val_precision',
  'recall',
  'val_recall',
  'auc',
  'val_auc',
  'learning_rate',
  'grad_norm',
  'throughput',
  'epoch_time_s',
  'gpu_mem_gb',
  'gpu_util',
  'cpu_util',
  'train_time_s',
  'eval_time_s',
  'params_m',
  'flops_g',
  'best_epoch',
  'best_val_accuracy',
  'calibration_ece',
  'val_nll',
  'test_accuracy',
] as const

const users = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank'] as const
const commits = [
  '4b825dc642cb6eb9a060e54bf8d69288fbee4904',
  'a3f9c1e27d0b5e8f6c4d2b1a09e8f7d6c5b4a392',
  'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391',
  '7d0b5e8f6c4d2b1a09e8f7d6c5b4a392a3f9c1e2',
] as const
const adjectives = [
  'brave',
  'calm',
  'eager',
  'fancy',
  'gentle',
  'jolly',
  'lucky',
  'merry',
  'proud',
  'quiet',
  'rapid',
  'sunny',
] as const
const animals = [
  'otter',
  'falcon',
  'lynx',
  'panda',
  'heron',
  'koala',
  'moose',
  'gecko',
  'bison',
  'raven',
  'trout',
  'yak',
] as const

function dataset(name: string, digest: string, context: string, rows: number): WorldDataset {
  return {
    name,
    digest,
    sourceType: 'local',
    source: JSON.stringify({ uri: `/data/${name}/${context}` }),
    profile: JSON.stringify({ num_rows: rows }),
    context,
  }
}

/** A few dataset combinations, shared between runs (the store never changes them). */
const DATASET_SETS: readonly (readonly WorldDataset[])[] = [
  [
    dataset('imagenet-1k', 'a1b2c3d4', 'train', 1_281_167),
    dataset('imagenet-1k', 'e5f6a7b8', 'eval', 50_000),
  ],
  [dataset('cifar100', '0c1d2e3f', 'train', 50_000), dataset('cifar100', '4a5b6c7d', 'eval', 10_000)],
  [
    dataset('imagenet-1k', 'a1b2c3d4', 'train', 1_281_167),
    dataset('imagenet-v2', '9e8d7c6b', 'eval', 10_000),
  ],
  [dataset('tiny-imagenet', '5f4e3d2c', 'train', 100_000)],
  [],
]

const round = (value: number, digits = 4) => Math.round(value * 10 ** digits) / 10 ** digits

interface RunPlan {
  name: string
  parent?: string
  level: 'study' | 'trial' | 'fold' | 'single'
  index: number
}

/** The runs in creation order: flat runs, with a study (1 + 4 trials + 8 folds) every 800 runs. */
function plans(): RunPlan[] {
  const out: RunPlan[] = []
  let studies = 0
  let flat = 0
  const random = createRandom(20_001)
  while (out.length < SWEEP_20K_RUN_COUNT) {
    const index = out.length
    const room = SWEEP_20K_RUN_COUNT - index
    const blockSize = 1 + TRIALS_PER_STUDY * (1 + FOLDS_PER_TRIAL)
    if (index % 800 === 400 && studies < STUDIES && room > blockSize + RUNNING_TAIL) {
      studies++
      const study = `hpo-${String(studies).padStart(2, '0')}`
      out.push({ name: study, level: 'study', index: out.length })
      for (let trial = 1; trial <= TRIALS_PER_STUDY; trial++) {
        const trialName = `${study}-trial-${trial}`
        out.push({ name: trialName, parent: study, level: 'trial', index: out.length })
        for (let fold = 1; fold <= FOLDS_PER_TRIAL; fold++) {
          out.push({ name: `${trialName}-fold-${fold}`, parent: trialName, level: 'fold', index: out.length })
        }
      }
      continue
    }
    flat++
    out.push({ name: `${pick(random, adjectives)}-${pick(random, animals)}-${flat}`, level: 'single', index })
  }
  return out
}

function statusOf(plan: RunPlan, random: () => number): StoreRun['status'] {
  if (plan.index >= SWEEP_20K_RUN_COUNT - RUNNING_TAIL) return 'RUNNING'
  if (plan.index >= SWEEP_20K_RUN_COUNT - RUNNING_TAIL - 3) return 'SCHEDULED'
  const roll = random()
  if (roll < 0.04) return 'FAILED'
  if (roll < 0.06) return 'KILLED'
  return 'FINISHED'
}

function metricValue(key: (typeof SWEEP_20K_METRICS)[number], quality: number, random: () => number): number {
  const noise = () => (random() - 0.5) * 0.02
  switch (key) {
    case 'accuracy':
    case 'top5_accuracy':
    case 'f1':
    case 'precision':
    case 'recall':
    case 'auc':
      return round(Math.min(1, 0.55 + quality * 0.44 + noise()))
    case 'val_accuracy':
    case 'val_top5_accuracy':
    case 'val_f1':
    case 'val_precision':
    case 'val_recall':
    case 'val_auc':
    case 'best_val_accuracy':
    case 'test_accuracy':
      return round(Math.min(1, 0.5 + quality * 0.42 + noise()))
    case 'learning_rate':
      return round(1e-3 * random(), 8)
    case 'grad_norm':
      return round(0.2 + random() * 5)
    case 'throughput':
      return round(800 + random() * 4000, 1)
    case 'epoch_time_s':
      return round(30 + random() * 600, 2)
    case 'gpu_mem_gb':
      return round(4 + random() * 76, 2)
    case 'gpu_util':
    case 'cpu_util':
      return round(random() * 100, 1)
    case 'train_time_s':
      return round(600 + random() * 86_400, 1)
    case 'eval_time_s':
      return round(10 + random() * 600, 1)
    case 'params_m':
      return round(5 + random() * 300, 1)
    case 'flops_g':
      return round(1 + random() * 60, 2)
    case 'best_epoch':
      return Math.floor(random() * 300)
    case 'calibration_ece':
      return round(0.01 + (1 - quality) * 0.1 + noise())
    case 'val_nll':
      return round(0.3 + (1 - quality) * 1.5 + noise())
    case 'loss':
    case 'val_loss':
      return round(0.1 + (1 - quality))
  }
}

function metricsOf(
  plan: RunPlan,
  status: StoreRun['status'],
  startTime: number,
  quality: number,
  random: () => number,
): Record<string, MetricSource> {
  if (status === 'SCHEDULED' || plan.level === 'study') return {}
  const steps = 20 + Math.floor(random() * 80)
  const lastTime = startTime + steps * MINUTE
  const curve = (key: string, from: number, to: number, nan: boolean): CurveSpec => ({
    seed: `${plan.name}/${key}`,
    steps,
    from,
    to,
    startTime,
    stepMs: MINUTE,
    ...(nan ? { nanSteps: [steps - 1] } : {}),
  })
  // About 1% of runs diverged: their latest val_loss is NaN.
  const diverged = random() < 0.01
  const metrics: Record<string, MetricSource> = {
    loss: curve('loss', 2.3, round(0.1 + (1 - quality) * 0.8), false),
    val_loss: curve('val_loss', 2.4, round(0.2 + (1 - quality) * 0.9), diverged),
  }
  // Failed and killed runs stop before the end-of-training metrics; running runs have not reached them.
  const count = status === 'FINISHED' ? SWEEP_20K_METRICS.length : 12 + Math.floor(random() * 10)
  for (const key of SWEEP_20K_METRICS.slice(2, count)) {
    let value: WorldMetricValue = metricValue(key, quality, random)
    if (key === 'grad_norm' && random() < 0.005) value = random() < 0.5 ? 'NaN' : 'Infinity'
    metrics[key] = [{ step: steps - 1, timestamp: lastTime, value }]
  }
  return metrics
}

function tagsOf(plan: RunPlan, random: () => number, user: string): Record<string, string> {
  const tags: Record<string, string> = {
    'mlflow.user': user,
    'mlflow.source.name': plan.level === 'single' ? 'train.py' : 'hpo.py',
    'mlflow.source.type': pick(random, ['LOCAL', 'JOB']),
    'mlflow.source.git.commit': pick(random, commits),
    'mlflow.source.git.branch': pick(random, ['main', 'main', 'exp/mixup', 'fix/lr-warmup']),
    team: pick(random, ['vision', 'vision', 'research', 'platform']),
    project: pick(random, ['classifier-v3', 'classifier-v4', 'distill']),
    stage: pick(random, ['dev', 'dev', 'staging', 'prod']),
    priority: pick(random, ['low', 'medium', 'high']),
    gpu_type: pick(random, ['A100', 'H100', 'L4', 'V100']),
    cluster: pick(random, ['gpu-east-1', 'gpu-west-2', 'onprem-a']),
    region: pick(random, ['us-east-1', 'us-west-2', 'eu-west-1']),
    framework: 'pytorch',
    framework_version: pick(random, ['2.3.1', '2.4.0', '2.5.1']),
    dataset_version: pick(random, ['v1', 'v2', 'v3']),
    sweep_id: `sweep-${String(Math.floor(plan.index / 1000)).padStart(2, '0')}`,
    'sweep.level': plan.level,
    owner: `${user}@example.com`,
    ticket: `ML-${1000 + Math.floor(plan.index / 50)}`,
  }
  if (random() < 0.02) {
    tags['mlflow.note.content'] =
      `Run ${plan.name}: ${pick(random, ['baseline', 'ablation', 'retry after OOM', 'best so far'])}.`
  } else {
    tags.reviewed = pick(random, ['yes', 'no'])
  }
  return tags
}

/** `trialParams`: each trial's params by name, which its folds repeat. */
function runOf(
  plan: RunPlan,
  random: () => number,
  trialParams: Map<string, Record<string, string>>,
): StoreRun {
  const startTime = EPOCH + plan.index * 2 * MINUTE + Math.floor(random() * 59_000)
  const status = statusOf(plan, random)
  const quality = random()
  const user = pick(random, users)
  const running = status === 'RUNNING' || status === 'SCHEDULED'
  const endTime = running ? undefined : startTime + (5 + Math.floor(random() * 240)) * MINUTE
  let params: Record<string, string>
  if (plan.level === 'study') {
    params = {
      sampler: pick(random, ['tpe', 'random', 'cmaes']),
      n_trials: String(TRIALS_PER_STUDY),
      metric: 'val_accuracy',
      direction: 'maximize',
    }
  } else if (plan.level === 'fold' && plan.parent !== undefined) {
    params = {
      ...(trialParams.get(plan.parent) ?? {}),
      fold: plan.name.slice(plan.name.lastIndexOf('-') + 1),
    }
  } else {
    params = {}
    for (const [key, values] of SWEEP_20K_PARAMS) params[key] = pick(random, values)
    if (plan.level === 'trial') trialParams.set(plan.name, params)
  }
  const tags = tagsOf(plan, random, user)
  if (random() < 0.02 && status === 'FINISHED') {
    tags['mlflow.log-model.history'] = JSON.stringify([
      {
        run_id: '{{run_id}}',
        artifact_path: 'model',
        utc_time_created: '2026-03-01 12:00:00.000000',
        flavors: { pytorch: {} },
      },
    ])
  }
  return {
    name: plan.name,
    parent: plan.parent,
    status,
    startTime,
    endTime,
    deleted: plan.level === 'single' && random() < 0.005,
    params,
    tags,
    metrics: metricsOf(plan, status, startTime, quality, random),
    datasets: plan.level === 'study' ? [] : DATASET_SETS[Math.floor(random() * DATASET_SETS.length)],
  }
}

export function sweep20kRuns(): StoreRun[] {
  const random = createRandom(20_000)
  const trialParams = new Map<string, Record<string, string>>()
  return plans().map((plan) => runOf(plan, random, trialParams))
}

export function sweep20kSource(): ExperimentSource {
  return {
    experiment: {
      name: SWEEP_20K_EXPERIMENT,
      tags: {
        team: 'vision',
        'mlflow.note.content': 'A 20,000-run hyperparameter search: 50 params, 30 metrics, 20 tags per run.',
      },
    },
    runs: sweep20kRuns,
  }
}

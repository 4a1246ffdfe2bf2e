/**
 * The contract world's model registry: what the seed registers on the real server with the MLflow
 * Python client, and the mocks load. Versions come from model directories that MLflow 2's
 * `log_model(artifact_path="model")` leaves in a run's artifacts (`runs:/<run>/model`, files added
 * to those runs here) and from MLflow 3 LoggedModels (`models:/<model id>`).
 */

import { LOGGED_MODELS } from './logged-models'
import type { WorldArtifactFile, WorldRegisteredModel, WorldRun } from './types'

export const CONTRACT_REGISTRY = {
  /** Teams still on stages: three versions, Archived / Staging / Production, no aliases. */
  stages: {
    name: 'mnist-classifier',
    /** Version n came from `runs[n - 1]`. */
    runs: ['mnist-cnn-2', 'mnist-cnn-6', 'mnist-with-datasets'],
  },
  /** Aliases: `champion` on version 2, `challenger` on version 1; stages all None. */
  aliases: {
    name: 'cifar-resnet',
    runs: ['sweep-a-trial-2', 'sweep-b-trial-7'],
  },
  /** Registered from LoggedModels: version 1 from the epoch-5 checkpoint, version 2 from the final model. */
  loggedModels: {
    name: 'iris-classifier',
    models: [LOGGED_MODELS.checkpoint, LOGGED_MODELS.classifier],
  },
  /** A model with a description and tags but no versions. */
  empty: { name: 'fraud-detector' },
  /** Where a run's model directory is. */
  modelPath: 'model',
} as const

const PYTORCH_REQUIREMENTS = ['mlflow==2.19.0', 'torch==2.5.1', 'numpy==1.26.4']

/** Opaque bytes that start like a torch zip archive. */
function weights(seed: number, length: number): string {
  const bytes = [0x50, 0x4b, 0x03, 0x04]
  while (bytes.length < length) bytes.push((bytes.length * 53 + seed * 29) % 256)
  return btoa(String.fromCharCode(...bytes))
}

/** What `mlflow.pytorch.log_model(model, artifact_path="model")` wrote in MLflow 2. */
function pytorchModelFiles(runName: string, seed: number): WorldArtifactFile[] {
  const dir = CONTRACT_REGISTRY.modelPath
  return [
    {
      path: `${dir}/MLmodel`,
      content: {
        text:
          'artifact_path: model\n' +
          'flavors:\n' +
          '  python_function:\n' +
          '    data: data\n' +
          '    env:\n' +
          '      conda: conda.yaml\n' +
          '      virtualenv: python_env.yaml\n' +
          '    loader_module: mlflow.pytorch\n' +
          '    pickle_module_name: mlflow.pytorch.pickle_module\n' +
          '    python_version: 3.11.7\n' +
          '  pytorch:\n' +
          '    code: null\n' +
          '    model_data: data\n' +
          '    pytorch_version: 2.5.1\n' +
          'mlflow_version: 2.19.0\n' +
          `model_size_bytes: ${2048 + seed}\n` +
          `model_uuid: ${runName}-model\n` +
          "utc_time_created: '2026-01-05 09:40:00.000000'\n",
      },
    },
    {
      path: `${dir}/conda.yaml`,
      content: {
        text:
          'channels:\n- conda-forge\ndependencies:\n- python=3.11.7\n- pip<=24.0\n- pip:\n' +
          PYTORCH_REQUIREMENTS.map((line) => `  - ${line}\n`).join('') +
          'name: mlflow-env\n',
      },
    },
    {
      path: `${dir}/python_env.yaml`,
      content: {
        text: 'python: 3.11.7\nbuild_dependencies:\n- pip==24.0\ndependencies:\n- -r requirements.txt\n',
      },
    },
    { path: `${dir}/requirements.txt`, content: { text: `${PYTORCH_REQUIREMENTS.join('\n')}\n` } },
    { path: `${dir}/data/model.pth`, content: { base64: weights(seed, 2048 + seed) } },
    { path: `${dir}/data/pickle_module_info.txt`, content: { text: 'mlflow.pytorch.pickle_module' } },
  ]
}

/** The runs whose model directory is registered, each with its files. */
const REGISTERED_RUNS: readonly string[] = [
  ...CONTRACT_REGISTRY.stages.runs,
  ...CONTRACT_REGISTRY.aliases.runs,
]

/** A run with its model directory added to its artifacts, if a version is registered from it. */
export function withRegisteredModelFiles(run: WorldRun): WorldRun {
  const index = REGISTERED_RUNS.indexOf(run.name)
  if (index === -1) return run
  if (run.artifacts !== undefined) throw new Error(`${run.name} already has artifacts`)
  return { ...run, artifacts: pytorchModelFiles(run.name, index + 1) }
}

const fromRun = (run: string) => ({ run, path: CONTRACT_REGISTRY.modelPath })

export const CONTRACT_REGISTERED_MODELS: readonly WorldRegisteredModel[] = [
  {
    name: CONTRACT_REGISTRY.stages.name,
    description:
      '# MNIST classifier\n\nSmall CNNs trained in **mnist-baseline**. Promoted through stages:\n\n' +
      '- *Staging*: under evaluation\n- *Production*: serving traffic\n',
    tags: { team: 'vision', task: 'classification' },
    versions: [
      {
        source: fromRun('mnist-cnn-2'),
        description: 'First CNN that beat the logistic regression baseline.',
        tags: { framework: 'pytorch' },
      },
      {
        source: fromRun('mnist-cnn-6'),
        tags: { framework: 'pytorch', 'validation status': 'rejected' },
      },
      {
        source: fromRun('mnist-with-datasets'),
        description: 'Trained on the **full** training set.\n\nEvaluated on `mnist/test`.',
        tags: { framework: 'pytorch', 'validation status': 'approved' },
      },
    ],
    transitions: [
      { version: 1, stage: 'Staging' },
      { version: 1, stage: 'Production' },
      { version: 2, stage: 'Staging' },
      { version: 3, stage: 'Production', archiveExistingVersions: true },
    ],
  },
  {
    name: CONTRACT_REGISTRY.aliases.name,
    description: 'ResNets from the **cifar-sweep** experiment. Serve `@champion`.',
    tags: { team: 'vision', framework: 'pytorch', owner: 'bob' },
    versions: [
      {
        source: fromRun('sweep-a-trial-2'),
        description: 'Best trial of sweep A.',
        tags: { sweep: 'a' },
      },
      {
        source: fromRun('sweep-b-trial-7'),
        description: 'Best trial of sweep B: higher accuracy, same latency.',
        tags: { sweep: 'b', latency_ms: '12' },
      },
    ],
    aliases: { champion: 2, challenger: 1 },
  },
  {
    name: CONTRACT_REGISTRY.loggedModels.name,
    description: 'Iris species from sepal and petal sizes (scikit-learn, logged with MLflow 3).',
    tags: { team: 'tabular' },
    versions: [
      {
        source: { loggedModel: LOGGED_MODELS.checkpoint },
        description: 'Checkpoint after 5 epochs.',
      },
      {
        source: { loggedModel: LOGGED_MODELS.classifier },
        tags: { 'validation status': 'approved' },
      },
    ],
    aliases: { champion: 2 },
  },
  {
    name: CONTRACT_REGISTRY.empty.name,
    description: 'Reserved for the fraud team: **no versions yet**.',
    tags: { team: 'risk' },
    versions: [],
  },
]

/**
 * MLflow 3 LoggedModels of the contract world: what `mlflow.sklearn.log_model(name=...)` leaves
 * behind (an `MLmodel` with a signature and the python_function and sklearn flavors, the environment
 * files, the input examples and the pickled model), made without sklearn. The seed creates them with
 * `create_logged_model`, `log_model_artifacts` and `finalize_logged_model` and links them to their
 * run with `log_outputs`; the mocks serve the same files.
 */

import { ARTIFACT_COMPARE, ARTIFACT_ZOO } from './artifacts'
import type { WorldArtifactFile, WorldLoggedModel } from './types'

export const LOGGED_MODELS = {
  experiment: ARTIFACT_ZOO.experiment,
  /** The run that trained them (no run artifacts of its own: its files are the models'). */
  trainRun: 'artifact-zoo-train',
  /** READY, every file `log_model` writes, output of the train run at step 0. */
  classifier: 'zoo-classifier',
  /**
   * READY, a checkpoint with fewer files, output at step 5 of run B of the zoo's siblings. (One
   * output per run: the real server lists a run's outputs in no set order.)
   */
  checkpoint: 'zoo-classifier-epoch-5',
  /** UPLOAD_FAILED, no files, not an output of any run (its source run crashed). */
  failed: 'zoo-classifier-failed',
  files: {
    mlmodel: 'MLmodel',
    conda: 'conda.yaml',
    pythonEnv: 'python_env.yaml',
    requirements: 'requirements.txt',
    inputExample: 'input_example.json',
    servingInputExample: 'serving_input_example.json',
    pickle: 'model.pkl',
  },
} as const

const COLUMNS = ['sepal length (cm)', 'sepal width (cm)', 'petal length (cm)', 'petal width (cm)']
const ROWS = [
  [5.1, 3.5, 1.4, 0.2],
  [6.2, 2.9, 4.3, 1.3],
  [7.7, 3.0, 6.1, 2.3],
]

const REQUIREMENTS = [
  'mlflow==3.17.2',
  'cloudpickle==3.1.0',
  'numpy==2.1.3',
  'scikit-learn==1.5.2',
  'scipy==1.14.1',
]

/** Opaque bytes that start like a pickle (protocol 5) and end with its STOP opcode. */
function pickleBytes(seed: number, length: number): string {
  const bytes = [0x80, 0x05, 0x95]
  while (bytes.length < length - 1) bytes.push((bytes.length * 37 + seed * 101) % 256)
  bytes.push(0x2e)
  return btoa(String.fromCharCode(...bytes))
}

function mlmodel(pickleSize: number): string {
  // Python's json.dumps, as MLflow writes the schema: ", " and ": " separators.
  const inputs = `[${COLUMNS.map((name) => `{"type": "double", "name": "${name}", "required": true}`).join(', ')}]`
  return (
    'artifact_path: model\n' +
    'flavors:\n' +
    '  python_function:\n' +
    '    env:\n' +
    '      conda: conda.yaml\n' +
    '      virtualenv: python_env.yaml\n' +
    '    loader_module: mlflow.sklearn\n' +
    '    model_path: model.pkl\n' +
    '    predict_fn: predict\n' +
    '    python_version: 3.11.7\n' +
    '  sklearn:\n' +
    '    code: null\n' +
    '    pickled_model: model.pkl\n' +
    '    serialization_format: cloudpickle\n' +
    '    sklearn_version: 1.5.2\n' +
    'is_signature_from_type_hint: false\n' +
    'mlflow_version: 3.17.2\n' +
    'model_id: {{model_id}}\n' +
    `model_size_bytes: ${pickleSize}\n` +
    'model_uuid: {{model_id}}\n' +
    'prompts: null\n' +
    'run_id: {{run_id}}\n' +
    'saved_input_example_info:\n' +
    '  artifact_path: input_example.json\n' +
    '  pandas_orient: split\n' +
    '  serving_input_path: serving_input_example.json\n' +
    '  type: dataframe\n' +
    'signature:\n' +
    `  inputs: '${inputs}'\n` +
    '  outputs: \'[{"type": "tensor", "tensor-spec": {"dtype": "int64", "shape": [-1]}}]\'\n' +
    '  params: null\n' +
    'type_hint_from_example: false\n' +
    "utc_time_created: '2026-01-05 13:00:00.000000'\n"
  )
}

const F = LOGGED_MODELS.files

function modelFiles(pickleSize: number, seed: number, full: boolean): WorldArtifactFile[] {
  const files: WorldArtifactFile[] = [
    { path: F.mlmodel, content: { text: mlmodel(pickleSize) } },
    { path: F.pickle, content: { base64: pickleBytes(seed, pickleSize) } },
    { path: F.requirements, content: { text: `${REQUIREMENTS.join('\n')}\n` } },
  ]
  if (!full) return files
  return [
    ...files,
    {
      path: F.conda,
      content: {
        text:
          'channels:\n- conda-forge\ndependencies:\n- python=3.11.7\n- pip<=24.0\n- pip:\n' +
          REQUIREMENTS.map((line) => `  - ${line}\n`).join('') +
          'name: mlflow-env\n',
      },
    },
    {
      path: F.pythonEnv,
      content: {
        text: 'python: 3.11.7\nbuild_dependencies:\n- pip==24.0\n- setuptools\n- wheel\ndependencies:\n- -r requirements.txt\n',
      },
    },
    { path: F.inputExample, content: { text: JSON.stringify({ columns: COLUMNS, data: ROWS }) } },
    {
      path: F.servingInputExample,
      content: {
        text: `${JSON.stringify({ dataframe_split: { columns: COLUMNS, data: ROWS } }, null, 2)}\n`,
      },
    },
  ]
}

const SOURCE_TAGS = {
  'mlflow.source.git.commit': '9c1e2d7a4b5f60718293a4b5c6d7e8f901234567',
  'mlflow.source.name': 'train.py',
  'mlflow.source.type': 'LOCAL',
  'mlflow.user': 'alice',
}

export const CONTRACT_LOGGED_MODELS: readonly WorldLoggedModel[] = [
  {
    name: LOGGED_MODELS.classifier,
    experiment: LOGGED_MODELS.experiment,
    sourceRun: LOGGED_MODELS.trainRun,
    outputStep: 0,
    modelType: 'classifier',
    status: 'LOGGED_MODEL_READY',
    params: { C: '1.0', max_iter: '200', solver: 'lbfgs' },
    tags: { ...SOURCE_TAGS, stage: 'candidate' },
    artifacts: modelFiles(1024, 1, true),
    metrics: [
      {
        key: 'eval_accuracy',
        value: 0.9,
        step: 0,
        timestamp: 1767618005000,
        datasetName: 'iris-val',
        datasetDigest: 'a1b2c3d4',
      },
      {
        key: 'eval_accuracy',
        value: 0.9333,
        step: 1,
        timestamp: 1767618006000,
        datasetName: 'iris-val',
        datasetDigest: 'a1b2c3d4',
      },
      {
        key: 'eval_accuracy',
        value: 0.95,
        step: 1,
        timestamp: 1767618007000,
        datasetName: 'iris-test',
        datasetDigest: 'e5f6a7b8',
      },
      { key: 'eval_f1', value: 0.9312, step: 1, timestamp: 1767618006000 },
    ],
  },
  {
    name: LOGGED_MODELS.checkpoint,
    experiment: LOGGED_MODELS.experiment,
    sourceRun: ARTIFACT_COMPARE.runB,
    outputStep: 5,
    status: 'LOGGED_MODEL_READY',
    params: { C: '1.0', max_iter: '100' },
    tags: SOURCE_TAGS,
    artifacts: modelFiles(512, 2, false),
    metrics: [
      {
        key: 'eval_accuracy',
        value: 0.9,
        step: 5,
        timestamp: 1767618010000,
        datasetName: 'iris-val',
        datasetDigest: 'a1b2c3d4',
      },
    ],
  },
  {
    name: LOGGED_MODELS.failed,
    experiment: LOGGED_MODELS.experiment,
    sourceRun: ARTIFACT_COMPARE.runC,
    modelType: 'classifier',
    status: 'LOGGED_MODEL_UPLOAD_FAILED',
    params: {},
    tags: {},
  },
]

import { describe, expect, it } from 'vitest'
import { parseMlmodel, pythonVersionOf } from './mlmodel'

/** As MLflow 3.1 writes it for `mlflow.sklearn.log_model(clf, name="model", input_example=X)`. */
const SKLEARN_MLMODEL = `artifact_path: model
flavors:
  python_function:
    env:
      conda: conda.yaml
      virtualenv: python_env.yaml
    loader_module: mlflow.sklearn
    model_path: model.pkl
    predict_fn: predict
    python_version: 3.10
  sklearn:
    code: null
    pickled_model: model.pkl
    serialization_format: cloudpickle
    sklearn_version: 1.5.2
is_signature_from_type_hint: false
mlflow_version: 3.1.0
model_id: m-4f2b8c1e0d9a4b6f8e7d6c5b4a392817
model_size_bytes: 5163
model_uuid: m-4f2b8c1e0d9a4b6f8e7d6c5b4a392817
prompts: null
run_id: 9e3c2a1b0f8d4e6a9b7c5d3e1f2a4b6c
saved_input_example_info:
  artifact_path: input_example.json
  serving_input_path: serving_input_example.json
  type: dataframe
  pandas_orient: split
signature:
  inputs: '[{"type": "double", "name": "sepal length (cm)", "required": true}, {"type":
    "double", "name": "sepal width (cm)", "required": true}, {"type": "string", "name":
    "note", "required": false}]'
  outputs: '[{"type": "long", "required": true}]'
  params: '[{"name": "threshold", "type": "double", "default": 0.5, "shape": null}]'
type_hint_from_example: false
utc_time_created: '2025-06-10 12:34:56.789012'
`

describe('parseMlmodel', () => {
  it('reads an MLflow 3 sklearn model', () => {
    const result = parseMlmodel(SKLEARN_MLMODEL)
    if (!result.ok) throw new Error(result.error)
    const { model } = result
    expect(model.flavors.map((f) => f.name)).toEqual(['python_function', 'sklearn'])
    expect(model.flavors[0]?.details).toEqual({
      'env.conda': 'conda.yaml',
      'env.virtualenv': 'python_env.yaml',
      loader_module: 'mlflow.sklearn',
      model_path: 'model.pkl',
      predict_fn: 'predict',
      python_version: '3.10',
    })
    expect(model.flavors[1]?.details).toEqual({
      pickled_model: 'model.pkl',
      serialization_format: 'cloudpickle',
      sklearn_version: '1.5.2',
    })
    expect(model).toMatchObject({
      artifactPath: 'model',
      mlflowVersion: '3.1.0',
      modelId: 'm-4f2b8c1e0d9a4b6f8e7d6c5b4a392817',
      modelSize: 5163,
      runId: '9e3c2a1b0f8d4e6a9b7c5d3e1f2a4b6c',
      utcTimeCreated: '2025-06-10 12:34:56.789012',
      warnings: [],
    })
    expect(model.signature).toEqual({
      inputs: [
        { name: 'sepal length (cm)', type: 'double', required: true },
        { name: 'sepal width (cm)', type: 'double', required: true },
        { name: 'note', type: 'string', required: false },
      ],
      outputs: [{ type: 'long', required: true }],
      params: [{ name: 'threshold', type: 'double', default: '0.5' }],
    })
  })

  it('reads tensor specs and nested types', () => {
    const result = parseMlmodel(`flavors:
  pytorch: {pytorch_version: 2.3.0}
signature:
  inputs: '[{"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 28, 28]}}]'
  outputs: '[{"type": "array", "items": {"type": "string"}, "name": "tokens", "required": true}]'
  params: null
`)
    if (!result.ok) throw new Error(result.error)
    expect(result.model.signature).toEqual({
      inputs: [{ type: 'tensor<float32>', required: true, shape: [-1, 28, 28] }],
      outputs: [{ name: 'tokens', type: 'array<string>', required: true }],
    })
  })

  it('keeps the model and warns when the signature is not JSON', () => {
    const result = parseMlmodel(`flavors:\n  sklearn: {}\nsignature:\n  inputs: 'not json'\n`)
    if (!result.ok) throw new Error(result.error)
    expect(result.model.signature?.inputs).toEqual([])
    expect(result.model.warnings).toEqual(["The signature's inputs are not a JSON list."])
  })

  it.each([
    ['not YAML', 'flavors: [unclosed', /Not valid YAML/],
    ['a list', '- a\n- b', /not a YAML mapping/],
    ['no flavors', 'run_id: abc', /no "flavors"/],
    ['empty', '', /not a YAML mapping/],
  ])('reports %s without throwing', (_name, text, message) => {
    const result = parseMlmodel(text)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error).toMatch(message)
  })
})

describe('pythonVersionOf', () => {
  it('reads the version from python_env.yaml and conda.yaml, and nothing from other text', () => {
    expect(pythonVersionOf('python: 3.11.9\nbuild_dependencies:\n- pip==24.0\n')).toBe('3.11.9')
    expect(pythonVersionOf("python: '3.10'\n")).toBe('3.10')
    expect(pythonVersionOf('channels:\n- conda-forge\ndependencies:\n- python=3.11.9\n- pip<=24.0\n')).toBe(
      '3.11.9',
    )
    expect(pythonVersionOf('dependencies:\n- pip\n')).toBeUndefined()
  })
})

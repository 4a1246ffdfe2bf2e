import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { MlmodelPreview } from './mlmodel-preview'

const MLMODEL = `artifact_path: model
flavors:
  python_function:
    env:
      conda: conda.yaml
      virtualenv: python_env.yaml
    loader_module: mlflow.sklearn
    model_path: model.pkl
    predict_fn: predict
    python_version: 3.11.9
  sklearn:
    code: null
    pickled_model: model.pkl
    serialization_format: cloudpickle
    sklearn_version: 1.5.2
mlflow_version: 3.1.0
model_size_bytes: 5163
model_uuid: 0a1b2c3d4e5f46a7b8c9d0e1f2a3b4c5
run_id: 9e3c2a1b0f8d4e6a9b7c5d3e1f2a4b6c
signature:
  inputs: '[{"type": "double", "name": "sepal length (cm)", "required": true}, {"type":
    "string", "name": "note", "required": false}]'
  outputs: '[{"type": "long", "required": true}]'
  params: null
utc_time_created: '2025-06-10 12:34:56.789012'
`

const SNIPPET =
  'import mlflow\nmodel = mlflow.pyfunc.load_model("runs:/9e3c2a1b0f8d4e6a9b7c5d3e1f2a4b6c/model")'

describe('MlmodelPreview', () => {
  it('shows flavors, the signature as two tables and a snippet that copies', async () => {
    const user = userEvent.setup()
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined)
    render(<MlmodelPreview text={MLMODEL} />)

    const flavors = screen.getByRole('region', { name: 'Flavors' })
    expect(within(flavors).getByText('python_function')).toBeTruthy()
    expect(within(flavors).getByText('mlflow.sklearn')).toBeTruthy()
    expect(within(flavors).getByText('3.11.9')).toBeTruthy()
    expect(within(flavors).getByText('1.5.2')).toBeTruthy()
    expect(within(flavors).getByText('cloudpickle')).toBeTruthy()

    const inputs = screen.getByRole('table', { name: 'Inputs' })
    expect(
      within(inputs)
        .getAllByRole('row')
        .slice(1)
        .map((row) =>
          within(row)
            .getAllByRole('cell')
            .map((c) => c.textContent),
        ),
    ).toEqual([
      ['sepal length (cm)', 'double', 'yes'],
      ['note', 'string', 'no'],
    ])
    const outputs = screen.getByRole('table', { name: 'Outputs' })
    expect(within(outputs).getByText('long')).toBeTruthy()

    expect(screen.getByText(/load_model/).textContent).toBe(SNIPPET)
    await user.click(screen.getByRole('button', { name: 'Copy' }))
    expect(writeText).toHaveBeenCalledWith(SNIPPET)
    expect(await screen.findByText('Copied')).toBeTruthy()
  })

  it('uses the given model URI', () => {
    render(<MlmodelPreview text={MLMODEL} modelUri="models:/iris/3" />)
    expect(screen.getByText(/load_model/).textContent).toContain('load_model("models:/iris/3")')
  })

  it('shows the raw text and a message for a malformed file', () => {
    const text = 'flavors: [unclosed\n  : :'
    render(<MlmodelPreview text={text} />)
    expect(screen.getByRole('status').textContent).toMatch(/Could not read this MLmodel file/)
    expect(
      screen.getByText((_content, element) => element?.tagName === 'PRE' && element.textContent === text),
    ).toBeTruthy()
  })
})

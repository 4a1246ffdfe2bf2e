import { describe, expect, it } from 'vitest'
import { datasetLocation, parseDatasetProfile, parseDatasetSchema } from './run-datasets'

describe('dataset schema', () => {
  it('reads MLflow’s column spec', () => {
    const text =
      '{"mlflow_colspec": [{"type": "double", "name": "sepal length (cm)", "required": true}, {"type": "long", "name": "label"}]}'
    expect(parseDatasetSchema(text)).toEqual([
      { name: 'sepal length (cm)', type: 'double', required: true },
      { name: 'label', type: 'long', required: undefined },
    ])
  })

  it('reads a tensor spec, whose feature and target lists are JSON text', () => {
    const features = JSON.stringify([{ type: 'tensor', 'tensor-spec': { dtype: 'float64', shape: [-1, 4] } }])
    const targets = JSON.stringify([{ type: 'tensor', 'tensor-spec': { dtype: 'int64', shape: [-1] } }])
    const text = JSON.stringify({ mlflow_tensorspec: { features, targets } })
    expect(parseDatasetSchema(text)).toEqual([
      { name: undefined, type: 'tensor float64 (-1, 4)', required: undefined },
      { name: '(target)', type: 'tensor int64 (-1)', required: undefined },
    ])
  })

  it('gives up on anything else, without throwing', () => {
    expect(parseDatasetSchema(undefined)).toBeUndefined()
    expect(parseDatasetSchema('')).toBeUndefined()
    expect(parseDatasetSchema('{not json')).toBeUndefined()
    expect(parseDatasetSchema('{"mlflow_colspec": "x"}')).toBeUndefined()
    expect(parseDatasetSchema('{"mlflow_colspec": [42]}')).toBeUndefined()
    expect(parseDatasetSchema('{"other": []}')).toBeUndefined()
  })
})

describe('dataset profile and source', () => {
  it('reads row and element counts', () => {
    expect(parseDatasetProfile('{"num_rows": 150, "num_elements": 600}')).toEqual({
      numRows: 150,
      numElements: 600,
    })
    expect(parseDatasetProfile('{"num_rows": 60000}')).toEqual({ numRows: 60000, numElements: undefined })
    expect(parseDatasetProfile('{"other": 1}')).toBeUndefined()
    expect(parseDatasetProfile('nope')).toBeUndefined()
  })

  it('finds where the data was read from', () => {
    expect(datasetLocation('{"uri": "/data/mnist/train"}')).toBe('/data/mnist/train')
    expect(datasetLocation('{"url": "https://x/y.csv"}')).toBe('https://x/y.csv')
    expect(datasetLocation('{"tags": {}}')).toBeUndefined()
    expect(datasetLocation(undefined)).toBeUndefined()
  })
})

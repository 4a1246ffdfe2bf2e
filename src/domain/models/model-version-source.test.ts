import { describe, expect, it } from 'vitest'
import { parseVersionSource, pathInsideRun, resolveVersionFiles } from './model-version-source'

const RUN = '0123456789abcdef0123456789abcdef'
const MODEL = 'm-0123456789abcdef0123456789abcdef'

function parse(source: string | undefined, runId?: string, modelId?: string) {
  return parseVersionSource({ source, runId, modelId })
}

describe('parseVersionSource', () => {
  it('reads a LoggedModel from the model id, or from a models:/m-… source', () => {
    expect(parse('anything', RUN, MODEL)).toEqual({ kind: 'logged-model', modelId: MODEL })
    expect(parse(`models:/${MODEL}`, RUN)).toEqual({ kind: 'logged-model', modelId: MODEL })
  })

  it('reads a runs:/ source as a directory of that run, the path cleaned', () => {
    expect(parse(`runs:/${RUN}/model`)).toEqual({ kind: 'run', runId: RUN, path: 'model' })
    expect(parse(`runs:/${RUN}/models//clf/`)).toEqual({ kind: 'run', runId: RUN, path: 'models/clf' })
    expect(parse(`runs:/${RUN}`)).toEqual({ kind: 'run', runId: RUN, path: '' })
    expect(parse('runs:///model')).toEqual({ kind: 'unknown', source: 'runs:///model' })
  })

  it('reads a copy of another registered version', () => {
    expect(parse('models:/fraud%20model/3')).toEqual({
      kind: 'model-version',
      name: 'fraud model',
      version: '3',
    })
  })

  it('keeps other URIs to compare with the run, and gives up on what is not a location', () => {
    expect(parse(`mlflow-artifacts:/1/${RUN}/artifacts/model`, RUN)).toEqual({
      kind: 'uri',
      uri: `mlflow-artifacts:/1/${RUN}/artifacts/model`,
      runId: RUN,
    })
    expect(parse('s3://bucket/model', '')).toEqual({
      kind: 'uri',
      uri: 's3://bucket/model',
      runId: undefined,
    })
    expect(parse('REDACTED-SOURCE-PATH', 'REDACTED-RUN-ID')).toEqual({
      kind: 'unknown',
      source: 'REDACTED-SOURCE-PATH',
    })
    expect(parse(undefined)).toEqual({ kind: 'unknown', source: undefined })
  })
})

describe('pathInsideRun', () => {
  it.each([
    [`mlflow-artifacts:/1/${RUN}/artifacts/model`, `mlflow-artifacts:/1/${RUN}/artifacts`, 'model'],
    // The proxy's host in one and not the other is the same location.
    [`mlflow-artifacts://host:5000/1/${RUN}/artifacts/a/b`, `mlflow-artifacts:/1/${RUN}/artifacts/`, 'a/b'],
    [`file:///tmp/mlruns/1/${RUN}/artifacts/model`, `/tmp/mlruns/1/${RUN}/artifacts`, 'model'],
    [`/tmp/mlruns/1/${RUN}/artifacts/model/`, `file:///tmp/mlruns/1/${RUN}/artifacts`, 'model'],
    [`s3://bucket/1/${RUN}/artifacts/clf`, `s3://bucket/1/${RUN}/artifacts`, 'clf'],
    [`s3://bucket/1/${RUN}/artifacts`, `s3://bucket/1/${RUN}/artifacts`, ''],
  ])('%s inside %s is %j', (uri, root, expected) => {
    expect(pathInsideRun(uri, root)).toBe(expected)
  })

  it.each([
    [`mlflow-artifacts:/1/${RUN}/artifacts-old/model`, `mlflow-artifacts:/1/${RUN}/artifacts`],
    [`s3://other/1/${RUN}/artifacts/model`, `s3://bucket/1/${RUN}/artifacts`],
    [`file:///tmp/mlruns/1/${RUN}/artifacts/model`, `mlflow-artifacts:/1/${RUN}/artifacts`],
  ])('%s is not inside %s', (uri, root) => {
    expect(pathInsideRun(uri, root)).toBeUndefined()
  })
})

describe('resolveVersionFiles', () => {
  it('turns a URI inside the run into a run directory, and leaves one outside as it is', () => {
    const inside = parse(`mlflow-artifacts:/1/${RUN}/artifacts/model`, RUN)
    expect(resolveVersionFiles(inside, `mlflow-artifacts:/1/${RUN}/artifacts`)).toEqual({
      kind: 'run',
      runId: RUN,
      path: 'model',
    })
    expect(resolveVersionFiles(inside, `mlflow-artifacts:/2/other/artifacts`)).toEqual(inside)
    expect(resolveVersionFiles(inside, undefined)).toEqual(inside)
    const runs = parse(`runs:/${RUN}/model`)
    expect(resolveVersionFiles(runs, 'anything')).toEqual(runs)
  })
})

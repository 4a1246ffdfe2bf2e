import { describe, expect, it } from 'vitest'
import { pathFromMlflowHash, paths, workspaceBasePath, workspaceFromPath } from './paths'

describe('pathFromMlflowHash', () => {
  it.each([
    ['#/experiments', '/experiments'],
    ['#/experiments/3', '/experiments/3'],
    ['#/experiments/3/runs', '/experiments/3'],
    ['#/experiments/3/runs/abc', '/experiments/3/runs/abc'],
    ['#/experiments/3/runs/abc/artifacts', '/experiments/3/runs/abc/artifacts'],
    ['#/experiments/3/runs/abc/model-metrics', '/experiments/3/runs/abc/metrics'],
    ['#/runs/abc', '/runs/abc'],
    ['#/compare-runs?runs=["a","b"]&experiments=["1"]', '/compare?runs=a,b'],
    ['#/models', '/models'],
    ['#/models/my%20model/versions/4', '/models/my%20model/versions/4'],
  ])('%s goes to %s', (hash, path) => {
    expect(pathFromMlflowHash(hash)).toBe(path)
  })

  it('ignores hashes that are not MLflow routes', () => {
    expect(pathFromMlflowHash('')).toBeUndefined()
    expect(pathFromMlflowHash('#section-2')).toBeUndefined()
  })
})

describe('paths', () => {
  it('encodes names that are not URL-safe', () => {
    expect(paths.model('a/b c')).toBe('/models/a%2Fb%20c')
    expect(paths.run('1', 'r', 'overview')).toBe('/experiments/1/runs/r')
  })
})

describe('workspace prefix', () => {
  it('reads the workspace after the base path and builds the base back', () => {
    expect(workspaceFromPath('/mlflow/w/team%20a/experiments/3', '/mlflow/')).toBe('team a')
    expect(workspaceFromPath('/w/team-a', '/')).toBe('team-a')
    expect(workspaceFromPath('/experiments/w/x', '/')).toBeUndefined()
    expect(workspaceFromPath('/other/w/x/', '/mlflow/')).toBeUndefined()
    expect(workspaceBasePath('/mlflow/', 'team a')).toBe('/mlflow/w/team%20a/')
    expect(workspaceBasePath('/', undefined)).toBe('/')
  })
})

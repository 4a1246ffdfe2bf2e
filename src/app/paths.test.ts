import { describe, expect, it } from 'vitest'
import { pathFromMlflowHash, paths, workspaceBasePath, workspaceFromPath } from './paths'

describe('pathFromMlflowHash', () => {
  it.each([
    ['#/experiments', '/experiments'],
    ['#/experiments/3', '/experiments/3'],
    ['#/experiments/3/runs', '/experiments/3'],
    ['#/experiments/3/runs/abc', '/experiments/3/runs/abc'],
    ['#/experiments/3/runs/abc/artifacts', '/experiments/3/runs/abc/artifacts'],
    ['#/experiments/3/runs/abc/artifacts/model/MLmodel', '/experiments/3/runs/abc/artifacts/model/MLmodel'],
    ['#/experiments/3/runs/abc/artifacts/a%20b/c.png', '/experiments/3/runs/abc/artifacts/a%20b/c.png'],
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

  it('joins several experiments with literal commas, and one is the plain experiment path', () => {
    expect(paths.experimentsRuns(['1', '2', '3'])).toBe('/experiments/1,2,3')
    expect(paths.experimentsRuns(['3'])).toBe(paths.experiment('3'))
    expect(paths.experimentsRuns(['a/b', 'c'])).toBe('/experiments/a%2Fb,c')
    // A single id is one segment, so its comma is escaped.
    expect(paths.experiment('1,2')).toBe('/experiments/1%2C2')
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

describe('paths.runArtifact', () => {
  it('keeps the slashes of the artifact path and encodes each segment', () => {
    expect(paths.runArtifact('1', 'r', 'plots/roc curve#1.png', false)).toBe(
      '/experiments/1/runs/r/artifacts/plots/roc%20curve%231.png',
    )
    expect(paths.runArtifact('1', 'r', 'plots/', true)).toBe('/experiments/1/runs/r/artifacts/plots/')
    expect(paths.runArtifact('1', 'r', '', true)).toBe('/experiments/1/runs/r/artifacts')
  })
})

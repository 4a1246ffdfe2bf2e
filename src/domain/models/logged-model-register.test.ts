import { describe, expect, it } from 'vitest'
import {
  registeredModelNameFilter,
  registeredModelNameProblem,
  versionSourceOf,
} from './logged-model-register'

describe('versionSourceOf', () => {
  it('registers a logged model by its models:/ URI, with its id and source run', () => {
    expect(versionSourceOf({ kind: 'logged-model', modelId: 'm-abc', sourceRunId: 'r1' })).toEqual({
      source: 'models:/m-abc',
      runId: 'r1',
      modelId: 'm-abc',
    })
  })

  it('registers a run’s model directory by its runs:/ URI, slashes trimmed', () => {
    expect(versionSourceOf({ kind: 'run-artifact', runId: 'r1', artifactPath: '/model/' })).toEqual({
      source: 'runs:/r1/model',
      runId: 'r1',
      modelId: undefined,
    })
  })
})

describe('registered model names', () => {
  it.each([
    ['', 'Enter a model name.'],
    ['  ', 'Enter a model name.'],
    ['a/b', 'A model name cannot contain “/” or “:”.'],
    ['a:b', 'A model name cannot contain “/” or “:”.'],
    ['iris classifier', undefined],
  ])('%j → %j', (name, problem) => {
    expect(registeredModelNameProblem(name)).toBe(problem)
  })

  it.each([
    ['', undefined],
    ['iris', "name ILIKE '%iris%'"],
    ["bob's", "name ILIKE '%bob_s%'"],
  ])('suggestions for %j filter by %j', (text, filter) => {
    expect(registeredModelNameFilter(text)).toBe(filter)
  })
})

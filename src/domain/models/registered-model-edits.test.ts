import { describe, expect, it } from 'vitest'
import {
  aliasProblem,
  applyModelEdit,
  applyVersionsEdit,
  modelTagValueProblem,
  revertModelEdit,
  revertVersionsEdit,
  type RegisteredModelEdit,
} from './registered-model-edits'
import type { ModelVersion, RegisteredModel } from './registry'

const version = (number: string): ModelVersion => ({
  name: 'cifar',
  version: number,
  creationTimestamp: undefined,
  lastUpdatedTimestamp: undefined,
  userId: undefined,
  currentStage: 'None',
  description: undefined,
  source: undefined,
  runId: undefined,
  status: 'READY',
  statusMessage: undefined,
  tags: {},
  aliases: [],
  runLink: undefined,
  modelId: undefined,
})

const model: RegisteredModel = {
  name: 'cifar',
  creationTimestamp: 1,
  lastUpdatedTimestamp: 2,
  description: 'ResNet family',
  latestVersions: [version('3')],
  tags: { team: 'cv' },
  aliases: { champion: '3', stable: '2' },
}

describe('registered model edits', () => {
  it('show each edit as the server will have it', () => {
    expect(applyModelEdit(model, { kind: 'describe', description: '' }).description).toBeUndefined()
    expect(applyModelEdit(model, { kind: 'set-tag', key: 'task', value: 'x' }).tags).toEqual({
      team: 'cv',
      task: 'x',
    })
    expect(applyModelEdit(model, { kind: 'delete-tag', key: 'team' }).tags).toEqual({})
    // Setting an alias another version has moves it.
    expect(applyModelEdit(model, { kind: 'set-alias', alias: 'stable', version: '3' }).aliases).toEqual({
      champion: '3',
      stable: '3',
    })
    expect(applyModelEdit(model, { kind: 'delete-alias', alias: 'champion' }).aliases).toEqual({
      stable: '2',
    })
    const withoutThree = applyModelEdit(model, { kind: 'delete-version', version: '3' })
    expect(withoutThree.aliases).toEqual({ stable: '2' })
    expect(withoutThree.latestVersions).toEqual([])
    expect(
      applyVersionsEdit([version('3'), version('2')], { kind: 'delete-version', version: '3' }).map(
        (v) => v.version,
      ),
    ).toEqual(['2'])
  })

  it.each<RegisteredModelEdit>([
    { kind: 'describe', description: 'new' },
    { kind: 'set-tag', key: 'team', value: 'nlp' },
    { kind: 'delete-tag', key: 'team' },
    { kind: 'set-alias', alias: 'stable', version: '3' },
    { kind: 'delete-alias', alias: 'champion' },
    { kind: 'delete-version', version: '3' },
  ])('undo a refused %j exactly', (edit) => {
    expect(revertModelEdit(applyModelEdit(model, edit), model, edit)).toEqual(model)
    const versions = [version('3'), version('2'), version('1')]
    expect(revertVersionsEdit(applyVersionsEdit(versions, edit), versions, edit)).toEqual(versions)
  })

  it('keep a later edit to the same field when an earlier one fails', () => {
    const first: RegisteredModelEdit = { kind: 'set-alias', alias: 'stable', version: '3' }
    const second: RegisteredModelEdit = { kind: 'set-alias', alias: 'stable', version: '1' }
    const afterBoth = applyModelEdit(applyModelEdit(model, first), second)
    expect(revertModelEdit(afterBoth, model, first).aliases.stable).toBe('1')
    const described = applyModelEdit(applyModelEdit(model, { kind: 'describe', description: 'a' }), {
      kind: 'set-tag',
      key: 'k',
      value: 'v',
    })
    expect(revertModelEdit(described, model, { kind: 'describe', description: 'a' })).toEqual({
      ...model,
      tags: { team: 'cv', k: 'v' },
    })
  })
})

describe('alias and tag rules', () => {
  it.each([
    ['champion', undefined],
    ['prod-2024_a', undefined],
    ['', 'Enter an alias.'],
    ['bad alias', 'An alias may only contain letters, digits, underscores (_) and dashes (-).'],
    ['Latest', '“latest” is reserved: MLflow resolves it to the newest version.'],
    ['v12', '“v12” is reserved: MLflow reads it as a version number.'],
    ['V1', '“V1” is reserved: MLflow reads it as a version number.'],
    ['a'.repeat(256), 'An alias has at most 255 characters.'],
  ])('judge alias %j as the server does', (alias, problem) => {
    expect(aliasProblem(alias)).toBe(problem)
  })

  it('allow tag values up to 100,000 characters', () => {
    expect(modelTagValueProblem('x'.repeat(100_000))).toBeUndefined()
    expect(modelTagValueProblem('x'.repeat(100_001))).toMatch(/at most 100,000/)
  })
})

import { describe, expect, it } from 'vitest'
import {
  aliasMovesFrom,
  aliasProblem,
  applyAliasEdit,
  applyVersionEdit,
  canArchiveExisting,
  revertVersionEdit,
  versionTagKeyProblem,
  versionTagValueProblem,
  type ModelVersionEdit,
} from './model-version-edits'
import type { ModelVersion } from './registry'

const version: ModelVersion = {
  name: 'fraud',
  version: '2',
  creationTimestamp: 1,
  lastUpdatedTimestamp: 2,
  userId: undefined,
  currentStage: 'Staging',
  description: 'first',
  source: 'runs:/abc/model',
  runId: 'abc',
  status: 'READY',
  statusMessage: undefined,
  tags: { team: 'risk' },
  aliases: ['champion'],
  runLink: undefined,
  modelId: undefined,
}

describe('applyVersionEdit', () => {
  it('changes what each edit changes, and nothing else', () => {
    expect(applyVersionEdit(version, { kind: 'description', description: 'new' }).description).toBe('new')
    expect(applyVersionEdit(version, { kind: 'set-tag', key: 'owner', value: 'me' }).tags).toEqual({
      team: 'risk',
      owner: 'me',
    })
    expect(applyVersionEdit(version, { kind: 'delete-tag', key: 'team' }).tags).toEqual({})
    expect(applyVersionEdit(version, { kind: 'set-alias', alias: 'blue' }).aliases).toEqual([
      'blue',
      'champion',
    ])
    expect(applyVersionEdit(version, { kind: 'set-alias', alias: 'champion' }).aliases).toEqual(['champion'])
    expect(applyVersionEdit(version, { kind: 'delete-alias', alias: 'champion' }).aliases).toEqual([])
    expect(
      applyVersionEdit(version, { kind: 'stage', stage: 'Production', archiveExisting: true }).currentStage,
    ).toBe('Production')
    expect(applyVersionEdit(version, { kind: 'delete' })).toBe(version)
  })
})

describe('revertVersionEdit', () => {
  const edits: ModelVersionEdit[] = [
    { kind: 'description', description: '' },
    { kind: 'set-tag', key: 'team', value: 'fraud' },
    { kind: 'set-tag', key: 'owner', value: 'me' },
    { kind: 'delete-tag', key: 'team' },
    { kind: 'set-alias', alias: 'blue' },
    { kind: 'delete-alias', alias: 'champion' },
    { kind: 'stage', stage: 'Archived', archiveExisting: false },
  ]
  it.each(edits)('undoes %j exactly', (edit) => {
    expect(revertVersionEdit(applyVersionEdit(version, edit), version, edit)).toEqual(version)
  })

  it('keeps a later edit of the same field when an earlier one fails', () => {
    const first: ModelVersionEdit = { kind: 'description', description: 'one' }
    const second: ModelVersionEdit = { kind: 'description', description: 'two' }
    const both = applyVersionEdit(applyVersionEdit(version, first), second)
    expect(revertVersionEdit(both, version, first).description).toBe('two')
    const aliasAgain = applyVersionEdit(
      applyVersionEdit(version, { kind: 'delete-alias', alias: 'champion' }),
      { kind: 'set-alias', alias: 'champion' },
    )
    expect(
      revertVersionEdit(aliasAgain, version, { kind: 'delete-alias', alias: 'champion' }).aliases,
    ).toEqual(['champion'])
  })

  it('keeps other fields edited meanwhile', () => {
    const tagged = applyVersionEdit(version, { kind: 'set-tag', key: 'owner', value: 'me' })
    const staged = applyVersionEdit(tagged, { kind: 'stage', stage: 'Production', archiveExisting: false })
    const reverted = revertVersionEdit(staged, version, { kind: 'set-tag', key: 'owner', value: 'me' })
    expect(reverted.tags).toEqual({ team: 'risk' })
    expect(reverted.currentStage).toBe('Production')
  })
})

describe('aliases', () => {
  it('moves an alias to the version, and drops a deleted version’s aliases', () => {
    const aliases = { champion: '1', blue: '2' }
    expect(applyAliasEdit(aliases, '2', { kind: 'set-alias', alias: 'champion' })).toEqual({
      champion: '2',
      blue: '2',
    })
    expect(applyAliasEdit(aliases, '2', { kind: 'delete-alias', alias: 'blue' })).toEqual({ champion: '1' })
    expect(applyAliasEdit(aliases, '2', { kind: 'delete' })).toEqual({ champion: '1' })
    expect(aliasMovesFrom(aliases, 'champion', '2')).toBe('1')
    expect(aliasMovesFrom(aliases, 'blue', '2')).toBeUndefined()
    expect(aliasMovesFrom(aliases, 'new', '2')).toBeUndefined()
  })

  it.each([
    ['', 'Enter an alias.'],
    ['has space', 'An alias may only contain letters, digits, underscores (_) and dashes (-).'],
    ['Latest', '“latest” is reserved: it always means the newest version.'],
    ['v3', '“v3” is reserved: it names a version number.'],
    ['a'.repeat(256), 'An alias has at most 255 characters.'],
  ])('refuses %j as MLflow does', (alias, problem) => {
    expect(aliasProblem(alias)).toBe(problem)
  })

  it.each(['champion', 'blue-green_2', 'v2a', 'modèle'])('accepts %j', (alias) => {
    expect(aliasProblem(alias)).toBeUndefined()
  })
})

describe('tags and stages', () => {
  it('checks keys and values as the registry does', () => {
    expect(versionTagKeyProblem('mlflow.custom')).toBeUndefined()
    expect(versionTagKeyProblem('team/owner: x')).toBeUndefined()
    expect(versionTagKeyProblem('')).toBe('Enter a key.')
    expect(versionTagKeyProblem('a\\b')).toMatch(/may only contain/)
    expect(versionTagKeyProblem('a//b')).toMatch(/cannot start or end/)
    expect(versionTagKeyProblem('../x')).toMatch(/cannot start or end/)
    expect(versionTagKeyProblem('k'.repeat(251))).toMatch(/at most 250/)
    expect(versionTagValueProblem('v'.repeat(100_000))).toBeUndefined()
    expect(versionTagValueProblem('v'.repeat(100_001))).toMatch(/at most 100,000/)
  })

  it('archives existing versions only when moving into Staging or Production', () => {
    expect(canArchiveExisting('Staging')).toBe(true)
    expect(canArchiveExisting('Production')).toBe(true)
    expect(canArchiveExisting('Archived')).toBe(false)
    expect(canArchiveExisting('None')).toBe(false)
  })
})

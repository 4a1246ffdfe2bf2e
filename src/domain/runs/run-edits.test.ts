import { describe, expect, it } from 'vitest'
import { makeRun } from '@/testing/make-run'
import { applyRunEdit, revertRunEdit, type RunEdit } from './run-edits'

const run = makeRun({
  runName: 'old',
  tags: { 'mlflow.runName': 'old', team: 'cv', 'mlflow.note.content': 'hello' },
})

describe('applyRunEdit', () => {
  it('renames the run and its mlflow.runName tag together, as the server does', () => {
    const renamed = applyRunEdit(run, { kind: 'rename', name: 'new' })
    expect(renamed.info.runName).toBe('new')
    expect(renamed.tags['mlflow.runName']).toBe('new')
    expect(run.info.runName).toBe('old')
  })

  it('sets and removes the note, sets and deletes tags, deletes and restores', () => {
    expect(applyRunEdit(run, { kind: 'note', note: 'bye' }).tags['mlflow.note.content']).toBe('bye')
    expect('mlflow.note.content' in applyRunEdit(run, { kind: 'note', note: '' }).tags).toBe(false)
    expect(applyRunEdit(run, { kind: 'set-tag', key: 'owner', value: 'me' }).tags.owner).toBe('me')
    expect('team' in applyRunEdit(run, { kind: 'delete-tag', key: 'team' }).tags).toBe(false)
    const deleted = applyRunEdit(run, { kind: 'delete' })
    expect(deleted.info.lifecycleStage).toBe('deleted')
    expect(applyRunEdit(deleted, { kind: 'restore' }).info.lifecycleStage).toBe('active')
  })
})

describe('revertRunEdit', () => {
  const edits: RunEdit[] = [
    { kind: 'rename', name: 'new' },
    { kind: 'note', note: '' },
    { kind: 'note', note: 'changed' },
    { kind: 'set-tag', key: 'team', value: 'nlp' },
    { kind: 'set-tag', key: 'owner', value: 'me' },
    { kind: 'delete-tag', key: 'team' },
    { kind: 'delete' },
  ]
  it.each(edits)('undoes %j exactly', (edit) => {
    expect(revertRunEdit(applyRunEdit(run, edit), run, edit)).toEqual(run)
  })

  it('keeps a later edit to another field when an earlier one fails', () => {
    const rename: RunEdit = { kind: 'rename', name: 'new' }
    const tag: RunEdit = { kind: 'set-tag', key: 'owner', value: 'me' }
    const both = applyRunEdit(applyRunEdit(run, rename), tag)
    const reverted = revertRunEdit(both, run, rename)
    expect(reverted.info.runName).toBe('old')
    expect(reverted.tags.owner).toBe('me')
  })

  it('leaves a field alone that a later edit has changed again', () => {
    const first: RunEdit = { kind: 'set-tag', key: 'team', value: 'a' }
    const second: RunEdit = { kind: 'set-tag', key: 'team', value: 'b' }
    const both = applyRunEdit(applyRunEdit(run, first), second)
    expect(revertRunEdit(both, run, first).tags.team).toBe('b')
  })
})

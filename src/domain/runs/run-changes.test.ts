import { describe, expect, it } from 'vitest'
import { makeRun } from '@/testing/make-run'
import { describeRunChange, diffRuns, mergeRunChanges } from './run-changes'

const before = makeRun({
  runName: 'a',
  tags: { 'mlflow.runName': 'a', team: 'cv', stale: '1', 'mlflow.note.content': 'x' },
})

describe('diffRuns', () => {
  it('finds nothing between equal snapshots, even when metrics and status moved', () => {
    const after = makeRun({
      ...before.info,
      status: 'FAILED',
      metrics: { loss: 1 },
      tags: { ...before.tags },
    })
    expect(diffRuns(before, after)).toEqual([])
  })

  it('names the name (once, not again as its tag), the note, the lifecycle and each tag', () => {
    const after = makeRun({
      ...before.info,
      runName: 'b',
      lifecycleStage: 'deleted',
      tags: { 'mlflow.runName': 'b', team: 'nlp', owner: 'me', 'mlflow.note.content': 'y' },
    })
    expect(diffRuns(before, after)).toEqual([
      { kind: 'name', from: 'a', to: 'b' },
      { kind: 'note' },
      { kind: 'lifecycle', to: 'deleted' },
      { kind: 'tag', key: 'owner', change: 'added' },
      { kind: 'tag', key: 'stale', change: 'removed' },
      { kind: 'tag', key: 'team', change: 'changed' },
    ])
  })

  it('treats an empty note and no note alike', () => {
    const noNote = makeRun({ ...before.info, tags: { 'mlflow.runName': 'a', team: 'cv', stale: '1' } })
    const emptyNote = makeRun({ ...noNote.info, tags: { ...noNote.tags, 'mlflow.note.content': '' } })
    expect(diffRuns(noNote, emptyNote)).toEqual([])
  })
})

describe('mergeRunChanges', () => {
  it('keeps the first “from” of a name changed twice, and drops a name changed back', () => {
    const first = [{ kind: 'name', from: 'a', to: 'b' } as const]
    expect(mergeRunChanges(first, [{ kind: 'name', from: 'b', to: 'c' }])).toEqual([
      { kind: 'name', from: 'a', to: 'c' },
    ])
    expect(mergeRunChanges(first, [{ kind: 'name', from: 'b', to: 'a' }])).toEqual([])
  })

  it('combines tag changes: added then removed is nothing, removed then added is a change', () => {
    expect(
      mergeRunChanges(
        [{ kind: 'tag', key: 'k', change: 'added' }],
        [{ kind: 'tag', key: 'k', change: 'removed' }],
      ),
    ).toEqual([])
    expect(
      mergeRunChanges(
        [{ kind: 'tag', key: 'k', change: 'removed' }],
        [{ kind: 'tag', key: 'k', change: 'added' }],
      ),
    ).toEqual([{ kind: 'tag', key: 'k', change: 'changed' }])
    expect(
      mergeRunChanges(
        [{ kind: 'tag', key: 'k', change: 'added' }],
        [{ kind: 'tag', key: 'k', change: 'changed' }],
      ),
    ).toEqual([{ kind: 'tag', key: 'k', change: 'added' }])
    expect(mergeRunChanges([{ kind: 'note' }], [{ kind: 'tag', key: 'k', change: 'changed' }])).toHaveLength(
      2,
    )
  })

  it('cancels a deletion followed by a restore', () => {
    expect(
      mergeRunChanges([{ kind: 'lifecycle', to: 'deleted' }], [{ kind: 'lifecycle', to: 'active' }]),
    ).toEqual([])
  })
})

describe('describeRunChange', () => {
  it('says what changed in words', () => {
    expect(describeRunChange({ kind: 'name', from: 'a', to: 'b' })).toBe('the name (“a” → “b”)')
    expect(describeRunChange({ kind: 'note' })).toBe('the note')
    expect(describeRunChange({ kind: 'lifecycle', to: 'deleted' })).toBe('the run was deleted')
    expect(describeRunChange({ kind: 'lifecycle', to: 'active' })).toBe('the run was restored')
    expect(describeRunChange({ kind: 'tag', key: 'team', change: 'removed' })).toBe('tag “team” (removed)')
  })
})

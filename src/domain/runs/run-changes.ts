/**
 * What changed on a run between two snapshots of it, in the words the run page uses to tell the user
 * that someone else changed it ("changed elsewhere"). Only what people edit counts: the name, the
 * note, tags and the lifecycle stage; metrics, status and times move by themselves while a run runs.
 */

import type { LifecycleStage } from '../experiments'
import { SYSTEM_TAGS, type Run } from './run'

export type RunChange =
  | { kind: 'name'; from: string; to: string }
  | { kind: 'note' }
  | { kind: 'lifecycle'; to: LifecycleStage }
  | { kind: 'tag'; key: string; change: 'added' | 'changed' | 'removed' }

/** Tags shown through another change: the name and the note. */
const TAGS_WITH_THEIR_OWN_CHANGE = new Set<string>([SYSTEM_TAGS.runName, SYSTEM_TAGS.note])

/** The edits that turn `before` into `after`: name, note, lifecycle, then tags by key. */
export function diffRuns(before: Run, after: Run): RunChange[] {
  const changes: RunChange[] = []
  if (before.info.runName !== after.info.runName) {
    changes.push({ kind: 'name', from: before.info.runName, to: after.info.runName })
  }
  if ((before.tags[SYSTEM_TAGS.note] ?? '') !== (after.tags[SYSTEM_TAGS.note] ?? '')) {
    changes.push({ kind: 'note' })
  }
  if (before.info.lifecycleStage !== after.info.lifecycleStage) {
    changes.push({ kind: 'lifecycle', to: after.info.lifecycleStage })
  }
  const keys = [...new Set([...Object.keys(before.tags), ...Object.keys(after.tags)])].sort()
  for (const key of keys) {
    if (TAGS_WITH_THEIR_OWN_CHANGE.has(key)) continue
    const from = before.tags[key]
    const to = after.tags[key]
    if (from === to) continue
    changes.push({
      kind: 'tag',
      key,
      change: from === undefined ? 'added' : to === undefined ? 'removed' : 'changed',
    })
  }
  return changes
}

function changeId(change: RunChange): string {
  return change.kind === 'tag' ? `tag:${change.key}` : change.kind
}

/**
 * Changes seen over two refetches, as one list: a later change to the same thing replaces the
 * earlier one (a name changed twice keeps its first "from"; a tag added then removed is gone).
 */
export function mergeRunChanges(earlier: readonly RunChange[], later: readonly RunChange[]): RunChange[] {
  const merged = new Map(earlier.map((change) => [changeId(change), change]))
  for (const change of later) {
    const previous = merged.get(changeId(change))
    if (change.kind === 'name' && previous?.kind === 'name') {
      if (previous.from === change.to) merged.delete('name')
      else merged.set('name', { ...change, from: previous.from })
    } else if (change.kind === 'tag' && previous?.kind === 'tag') {
      const id = changeId(change)
      if (previous.change === 'added' && change.change === 'removed') merged.delete(id)
      else if (previous.change === 'added') merged.set(id, previous)
      else if (previous.change === 'removed' && change.change === 'added')
        merged.set(id, { ...change, change: 'changed' })
      else merged.set(id, change)
    } else if (change.kind === 'lifecycle' && previous?.kind === 'lifecycle') {
      merged.delete('lifecycle')
    } else {
      merged.set(changeId(change), change)
    }
  }
  return [...merged.values()]
}

/** "the name (“a” → “b”)", "the note", "tag “team” (changed)", "the run was deleted". */
export function describeRunChange(change: RunChange): string {
  switch (change.kind) {
    case 'name':
      return `the name (“${change.from}” → “${change.to}”)`
    case 'note':
      return 'the note'
    case 'lifecycle':
      return change.to === 'deleted' ? 'the run was deleted' : 'the run was restored'
    case 'tag':
      return `tag “${change.key}” (${change.change})`
  }
}

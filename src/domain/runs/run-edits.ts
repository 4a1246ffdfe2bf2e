/**
 * The edits the run page makes, as pure functions on a `Run`: applied to the cached run at once
 * (optimistically) and undone field by field if the server refuses them.
 */

import { SYSTEM_TAGS, type Run } from './run'

export type RunEdit =
  | { kind: 'rename'; name: string }
  /** An empty note removes the `mlflow.note.content` tag. */
  | { kind: 'note'; note: string }
  | { kind: 'set-tag'; key: string; value: string }
  | { kind: 'delete-tag'; key: string }
  | { kind: 'delete' }
  | { kind: 'restore' }

function withTag(tags: Run['tags'], key: string, value: string | undefined): Run['tags'] {
  const { [key]: _old, ...rest } = tags
  return value === undefined ? rest : { ...rest, [key]: value }
}

/** The run as the server will have it once `edit` succeeds. */
export function applyRunEdit(run: Run, edit: RunEdit): Run {
  switch (edit.kind) {
    case 'rename':
      // The server keeps the `mlflow.runName` tag equal to the name (`update_run_info`).
      return {
        ...run,
        info: { ...run.info, runName: edit.name },
        tags: withTag(run.tags, SYSTEM_TAGS.runName, edit.name),
      }
    case 'note':
      return { ...run, tags: withTag(run.tags, SYSTEM_TAGS.note, edit.note === '' ? undefined : edit.note) }
    case 'set-tag':
      return { ...run, tags: withTag(run.tags, edit.key, edit.value) }
    case 'delete-tag':
      return { ...run, tags: withTag(run.tags, edit.key, undefined) }
    case 'delete':
      return { ...run, info: { ...run.info, lifecycleStage: 'deleted' } }
    case 'restore':
      return { ...run, info: { ...run.info, lifecycleStage: 'active' } }
  }
}

/**
 * Undoes a failed `edit` on `current`: the fields it touched go back to their values in `before` (the
 * run just before the edit), unless a later edit has changed them since, so concurrent edits to other
 * fields survive one edit's failure.
 */
export function revertRunEdit(current: Run, before: Run, edit: RunEdit): Run {
  const restoreTag = (run: Run, key: string, written: string | undefined): Run =>
    run.tags[key] === written ? { ...run, tags: withTag(run.tags, key, before.tags[key]) } : run
  switch (edit.kind) {
    case 'rename': {
      if (current.info.runName !== edit.name) return current
      const renamed = { ...current, info: { ...current.info, runName: before.info.runName } }
      return restoreTag(renamed, SYSTEM_TAGS.runName, edit.name)
    }
    case 'note':
      return restoreTag(current, SYSTEM_TAGS.note, edit.note === '' ? undefined : edit.note)
    case 'set-tag':
      return restoreTag(current, edit.key, edit.value)
    case 'delete-tag':
      return restoreTag(current, edit.key, undefined)
    case 'delete':
    case 'restore': {
      const written = edit.kind === 'delete' ? 'deleted' : 'active'
      if (current.info.lifecycleStage !== written) return current
      return { ...current, info: { ...current.info, lifecycleStage: before.info.lifecycleStage } }
    }
  }
}

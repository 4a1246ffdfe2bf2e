/**
 * Tag edits on a logged model, as pure functions: applied to the cached model at once
 * (optimistically) and undone, for that tag only, if the server refuses them.
 */

import type { LoggedModel } from './registry'

export type LoggedModelTagEdit =
  { kind: 'set-tag'; key: string; value: string } | { kind: 'delete-tag'; key: string }

function withTag(tags: LoggedModel['tags'], key: string, value: string | undefined): LoggedModel['tags'] {
  const { [key]: _old, ...rest } = tags
  return value === undefined ? rest : { ...rest, [key]: value }
}

/** The model as the server will have it once `edit` succeeds. */
export function applyLoggedModelTagEdit(model: LoggedModel, edit: LoggedModelTagEdit): LoggedModel {
  return { ...model, tags: withTag(model.tags, edit.key, edit.kind === 'set-tag' ? edit.value : undefined) }
}

/**
 * `current` with the edited tag put back as it was in `before`; other changes made since (another
 * edit that succeeded) are kept.
 */
export function revertLoggedModelTagEdit(
  current: LoggedModel,
  before: LoggedModel,
  edit: LoggedModelTagEdit,
): LoggedModel {
  return { ...current, tags: withTag(current.tags, edit.key, before.tags[edit.key]) }
}

/** Tags MLflow writes itself (`mlflow.*`): shown read-only. */
export function isLoggedModelSystemTag(key: string): boolean {
  return key.startsWith('mlflow.')
}

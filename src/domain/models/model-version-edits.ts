/**
 * The edits the model version page makes, as pure functions on a `ModelVersion`: applied to the
 * cached version at once (optimistically) and undone field by field if the server refuses them; and
 * what MLflow's registry accepts, checked before a write (`mlflow/utils/validation.py`).
 */

import type { ModelVersion } from './registry'

/** The deprecated stages, in MLflow's order (`ALL_STAGES`). */
export const MODEL_VERSION_STAGES = ['None', 'Staging', 'Production', 'Archived'] as const
export type ModelVersionStage = (typeof MODEL_VERSION_STAGES)[number]

/** Only a move into an active stage may archive the versions already there (`DEFAULT_STAGES_FOR_GET_LATEST_VERSIONS`). */
export function canArchiveExisting(stage: ModelVersionStage): boolean {
  return stage === 'Staging' || stage === 'Production'
}

export type ModelVersionEdit =
  /** An empty description clears it. */
  | { kind: 'description'; description: string }
  | { kind: 'set-tag'; key: string; value: string }
  | { kind: 'delete-tag'; key: string }
  /** Points the alias at this version; it leaves whichever version had it. */
  | { kind: 'set-alias'; alias: string }
  | { kind: 'delete-alias'; alias: string }
  | { kind: 'stage'; stage: ModelVersionStage; archiveExisting: boolean }
  | { kind: 'delete' }

function withTag(tags: ModelVersion['tags'], key: string, value: string | undefined): ModelVersion['tags'] {
  const { [key]: _old, ...rest } = tags
  return value === undefined ? rest : { ...rest, [key]: value }
}

/** The version as the server will have it once `edit` succeeds (a deletion leaves it as it is). */
export function applyVersionEdit(version: ModelVersion, edit: ModelVersionEdit): ModelVersion {
  switch (edit.kind) {
    case 'description':
      return { ...version, description: edit.description }
    case 'set-tag':
      return { ...version, tags: withTag(version.tags, edit.key, edit.value) }
    case 'delete-tag':
      return { ...version, tags: withTag(version.tags, edit.key, undefined) }
    case 'set-alias':
      return version.aliases.includes(edit.alias)
        ? version
        : { ...version, aliases: [...version.aliases, edit.alias].sort() }
    case 'delete-alias':
      return { ...version, aliases: version.aliases.filter((alias) => alias !== edit.alias) }
    case 'stage':
      return { ...version, currentStage: edit.stage }
    case 'delete':
      return version
  }
}

/**
 * Undoes a failed `edit` on `current`: what it touched goes back to its value in `before` (the version
 * just before the edit), unless a later edit has changed it since, so other edits survive.
 */
export function revertVersionEdit(
  current: ModelVersion,
  before: ModelVersion,
  edit: ModelVersionEdit,
): ModelVersion {
  switch (edit.kind) {
    case 'description':
      return current.description === edit.description
        ? { ...current, description: before.description }
        : current
    case 'set-tag':
    case 'delete-tag': {
      const written = edit.kind === 'set-tag' ? edit.value : undefined
      return current.tags[edit.key] === written
        ? { ...current, tags: withTag(current.tags, edit.key, before.tags[edit.key]) }
        : current
    }
    case 'set-alias':
    case 'delete-alias': {
      const had = before.aliases.includes(edit.alias)
      const has = current.aliases.includes(edit.alias)
      if (had === has || has !== (edit.kind === 'set-alias')) return current
      return applyVersionEdit(current, {
        kind: had ? 'set-alias' : 'delete-alias',
        alias: edit.alias,
      })
    }
    case 'stage':
      return current.currentStage === edit.stage ? { ...current, currentStage: before.currentStage } : current
    case 'delete':
      return current
  }
}

/**
 * The model's alias map after `edit` on `version` (aliases are the model's: one version each), for the
 * model's cached entry.
 */
export function applyAliasEdit(
  aliases: Readonly<Record<string, string>>,
  version: string,
  edit: ModelVersionEdit,
): Readonly<Record<string, string>> {
  if (edit.kind === 'set-alias') return { ...aliases, [edit.alias]: version }
  if (edit.kind === 'delete-alias' || edit.kind === 'delete') {
    return Object.fromEntries(
      Object.entries(aliases).filter(([alias, target]) =>
        edit.kind === 'delete' ? target !== version : alias !== edit.alias,
      ),
    )
  }
  return aliases
}

/** The other version an alias would move away from, if it is set elsewhere. */
export function aliasMovesFrom(
  aliases: Readonly<Record<string, string>>,
  alias: string,
  version: string,
): string | undefined {
  const current = aliases[alias]
  return current === undefined || current === version ? undefined : current
}

/** MAX_REGISTERED_MODEL_ALIAS_LENGTH. */
export const MAX_ALIAS_LENGTH = 255
/** MAX_MODEL_REGISTRY_TAG_KEY_LENGTH and MAX_MODEL_REGISTRY_TAG_VALUE_LENGTH. */
export const MAX_VERSION_TAG_KEY_LENGTH = 250
export const MAX_VERSION_TAG_VALUE_LENGTH = 100_000

/** Python's `\w` and `-` (`_REGISTERED_MODEL_ALIAS_REGEX`). */
const ALIAS_CHARACTERS = /^[\p{L}\p{N}_-]+$/u

/** Why MLflow would refuse `alias`, or undefined when it is fine. */
export function aliasProblem(alias: string): string | undefined {
  if (alias === '') return 'Enter an alias.'
  if (!ALIAS_CHARACTERS.test(alias)) {
    return 'An alias may only contain letters, digits, underscores (_) and dashes (-).'
  }
  if (alias.length > MAX_ALIAS_LENGTH) return `An alias has at most ${MAX_ALIAS_LENGTH} characters.`
  if (alias.toLowerCase() === 'latest') return '“latest” is reserved: it always means the newest version.'
  if (/^[vV]\d+$/.test(alias)) return `“${alias}” is reserved: it names a version number.`
  return undefined
}

/** Python's `\w`, dash, period, space, colon and slash (`validate_param_and_metric_name`). */
const TAG_KEY_CHARACTERS = /^[\p{L}\p{N}_\-. :/]*$/u

/** Why MLflow would refuse `key` as a model version tag's key, or undefined when it is fine. */
export function versionTagKeyProblem(key: string): string | undefined {
  if (key === '') return 'Enter a key.'
  if (key.length > MAX_VERSION_TAG_KEY_LENGTH) {
    return `A key has at most ${MAX_VERSION_TAG_KEY_LENGTH} characters; this one has ${key.length.toLocaleString('en-US')}.`
  }
  if (!TAG_KEY_CHARACTERS.test(key)) {
    return 'A key may only contain letters, digits, underscores (_), dashes (-), periods (.), spaces, colons (:) and slashes (/).'
  }
  // A key is also a path on some stores, so it must be one that does not resolve to another.
  if (key.startsWith('/') || key.split('/').some((part) => part === '' || part === '.' || part === '..')) {
    return 'A key cannot start or end with a slash, or contain “//”, “.” or “..” path segments.'
  }
  return undefined
}

/** Why MLflow would refuse `value` as a model version tag's value (too long), or undefined. */
export function versionTagValueProblem(value: string): string | undefined {
  let length = 0
  for (const _ of value) length++
  if (length <= MAX_VERSION_TAG_VALUE_LENGTH) return undefined
  return `A tag value has at most ${MAX_VERSION_TAG_VALUE_LENGTH.toLocaleString('en-US')} characters; this one has ${length.toLocaleString('en-US')}.`
}

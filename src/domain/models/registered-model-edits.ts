/**
 * The edits the registered-model page makes, as pure functions on the model and its versions: applied
 * to the cached data at once (optimistically) and undone field by field if the server refuses them.
 */

import { characterCount } from '@/domain/runs/run-tag-rules'
import type { ModelVersion, RegisteredModel } from './registry'

export type RegisteredModelEdit =
  /** An empty description clears it. */
  | { kind: 'describe'; description: string }
  | { kind: 'set-tag'; key: string; value: string }
  | { kind: 'delete-tag'; key: string }
  /** Points the alias at the version, taking it from another version if one had it. */
  | { kind: 'set-alias'; alias: string; version: string }
  | { kind: 'delete-alias'; alias: string }
  /** Deletes the version and the aliases that point at it. */
  | { kind: 'delete-version'; version: string }

/** `MAX_REGISTERED_MODEL_ALIAS_LENGTH`. */
export const MAX_ALIAS_LENGTH = 255
/** `MAX_MODEL_REGISTRY_TAG_VALUE_LENGTH`: registry tags take longer values than run tags. */
export const MAX_MODEL_TAG_VALUE_LENGTH = 100_000

/**
 * Why MLflow would refuse `alias`, or undefined when it is fine (`_validate_model_alias_name` and
 * `_validate_model_alias_name_reserved`). Aliases are case-sensitive: `Champion` and `champion` differ.
 */
export function aliasProblem(alias: string): string | undefined {
  if (alias === '') return 'Enter an alias.'
  if (!/^[\p{L}\p{N}_-]+$/u.test(alias)) {
    return 'An alias may only contain letters, digits, underscores (_) and dashes (-).'
  }
  if (alias.length > MAX_ALIAS_LENGTH) return `An alias has at most ${MAX_ALIAS_LENGTH} characters.`
  if (alias.toLowerCase() === 'latest')
    return '“latest” is reserved: MLflow resolves it to the newest version.'
  if (/^[vV]\d+$/.test(alias)) return `“${alias}” is reserved: MLflow reads it as a version number.`
  return undefined
}

export function modelTagValueProblem(value: string): string | undefined {
  const length = characterCount(value)
  if (length <= MAX_MODEL_TAG_VALUE_LENGTH) return undefined
  return `A tag value has at most ${MAX_MODEL_TAG_VALUE_LENGTH.toLocaleString('en-US')} characters; this one has ${length.toLocaleString('en-US')}.`
}

function withEntry(
  record: Readonly<Record<string, string>>,
  key: string,
  value: string | undefined,
): Record<string, string> {
  const { [key]: _old, ...rest } = record
  return value === undefined ? rest : { ...rest, [key]: value }
}

function withoutVersionAliases(aliases: Readonly<Record<string, string>>, version: string) {
  return Object.fromEntries(Object.entries(aliases).filter(([, target]) => target !== version))
}

/** The model as the server will have it once `edit` succeeds. */
export function applyModelEdit(model: RegisteredModel, edit: RegisteredModelEdit): RegisteredModel {
  switch (edit.kind) {
    case 'describe':
      return { ...model, description: edit.description === '' ? undefined : edit.description }
    case 'set-tag':
      return { ...model, tags: withEntry(model.tags, edit.key, edit.value) }
    case 'delete-tag':
      return { ...model, tags: withEntry(model.tags, edit.key, undefined) }
    case 'set-alias':
      return { ...model, aliases: withEntry(model.aliases, edit.alias, edit.version) }
    case 'delete-alias':
      return { ...model, aliases: withEntry(model.aliases, edit.alias, undefined) }
    case 'delete-version':
      return {
        ...model,
        aliases: withoutVersionAliases(model.aliases, edit.version),
        latestVersions: model.latestVersions.filter((version) => version.version !== edit.version),
      }
  }
}

/** The versions as the server will have them once `edit` succeeds (only a delete changes them). */
export function applyVersionsEdit(
  versions: readonly ModelVersion[],
  edit: RegisteredModelEdit,
): ModelVersion[] {
  if (edit.kind !== 'delete-version') return [...versions]
  return versions.filter((version) => version.version !== edit.version)
}

/**
 * Undoes a failed `edit` on `current`: what it touched goes back to its value in `before` (the model
 * just before the edit), unless a later edit has changed it since, so other edits survive one failure.
 */
export function revertModelEdit(
  current: RegisteredModel,
  before: RegisteredModel,
  edit: RegisteredModelEdit,
): RegisteredModel {
  const restoreTag = (key: string, written: string | undefined): RegisteredModel =>
    current.tags[key] === written
      ? { ...current, tags: withEntry(current.tags, key, before.tags[key]) }
      : current
  const restoreAlias = (
    model: RegisteredModel,
    alias: string,
    written: string | undefined,
  ): RegisteredModel =>
    model.aliases[alias] === written
      ? { ...model, aliases: withEntry(model.aliases, alias, before.aliases[alias]) }
      : model
  switch (edit.kind) {
    case 'describe': {
      const written = edit.description === '' ? undefined : edit.description
      return current.description === written ? { ...current, description: before.description } : current
    }
    case 'set-tag':
      return restoreTag(edit.key, edit.value)
    case 'delete-tag':
      return restoreTag(edit.key, undefined)
    case 'set-alias':
      return restoreAlias(current, edit.alias, edit.version)
    case 'delete-alias':
      return restoreAlias(current, edit.alias, undefined)
    case 'delete-version': {
      let restored = current
      for (const [alias, target] of Object.entries(before.aliases)) {
        if (target === edit.version) restored = restoreAlias(restored, alias, undefined)
      }
      const latest = before.latestVersions.find((version) => version.version === edit.version)
      const present = restored.latestVersions.some((version) => version.version === edit.version)
      if (latest === undefined || present) return restored
      return { ...restored, latestVersions: [...restored.latestVersions, latest] }
    }
  }
}

/** Puts a version whose deletion failed back in its place (versions are listed newest first). */
export function revertVersionsEdit(
  current: readonly ModelVersion[],
  before: readonly ModelVersion[],
  edit: RegisteredModelEdit,
): ModelVersion[] {
  if (edit.kind !== 'delete-version') return [...current]
  const deleted = before.find((version) => version.version === edit.version)
  if (deleted === undefined || current.some((version) => version.version === edit.version))
    return [...current]
  const order = new Map(before.map((version, index) => [version.version, index]))
  return [...current, deleted].sort(
    (a, b) => (order.get(a.version) ?? Infinity) - (order.get(b.version) ?? Infinity),
  )
}

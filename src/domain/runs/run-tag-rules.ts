/**
 * What MLflow accepts as a run tag, checked before a write so the user hears it at once and keeps
 * what they typed (`mlflow/utils/validation.py`: `_validate_tag_name`, `MAX_ENTITY_KEY_LENGTH`,
 * `MAX_TAG_VAL_LENGTH`).
 */

/** MLflow's MAX_ENTITY_KEY_LENGTH. */
export const MAX_RUN_TAG_KEY_LENGTH = 250

/**
 * MLflow's MAX_TAG_VAL_LENGTH, in characters (Unicode code points, as Python counts them). A longer
 * value is silently cut to this length by a server with `MLFLOW_TRUNCATE_LONG_VALUES` on (the
 * default) and refused with 400 by one with it off: either way, not what the user typed.
 */
export const MAX_RUN_TAG_VALUE_LENGTH = 8000

/** Tags under this prefix are MLflow's own (`mlflow.runName`, `mlflow.user`, ...). */
export const SYSTEM_TAG_PREFIX = 'mlflow.'

/**
 * Python's `\w` (Unicode letters, digits, underscore), dash, period, space, colon and slash:
 * `validate_param_and_metric_name` on a Linux or macOS server (a Windows server also refuses colons).
 */
const TAG_KEY_CHARACTERS = /^[\p{L}\p{N}_\-. :/]*$/u

export function isSystemTag(key: string): boolean {
  return key.startsWith(SYSTEM_TAG_PREFIX)
}

/** Characters as MLflow counts them: code points, so an emoji is one, not two UTF-16 units. */
export function characterCount(text: string): number {
  let count = 0
  for (const _ of text) count++
  return count
}

/**
 * Why MLflow would refuse `key` as a new user tag's key, or undefined when it is fine. A key is also
 * a file path on some stores, so it must not resolve to another path (`posixpath.normpath(key) == key`):
 * no leading '/', no empty, '.' or '..' segments.
 */
export function tagKeyProblem(key: string): string | undefined {
  if (key === '') return 'Enter a key.'
  if (key.length > MAX_RUN_TAG_KEY_LENGTH) {
    return `A key has at most ${MAX_RUN_TAG_KEY_LENGTH} characters; this one has ${key.length.toLocaleString('en-US')}.`
  }
  if (!TAG_KEY_CHARACTERS.test(key)) {
    return 'A key may only contain letters, digits, underscores (_), dashes (-), periods (.), spaces, colons (:) and slashes (/).'
  }
  if (key.startsWith('/')) return 'A key cannot start with a slash.'
  if (key.startsWith('..') || key.split('/').some((segment) => segment === '..')) {
    return 'A key cannot start with “..” or contain “..” path segments.'
  }
  if (key.split('/').some((segment) => segment === '' || segment === '.')) {
    return 'A key cannot end with a slash or contain “//” or “.” path segments.'
  }
  if (isSystemTag(key))
    return `Keys starting with “${SYSTEM_TAG_PREFIX}” are MLflow’s own; choose another key.`
  return undefined
}

/** Why MLflow would not keep `value` as it is (too long), or undefined when it is fine. */
export function tagValueProblem(value: string, what = 'A tag value'): string | undefined {
  const length = characterCount(value)
  if (length <= MAX_RUN_TAG_VALUE_LENGTH) return undefined
  return `${what} has at most ${MAX_RUN_TAG_VALUE_LENGTH.toLocaleString('en-US')} characters on an MLflow server; this one has ${length.toLocaleString('en-US')}. Shorten it to save.`
}

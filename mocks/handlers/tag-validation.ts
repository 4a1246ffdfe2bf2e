/**
 * MLflow's run tag checks (`_validate_tag` in mlflow/utils/validation.py, as a Linux server runs
 * them): the key's characters and that it names a normalised path, its length, and the value cut to
 * 8,000 characters (`MLFLOW_TRUNCATE_LONG_VALUES` is on by default, so a longer value is stored
 * truncated with HTTP 200, not refused). They run before the run is looked up, as in the SQL store.
 */

import { invalidParameter } from './protocol'

export const MAX_TAG_KEY_LENGTH = 250
export const MAX_TAG_VALUE_LENGTH = 8000

/** Python's `re` `[/\w.\- :]` on str: `\w` is Unicode letters, numbers and `_`. */
const TAG_KEY = /^[/\p{L}\p{N}_.\- :]*$/u

const BAD_CHARACTERS =
  'Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), colon(:) and slashes (/).'

/** `json.dumps(value)` with Python's defaults (ASCII only: other characters as `\uXXXX`). */
export function pythonJsonString(value: string): string {
  return JSON.stringify(value).replace(
    /[\u0080-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

/** `repr(text)` for a plain str: single quotes unless it holds one and no double quote. */
export function pythonStrRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'"
  const body = text.replaceAll('\\', '\\\\').replaceAll(quote, `\\${quote}`)
  return `${quote}${body}${quote}`
}

/** `posixpath.normpath`. */
export function posixNormpath(path: string): string {
  if (path === '') return '.'
  const initialSlashes = path.startsWith('//') && !path.startsWith('///') ? 2 : path.startsWith('/') ? 1 : 0
  const parts: string[] = []
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue
    if (part !== '..' || (initialSlashes === 0 && parts.length === 0) || parts.at(-1) === '..')
      parts.push(part)
    else if (parts.length > 0) parts.pop()
  }
  const joined = '/'.repeat(initialSlashes) + parts.join('/')
  return joined === '' ? '.' : joined
}

function pathNotUnique(name: string): boolean {
  const norm = posixNormpath(name)
  return norm !== name || norm === '.' || norm.startsWith('..') || norm.startsWith('/')
}

/** The value to store, or the server's 400 for the key. */
export function validateRunTag(key: string, value: string): string {
  if (!TAG_KEY.test(key)) {
    throw invalidParameter(
      `Invalid value ${pythonJsonString(key)} for parameter 'key' supplied: ${BAD_CHARACTERS}`,
    )
  }
  if (pathNotUnique(key)) {
    throw invalidParameter(
      `Invalid value ${pythonJsonString(key)} for parameter 'key' supplied: Names may be treated as files in certain cases, and must not resolve to other names when treated as such. This name would resolve to ${pythonStrRepr(posixNormpath(key))}`,
    )
  }
  if (Array.from(key).length > MAX_TAG_KEY_LENGTH) {
    throw invalidParameter(`'key' exceeds the maximum length of ${MAX_TAG_KEY_LENGTH} characters`)
  }
  // Python counts code points, as Array.from does (grapheme clusters would not match the server).
  const codePoints = Array.from(value)
  return codePoints.length > MAX_TAG_VALUE_LENGTH ? codePoints.slice(0, MAX_TAG_VALUE_LENGTH).join('') : value
}

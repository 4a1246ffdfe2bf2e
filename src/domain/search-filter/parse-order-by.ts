/**
 * MLflow's order_by entries for runs and experiments (`SearchUtils._parse_order_by_string`,
 * `parse_order_by_for_search_runs`, `SearchExperimentsUtils.parse_order_by_for_search_experiments`
 * and the SQL store's `_get_orderby_clauses`).
 *
 * An entry must be a single sqlparse identifier, optionally followed by ASC/DESC (any case); no
 * surrounding whitespace. Backticks become double quotes and the text is split shell-style, so
 * `` metrics.`val loss` DESC `` works.
 */

import {
  parseExperimentIdentifier,
  parseRunIdentifier,
  canonicalRunAttribute,
  type RunEntity,
} from './parse-filter'
import { parseError, type FilterError, type FilterErrorCode } from './parse-result'
import { pyRepr } from './python-value'
import { parseSql } from './sql-grouping'
import { PYTHON_SPACE } from './sql-lexer'
import { isGroup, isWhitespace, matches, nodeValue } from './sql-token'

export type OrderByEntity = Exclude<RunEntity, 'dataset'>

export interface RunOrderBy {
  readonly entity: OrderByEntity
  /** For attributes the canonical name (`created` becomes `start_time`). */
  readonly key: string
  readonly ascending: boolean
}

export interface ExperimentOrderBy {
  /** `name`, `experiment_id`, `creation_time` or `last_update_time`. */
  readonly key: string
  readonly ascending: boolean
}

export interface OrderByError extends FilterError {
  /** Which entry of the order_by list; `start`/`end` are offsets into that entry. */
  readonly entry: number
}

export type OrderByResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: OrderByError }

/** The attributes runs can be ordered by (`SearchUtils.VALID_ORDER_BY_ATTRIBUTE_KEYS`). */
export const RUN_ORDER_BY_ATTRIBUTES: readonly string[] = [
  'Created',
  'artifact_uri',
  'created',
  'end_time',
  'run_id',
  'run_name',
  'start_time',
  'status',
  'user_id',
]

export const EXPERIMENT_ORDER_BY_ATTRIBUTES: readonly string[] = [
  'creation_time',
  'experiment_id',
  'last_update_time',
  'name',
]

type EntryResult<T> = { ok: true; value: T } | { ok: false; error: FilterError }

function fail(message: string, entry: string, code: FilterErrorCode = 'INVALID_PARAMETER_VALUE') {
  return parseError(message, { start: 0, end: entry.length }, code)
}

/** Python's `shlex.split` (POSIX mode, no comments); undefined where shlex raises. */
function shlexSplit(text: string): { ok: true; value: string[] } | { ok: false; message: string } {
  const whitespace = ' \t\r\n'
  const tokens: string[] = []
  let token = ''
  let quoted = false
  let state: 'space' | 'word' | '"' | "'" | 'escape' = 'space'
  let escapedState: 'word' | '"' = 'word'
  const finish = () => {
    if (token !== '' || quoted) tokens.push(token)
    token = ''
    quoted = false
  }
  for (const ch of text) {
    switch (state) {
      case 'space':
      case 'word':
        if (whitespace.includes(ch)) {
          if (state === 'word') finish()
          state = 'space'
        } else if (ch === '\\') {
          escapedState = 'word'
          state = 'escape'
        } else if (ch === '"' || ch === "'") {
          state = ch
        } else {
          token += ch
          state = 'word'
        }
        break
      case '"':
      case "'":
        quoted = true
        if (ch === state) state = 'word'
        else if (ch === '\\' && state === '"') {
          escapedState = '"'
          state = 'escape'
        } else token += ch
        break
      case 'escape':
        if (escapedState === '"' && ch !== '\\' && ch !== '"') token += '\\'
        token += ch
        state = escapedState
        break
    }
  }
  if (state === '"' || state === "'") return { ok: false, message: 'No closing quotation' }
  if (state === 'escape') return { ok: false, message: 'No escaped character' }
  finish()
  return { ok: true, value: tokens }
}

/** `_parse_order_by_string`: the identifier text and the direction. */
function parseOrderByString(entry: string): EntryResult<{ identifier: string; ascending: boolean }> {
  const unparsable = () => fail(`Invalid order_by clause '${entry}'. Could not be parsed.`, entry)
  const parsed = parseSql(entry)
  if (!parsed.ok) return fail(`Error on parsing order_by clause '${entry}'`, entry)
  const [statement, extra] = parsed.statements
  if (statement === undefined || extra !== undefined) return unparsable()
  const [first] = statement.tokens
  const last = statement.tokens[statement.tokens.length - 1]
  let identifier: string
  if (statement.tokens.length === 1 && first !== undefined && isGroup(first, 'Identifier')) {
    identifier = nodeValue(first)
  } else if (first !== undefined && last !== undefined && matches(first, 'Name.Builtin', ['timestamp'])) {
    // `timestamp` is a type name to sqlparse, so MLflow special-cases it (a registered-model key).
    if (statement.tokens.length === 1) identifier = 'timestamp'
    else if (
      statement.tokens.slice(1, -1).every(isWhitespace) &&
      last.kind === 'token' &&
      last.type === 'Keyword.Order'
    ) {
      identifier = `timestamp ${last.value}`
    } else return unparsable()
  } else {
    return unparsable()
  }
  const split = shlexSplit(identifier.replace(/`/g, '"'))
  if (!split.ok) return fail(split.message, entry, 'INTERNAL_ERROR')
  const [name, direction, more] = split.value
  if (more !== undefined) return unparsable()
  if (direction === undefined || name === undefined) {
    return { ok: true, value: { identifier, ascending: true } }
  }
  const order = direction.toLowerCase()
  if (order !== 'asc' && order !== 'desc') {
    return fail(`Invalid ordering key in order_by clause '${entry}'.`, entry)
  }
  return { ok: true, value: { identifier: name, ascending: order === 'asc' } }
}

const SURROUNDING_SPACE = new RegExp(`^${PYTHON_SPACE}+|${PYTHON_SPACE}+$`, 'gu')

/** Python's `str.strip()`. */
function pyStrip(text: string): string {
  return text.replace(SURROUNDING_SPACE, '')
}

function withEntry<T>(result: EntryResult<T>, entry: number): OrderByResult<T> {
  return result.ok ? result : { ok: false, error: { ...result.error, entry } }
}

/** Parse a `runs/search` order_by list and apply every check the server makes. */
export function parseRunOrderBy(entries: readonly string[]): OrderByResult<RunOrderBy[]> {
  const orders: RunOrderBy[] = []
  const seen = new Set<string>()
  for (const [index, entry] of entries.entries()) {
    const parsed = parseOrderByString(entry)
    if (!parsed.ok) return withEntry(parsed, index)
    const ident = parseRunIdentifier(pyStrip(parsed.value.identifier), RUN_ORDER_BY_ATTRIBUTES, {
      start: 0,
      end: entry.length,
    })
    if (!ident.ok) return withEntry(ident, index)
    const { entity, key } = ident.value
    if (entity === 'dataset') return withEntry(fail("Invalid identifier type 'dataset'", entry), index)
    const canonical = entity === 'attribute' ? canonicalRunAttribute(key) : key
    const id = `${entity}\u0000${canonical}`
    if (seen.has(id)) {
      const list = pyRepr({ t: 'list', items: entries.map((v) => ({ t: 'str', v })) })
      // MLflow raises this without an error code, so the server answers 500.
      return withEntry(
        fail(`\`order_by\` contains duplicate fields: ${list}`, entry, 'INTERNAL_ERROR'),
        index,
      )
    }
    seen.add(id)
    orders.push({ entity, key: canonical, ascending: parsed.value.ascending })
  }
  return { ok: true, value: orders }
}

/**
 * Parse an `experiments/search` order_by list. An empty list is returned as is: the server then
 * orders by `creation_time DESC, experiment_id ASC` (see the experiment comparator).
 */
export function parseExperimentOrderBy(entries: readonly string[]): OrderByResult<ExperimentOrderBy[]> {
  const orders: ExperimentOrderBy[] = []
  for (const [index, entry] of entries.entries()) {
    const parsed = parseOrderByString(entry)
    if (!parsed.ok) return withEntry(parsed, index)
    const ident = parseExperimentIdentifier(
      pyStrip(parsed.value.identifier),
      EXPERIMENT_ORDER_BY_ATTRIBUTES,
      {
        start: 0,
        end: entry.length,
      },
    )
    if (!ident.ok) return withEntry(ident, index)
    if (ident.value.entity !== 'attribute') {
      return withEntry(fail(`Invalid order_by entity: ${ident.value.entity}`, entry), index)
    }
    orders.push({ key: ident.value.key, ascending: parsed.value.ascending })
  }
  return { ok: true, value: orders }
}

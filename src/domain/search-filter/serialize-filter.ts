/**
 * Clauses back to filter text the server accepts, for filters built from chips rather than typed.
 *
 * MLflow never unescapes anything: a quoted key or value is the text between its first and last
 * character. So the quoting has to be chosen per value (`'it''s'` is the value `it''s`; the value
 * `it's` needs `"it's"`), and some values cannot be written at all (one containing both a lone `'`
 * and a lone `"`). Each clause is therefore written in the most readable form that the parser reads
 * back as the same clause, and the whole text is checked again at the end. A clause the server would
 * reject, or one that cannot be written, gives an error naming it.
 */

import {
  canonicalRunAttribute,
  parseExperimentFilter,
  parseRunFilter,
  type ClauseValue,
  type ExperimentClause,
  type ExperimentFilter,
  type RunClause,
  type RunEntity,
  type RunFilter,
} from './parse-filter'
import type { ParseResult } from './parse-result'

export interface SerializeError {
  readonly message: string
  /** Index of the clause that could not be written. */
  readonly clause: number
}

export type SerializeResult =
  { readonly ok: true; readonly value: string } | { readonly ok: false; readonly error: SerializeError }

interface AnyClause {
  readonly entity: string
  readonly key: string
  readonly comparator: string
  readonly value: ClauseValue
}

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/

function keyForms(key: string): string[] {
  const quoted = [`\`${key}\``, `"${key}"`, `'${key}'`]
  return PLAIN_KEY.test(key) ? [key, ...quoted] : quoted
}

/** sqlparse has no `+` in exponents and JavaScript prints `1e+21`. */
function numberText(value: number): string {
  if (Object.is(value, -0)) return '-0'
  return String(value).replace('e+', 'e')
}

/** A Python string literal for an IN list; `readable` keeps backslashes and quotes recognisable. */
function pythonString(value: string, readable: boolean): string {
  let out = ''
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0
    if (ch === '\\') out += readable ? '\\\\' : '\\x5c'
    else if (ch === "'") out += readable ? "\\'" : '\\x27'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\t') out += '\\t'
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`
    else out += ch
  }
  return `'${out}'`
}

function valueForms(value: ClauseValue): string[] {
  if (value === null) return ['']
  if (typeof value === 'number') return [numberText(value)]
  if (typeof value === 'string') return [`'${value}'`, `"${value}"`]
  return [true, false].map((readable) => `(${value.map((v) => pythonString(v, readable)).join(', ')})`)
}

function clauseForms(prefix: string | undefined, clause: AnyClause): string[] {
  const identifiers = keyForms(clause.key).map((key) => (prefix === undefined ? key : `${prefix}.${key}`))
  return identifiers.flatMap((identifier) =>
    valueForms(clause.value).map((value) =>
      clause.value === null
        ? `${identifier} ${clause.comparator}`
        : `${identifier} ${clause.comparator} ${value}`,
    ),
  )
}

function sameValue(a: ClauseValue, b: ClauseValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i])
  return Object.is(a, b)
}

function sameClause(a: AnyClause, b: AnyClause): boolean {
  return (
    a.entity === b.entity && a.key === b.key && a.comparator === b.comparator && sameValue(a.value, b.value)
  )
}

function serializeClauses<C extends AnyClause>(
  clauses: readonly C[],
  prefixOf: (clause: C) => string | undefined,
  canonical: (clause: C) => C,
  parse: (text: string) => ParseResult<readonly C[]>,
): SerializeResult {
  const expected = clauses.map(canonical)
  const readsBack = (text: string, want: readonly C[]) => {
    const back = parse(text)
    return (
      back.ok && back.value.length === want.length && back.value.every((c, i) => sameClause(c, want[i] ?? c))
    )
  }
  // First each clause on its own; if the joined text then misreads (a quote or backslash at the end
  // of one value reaching into the next clause), again with every clause checked between neighbours.
  for (const withNeighbours of [false, true]) {
    const parts: string[] = []
    for (const [index, clause] of clauses.entries()) {
      const want = expected[index] ?? clause
      const forms = clauseForms(prefixOf(want), want)
      const chosen = forms.find(
        (form) =>
          readsBack(form, [want]) &&
          (!withNeighbours ||
            readsBack(`${CONTEXT_CLAUSE.text} AND ${form} AND ${CONTEXT_CLAUSE.text}`, [
              CONTEXT_CLAUSE.clause(want),
              want,
              CONTEXT_CLAUSE.clause(want),
            ])),
      )
      if (chosen === undefined) {
        return { ok: false, error: { message: unwritable(want, forms[0] ?? '', parse), clause: index } }
      }
      parts.push(chosen)
    }
    const text = parts.join(' AND ')
    if (readsBack(text, expected)) return { ok: true, value: text }
  }
  return {
    ok: false,
    error: {
      message: 'The clauses cannot be joined into one filter that MLflow reads back unchanged',
      clause: 0,
    },
  }
}

/** Why a clause has no form that reads back: quoting, or the server's own objection to the clause. */
function unwritable<C extends AnyClause>(
  clause: C,
  first: string,
  parse: (text: string) => ParseResult<readonly C[]>,
): string {
  const { key, value } = clause
  if (typeof value === 'string' && value.includes("'") && value.includes('"')) {
    return `The value ${JSON.stringify(value)} cannot be quoted: MLflow does not unescape quotes, and the value holds both ' and "`
  }
  if (key.includes('`') && key.includes('"') && key.includes("'")) {
    return `The key ${JSON.stringify(key)} cannot be quoted: it holds all three quote characters`
  }
  const attempt = parse(first)
  return attempt.ok
    ? `${first} cannot be written so that MLflow reads it back unchanged`
    : attempt.error.message
}

/** A neighbour with quotes, to expose a value whose quoting runs past its own clause. */
const CONTEXT_CLAUSE = {
  text: "tags.z = 'z'",
  clause: <C extends AnyClause>(like: C): C => ({
    ...like,
    entity: 'tag',
    key: 'z',
    comparator: '=',
    value: 'z',
  }),
}

const RUN_PREFIX: Readonly<Record<RunEntity, string>> = {
  metric: 'metrics',
  param: 'params',
  tag: 'tags',
  attribute: 'attributes',
  dataset: 'dataset',
}

/**
 * Write run clauses as a `runs/search` filter: `metrics.`, `params.`, `tags.`, `attributes.` and
 * `dataset.` prefixes, keys in backticks unless they are plain identifiers, upper-case comparators,
 * joined with AND. No clauses give the empty string.
 */
export function serializeRunFilter(clauses: RunFilter): SerializeResult {
  return serializeClauses(
    clauses,
    (c) => RUN_PREFIX[c.entity],
    (c): RunClause => (c.entity === 'attribute' ? { ...c, key: canonicalRunAttribute(c.key) } : c),
    (text) => parseRunFilter(text),
  )
}

/** Write experiment clauses as an `experiments/search` filter (attributes bare, tags as `tags.`). */
export function serializeExperimentFilter(clauses: ExperimentFilter): SerializeResult {
  return serializeClauses(
    clauses,
    (c) => (c.entity === 'tag' ? 'tags' : undefined),
    (c): ExperimentClause => c,
    (text) => parseExperimentFilter(text),
  )
}

/**
 * The part of MLflow's search parsing shared by runs, experiments and the model registry
 * (`SearchUtils.parse_search_filter`, `_process_statement`, `_join_in_comparison_tokens`,
 * `_validate_comparison` in `mlflow/utils/search_utils.py`): turn the text into sqlparse's tree,
 * keep the comparisons and reject everything else.
 */

import { parseError, type FilterErrorCode, type ParseResult } from './parse-result'
import { literalEval } from './python-literal'
import { pyRepr } from './python-value'
import { parseSql } from './sql-grouping'
import { isGroup, isLeaf, isWhitespace, matches, nodeValue, type SqlLeaf, type SqlNode } from './sql-token'

export interface Span {
  readonly start: number
  readonly end: number
}

export interface FilterParseOptions {
  /**
   * Reject text that is only whitespace, as the server does ("Invalid filter '  '. Could not be
   * parsed."). Off by default: for a search box, blank text means no filter.
   */
  readonly rejectBlank?: boolean
}

/** A comparison as `_get_comparison` sees it: its non-whitespace tokens. */
export interface ComparisonTokens extends Span {
  readonly tokens: readonly SqlNode[]
}

type Joined =
  | { readonly kind: 'comparison'; readonly comparison: ComparisonTokens }
  | { readonly kind: 'node'; readonly node: SqlNode }

function synthetic(value: string, from: SqlNode, to: SqlNode): SqlLeaf {
  return { kind: 'token', type: 'Keyword', value, start: from.start, end: to.end }
}

function comparisonOf(tokens: SqlNode[], span?: Span): Joined {
  const start = span?.start ?? tokens[0]?.start ?? 0
  const end = span?.end ?? tokens[tokens.length - 1]?.end ?? 0
  return { kind: 'comparison', comparison: { tokens, start, end } }
}

/**
 * `_join_in_comparison_tokens`: sqlparse does not treat IN, NOT IN or IS [NOT] NULL as comparisons,
 * so MLflow stitches `identifier IN (...)` and friends together by hand. Note the exact spelling it
 * expects: `IS NOT  NULL` (two spaces) is not recognised.
 */
function joinInComparisons(tokens: readonly SqlNode[]): Joined[] {
  const nonWs = tokens.filter((t) => !isWhitespace(t))
  const joined: Joined[] = []
  const push = (...nodes: (SqlNode | undefined)[]) => {
    for (const node of nodes) if (node !== undefined) joined.push({ kind: 'node', node })
  }
  let index = 0
  while (index < nonWs.length) {
    const first = nonWs[index]
    if (nonWs.length - index < 3) {
      push(...nonWs.slice(index))
      break
    }
    if (first === undefined || !isGroup(first, 'Identifier')) {
      push(first)
      index++
      continue
    }
    const second = nonWs[index + 1]
    const third = nonWs[index + 2]
    if (second === undefined || third === undefined) break
    if (matches(second, 'Keyword', ['IN']) && isGroup(third, 'Parenthesis')) {
      joined.push(comparisonOf([first, second, third]))
      index += 3
      continue
    }
    if (matches(second, 'Keyword', ['IS']) && matches(third, 'Keyword', ['NULL'])) {
      joined.push(comparisonOf([first, synthetic('IS NULL', second, third)]))
      index += 3
      continue
    }
    if (
      matches(second, 'Keyword', ['IS']) &&
      isLeaf(third) &&
      third.type === 'Keyword' &&
      third.value.toUpperCase() === 'NOT NULL'
    ) {
      joined.push(comparisonOf([first, synthetic('IS NOT NULL', second, third)]))
      index += 3
      continue
    }
    const fourth = nonWs[index + 3]
    if (fourth === undefined) {
      push(first, second, third)
      break
    }
    if (
      matches(second, 'Keyword', ['NOT']) &&
      matches(third, 'Keyword', ['IN']) &&
      isGroup(fourth, 'Parenthesis')
    ) {
      joined.push(comparisonOf([first, synthetic('NOT IN', second, third), fourth]))
      index += 4
      continue
    }
    push(first, second, third, fourth)
    index += 4
  }
  return joined
}

/**
 * `parse_search_filter` up to the comparisons: statement splitting and the "Invalid clause(s)" check.
 * Runs quote each offending token in that message; the other searches do not.
 */
export function splitComparisons(
  text: string,
  quoteInvalidClauses: boolean,
  options: FilterParseOptions,
): ParseResult<ComparisonTokens[]> {
  const whole = { start: 0, end: text.length }
  if (text === '') return { ok: true, value: [] }
  const parsed = parseSql(text)
  if (!parsed.ok) return parseError(`Error on parsing filter '${text}'`, whole)
  const [statement, second] = parsed.statements
  if (statement === undefined) {
    if (options.rejectBlank !== true) return { ok: true, value: [] }
    return parseError(`Invalid filter '${text}'. Could not be parsed.`, whole)
  }
  if (second !== undefined) {
    return parseError(
      `Search filter contained multiple expression ${pyRepr({ t: 'str', v: text })}. Provide AND-ed expression list.`,
      { start: second.start, end: text.length },
    )
  }
  const joined = joinInComparisons(statement.tokens).map((j): Joined =>
    j.kind === 'node' && isGroup(j.node, 'Comparison')
      ? comparisonOf(
          j.node.tokens.filter((t) => !isWhitespace(t)),
          j.node,
        )
      : j,
  )
  const invalid = joined.flatMap((j) =>
    j.kind === 'node' && !isWhitespace(j.node) && !matches(j.node, 'Keyword', ['AND']) ? [j.node] : [],
  )
  const firstInvalid = invalid[0]
  if (firstInvalid !== undefined) {
    const listed = invalid.map((t) => (quoteInvalidClauses ? `'${nodeValue(t)}'` : nodeValue(t))).join(', ')
    return parseError(`Invalid clause(s) in filter string: ${listed}`, firstInvalid)
  }
  return { ok: true, value: joined.flatMap((j) => (j.kind === 'comparison' ? [j.comparison] : [])) }
}

/** A comparison's parts: `value` is absent for IS [NOT] NULL. */
export interface ComparisonParts extends Span {
  readonly identifier: SqlNode
  readonly comparator: SqlNode
  readonly value: SqlNode | undefined
}

/** `_validate_comparison`: an identifier, then a comparator and a value (or IS [NOT] NULL alone). */
export function validateComparison(comparison: ComparisonTokens): ParseResult<ComparisonParts> {
  const [first, second, third] = comparison.tokens
  const span = { start: comparison.start, end: comparison.end }
  const notIdentifier = (token: SqlNode | undefined) =>
    parseError(
      `Invalid comparison clause. Expected 'Identifier' found '${token === undefined ? '' : nodeValue(token)}'`,
      token ?? span,
    )
  if (comparison.tokens.length === 2 && second !== undefined) {
    const comparator = nodeValue(second).toUpperCase()
    if (comparator === 'IS NULL' || comparator === 'IS NOT NULL') {
      if (first === undefined || !isGroup(first, 'Identifier')) return notIdentifier(first)
      return { ok: true, value: { ...span, identifier: first, comparator: second, value: undefined } }
    }
  }
  if (comparison.tokens.length !== 3 || second === undefined || third === undefined) {
    return parseError(`Invalid comparison clause. Expected 3 tokens found ${comparison.tokens.length}`, span)
  }
  if (first === undefined || !isGroup(first, 'Identifier')) return notIdentifier(first)
  return { ok: true, value: { ...span, identifier: first, comparator: second, value: third } }
}

// ---------------------------------------------------------------------------------------------
// Value helpers shared by the searches

export function isQuoted(value: string, quote: string): boolean {
  return value.length >= 2 && value.startsWith(quote) && value.endsWith(quote)
}

/** `_trim_backticks`. */
export function trimBackticks(value: string): string {
  return isQuoted(value, '`') ? value.slice(1, -1) : value
}

/** `_strip_quotes` without `expect_quoted_value`: drops one pair of surrounding ' or ". */
export function stripQuotes(value: string): string {
  return isQuoted(value, "'") || isQuoted(value, '"') ? value.slice(1, -1) : value
}

/**
 * A string value the way `_get_value` reads it: a single-quoted string or any identifier, then
 * `_strip_quotes(..., expect_quoted_value=True)`. Quotes inside are not unescaped: `'it''s'` is the
 * five characters `it''s`.
 */
export function quotedValue(node: SqlNode): ParseResult<string> {
  const value = nodeValue(node)
  if (isQuoted(value, "'") || isQuoted(value, '"')) return { ok: true, value: value.slice(1, -1) }
  return parseError(
    `Parameter value is either not quoted or unidentified quote types used for string value ${value}. ` +
      'Use either single or double quotes.',
    node,
  )
}

export function isStringOrIdentifier(node: SqlNode): boolean {
  return (isLeaf(node) && node.type === 'Literal.String.Single') || isGroup(node, 'Identifier')
}

export function isNumberToken(node: SqlNode): node is SqlLeaf {
  return isLeaf(node) && (node.type === 'Literal.Number.Integer' || node.type === 'Literal.Number.Float')
}

/** Python's `float()`/`int()` accept any Unicode decimal digit; sqlparse's `\d` lets them through. */
function asciiDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (digit) => {
    let cp = digit.codePointAt(0) ?? 0x30
    let zero = cp
    while (/\p{Nd}/u.test(String.fromCodePoint(zero - 1))) zero--
    cp = (cp - zero) % 10
    return String(cp)
  })
}

/** The number a numeric token stands for, as Python's `float(token.value)` reads it. */
export function tokenNumber(token: SqlLeaf): number {
  return Number(asciiDigits(token.value))
}

/**
 * Python's `int(text)` for a string (surrounding whitespace, a sign, underscores between digits,
 * any Unicode digits); undefined where Python raises ValueError.
 */
export function pythonInt(text: string): number | undefined {
  const match = /^\s*([+-]?)(\p{Nd}+(?:_\p{Nd}+)*)\s*$/u.exec(text)
  if (match === null) return undefined
  return Number(`${match[1] ?? ''}${asciiDigits((match[2] ?? '').replace(/_/g, ''))}`)
}

/**
 * `_parse_list_from_sql_token`: the parenthesised text goes through Python's `ast.literal_eval`, and
 * must give a non-empty tuple (or a single value) of strings.
 */
export function listValue(node: SqlNode): ParseResult<readonly string[]> {
  const result = literalEval(nodeValue(node))
  const fail = (message: string, code: FilterErrorCode = 'INVALID_PARAMETER_VALUE') =>
    parseError(message, node, code)
  if (!result.ok) {
    return result.kind === 'syntax'
      ? fail(
          'While parsing a list in the query, expected a non-empty list of string values, but got ill-formed list.',
        )
      : fail(result.message, 'INTERNAL_ERROR')
  }
  const items = result.value.t === 'tuple' ? result.value.items : [result.value]
  if (items.length === 0) {
    return fail(
      'While parsing a list in the query, expected a non-empty list of string values, but got empty list',
    )
  }
  const strings = items.flatMap((item) => (item.t === 'str' ? [item.v] : []))
  if (strings.length !== items.length) {
    const tuple = pyRepr({ t: 'tuple', items })
    return fail(
      'While parsing a list in the query, expected string value, punctuation, or whitespace, but got different ' +
        `type in list: ${tuple}`,
    )
  }
  return { ok: true, value: strings }
}

/** Python's `repr()` of a set of strings, in a fixed order (the server's order varies per process). */
export function pySet(values: readonly string[]): string {
  return `{${values.map((v) => pyRepr({ t: 'str', v })).join(', ')}}`
}

export function pyStr(value: string): string {
  return pyRepr({ t: 'str', v: value })
}

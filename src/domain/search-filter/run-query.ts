/**
 * Runboard's run filter: MLflow's grammar (`parse-filter.ts`) plus three things the server does not
 * take, which the browser applies to the runs the server returns:
 * - `OR` between AND-groups (AND binds tighter), and parentheses for grouping;
 * - `attributes.status IN (...)` / `NOT IN` (MLflow allows lists only on run_id);
 * - free text: a condition with no operator, no quotes and no keyword (`resnet lr`) means
 *   `attributes.run_name ILIKE '%resnet lr%'`. Nothing is escaped (MLflow's LIKE has no escape
 *   character), so `%` and `_` typed in free text keep their wildcard meaning; `_` still matches
 *   itself, it just matches any other character too.
 *
 * An AND-group with no parentheses and no extension is parsed by MLflow's rules as one piece, so
 * whatever the server accepts is read exactly as the server reads it. Only when that fails are its
 * conditions read one by one, which is where the extensions come in.
 */

import { checkRunFilter, parseRunFilterSyntax, type RunClause, type RunFilter } from './parse-filter'
import { parseError, type FilterError, type ParseResult } from './parse-result'
import { serializeRunFilter, type SerializeResult } from './serialize-filter'
import { tokenizeSql } from './sql-lexer'
import { isTypeIn, type SqlLeaf } from './sql-token'

/** OR of ANDs; no disjuncts is no filter. */
export interface RunQuery {
  readonly disjuncts: readonly RunFilter[]
}

export interface QueryClauseNode {
  readonly kind: 'clause'
  readonly clause: RunClause
  /** Written as free text (`resnet`) rather than as a comparison. */
  readonly freeText: boolean
  readonly start: number
  readonly end: number
}

export interface QueryListNode {
  readonly kind: 'and' | 'or'
  /** At least two. */
  readonly items: readonly QueryNode[]
  readonly start: number
  readonly end: number
}

export interface QueryGroupNode {
  readonly kind: 'group'
  readonly inner: QueryNode
  /** The parentheses included. */
  readonly start: number
  readonly end: number
}

/** The filter as written, with the span of every part (UTF-16 offsets into the text). */
export type QueryNode = QueryClauseNode | QueryListNode | QueryGroupNode

/** Past this, `(a OR b) AND (c OR d) AND ...` multiplies out into too many AND-groups. */
export const MAX_DISJUNCTS = 100

// ---------------------------------------------------------------------------------------------
// Parsing

interface Cursor {
  readonly text: string
  readonly tokens: readonly SqlLeaf[]
  index: number
}

class QuerySyntaxError extends Error {
  constructor(readonly error: FilterError) {
    super(error.message)
  }
}

function fail(message: string, span: { readonly start: number; readonly end: number }): never {
  throw new QuerySyntaxError(parseError(message, span).error)
}

function isWord(token: SqlLeaf | undefined, word: 'AND' | 'OR'): boolean {
  return token !== undefined && isTypeIn(token.type, 'Keyword') && token.value.toUpperCase() === word
}

function isPunctuation(token: SqlLeaf | undefined, value: '(' | ')'): boolean {
  return token !== undefined && token.type === 'Punctuation' && token.value === value
}

/** A quote the lexer could not close: everything after it belongs to the string. */
function isOpenQuote(token: SqlLeaf): boolean {
  return token.type === 'Error' && (token.value === "'" || token.value === '"' || token.value === '`')
}

function shift(error: FilterError, offset: number): FilterError {
  return { ...error, start: error.start + offset, end: error.end + offset }
}

const ENTITY_PREFIX = /^(?:metrics?|params?|parameters?|tags?|attributes?|attr|run|datasets?)\s*\./i

/** Characters and words that make a condition filter syntax rather than free text. */
const NOT_FREE_TEXT_CHARS = /[=<>!'"`(),;~]/
const NOT_FREE_TEXT_WORDS = /(?:^|[^\p{L}\p{N}_])(?:not|in|is|null|like|ilike)(?![\p{L}\p{N}_])/iu

/** Whether a condition (trimmed, non-empty) is free text on the run name. */
export function isFreeText(condition: string): boolean {
  return (
    condition !== '' &&
    !NOT_FREE_TEXT_CHARS.test(condition) &&
    !NOT_FREE_TEXT_WORDS.test(condition) &&
    !ENTITY_PREFIX.test(condition)
  )
}

/** The clause free text stands for. */
export function freeTextClause(text: string): RunClause {
  return { entity: 'attribute', key: 'run_name', comparator: 'ILIKE', value: `%${text}%` }
}

const STATUS_IDENTIFIERS: ReadonlySet<string> = new Set(
  ['', 'attributes.', 'attribute.', 'attr.', 'run.'].flatMap((prefix) =>
    ['status', '`status`', '"status"', "'status'"].map((key) => `${prefix}${key}`),
  ),
)
const STATUS_LIST = /^(\S+)\s+(not\s+in|in)\s*(\(.*\))\s*$/is

/**
 * `attributes.status IN (...)`: read the list with MLflow's own rules by parsing it as the one
 * attribute that takes a list (run_id), with error positions mapped back.
 */
function parseStatusList(condition: string, offset: number): ParseResult<QueryClauseNode> | undefined {
  const match = STATUS_LIST.exec(condition)
  const [, identifier, rawComparator, list] = match ?? []
  if (identifier === undefined || rawComparator === undefined || list === undefined) return undefined
  if (!STATUS_IDENTIFIERS.has(identifier)) return undefined
  const comparator = rawComparator.length > 2 ? 'NOT IN' : 'IN'
  const stand = `attributes.run_id ${comparator} `
  const parsed = parseRunFilterSyntax(stand + list)
  const checked = parsed.ok ? checkRunFilter(parsed.value) : parsed
  const listAt = offset + condition.lastIndexOf(list)
  if (!checked.ok) {
    const inList = checked.error.start >= stand.length
    const error = inList
      ? shift(checked.error, listAt - stand.length)
      : { ...checked.error, start: offset, end: offset + condition.length }
    return { ok: false, error }
  }
  const [clause] = checked.value
  if (clause === undefined || checked.value.length !== 1 || !Array.isArray(clause.value)) return undefined
  return {
    ok: true,
    value: {
      kind: 'clause',
      clause: { entity: 'attribute', key: 'status', comparator, value: clause.value },
      freeText: false,
      start: offset,
      end: offset + condition.length,
    },
  }
}

/** MLflow's parse of a piece of the text, spans in the whole text. */
function parseMlflow(text: string, offset: number): ParseResult<QueryClauseNode[]> {
  const syntax = parseRunFilterSyntax(text)
  if (!syntax.ok) return { ok: false, error: shift(syntax.error, offset) }
  const checked = checkRunFilter(syntax.value)
  if (!checked.ok) return { ok: false, error: shift(checked.error, offset) }
  return {
    ok: true,
    value: checked.value.map((clause, i) => {
      const span = syntax.value[i]?.span ?? { start: 0, end: text.length }
      return { kind: 'clause', clause, freeText: false, start: span.start + offset, end: span.end + offset }
    }),
  }
}

/** One condition between connectives: free text, a status list, or MLflow clauses. */
function parseCondition(text: string, start: number, end: number): QueryClauseNode[] {
  const raw = text.slice(start, end)
  const lead = raw.length - raw.trimStart().length
  const condition = raw.trim()
  const offset = start + lead
  if (isFreeText(condition)) {
    return [
      {
        kind: 'clause',
        clause: freeTextClause(condition),
        freeText: true,
        start: offset,
        end: offset + condition.length,
      },
    ]
  }
  const status = parseStatusList(condition, offset)
  if (status !== undefined) {
    if (!status.ok) throw new QuerySyntaxError(status.error)
    return [status.value]
  }
  const parsed = parseMlflow(condition, offset)
  if (!parsed.ok) throw new QuerySyntaxError(parsed.error)
  if (parsed.value.length === 0)
    fail('Expected a condition', { start: offset, end: offset + condition.length })
  return parsed.value
}

type Factor =
  | {
      readonly kind: 'condition'
      readonly from: number
      readonly to: number
      /** A quote the lexer could not close, which runs to the end of the text. */
      readonly openQuote: SqlLeaf | undefined
    }
  | { readonly kind: 'group'; readonly node: QueryGroupNode }

/** The span of tokens [from, to) in the text; an empty range gives the position of `from`. */
function tokenSpan(cursor: Cursor, from: number, to: number): { start: number; end: number } {
  const first = cursor.tokens[from]
  const last = cursor.tokens[to - 1]
  if (first === undefined || last === undefined || to <= from) {
    const at = first?.start ?? cursor.text.length
    return { start: at, end: at }
  }
  return { start: first.start, end: last.end }
}

/** Where to point when a condition is missing: the connective before it, else the one after it. */
function missingConditionAt(cursor: Cursor, from: number): { start: number; end: number } {
  const before = cursor.tokens[from - 1]
  const after = cursor.tokens[from]
  const at = before ?? after
  if (at === undefined) return { start: cursor.text.length, end: cursor.text.length }
  return { start: at.start, end: at.end }
}

function listNode(kind: 'and' | 'or', items: QueryNode[]): QueryNode | undefined {
  const first = items[0]
  const last = items[items.length - 1]
  if (first === undefined || last === undefined) return undefined
  if (items.length === 1) return first
  return { kind, items, start: first.start, end: last.end }
}

function parseGroup(cursor: Cursor): QueryGroupNode {
  const open = cursor.tokens[cursor.index]
  if (open === undefined)
    return fail('Expected a condition', { start: cursor.text.length, end: cursor.text.length })
  cursor.index++
  const inner = parseOr(cursor, true)
  const close = cursor.tokens[cursor.index]
  if (close === undefined || !isPunctuation(close, ')')) {
    return fail("Missing ')' for this '('", { start: open.start, end: open.end })
  }
  cursor.index++
  if (inner === undefined)
    return fail('Expected a condition inside the parentheses', { start: open.start, end: close.end })
  return { kind: 'group', inner, start: open.start, end: close.end }
}

/** The tokens of one condition: up to a connective or a closing parenthesis at this level. */
function scanCondition(cursor: Cursor): Factor {
  const from = cursor.index
  let depth = 0
  let openQuote: SqlLeaf | undefined
  while (cursor.index < cursor.tokens.length) {
    const token = cursor.tokens[cursor.index]
    if (token === undefined) break
    if (isOpenQuote(token)) {
      openQuote = token
      cursor.index = cursor.tokens.length
      break
    }
    if (depth === 0 && (isWord(token, 'AND') || isWord(token, 'OR') || isPunctuation(token, ')'))) break
    if (isPunctuation(token, '(')) depth++
    if (isPunctuation(token, ')')) depth--
    cursor.index++
  }
  return { kind: 'condition', from, to: cursor.index, openQuote }
}

function parseAnd(cursor: Cursor): QueryNode | undefined {
  const chainFrom = cursor.index
  const factors: Factor[] = []
  for (;;) {
    const token = cursor.tokens[cursor.index]
    factors.push(
      isPunctuation(token, '(') ? { kind: 'group', node: parseGroup(cursor) } : scanCondition(cursor),
    )
    if (!isWord(cursor.tokens[cursor.index], 'AND')) break
    cursor.index++
  }
  const chainTo = cursor.index
  // No parentheses: first as MLflow reads it, so what the server accepts means what it means there.
  if (factors.every((f) => f.kind === 'condition')) {
    const span = tokenSpan(cursor, chainFrom, chainTo)
    const whole = parseMlflow(cursor.text.slice(span.start, span.end), span.start)
    if (whole.ok) return listNode('and', whole.value)
    if (chainTo === chainFrom) return undefined
  }
  const items: QueryNode[] = []
  for (const factor of factors) {
    if (factor.kind === 'group') {
      items.push(factor.node)
      continue
    }
    if (factor.to === factor.from) fail('Expected a condition here', missingConditionAt(cursor, factor.from))
    if (factor.openQuote !== undefined) {
      fail(`Missing closing ${factor.openQuote.value}`, {
        start: factor.openQuote.start,
        end: cursor.text.length,
      })
    }
    const span = tokenSpan(cursor, factor.from, factor.to)
    items.push(...parseCondition(cursor.text, span.start, span.end))
  }
  return listNode('and', items)
}

function parseOr(cursor: Cursor, inGroup: boolean): QueryNode | undefined {
  const items: QueryNode[] = []
  let sawOr = false
  for (;;) {
    const from = cursor.index
    const item = parseAnd(cursor)
    const next = cursor.tokens[cursor.index]
    const more = isWord(next, 'OR')
    if (item === undefined) {
      if (sawOr || more)
        fail(`Expected a condition ${sawOr ? 'after' : 'before'} OR`, missingConditionAt(cursor, from))
    } else {
      items.push(item)
    }
    if (!more) break
    sawOr = true
    cursor.index++
  }
  const next = cursor.tokens[cursor.index]
  if (next !== undefined && !(inGroup && isPunctuation(next, ')'))) {
    if (isPunctuation(next, ')')) fail("Unmatched ')'", next)
    fail(`Expected AND or OR before '${next.value}'`, next)
  }
  return listNode('or', items)
}

/**
 * The filter as written, or undefined for blank text (no filter). Errors carry the offending span.
 */
export function parseRunQueryTree(text: string): ParseResult<QueryNode | undefined> {
  const tokens = tokenizeSql(text).filter((t) => !isTypeIn(t.type, 'Text.Whitespace'))
  const cursor: Cursor = { text, tokens, index: 0 }
  try {
    const root = parseOr(cursor, false)
    if (root !== undefined) disjunctsOf(root)
    return { ok: true, value: root }
  } catch (error) {
    if (error instanceof QuerySyntaxError) return { ok: false, error: error.error }
    throw error
  }
}

/** The AND-groups a node multiplies out to. */
function disjunctsOf(node: QueryNode): RunClause[][] {
  switch (node.kind) {
    case 'clause':
      return [[node.clause]]
    case 'group':
      return disjunctsOf(node.inner)
    case 'or':
      return node.items.flatMap(disjunctsOf)
    case 'and': {
      let product: RunClause[][] = [[]]
      for (const item of node.items) {
        const options = disjunctsOf(item)
        if (product.length * options.length > MAX_DISJUNCTS) {
          fail(`This filter multiplies out to more than ${MAX_DISJUNCTS} alternatives`, node)
        }
        product = product.flatMap((left) => options.map((right) => [...left, ...right]))
      }
      return product
    }
  }
}

/** The query a tree stands for. */
export function queryOfTree(root: QueryNode | undefined): RunQuery {
  return { disjuncts: root === undefined ? [] : disjunctsOf(root) }
}

/** Parse the filter box's text; errors carry start/end in `text`. */
export function parseRunQuery(text: string): ParseResult<RunQuery> {
  const tree = parseRunQueryTree(text)
  return tree.ok ? { ok: true, value: queryOfTree(tree.value) } : tree
}

/** The leaf clauses of a tree, in text order. */
export function queryClauses(root: QueryNode | undefined): QueryClauseNode[] {
  if (root === undefined) return []
  switch (root.kind) {
    case 'clause':
      return [root]
    case 'group':
      return queryClauses(root.inner)
    case 'and':
    case 'or':
      return root.items.flatMap(queryClauses)
  }
}

// ---------------------------------------------------------------------------------------------
// Writing

function sameValue(a: RunClause['value'], b: RunClause['value']): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i])
  return Object.is(a, b)
}

export function sameRunClause(a: RunClause, b: RunClause): boolean {
  return (
    a.entity === b.entity && a.key === b.key && a.comparator === b.comparator && sameValue(a.value, b.value)
  )
}

export function sameRunQuery(a: RunQuery, b: RunQuery): boolean {
  return (
    a.disjuncts.length === b.disjuncts.length &&
    a.disjuncts.every((clauses, i) => {
      const other = b.disjuncts[i] ?? []
      return clauses.length === other.length && clauses.every((c, j) => sameRunClause(c, other[j] ?? c))
    })
  )
}

function isStatusList(clause: RunClause): boolean {
  return (
    clause.entity === 'attribute' &&
    clause.key === 'status' &&
    (clause.comparator === 'IN' || clause.comparator === 'NOT IN')
  )
}

/** Whether the server can apply this clause; the others (`attributes.status IN`) run in the browser. */
export function isServerClause(clause: RunClause): boolean {
  return !isStatusList(clause)
}

/** One clause as filter text, in the most readable form that reads back as the same clause. */
export function serializeRunClause(clause: RunClause): SerializeResult {
  if (!isStatusList(clause)) return serializeRunFilter([clause])
  const written = serializeRunFilter([{ ...clause, key: 'run_id' }])
  if (!written.ok) return written
  return { ok: true, value: written.value.replace(/^attributes\.run_id/, 'attributes.status') }
}

/** A query as filter text: AND-groups joined with OR (AND binds tighter, so no parentheses). */
export function serializeRunQuery(query: RunQuery): SerializeResult {
  const groups: string[] = []
  for (const clauses of query.disjuncts) {
    const parts: string[] = []
    for (const [index, clause] of clauses.entries()) {
      const written = serializeRunClause(clause)
      if (!written.ok) return { ok: false, error: { ...written.error, clause: index } }
      parts.push(written.value)
    }
    groups.push(parts.join(' AND '))
  }
  const text = groups.join(' OR ')
  const back = parseRunQuery(text)
  if (!back.ok || !sameRunQuery(back.value, query)) {
    return {
      ok: false,
      error: { message: 'The query cannot be written so that it reads back unchanged', clause: 0 },
    }
  }
  return { ok: true, value: text }
}

// ---------------------------------------------------------------------------------------------
// Planning

export interface QueryPlan {
  /** MLflow filter text for runs/search ('' = none). */
  readonly serverFilter: string
  /** Applied in the browser to what the server returns; undefined when the server does everything. */
  readonly clientQuery: RunQuery | undefined
  /** Human text for the UI: what the server filters on, and what the browser does ('' = nothing). */
  readonly serverText: string
  readonly clientText: string
}

const NO_PLAN: QueryPlan = { serverFilter: '', clientQuery: undefined, serverText: '', clientText: '' }

function textOf(query: RunQuery): string {
  const written = serializeRunQuery(query)
  return written.ok ? written.value : ''
}

/**
 * Split a query between the server and the browser. One AND-group: the server gets every clause it
 * supports, the browser the rest. Several: the server gets the clauses common to all of them (maybe
 * none) and the browser evaluates the whole query on what comes back.
 */
export function planRunQuery(query: RunQuery): QueryPlan {
  const [first, ...rest] = query.disjuncts
  if (first === undefined) return NO_PLAN
  const server =
    rest.length === 0
      ? first.filter(isServerClause)
      : first.filter(
          (clause, index) =>
            isServerClause(clause) &&
            first.findIndex((c) => sameRunClause(c, clause)) === index &&
            rest.every((clauses) => clauses.some((c) => sameRunClause(c, clause))),
        )
  const written = serializeRunFilter(server)
  const serverFilter = written.ok ? written.value : ''
  let clientQuery: RunQuery | undefined
  if (!written.ok) clientQuery = query
  else if (rest.length > 0) clientQuery = query
  else {
    const client = first.filter((clause) => !isServerClause(clause))
    clientQuery = client.length === 0 ? undefined : { disjuncts: [client] }
  }
  return {
    serverFilter,
    clientQuery,
    serverText: serverFilter,
    clientText: clientQuery === undefined ? '' : textOf(clientQuery),
  }
}

/**
 * A port of sqlparse 0.6.1's grouping engine (`sqlparse/engine/grouping.py`), the part
 * of `sqlparse.parse` MLflow's search parsers depend on. Function names follow sqlparse's so the two
 * can be read side by side; behaviour (including its accidents) is kept, because it decides which
 * filters the server accepts: `tags.x DESC = 'a'` is a valid filter on tag "x DESC" only because
 * `group_order` folds ASC/DESC into the identifier.
 */

import { tokenizeSql } from './sql-lexer'
import { splitStatements } from './sql-split'
import {
  hasTypeOf,
  isGroup,
  isKeyword,
  isLeaf,
  isTypeIn,
  isWhitespace,
  matches,
  nodeValue,
  normalizedValue,
  makeSqlGroup,
  type SqlGroup,
  type SqlGroupKind,
  type SqlNode,
  type SqlTokenType,
} from './sql-token'

const MAX_GROUPING_DEPTH = 100
const MAX_GROUPING_TOKENS = 10000

/** sqlparse's `SQLParseError` (grouping limits); MLflow reports it as "Error on parsing filter". */
class GroupingLimitError extends Error {}

export type SqlParseOutcome = { ok: true; statements: SqlGroup[] } | { ok: false }

/** `sqlparse.parse(text)`: split into statements, then group each. */
export function parseSql(text: string): SqlParseOutcome {
  const statements = splitStatements(text, tokenizeSql(text))
  try {
    for (const statement of statements) group(statement)
  } catch (error) {
    if (error instanceof GroupingLimitError) return { ok: false }
    throw error
  }
  return { ok: true, statements }
}

// ---------------------------------------------------------------------------------------------
// TokenList navigation (`sql.TokenList`)

type Found = readonly [number, SqlNode] | readonly [undefined, undefined]
const NOT_FOUND: Found = [undefined, undefined]

function tokenMatching(tlist: SqlGroup, pred: (t: SqlNode) => boolean, start: number): Found {
  for (let i = start; i < tlist.tokens.length; i++) {
    const token = tlist.tokens[i]
    if (token !== undefined && pred(token)) return [i, token]
  }
  return NOT_FOUND
}

/** `token_next_by(..., idx)`: the first match after `idx`. */
function tokenNextBy(tlist: SqlGroup, pred: (t: SqlNode) => boolean, idx = -1): Found {
  return tokenMatching(tlist, pred, idx + 1)
}

/** `token_next(idx)`: the next token after `idx`, skipping whitespace (not comments) by default. */
function tokenNext(tlist: SqlGroup, idx: number | undefined, skipWs = true): Found {
  if (idx === undefined) return NOT_FOUND
  return tokenMatching(tlist, (t) => !(skipWs && isWhitespace(t)), idx + 1)
}

function tokenPrev(tlist: SqlGroup, idx: number | undefined, skipWs = true): Found {
  if (idx === undefined) return NOT_FOUND
  for (let i = idx - 1; i >= 0; i--) {
    const token = tlist.tokens[i]
    if (token !== undefined && !(skipWs && isWhitespace(token))) return [i, token]
  }
  return NOT_FOUND
}

/** `group_tokens`: replace tokens[start..end] by one group (or append them to tokens[start]). */
function groupTokens(
  tlist: SqlGroup,
  kind: SqlGroupKind,
  start: number,
  end: number,
  extend = false,
): SqlGroup {
  const first = tlist.tokens[start]
  if (extend && isGroup(first) && (kind === 'TokenList' || first.kind === kind)) {
    const sub = tlist.tokens.splice(start + 1, end - start)
    first.tokens.push(...sub)
    const last = sub[sub.length - 1]
    if (last !== undefined) first.end = last.end
    return first
  }
  const sub = tlist.tokens.slice(start, end + 1)
  const grp = makeSqlGroup(kind, sub, tlist.text)
  tlist.tokens.splice(start, end - start + 1, grp)
  return grp
}

function checkLimits(tlist: SqlGroup, depth: number): void {
  if (depth > MAX_GROUPING_DEPTH || tlist.tokens.length > MAX_GROUPING_TOKENS) throw new GroupingLimitError()
}

/** The `@recurse(*excluded)` decorator: sublists first, then the list itself. */
function recurse(fn: (tlist: SqlGroup) => void, excluded: readonly SqlGroupKind[] = []) {
  const wrapped = (tlist: SqlGroup): void => {
    for (const token of [...tlist.tokens]) {
      if (isGroup(token) && !excluded.includes(token.kind)) wrapped(token)
    }
    fn(tlist)
  }
  return wrapped
}

// ---------------------------------------------------------------------------------------------
// Grouping (`engine/grouping.py`)

/** Groups whose first and last tokens are their delimiters (`_DELIMITED_GROUPS`). */
const DELIMITED: readonly SqlGroupKind[] = ['Parenthesis', 'SquareBrackets', 'Case', 'If', 'For', 'Begin']
/** Groups whose `_groupable_tokens` leave out the brackets. */
const BRACKETED: readonly SqlGroupKind[] = ['Parenthesis', 'SquareBrackets']

function isDelimiter(tlist: SqlGroup, token: SqlNode | undefined): boolean {
  return (
    token !== undefined &&
    DELIMITED.includes(tlist.kind) &&
    (token === tlist.tokens[0] || token === tlist.tokens[tlist.tokens.length - 1])
  )
}

type Matcher = (t: SqlNode) => boolean
interface Pair {
  open: Matcher
  close: Matcher
}

const kw =
  (...values: string[]): Matcher =>
  (t) =>
    matches(t, 'Keyword', values)
const punct =
  (value: string): Matcher =>
  (t) =>
    matches(t, 'Punctuation', [value])

type BlockKind = 'Case' | 'If' | 'For' | 'Begin'
const BLOCK_ORDER: readonly BlockKind[] = ['Case', 'If', 'For', 'Begin']
const MATCHING: Readonly<Record<'Parenthesis' | 'SquareBrackets', Pair>> = {
  Parenthesis: { open: punct('('), close: punct(')') },
  SquareBrackets: { open: punct('['), close: punct(']') },
}
const BLOCKS: Readonly<Record<BlockKind, Pair>> = {
  Case: { open: kw('CASE'), close: kw('END') },
  If: { open: kw('IF'), close: kw('END IF') },
  For: { open: kw('FOR', 'FOREACH'), close: kw('END LOOP') },
  Begin: { open: kw('BEGIN'), close: kw('END') },
}

function groupMatching(tlist: SqlGroup, kind: SqlGroupKind, pair: Pair, depth = 0): void {
  checkLimits(tlist, depth)
  const opens: number[] = []
  let offset = 0
  for (const [idx, token] of [...tlist.tokens].entries()) {
    const tidx = idx - offset
    if (isWhitespace(token)) continue
    if (isGroup(token) && token.kind !== kind) {
      groupMatching(token, kind, pair, depth + 1)
      continue
    }
    if (pair.open(token)) {
      opens.push(tidx)
    } else if (pair.close(token)) {
      const openIdx = opens.pop()
      if (openIdx === undefined) continue
      groupTokens(tlist, kind, openIdx, tidx)
      offset += tidx - openIdx
    }
  }
}

interface GroupSpec {
  kind: SqlGroupKind
  match: Matcher
  validPrev: (t: SqlNode | undefined) => boolean
  validNext: (t: SqlNode | undefined) => boolean
  post: (tlist: SqlGroup, pidx: number, tidx: number, nidx: number | undefined) => readonly [number, number]
  extend?: boolean
  recurse?: boolean
}

/** sqlparse's `_group`: joins `prev <match> next` when both sides are valid. */
function groupGeneric(tlist: SqlGroup, spec: GroupSpec, depth = 0): void {
  checkLimits(tlist, depth)
  const extend = spec.extend ?? true
  let offset = 0
  let pidx: number | undefined
  let prev: SqlNode | undefined
  for (const [idx, token] of [...tlist.tokens].entries()) {
    const tidx = idx - offset
    if (tidx < 0) continue
    if (isWhitespace(token)) continue
    if ((spec.recurse ?? true) && isGroup(token) && token.kind !== spec.kind) {
      groupGeneric(token, spec, depth + 1)
    }
    if (spec.match(token)) {
      const [nidx, next] = tokenNext(tlist, tidx)
      if (
        prev !== undefined &&
        pidx !== undefined &&
        spec.validPrev(prev) &&
        spec.validNext(next) &&
        !isDelimiter(tlist, prev) &&
        !isDelimiter(tlist, next)
      ) {
        const [from, to] = spec.post(tlist, pidx, tidx, nidx)
        const grp = groupTokens(tlist, spec.kind, from, to, extend)
        offset += to - from
        pidx = from
        prev = grp
        continue
      }
    }
    pidx = tidx
    prev = token
  }
}

const spanPost: GroupSpec['post'] = (_tlist, pidx, tidx, nidx) => [pidx, nidx ?? tidx]
const notNone = (t: SqlNode | undefined) => t !== undefined

const NUMERICAL_STRING_NAME: readonly SqlTokenType[] = [
  'Literal.Number.Float',
  'Literal.Number.Integer',
  'Literal.String.Single',
  'Literal.String.Symbol',
  'Name',
  'Name.Placeholder',
]

const inKinds = (t: SqlNode | undefined, kinds: readonly SqlGroupKind[]) =>
  isGroup(t) && kinds.includes(t.kind)

const groupComments = recurse(
  (tlist) => {
    let [tidx, token] = tokenNextBy(tlist, (t) => isLeaf(t) && isTypeIn(t.type, 'Comment'))
    while (token !== undefined && tidx !== undefined) {
      const [eidx] = tokenMatching(
        tlist,
        (t) =>
          !(
            (isLeaf(t) && isTypeIn(t.type, 'Comment')) ||
            (isLeaf(t) && t.type === 'Text.Whitespace.Newline')
          ),
        tidx,
      )
      if (eidx === undefined) break
      const [endIdx] = tokenPrev(tlist, eidx, false)
      groupTokens(tlist, 'Comment', tidx, endIdx ?? tidx)
      ;[tidx, token] = tokenNextBy(tlist, (t) => isLeaf(t) && isTypeIn(t.type, 'Comment'), tidx)
    }
  },
  ['Comment'],
)

const groupOver = recurse(
  (tlist) => {
    const isOver = kw('OVER')
    let [tidx, token] = tokenNextBy(tlist, isOver)
    while (token !== undefined && tidx !== undefined) {
      const [nidx, next] = tokenNext(tlist, tidx)
      if (
        nidx !== undefined &&
        (isGroup(next, 'Parenthesis') || (isLeaf(next) && isTypeIn(next.type, 'Name')))
      ) {
        groupTokens(tlist, 'Over', tidx, nidx)
      }
      ;[tidx, token] = tokenNextBy(tlist, isOver, tidx)
    }
  },
  ['Over'],
)

const groupFunctions = recurse(
  (tlist) => {
    const upper = tlist.tokens.map((t) => nodeValue(t).toUpperCase())
    if (upper.includes('CREATE') && upper.includes('TABLE') && !upper.includes('AS')) return
    const isName = (t: SqlNode) => isLeaf(t) && isTypeIn(t.type, 'Name')
    let [tidx, token] = tokenNextBy(tlist, isName)
    while (token !== undefined && tidx !== undefined) {
      const [nidx, next] = tokenNext(tlist, tidx)
      if (nidx !== undefined && isGroup(next, 'Parenthesis')) {
        const [overIdx, over] = tokenNext(tlist, nidx)
        groupTokens(tlist, 'Function', tidx, isGroup(over, 'Over') && overIdx !== undefined ? overIdx : nidx)
      }
      ;[tidx, token] = tokenNextBy(tlist, isName, tidx)
    }
  },
  ['Function'],
)

const WHERE_CLOSE = kw(
  'ORDER BY',
  'GROUP BY',
  'LIMIT',
  'UNION',
  'UNION ALL',
  'EXCEPT',
  'INTERSECT',
  'HAVING',
  'RETURNING',
  'INTO',
)

const groupWhere = recurse(
  (tlist) => {
    const isWhere = kw('WHERE')
    let [tidx, token] = tokenNextBy(tlist, isWhere)
    while (token !== undefined && tidx !== undefined) {
      const [eidx] = tokenNextBy(tlist, WHERE_CLOSE, tidx)
      const groupable = BRACKETED.includes(tlist.kind) ? tlist.tokens.slice(1, -1) : tlist.tokens
      const end = eidx === undefined ? groupable[groupable.length - 1] : tlist.tokens[eidx - 1]
      const endIdx = end === undefined ? tidx : tlist.tokens.indexOf(end)
      groupTokens(tlist, 'Where', tidx, endIdx)
      ;[tidx, token] = tokenNextBy(tlist, isWhere, tidx)
    }
  },
  ['Where'],
)

function groupPeriod(tlist: SqlGroup): void {
  groupGeneric(tlist, {
    kind: 'Identifier',
    match: (t) => matches(t, 'Punctuation', ['.']) || matches(t, 'Operator', ['->', '->>']),
    validPrev: (t) =>
      inKinds(t, ['SquareBrackets', 'Identifier']) || hasTypeOf(t, ['Name', 'Literal.String.Symbol']),
    validNext: () => true,
    post: (tl, pidx, tidx, nidx) => {
      const next = nidx === undefined ? undefined : tl.tokens[nidx]
      const valid =
        inKinds(next, ['SquareBrackets', 'Function']) ||
        hasTypeOf(next, ['Name', 'Literal.String.Symbol', 'Wildcard', 'Literal.String.Single'])
      return valid && nidx !== undefined ? [pidx, nidx] : [pidx, tidx]
    },
  })
}

function groupArrays(tlist: SqlGroup): void {
  groupGeneric(tlist, {
    kind: 'Identifier',
    match: (t) => isGroup(t, 'SquareBrackets'),
    validPrev: (t) =>
      inKinds(t, ['SquareBrackets', 'Identifier', 'Function']) ||
      hasTypeOf(t, ['Name', 'Literal.String.Symbol']),
    validNext: () => true,
    post: (_tl, pidx, tidx) => [pidx, tidx],
    recurse: false,
  })
}

const groupIdentifier = recurse(
  (tlist) => {
    const pred = (t: SqlNode) => hasTypeOf(t, ['Literal.String.Symbol', 'Name'])
    let [tidx] = tokenNextBy(tlist, pred)
    while (tidx !== undefined) {
      groupTokens(tlist, 'Identifier', tidx, tidx)
      ;[tidx] = tokenNextBy(tlist, pred, tidx)
    }
  },
  ['Identifier'],
)

const groupOrder = recurse(
  (tlist) => {
    const pred = (t: SqlNode) => isLeaf(t) && isTypeIn(t.type, 'Keyword.Order')
    let [tidx] = tokenNextBy(tlist, pred)
    while (tidx !== undefined) {
      const [pidx, prev] = tokenPrev(tlist, tidx)
      if (
        pidx !== undefined &&
        (isGroup(prev, 'Identifier') || (isLeaf(prev) && isTypeIn(prev.type, 'Literal.Number')))
      ) {
        groupTokens(tlist, 'Identifier', pidx, tidx)
        tidx = pidx
      }
      ;[tidx] = tokenNextBy(tlist, pred, tidx)
    }
  },
  ['Identifier'],
)

function groupTypecasts(tlist: SqlGroup): void {
  groupGeneric(tlist, {
    kind: 'Identifier',
    match: (t) => matches(t, 'Punctuation', ['::']),
    validPrev: notNone,
    validNext: notNone,
    post: spanPost,
  })
}

function groupTzcasts(tlist: SqlGroup): void {
  groupGeneric(tlist, {
    kind: 'Identifier',
    match: (t) => isLeaf(t) && t.type === 'Keyword.TZCast',
    validPrev: notNone,
    validNext: (t) =>
      t !== undefined &&
      (isWhitespace(t) || matches(t, 'Keyword', ['AS']) || matches(t, 'Literal.String.Single')),
    post: spanPost,
  })
}

function groupTypedLiteral(tlist: SqlGroup): void {
  groupGeneric(tlist, {
    kind: 'TypedLiteral',
    match: (t) => matches(t, 'Name.Builtin') || matches(t, 'Keyword', ['TIMESTAMP']),
    validPrev: notNone,
    validNext: (t) => matches(t, 'Literal.String.Single'),
    post: (_tl, _pidx, tidx, nidx) => [tidx, nidx ?? tidx],
    extend: false,
  })
  groupGeneric(tlist, {
    kind: 'TypedLiteral',
    match: (t) => isGroup(t, 'TypedLiteral'),
    validPrev: notNone,
    validNext: (t) => matches(t, 'Keyword', ['DAY', 'HOUR', 'MINUTE', 'MONTH', 'SECOND', 'YEAR']),
    post: (_tl, _pidx, tidx, nidx) => [tidx, nidx ?? tidx],
    extend: true,
  })
}

function groupOperator(tlist: SqlGroup): void {
  const valid = (t: SqlNode | undefined) =>
    inKinds(t, ['SquareBrackets', 'Parenthesis', 'Function', 'Identifier', 'Operation', 'TypedLiteral']) ||
    hasTypeOf(t, NUMERICAL_STRING_NAME) ||
    matches(t, 'Keyword', ['CURRENT_DATE', 'CURRENT_TIME', 'CURRENT_TIMESTAMP'])
  groupGeneric(tlist, {
    kind: 'Operation',
    match: (t) => hasTypeOf(t, ['Operator', 'Wildcard']),
    validPrev: valid,
    validNext: valid,
    post: (tl, pidx, tidx, nidx) => {
      const op = tl.tokens[tidx]
      if (isLeaf(op)) op.type = 'Operator'
      return [pidx, nidx ?? tidx]
    },
    extend: false,
  })
}

function groupComparison(tlist: SqlGroup): void {
  const valid = (t: SqlNode | undefined) =>
    inKinds(t, ['Parenthesis', 'Function', 'Identifier', 'Operation', 'TypedLiteral']) ||
    hasTypeOf(t, NUMERICAL_STRING_NAME) ||
    (t !== undefined && isKeyword(t) && normalizedValue(t) === 'NULL')
  groupGeneric(tlist, {
    kind: 'Comparison',
    match: (t) => isLeaf(t) && t.type === 'Operator.Comparison',
    validPrev: valid,
    validNext: valid,
    post: spanPost,
    extend: false,
  })
}

function groupAs(tlist: SqlGroup): void {
  groupGeneric(tlist, {
    kind: 'Identifier',
    match: (t) => isKeyword(t) && normalizedValue(t) === 'AS',
    validPrev: (t) => t !== undefined && (normalizedValue(t) === 'NULL' || !isKeyword(t)),
    validNext: (t) => t !== undefined && !hasTypeOf(t, ['Keyword.DML', 'Keyword.DDL', 'Keyword.CTE']),
    post: spanPost,
  })
}

const groupAliased = recurse((tlist) => {
  const pred = (t: SqlNode) =>
    inKinds(t, ['Parenthesis', 'Function', 'Case', 'Identifier', 'Operation', 'Comparison']) ||
    (isLeaf(t) && isTypeIn(t.type, 'Literal.Number'))
  let [tidx] = tokenNextBy(tlist, pred)
  while (tidx !== undefined) {
    const [nidx, next] = tokenNext(tlist, tidx)
    if (nidx !== undefined && isGroup(next, 'Identifier')) groupTokens(tlist, 'Identifier', tidx, nidx, true)
    ;[tidx] = tokenNextBy(tlist, pred, tidx)
  }
})

function groupAssignment(tlist: SqlGroup): void {
  const valid = (t: SqlNode | undefined) => t !== undefined && !(isLeaf(t) && t.type === 'Keyword')
  groupGeneric(tlist, {
    kind: 'Assignment',
    match: (t) => matches(t, 'Assignment', [':=']),
    validPrev: valid,
    validNext: valid,
    post: (tl, pidx, tidx, nidx) => {
      const [semicolon] = tokenNextBy(tl, (t) => matches(t, 'Punctuation', [';']), nidx)
      return [pidx, semicolon ?? nidx ?? tidx]
    },
  })
}

const alignComments = recurse((tlist) => {
  let [tidx] = tokenNextBy(tlist, (t) => isGroup(t, 'Comment'))
  while (tidx !== undefined) {
    const [pidx, prev] = tokenPrev(tlist, tidx)
    if (pidx !== undefined && isGroup(prev)) {
      groupTokens(tlist, 'TokenList', pidx, tidx, true)
      tidx = pidx
    }
    ;[tidx] = tokenNextBy(tlist, (t) => isGroup(t, 'Comment'), tidx)
  }
})

function groupIdentifierList(tlist: SqlGroup): void {
  const valid = (t: SqlNode | undefined) =>
    inKinds(t, ['Function', 'Case', 'Identifier', 'Comparison', 'IdentifierList', 'Operation']) ||
    matches(t, 'Keyword', ['null', 'role']) ||
    hasTypeOf(t, [...NUMERICAL_STRING_NAME, 'Keyword', 'Wildcard'])
  groupGeneric(tlist, {
    kind: 'IdentifierList',
    match: (t) => matches(t, 'Punctuation', [',']),
    validPrev: valid,
    validNext: valid,
    post: spanPost,
  })
}

function groupValues(tlist: SqlGroup): void {
  let [tidx, token] = tokenNextBy(tlist, kw('VALUES'))
  const startIdx = tidx
  let endIdx = -1
  while (token !== undefined && tidx !== undefined) {
    if (isGroup(token, 'Parenthesis')) endIdx = tidx
    ;[tidx, token] = tokenNext(tlist, tidx)
  }
  if (startIdx !== undefined && endIdx !== -1) groupTokens(tlist, 'Values', startIdx, endIdx, true)
}

function group(statement: SqlGroup): void {
  groupComments(statement)
  groupMatching(statement, 'SquareBrackets', MATCHING.SquareBrackets)
  groupMatching(statement, 'Parenthesis', MATCHING.Parenthesis)
  for (const kind of BLOCK_ORDER) groupMatching(statement, kind, BLOCKS[kind])
  groupOver(statement)
  groupFunctions(statement)
  groupWhere(statement)
  groupPeriod(statement)
  groupArrays(statement)
  groupIdentifier(statement)
  groupOrder(statement)
  groupTypecasts(statement)
  groupTzcasts(statement)
  groupTypedLiteral(statement)
  groupOperator(statement)
  groupComparison(statement)
  groupAs(statement)
  groupAliased(statement)
  groupAssignment(statement)
  alignComments(statement)
  groupIdentifierList(statement)
  groupValues(statement)
}

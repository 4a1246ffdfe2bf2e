/**
 * The token vocabulary of sqlparse 0.6.1, the SQL tokenizer MLflow's search parsers are built on
 * (`mlflow/utils/search_utils.py`). MLflow does not have a grammar of its own: a filter is whatever
 * sqlparse happens to group into `Comparison` nodes, so we reproduce sqlparse's lexer and grouping
 * to accept and reject exactly what the server does.
 *
 * Token types keep sqlparse's dotted hierarchy: `Keyword.DML` is a kind of `Keyword`.
 */
export type SqlTokenType =
  | 'Text.Whitespace'
  | 'Text.Whitespace.Newline'
  | 'Comment.Single'
  | 'Comment.Single.Hint'
  | 'Comment.Multiline'
  | 'Comment.Multiline.Hint'
  | 'Literal'
  | 'Literal.Number.Hexadecimal'
  | 'Literal.Number.Float'
  | 'Literal.Number.Integer'
  | 'Literal.String.Single'
  | 'Literal.String.Symbol'
  | 'Assignment'
  | 'Punctuation'
  | 'Wildcard'
  | 'Name'
  | 'Name.Placeholder'
  | 'Name.Builtin'
  | 'Generic.Command'
  | 'Keyword'
  | 'Keyword.DML'
  | 'Keyword.DDL'
  | 'Keyword.DCL'
  | 'Keyword.CTE'
  | 'Keyword.Order'
  | 'Keyword.TZCast'
  | 'Operator'
  | 'Operator.Comparison'
  | 'Error'

/** A token as the lexer produced it; `start`/`end` are UTF-16 offsets into the filter text. */
export interface SqlLeaf {
  readonly kind: 'token'
  /** Mutable because sqlparse's operator grouping retypes `*` from Wildcard to Operator. */
  type: SqlTokenType
  readonly value: string
  readonly start: number
  readonly end: number
}

export type SqlGroupKind =
  | 'Statement'
  | 'Identifier'
  | 'IdentifierList'
  | 'Comparison'
  | 'Parenthesis'
  | 'SquareBrackets'
  | 'Function'
  | 'Operation'
  | 'TypedLiteral'
  | 'Assignment'
  | 'Comment'
  | 'Case'
  | 'If'
  | 'For'
  | 'Begin'
  | 'Where'
  | 'Over'
  | 'Values'
  /** sqlparse's plain `TokenList`, only ever built by comment alignment. */
  | 'TokenList'

/** A sqlparse `TokenList`: contiguous children, so its text is `text.slice(start, end)`. */
export interface SqlGroup {
  readonly kind: SqlGroupKind
  readonly tokens: SqlNode[]
  readonly start: number
  end: number
  readonly text: string
}

export type SqlNode = SqlLeaf | SqlGroup

/** sqlparse's `ttype in parent`: the type itself or any subtype of it. */
export function isTypeIn(type: SqlTokenType, parent: string): boolean {
  return type === parent || type.startsWith(`${parent}.`)
}

export function nodeValue(node: SqlNode): string {
  return node.kind === 'token' ? node.value : node.text.slice(node.start, node.end)
}

export function isLeaf(node: SqlNode | undefined): node is SqlLeaf {
  return node?.kind === 'token'
}

export function isGroup(node: SqlNode | undefined, kind?: SqlGroupKind): node is SqlGroup {
  return node !== undefined && node.kind !== 'token' && (kind === undefined || node.kind === kind)
}

export function isWhitespace(node: SqlNode | undefined): boolean {
  return isLeaf(node) && isTypeIn(node.type, 'Text.Whitespace')
}

export function isKeyword(node: SqlNode | undefined): boolean {
  return isLeaf(node) && isTypeIn(node.type, 'Keyword')
}

/** sqlparse's `normalized`: keywords upper-cased, everything else verbatim. */
export function normalizedValue(node: SqlNode): string {
  return isKeyword(node) ? nodeValue(node).toUpperCase() : nodeValue(node)
}

/**
 * sqlparse's `Token.match(ttype, values)`: the exact type (not a subtype) and, when given, one of the
 * values (compared upper-cased for keywords).
 */
export function matches(node: SqlNode | undefined, type: SqlTokenType, values?: readonly string[]): boolean {
  if (!isLeaf(node) || node.type !== type) return false
  if (values === undefined) return true
  const keyword = isKeyword(node)
  const normalized = normalizedValue(node)
  return values.some((v) => (keyword ? v.toUpperCase() : v) === normalized)
}

/** Exact type membership, as sqlparse's `imt(token, t=(A, B))` with a plain tuple does. */
export function hasTypeOf(node: SqlNode | undefined, types: readonly SqlTokenType[]): boolean {
  return isLeaf(node) && types.includes(node.type)
}

/** A new group over contiguous tokens. */
export function makeSqlGroup(kind: SqlGroupKind, tokens: SqlNode[], text: string): SqlGroup {
  const first = tokens[0]
  const last = tokens[tokens.length - 1]
  return { kind, tokens, start: first?.start ?? 0, end: last?.end ?? 0, text }
}

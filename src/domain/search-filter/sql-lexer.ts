/**
 * A port of sqlparse 0.6.1's lexer (`sqlparse/lexer.py`, `SQL_REGEX` in `sqlparse/keywords.py`): the
 * rules are tried in order at each position and the first match wins; no match gives a one-character
 * Error token.
 *
 * Python's `re` runs these with IGNORECASE | UNICODE, where `\w`, `\d`, `\s` and `\b` are Unicode-aware;
 * JavaScript's are ASCII-only even with the `u` flag, so they are spelled out below. Python's `.` stops
 * only at `\n` (JavaScript's also at `\r`, U+2028 and U+2029), hence `[^\n]`.
 */

import { keywordType } from './sql-keywords'
import type { SqlLeaf, SqlTokenType } from './sql-token'

const W = String.raw`[\p{L}\p{N}_]`
const W_CHARS = String.raw`\p{L}\p{N}_`
const D = String.raw`\p{Nd}`
/** Python's `\s` (and `str.isspace`): not quite JavaScript's, which adds U+FEFF and lacks U+001C-U+001F and U+0085. */
export const PYTHON_SPACE = String.raw`[\t\n\v\f\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]`
const S = PYTHON_SPACE
/** `\b` where the preceding character is always a word character. */
const B = `(?!${W})`
const L = 'A-ZÀ-Ü'

type Action = SqlTokenType | 'keyword'

const RULES: readonly (readonly [string, Action])[] = [
  [String.raw`(--|# )\+[^\n]*?(\r\n|\r|\n|$)`, 'Comment.Single.Hint'],
  [String.raw`(--|# )[^\n]*?(\r\n|\r|\n|$)`, 'Comment.Single'],
  [String.raw`(\r\n|\r|\n)`, 'Text.Whitespace.Newline'],
  [`${S}+?`, 'Text.Whitespace'],
  [':=', 'Assignment'],
  ['::', 'Punctuation'],
  [String.raw`\*`, 'Wildcard'],
  ['`(``|[^`])*`', 'Name'],
  ['´(´´|[^´])*´', 'Name'],
  [String.raw`\?`, 'Name.Placeholder'],
  [String.raw`%(\(${W}+\))?s`, 'Name.Placeholder'],
  [String.raw`(?<!${W})[$:?]${W}+`, 'Name.Placeholder'],
  [String.raw`\\${W}+`, 'Generic.Command'],
  [`(CASE|IN|VALUES|USING|FROM|AS)${B}`, 'Keyword'],
  [`(@|##|#)[${L}]${W}+`, 'Name'],
  [String.raw`[${L}]${W}*(?=${S}*\.(?!${D}))`, 'Name'],
  [String.raw`(?<=\.)[${L}]${W}*`, 'Name'],
  [String.raw`[${L}]${W}*(?=\()`, 'Name'],
  [`-?0x[${D}A-F]+`, 'Literal.Number.Hexadecimal'],
  [String.raw`-?${D}+(\.${D}+)?E-?${D}+`, 'Literal.Number.Float'],
  [String.raw`(?![_${L}])-?(${D}+(\.${D}*)|\.${D}+)(?![_${L}])`, 'Literal.Number.Float'],
  [`(?![_${L}])-?${D}+(?![_${L}])`, 'Literal.Number.Integer'],
  [String.raw`'(''|\\'|[^'])*'`, 'Literal.String.Single'],
  [String.raw`"(""|\\"|[^"])*"`, 'Literal.String.Symbol'],
  [String.raw`(""|"[^\n]*?[^\\]")`, 'Literal.String.Symbol'],
  [String.raw`(?<![${W_CHARS}\])])(\[[^\]\[]+\])`, 'Name'],
  [
    `((LEFT${S}+|RIGHT${S}+|FULL${S}+)?(INNER${S}+|OUTER${S}+|STRAIGHT${S}+)?|(CROSS${S}+|NATURAL${S}+)?)?JOIN${B}`,
    'Keyword',
  ],
  [`END(${S}+IF|${S}+LOOP|${S}+WHILE|${S}+FOR|${S}+CASE)?${B}`, 'Keyword'],
  [`IF${S}+(NOT${S}+)?EXISTS${B}`, 'Keyword'],
  [`NOT${S}+NULL${B}`, 'Keyword'],
  [`(ASC|DESC)(${S}+NULLS${S}+(FIRST|LAST))?${B}`, 'Keyword.Order'],
  [`(ASC|DESC)${B}`, 'Keyword.Order'],
  [`NULLS${S}+(FIRST|LAST)${B}`, 'Keyword.Order'],
  [`UNION${S}+ALL${B}`, 'Keyword'],
  [`CREATE(${S}+OR${S}+REPLACE)?${B}`, 'Keyword.DDL'],
  [`DOUBLE${S}+PRECISION${B}`, 'Name.Builtin'],
  [`GROUP${S}+BY${B}`, 'Keyword'],
  [`ORDER${S}+BY${B}`, 'Keyword'],
  [`PRIMARY${S}+KEY${B}`, 'Keyword'],
  [`HANDLER${S}+FOR${B}`, 'Keyword'],
  [`GO(${S}${D}+)${B}`, 'Keyword'],
  [`(LATERAL${S}+VIEW${S}+)(EXPLODE|INLINE|PARSE_URL_TUPLE|POSEXPLODE|STACK)${B}`, 'Keyword'],
  [`(AT|WITH')${S}+TIME${S}+ZONE${S}+'[^']+'`, 'Keyword.TZCast'],
  [`(NOT${S}+)?(LIKE|ILIKE|RLIKE)${B}`, 'Operator.Comparison'],
  [`(NOT${S}+)?(REGEXP)(${S}+(BINARY))?${B}`, 'Operator.Comparison'],
  [`${W}[$#${W_CHARS}]*`, 'keyword'],
  [String.raw`[;:()\[\],\.]`, 'Punctuation'],
  [String.raw`(->>?|#>>?|@>|<@|\?\|?|\?&|-|#-)`, 'Operator'],
  ['[<>=~!]+', 'Operator.Comparison'],
  ['[+/@#%^&|^-]+', 'Operator'],
]

const COMPILED = RULES.map(([source, action]) => ({ regex: new RegExp(source, 'iuy'), action }))

interface Span {
  readonly end: number
  readonly type: SqlTokenType
}

const DOLLAR_DELIMITER = new RegExp(String.raw`\$(?:[_${L}]${W}*)?\$`, 'iuy')
const DOLLAR_OPENER_BLOCKED = new RegExp(`[${W_CHARS}"$]`, 'u')

/**
 * sqlparse's `find_delimited_spans`: dollar-quoted literals and `/* ... *\/` comments, paired with
 * their closers only when the lexer reaches the opener (an opener inside a string literal is skipped).
 */
function delimitedSpans(text: string): (pos: number) => Span | undefined {
  const openers = new Map<number, { openerEnd: number; tag: string; type: SqlTokenType }>()
  const closers = new Map<string, { starts: number[]; ends: number[] }>()
  const closersOf = (tag: string) => {
    let bucket = closers.get(tag)
    if (bucket === undefined) {
      bucket = { starts: [], ends: [] }
      closers.set(tag, bucket)
    }
    return bucket
  }
  for (let i = text.indexOf('$'); i !== -1; i = text.indexOf('$', i + 1)) {
    DOLLAR_DELIMITER.lastIndex = i
    const match = DOLLAR_DELIMITER.exec(text)
    if (match === null) continue
    const tag = match[0]
    const bucket = closersOf(tag)
    bucket.starts.push(i)
    bucket.ends.push(i + tag.length)
    const before = lastCodePointBefore(text, i)
    if (before === undefined || !DOLLAR_OPENER_BLOCKED.test(before)) {
      openers.set(i, { openerEnd: i + tag.length, tag, type: 'Literal' })
    }
  }
  if (text.includes('/*')) {
    for (const m of text.matchAll(/\/\*\+/g)) {
      openers.set(m.index, { openerEnd: m.index + 3, tag: '/*', type: 'Comment.Multiline.Hint' })
    }
    for (const m of text.matchAll(/\/\*(?!\+)/g)) {
      openers.set(m.index, { openerEnd: m.index + 2, tag: '/*', type: 'Comment.Multiline' })
    }
    const bucket = closersOf('/*')
    for (const m of text.matchAll(/\*\//g)) {
      bucket.starts.push(m.index)
      bucket.ends.push(m.index + 2)
    }
  }
  return (pos) => {
    const opener = openers.get(pos)
    if (opener === undefined) return undefined
    const bucket = closers.get(opener.tag)
    if (bucket === undefined) return undefined
    const idx = bucket.starts.findIndex((start) => start >= opener.openerEnd)
    const end = bucket.ends[idx]
    return end === undefined ? undefined : { end, type: opener.type }
  }
}

function lastCodePointBefore(text: string, index: number): string | undefined {
  if (index <= 0) return undefined
  const low = text.charCodeAt(index - 1)
  if (index >= 2 && low >= 0xdc00 && low <= 0xdfff) {
    const high = text.charCodeAt(index - 2)
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(index - 2, index)
  }
  return text.slice(index - 1, index)
}

/**
 * Python's IGNORECASE also equates the Turkish İ (U+0130) and ı (U+0131) with `i`, which JavaScript's
 * case folding does not; the rules run against this copy while tokens keep the original text.
 */
function caseShadow(text: string): string {
  return text.replace(/[\u0130\u0131]/g, 'i')
}

/** sqlparse's `Lexer.get_tokens` over the whole text. */
export function tokenizeSql(text: string): SqlLeaf[] {
  const shadow = caseShadow(text)
  const spanAt = delimitedSpans(shadow)
  const tokens: SqlLeaf[] = []
  let pos = 0
  while (pos < text.length) {
    const span = spanAt(pos)
    if (span !== undefined) {
      tokens.push({
        kind: 'token',
        type: span.type,
        value: text.slice(pos, span.end),
        start: pos,
        end: span.end,
      })
      pos = span.end
      continue
    }
    let matched = false
    for (const { regex, action } of COMPILED) {
      regex.lastIndex = pos
      const m = regex.exec(shadow)
      if (m === null) continue
      const value = text.slice(pos, pos + m[0].length)
      const type = action === 'keyword' ? keywordType(value) : action
      tokens.push({ kind: 'token', type, value, start: pos, end: pos + value.length })
      pos += value.length
      matched = true
      break
    }
    if (!matched) {
      const char = String.fromCodePoint(text.codePointAt(pos) ?? 0)
      tokens.push({ kind: 'token', type: 'Error', value: char, start: pos, end: pos + char.length })
      pos += char.length
    }
  }
  return tokens
}

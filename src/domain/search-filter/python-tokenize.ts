/**
 * Python 3.11's tokenizer, for the text of one expression: strings with every prefix, escapes,
 * numbers, names, operators, comments and line continuations. Not covered: `\N{NAME}` escapes, which
 * need the Unicode name database (reported as a syntax error).
 */

import type { PyValue } from './python-value'

/** A `SyntaxError` from Python's tokenizer or parser. */
export class PySyntaxError extends Error {}

export type Tok =
  | { readonly k: 'name'; readonly v: string; readonly line: number }
  | { readonly k: 'number'; readonly v: PyValue; readonly line: number }
  | { readonly k: 'string'; readonly v: PyValue | 'fstring'; readonly line: number }
  | { readonly k: 'op'; readonly v: string; readonly line: number }
  | { readonly k: 'end'; readonly line: number }

/** Longest first, so `**=` wins over `**` and `*`. */
const OPERATORS = (
  '**= //= >>= <<= ... != %= &= ** *= += -= -> // /= := << <= == >= >> @= ^= |= ' +
  '% & ( ) * + , - . / : ; < = > @ [ ] ^ { | } ~'
).split(' ')

const NAME_START = /[\p{XID_Start}_]/u
const NAME_REST = /[\p{XID_Continue}]*/uy
const STRING_PREFIX = /(?:[rR][bBfF]?|[bBfF][rR]?|[uU])?(?='|")/y
const NUMBER =
  /(?:0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|(?:(?:\d(?:_?\d)*)?\.\d(?:_?\d)*|\d(?:_?\d)*\.?)(?:[eE][+-]?\d(?:_?\d)*)?[jJ]?)/y

export function tokenize(src: string): Tok[] {
  const toks: Tok[] = []
  let i = 0
  let line = 1
  let depth = 0
  while (i < src.length) {
    const c = src[i] ?? ''
    if (c === ' ' || c === '\t' || c === '\f') {
      i++
      continue
    }
    if (c === '\r' || c === '\n') {
      i += c === '\r' && src[i + 1] === '\n' ? 2 : 1
      line++
      // Outside brackets a newline ends the expression; only trailing blank lines may follow.
      if (depth === 0 && /[^ \t\f\r\n]/.test(src.slice(i).replace(/#[^\r\n]*/g, ''))) {
        throw new PySyntaxError('invalid syntax')
      }
      continue
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\r' && src[i] !== '\n') i++
      continue
    }
    if (c === '\\') {
      const next = src[i + 1]
      if (next === '\n' || next === '\r') {
        i += next === '\r' && src[i + 2] === '\n' ? 3 : 2
        line++
        continue
      }
      throw new PySyntaxError('unexpected character after line continuation character')
    }
    STRING_PREFIX.lastIndex = i
    const prefix = STRING_PREFIX.exec(src)
    if (prefix !== null) {
      const lit = readString(src, i + prefix[0].length, prefix[0].toLowerCase())
      toks.push({ k: 'string', v: lit.value, line })
      for (const ch of src.slice(i, lit.end)) if (ch === '\n') line++
      i = lit.end
      continue
    }
    NUMBER.lastIndex = i
    const num = /^(?:[0-9]|\.[0-9])/.test(src.slice(i, i + 2)) ? NUMBER.exec(src) : null
    if (num !== null) {
      const end = i + num[0].length
      if (/[0-9_]/.test(src[end] ?? '') || !followedByKeywordOrNothing(src, end)) {
        throw new PySyntaxError('invalid decimal literal')
      }
      toks.push({ k: 'number', v: parseNumber(num[0]), line })
      i = end
      continue
    }
    const cp = String.fromCodePoint(src.codePointAt(i) ?? 0)
    if (NAME_START.test(cp)) {
      NAME_REST.lastIndex = i + cp.length
      const rest = NAME_REST.exec(src)
      const end = i + cp.length + (rest?.[0].length ?? 0)
      toks.push({ k: 'name', v: src.slice(i, end), line })
      i = end
      continue
    }
    const op = OPERATORS.find((o) => src.startsWith(o, i))
    if (op !== undefined) {
      if (op === '(' || op === '[' || op === '{') depth++
      if (op === ')' || op === ']' || op === '}') depth--
      if (depth < 0) throw new PySyntaxError(`unmatched '${op}'`)
      toks.push({ k: 'op', v: op, line })
      i += op.length
      continue
    }
    if (c === '\0') throw new PySyntaxError('source code string cannot contain null bytes')
    throw new PySyntaxError('invalid syntax')
  }
  if (depth > 0) throw new PySyntaxError("'(' was never closed")
  toks.push({ k: 'end', line })
  return toks
}

/** Python lets a number run straight into a keyword (`1if x else y`), not into any other name. */
function followedByKeywordOrNothing(src: string, end: number): boolean {
  const cp = String.fromCodePoint(src.codePointAt(end) ?? 0x20)
  if (!NAME_START.test(cp)) return true
  NAME_REST.lastIndex = end + cp.length
  const word = cp + (NAME_REST.exec(src)?.[0] ?? '')
  return ['and', 'else', 'for', 'if', 'in', 'is', 'not', 'or'].includes(word)
}

function parseNumber(text: string): PyValue {
  const clean = text.replace(/_/g, '')
  if (/[jJ]$/.test(clean)) return { t: 'complex', re: 0, im: Number(clean.slice(0, -1)) }
  if (/^0[xXoObB]/.test(clean)) return { t: 'int', v: BigInt(clean.toLowerCase()) }
  if (/[.eE]/.test(clean)) return { t: 'float', v: Number(clean) }
  if (/^0+[1-9]/.test(clean)) {
    throw new PySyntaxError('leading zeros in decimal integer literals are not permitted')
  }
  return { t: 'int', v: BigInt(clean) }
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
}

function readString(src: string, start: number, prefix: string): { value: PyValue | 'fstring'; end: number } {
  const quote = src[start] ?? "'"
  const triple = src.startsWith(quote.repeat(3), start)
  const delim = triple ? quote.repeat(3) : quote
  const raw = prefix.includes('r')
  const bytes = prefix.includes('b')
  let i = start + delim.length
  let out = ''
  for (;;) {
    if (i >= src.length) throw new PySyntaxError('unterminated string literal')
    if (src.startsWith(delim, i)) break
    const c = src[i] ?? ''
    if (!triple && (c === '\n' || c === '\r')) throw new PySyntaxError('unterminated string literal')
    if (c === '\\') {
      const next = src[i + 1]
      if (next === undefined) throw new PySyntaxError('unterminated string literal')
      if (raw) {
        out += c + next
        i += 2
        continue
      }
      const decoded = decodeEscape(src, i, bytes)
      out += decoded.text
      i = decoded.end
      continue
    }
    const cp = String.fromCodePoint(src.codePointAt(i) ?? 0)
    if (bytes && cp.charCodeAt(0) > 0x7f) {
      throw new PySyntaxError('bytes can only contain ASCII literal characters')
    }
    out += cp
    i += cp.length
  }
  const end = i + delim.length
  if (prefix.includes('f')) return { value: 'fstring', end }
  return { value: bytes ? { t: 'bytes', v: out } : { t: 'str', v: out }, end }
}

function decodeEscape(src: string, i: number, bytes: boolean): { text: string; end: number } {
  const next = src[i + 1] ?? ''
  if (next === '\n') return { text: '', end: i + 2 }
  if (next === '\r') return { text: '', end: src[i + 2] === '\n' ? i + 3 : i + 2 }
  const simple = SIMPLE_ESCAPES[next]
  if (simple !== undefined) return { text: simple, end: i + 2 }
  const octal = /^[0-7]{1,3}/.exec(src.slice(i + 1, i + 4))
  if (octal !== null) {
    const code = parseInt(octal[0], 8)
    return { text: String.fromCodePoint(bytes ? code & 0xff : code), end: i + 1 + octal[0].length }
  }
  const hexDigits = next === 'x' ? 2 : !bytes && next === 'u' ? 4 : !bytes && next === 'U' ? 8 : 0
  if (hexDigits > 0) {
    const hex = src.slice(i + 2, i + 2 + hexDigits)
    if (!new RegExp(`^[0-9a-fA-F]{${hexDigits}}$`).test(hex)) {
      throw new PySyntaxError(`(unicode error) truncated \\${next} escape`)
    }
    const code = parseInt(hex, 16)
    if (code > 0x10ffff) throw new PySyntaxError('(unicode error) illegal Unicode character')
    return { text: String.fromCodePoint(code), end: i + 2 + hexDigits }
  }
  if (!bytes && next === 'N') {
    throw new PySyntaxError('(unicode error) \\N{...} escapes are not supported here')
  }
  return { text: `\\${String.fromCodePoint(src.codePointAt(i + 1) ?? 0)}`, end: i + 1 + (next.length || 1) }
}

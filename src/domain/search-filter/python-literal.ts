/**
 * Python's `ast.literal_eval`, as far as MLflow's filter parser needs it: the server reads the value
 * list of `IN (...)` by handing the parenthesised text to `literal_eval`, so `('a' 'b')` is the list
 * `['ab']`, `('a\x41')` is `['aA']` and `(abc)` is an internal error rather than a bad request.
 *
 * Python's tokenizer and parser decide between a syntax error (MLflow: HTTP 400, "ill-formed list")
 * and a well-formed expression; `_convert` below then accepts literals only (anything else is a
 * ValueError, which MLflow lets through as HTTP 500).
 */

import { Parser, type Node } from './python-parse'
import { PySyntaxError, tokenize } from './python-tokenize'
import type { PyValue } from './python-value'

export type LiteralEvalResult =
  | { readonly ok: true; readonly value: PyValue }
  /** `SyntaxError`, which MLflow turns into "ill-formed list". */
  | { readonly ok: false; readonly kind: 'syntax'; readonly message: string }
  /** `ValueError` and friends, which MLflow does not catch (HTTP 500). */
  | { readonly ok: false; readonly kind: 'malformed'; readonly message: string }

/** `ValueError` from `_convert`: a well-formed expression that is not a literal. */
class PyMalformed extends Error {}

function malformed(node: Node | undefined): never {
  if (node === undefined) throw new PyMalformed('malformed node or string: None')
  const ast = node.n === 'const' ? 'Constant' : node.n === 'other' ? node.ast : astName(node)
  throw new PyMalformed(`malformed node or string on line ${node.line}: <ast.${ast} object>`)
}

function astName(node: Node): string {
  switch (node.n) {
    case 'display':
      return node.kind === 'tuple' ? 'Tuple' : node.kind === 'list' ? 'List' : 'Set'
    case 'dict':
      return 'Dict'
    case 'unary':
      return 'UnaryOp'
    case 'binop':
      return 'BinOp'
    case 'call':
      return 'Call'
    case 'name':
      return 'Name'
    default:
      return 'Constant'
  }
}

function convertNum(node: Node): PyValue {
  if (node.n !== 'const' || !['int', 'float', 'complex'].includes(node.v.t)) malformed(node)
  return node.v
}

function convertSignedNum(node: Node): PyValue {
  if (node.n === 'unary' && (node.op === '+' || node.op === '-')) {
    const operand = convertNum(node.operand)
    if (node.op === '+') return operand
    if (operand.t === 'int') return { t: 'int', v: -operand.v }
    if (operand.t === 'float') return { t: 'float', v: -operand.v }
    if (operand.t === 'complex') return { t: 'complex', re: -operand.re, im: -operand.im }
  }
  return convertNum(node)
}

function convert(node: Node): PyValue {
  switch (node.n) {
    case 'const':
      return node.v
    case 'display':
      return { t: node.kind, items: node.items.map(convert) }
    case 'call':
      if (node.func.n === 'name' && node.func.id === 'set' && node.argCount === 0) {
        return { t: 'set', items: [] }
      }
      return malformed(node)
    case 'dict':
      return {
        t: 'dict',
        entries: node.keys.map((key, i): [PyValue, PyValue] => {
          const value = node.values[i]
          if (key === undefined || value === undefined) return malformed(undefined)
          return [convert(key), convert(value)]
        }),
      }
    case 'binop':
      if (node.op === '+' || node.op === '-') {
        const left = convertSignedNum(node.left)
        const right = convertNum(node.right)
        if ((left.t === 'int' || left.t === 'float') && right.t === 'complex') {
          const sign = node.op === '+' ? 1 : -1
          return { t: 'complex', re: Number(left.v) + sign * right.re, im: sign * right.im }
        }
      }
      return convertSignedNum(node)
    default:
      return convertSignedNum(node)
  }
}

/** `ast.literal_eval(text)` for a parenthesised list from a filter. */
export function literalEval(text: string): LiteralEvalResult {
  try {
    const tree = new Parser(tokenize(text.replace(/^[ \t]+/, ''))).parseEval()
    return { ok: true, value: convert(tree) }
  } catch (error) {
    if (error instanceof PySyntaxError) return { ok: false, kind: 'syntax', message: error.message }
    if (error instanceof PyMalformed) return { ok: false, kind: 'malformed', message: error.message }
    throw error
  }
}

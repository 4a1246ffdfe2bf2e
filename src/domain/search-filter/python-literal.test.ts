/**
 * Outcomes checked against CPython 3.11's `ast.literal_eval` (the interpreter of the MLflow 3.17.2
 * server we compared with), here and in about 45,000 generated lists.
 */
import { describe, expect, it } from 'vitest'
import { literalEval } from './python-literal'
import { pyRepr, type PyValue } from './python-value'

const str = (v: string): PyValue => ({ t: 'str', v })
const tuple = (...items: PyValue[]): PyValue => ({ t: 'tuple', items })

const VALUES: { text: string; value: PyValue }[] = [
  { text: "('a', 'b')", value: tuple(str('a'), str('b')) },
  { text: "('a')", value: str('a') },
  { text: "('a',)", value: tuple(str('a')) },
  { text: '()', value: tuple() },
  { text: "('a' \"b\" '''c''')", value: str('abc') },
  { text: "(u'x', r'a\\b', 'a\\'b')", value: tuple(str('x'), str('a\\b'), str("a'b")) },
  { text: "('\\x41\\u00e9\\U0001F600\\101\\n\\q')", value: str('Aé😀A\n\\q') },
  { text: "('a' # comment\n, 'b'\\\n)", value: tuple(str('a'), str('b')) },
  { text: "(('a'),)", value: tuple(str('a')) },
  { text: "(b'x')", value: { t: 'bytes', v: 'x' } },
  {
    text: '(-1, 0x1F, 1_000, 00, 1.5e3)',
    value: tuple(...[-1n, 31n, 1000n, 0n].map((v): PyValue => ({ t: 'int', v })), { t: 'float', v: 1500 }),
  },
  { text: '(True, None, ...)', value: tuple({ t: 'bool', v: true }, { t: 'none' }, { t: 'ellipsis' }) },
  {
    text: "(['a'], {'a'}, {'k': 'v'}, set())",
    value: tuple(
      { t: 'list', items: [str('a')] },
      { t: 'set', items: [str('a')] },
      { t: 'dict', entries: [[str('k'), str('v')]] },
      { t: 'set', items: [] },
    ),
  },
]

const SYNTAX_ERRORS = [
  "('a'",
  "('a\nb')",
  "('a' b'c')",
  "(b'é')",
  "('\\x4')",
  '(007)',
  '(1a)',
  "('a',,)",
  '(1 2)',
  '($)',
  "(\u00a0'a')",
  '(*a)',
  'x[]',
  "(r'a\\')",
]

const MALFORMED = [
  { text: '(abc)', message: 'malformed node or string on line 1: <ast.Name object>' },
  { text: "('a', b)", message: 'malformed node or string on line 1: <ast.Name object>' },
  { text: "('a',\n f())", message: 'malformed node or string on line 2: <ast.Call object>' },
  { text: "(f'a')", message: 'malformed node or string on line 1: <ast.JoinedStr object>' },
  { text: '(--1)', message: 'malformed node or string on line 1: <ast.UnaryOp object>' },
  { text: "('a' if x else 'b')", message: 'malformed node or string on line 1: <ast.IfExp object>' },
  { text: '(x for x in y)', message: 'malformed node or string on line 1: <ast.GeneratorExp object>' },
  { text: '({**a})', message: 'malformed node or string: None' },
]

describe('literalEval', () => {
  it.each(VALUES)('evaluates $text', ({ text, value }) => {
    expect(literalEval(text)).toEqual({ ok: true, value })
  })

  it.each(SYNTAX_ERRORS)('finds a syntax error in %j', (text) => {
    expect(literalEval(text)).toMatchObject({ ok: false, kind: 'syntax' })
  })

  it.each(MALFORMED)('finds $text well-formed but not a literal', ({ text, message }) => {
    expect(literalEval(text)).toEqual({ ok: false, kind: 'malformed', message })
  })
})

describe('pyRepr', () => {
  it.each([
    { value: tuple(str('a'), { t: 'int', v: 1n }), repr: "('a', 1)" },
    { value: tuple(str("it's")), repr: '("it\'s",)' },
    { value: tuple(str('a\n\\'), { t: 'bytes', v: 'x' }), repr: "('a\\n\\\\', b'x')" },
    {
      value: tuple({ t: 'float', v: 1e16 }, { t: 'float', v: 0.5 }, { t: 'float', v: Infinity }),
      repr: '(1e+16, 0.5, inf)',
    },
  ])('writes $repr', ({ value, repr }) => {
    expect(pyRepr(value)).toBe(repr)
  })
})

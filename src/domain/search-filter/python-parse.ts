/**
 * A parser for Python expressions (eval mode) that keeps what `ast.literal_eval` looks at: literal
 * values, displays, unary and binary operators, calls, and the name of any other node. It is complete
 * enough to tell a syntax error (HTTP 400 from MLflow) from a well-formed non-literal (HTTP 500).
 */

import type { PyValue } from './python-value'
import { PySyntaxError, type Tok } from './python-tokenize'

/** A parsed expression: its literal value, or the name of the AST node `literal_eval` rejects. */
export type Node =
  | { readonly n: 'const'; readonly v: PyValue; readonly line: number }
  | {
      readonly n: 'display'
      readonly kind: 'tuple' | 'list' | 'set'
      readonly items: Node[]
      readonly line: number
    }
  | {
      readonly n: 'dict'
      readonly keys: (Node | undefined)[]
      readonly values: Node[]
      readonly line: number
    }
  | { readonly n: 'unary'; readonly op: string; readonly operand: Node; readonly line: number }
  | {
      readonly n: 'binop'
      readonly op: string
      readonly left: Node
      readonly right: Node
      readonly line: number
    }
  | { readonly n: 'call'; readonly func: Node; readonly argCount: number; readonly line: number }
  | { readonly n: 'name'; readonly id: string; readonly line: number }
  | { readonly n: 'other'; readonly ast: string; readonly line: number }

const KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(
    ' ',
  ),
)

export class Parser {
  private pos = 0
  constructor(private readonly toks: readonly Tok[]) {}

  private peek(): Tok {
    return this.toks[this.pos] ?? { k: 'end', line: 1 }
  }
  private isOp(v: string): boolean {
    const t = this.peek()
    return t.k === 'op' && t.v === v
  }
  private isName(v: string): boolean {
    const t = this.peek()
    return t.k === 'name' && t.v === v
  }
  private eatOp(v: string): boolean {
    if (!this.isOp(v)) return false
    this.pos++
    return true
  }
  private expectOp(v: string): void {
    if (!this.eatOp(v)) throw new PySyntaxError('invalid syntax')
  }
  parseEval(): Node {
    const node = this.expressions()
    if (this.peek().k !== 'end') throw new PySyntaxError('invalid syntax')
    return node
  }

  private expressions(): Node {
    const line = this.peek().line
    const first = this.starExpression()
    if (!this.isOp(',')) return first
    const items = [first]
    while (this.eatOp(',')) {
      if (this.atExpressionEnd()) break
      items.push(this.starExpression())
    }
    return { n: 'display', kind: 'tuple', items, line }
  }

  private atExpressionEnd(): boolean {
    const t = this.peek()
    return t.k === 'end' || (t.k === 'op' && [')', ']', '}', ':', '='].includes(t.v))
  }

  private starExpression(): Node {
    const line = this.peek().line
    if (this.eatOp('*')) {
      this.bitwiseOr()
      return { n: 'other', ast: 'Starred', line }
    }
    return this.namedExpression()
  }

  /** `NAME := expression`, allowed where a display or call holds its elements. */
  private namedExpression(): Node {
    const t = this.peek()
    const following = this.toks[this.pos + 1]
    if (t.k === 'name' && following?.k === 'op' && following.v === ':=') {
      this.pos += 2
      this.expression()
      return { n: 'other', ast: 'NamedExpr', line: t.line }
    }
    return this.expression()
  }

  private expression(): Node {
    const line = this.peek().line
    if (this.isName('lambda')) return this.lambda()
    const node = this.disjunction()
    if (!this.isName('if')) return node
    this.pos++
    this.disjunction()
    if (!this.isName('else')) throw new PySyntaxError('expected else')
    this.pos++
    this.expression()
    return { n: 'other', ast: 'IfExp', line }
  }

  private lambda(): Node {
    const line = this.peek().line
    this.pos++
    while (!this.eatOp(':')) {
      if (this.eatOp('/') || this.eatOp('*') || this.eatOp('**')) {
        if (this.peek().k === 'name') this.pos++
      } else if (this.peek().k === 'name' && !KEYWORDS.has(this.nameValue())) {
        this.pos++
        if (this.eatOp('=')) this.expression()
      } else {
        throw new PySyntaxError('invalid syntax')
      }
      if (!this.eatOp(',')) {
        this.expectOp(':')
        break
      }
    }
    this.expression()
    return { n: 'other', ast: 'Lambda', line }
  }

  private nameValue(): string {
    const t = this.peek()
    return t.k === 'name' ? t.v : ''
  }

  /** `for targets in iterable [if cond]...`, after a display's first element. */
  private comprehensionClauses(): boolean {
    if (!this.isName('for') && !(this.isName('async') && this.toks[this.pos + 1]?.k === 'name')) return false
    while (this.isName('for') || this.isName('async')) {
      if (this.isName('async')) this.pos++
      if (!this.isName('for')) throw new PySyntaxError('invalid syntax')
      this.pos++
      do {
        if (this.isName('in')) break
        this.starTarget()
      } while (this.eatOp(','))
      if (!this.isName('in')) throw new PySyntaxError('invalid syntax')
      this.pos++
      this.disjunction()
      while (this.isName('if')) {
        this.pos++
        this.disjunction()
      }
    }
    return true
  }

  /** Comprehension clauses after a display's first element, which may not be starred. */
  private comprehensionAfter(first: Node): boolean {
    if (!this.comprehensionClauses()) return false
    if (first.n === 'other' && first.ast === 'Starred') {
      throw new PySyntaxError('iterable unpacking cannot be used in comprehension')
    }
    return true
  }

  private starTarget(): void {
    this.eatOp('*')
    this.primary()
  }

  private disjunction(): Node {
    return this.boolChain('or', () => this.conjunction())
  }
  private conjunction(): Node {
    return this.boolChain('and', () => this.inversion())
  }
  private boolChain(word: string, next: () => Node): Node {
    const line = this.peek().line
    const first = next()
    if (!this.isName(word)) return first
    while (this.isName(word)) {
      this.pos++
      next()
    }
    return { n: 'other', ast: 'BoolOp', line }
  }
  private inversion(): Node {
    const line = this.peek().line
    if (this.isName('not')) {
      this.pos++
      this.inversion()
      return { n: 'other', ast: 'UnaryOp', line }
    }
    return this.comparison()
  }
  private comparison(): Node {
    const line = this.peek().line
    const first = this.bitwiseOr()
    let compared = false
    for (;;) {
      const t = this.peek()
      if (t.k === 'op' && ['==', '!=', '<', '<=', '>', '>='].includes(t.v)) {
        this.pos++
      } else if (t.k === 'name' && (t.v === 'in' || t.v === 'is')) {
        this.pos++
        if (t.v === 'is' && this.isName('not')) this.pos++
      } else if (t.k === 'name' && t.v === 'not') {
        this.pos++
        if (!this.isName('in')) throw new PySyntaxError('invalid syntax')
        this.pos++
      } else {
        break
      }
      compared = true
      this.bitwiseOr()
    }
    return compared ? { n: 'other', ast: 'Compare', line } : first
  }
  private binaryLevel(ops: readonly string[], next: () => Node): Node {
    let left = next()
    for (;;) {
      const t = this.peek()
      if (t.k !== 'op' || !ops.includes(t.v)) return left
      this.pos++
      const right = next()
      left = { n: 'binop', op: t.v, left, right, line: left.line }
    }
  }
  private bitwiseOr(): Node {
    return this.binaryLevel(['|'], () =>
      this.binaryLevel(['^'], () => this.binaryLevel(['&'], () => this.shift())),
    )
  }
  private shift(): Node {
    return this.binaryLevel(['<<', '>>'], () => this.sum())
  }
  private sum(): Node {
    return this.binaryLevel(['+', '-'], () => this.term())
  }
  private term(): Node {
    return this.binaryLevel(['*', '/', '//', '%', '@'], () => this.factor())
  }
  private factor(): Node {
    const t = this.peek()
    if (t.k === 'op' && ['+', '-', '~'].includes(t.v)) {
      this.pos++
      return { n: 'unary', op: t.v, operand: this.factor(), line: t.line }
    }
    return this.power()
  }
  private power(): Node {
    if (this.isName('await')) {
      const line = this.peek().line
      this.pos++
      this.primary()
      if (this.eatOp('**')) this.factor()
      return { n: 'other', ast: 'Await', line }
    }
    const base = this.primary()
    if (!this.eatOp('**')) return base
    this.factor()
    return { n: 'binop', op: '**', left: base, right: base, line: base.line }
  }
  private primary(): Node {
    let node = this.atom()
    for (;;) {
      const line = node.line
      if (this.eatOp('.')) {
        if (this.peek().k !== 'name') throw new PySyntaxError('invalid syntax')
        this.pos++
        node = { n: 'other', ast: 'Attribute', line }
      } else if (this.eatOp('(')) {
        node = { n: 'call', func: node, argCount: this.callArguments(), line }
      } else if (this.eatOp('[')) {
        this.slices()
        node = { n: 'other', ast: 'Subscript', line }
      } else {
        return node
      }
    }
  }
  private callArguments(): number {
    let count = 0
    while (!this.eatOp(')')) {
      if (this.eatOp('**') || this.eatOp('*')) {
        this.expression()
      } else {
        const t = this.peek()
        const following = this.toks[this.pos + 1]
        if (t.k === 'name' && following?.k === 'op' && following.v === '=') this.pos += 2
        this.namedExpression()
        if (count === 0 && this.comprehensionClauses()) {
          this.expectOp(')')
          return 1
        }
      }
      count++
      if (!this.eatOp(',')) {
        this.expectOp(')')
        break
      }
    }
    return count
  }
  private slices(): void {
    if (this.isOp(']')) throw new PySyntaxError('invalid syntax')
    for (;;) {
      if (!this.isOp(':') && !this.isOp(']') && !this.isOp(',')) this.starExpression()
      while (this.eatOp(':')) {
        if (!this.isOp(':') && !this.isOp(']') && !this.isOp(',')) this.expression()
      }
      if (this.eatOp(']')) return
      this.expectOp(',')
      if (this.eatOp(']')) return
    }
  }
  private atom(): Node {
    const t = this.peek()
    const line = t.line
    if (t.k === 'number') {
      this.pos++
      return { n: 'const', v: t.v, line }
    }
    if (t.k === 'string') return this.strings()
    if (t.k === 'name') {
      if (KEYWORDS.has(t.v) && !['True', 'False', 'None'].includes(t.v)) {
        throw new PySyntaxError('invalid syntax')
      }
      this.pos++
      if (t.v === 'True' || t.v === 'False') return { n: 'const', v: { t: 'bool', v: t.v === 'True' }, line }
      if (t.v === 'None') return { n: 'const', v: { t: 'none' }, line }
      return { n: 'name', id: t.v, line }
    }
    if (t.k === 'op') {
      if (t.v === '...') {
        this.pos++
        return { n: 'const', v: { t: 'ellipsis' }, line }
      }
      if (t.v === '(') return this.parenthesised()
      if (t.v === '[') return this.display('[', ']', 'list')
      if (t.v === '{') return this.braces()
    }
    throw new PySyntaxError('invalid syntax')
  }
  private strings(): Node {
    const line = this.peek().line
    let acc: PyValue | 'fstring' | undefined
    for (let t = this.peek(); t.k === 'string'; t = this.peek()) {
      this.pos++
      const v = t.v
      if (acc === undefined) {
        acc = v
      } else if (acc === 'fstring' || v === 'fstring') {
        if ((acc !== 'fstring' && acc.t === 'bytes') || (v !== 'fstring' && v.t === 'bytes')) {
          throw new PySyntaxError('cannot mix bytes and nonbytes literals')
        }
        acc = 'fstring'
      } else if (acc.t !== v.t) {
        throw new PySyntaxError('cannot mix bytes and nonbytes literals')
      } else if ((acc.t === 'str' || acc.t === 'bytes') && (v.t === 'str' || v.t === 'bytes')) {
        acc = { t: acc.t, v: acc.v + v.v }
      }
    }
    if (acc === undefined || acc === 'fstring') return { n: 'other', ast: 'JoinedStr', line }
    return { n: 'const', v: acc, line }
  }
  private parenthesised(): Node {
    const line = this.peek().line
    this.expectOp('(')
    if (this.eatOp(')')) return { n: 'display', kind: 'tuple', items: [], line }
    if (this.isName('yield')) {
      this.pos++
      if (this.isName('from')) this.pos++
      if (!this.isOp(')')) this.expressions()
      this.expectOp(')')
      return { n: 'other', ast: 'Yield', line }
    }
    const first = this.starExpression()
    if (this.comprehensionAfter(first)) {
      this.expectOp(')')
      return { n: 'other', ast: 'GeneratorExp', line }
    }
    if (this.eatOp(')')) {
      if (first.n === 'other' && first.ast === 'Starred') {
        throw new PySyntaxError('cannot use starred expression here')
      }
      return first
    }
    const items = [first]
    while (this.eatOp(',')) {
      if (this.isOp(')')) break
      items.push(this.starExpression())
    }
    this.expectOp(')')
    return { n: 'display', kind: 'tuple', items, line }
  }
  private display(open: string, close: string, kind: 'list' | 'set'): Node {
    const line = this.peek().line
    this.expectOp(open)
    const items: Node[] = []
    while (!this.eatOp(close)) {
      const item = this.starExpression()
      items.push(item)
      if (items.length === 1 && this.comprehensionAfter(item)) {
        this.expectOp(close)
        return { n: 'other', ast: 'ListComp', line }
      }
      if (!this.eatOp(',')) {
        this.expectOp(close)
        break
      }
    }
    return { n: 'display', kind, items, line }
  }
  private braces(): Node {
    const line = this.peek().line
    this.expectOp('{')
    if (this.eatOp('}')) return { n: 'dict', keys: [], values: [], line }
    if (this.isOp('**')) return this.dictRest(line, [], [])
    const first = this.starExpression()
    if (this.eatOp(':')) {
      const value = this.expression()
      if (this.comprehensionClauses()) {
        this.expectOp('}')
        return { n: 'other', ast: 'DictComp', line }
      }
      if (this.eatOp('}')) return { n: 'dict', keys: [first], values: [value], line }
      this.expectOp(',')
      return this.dictRest(line, [first], [value])
    }
    if (this.comprehensionAfter(first)) {
      this.expectOp('}')
      return { n: 'other', ast: 'SetComp', line }
    }
    const items = [first]
    while (this.eatOp(',')) {
      if (this.isOp('}')) break
      items.push(this.starExpression())
    }
    this.expectOp('}')
    return { n: 'display', kind: 'set', items, line }
  }
  private dictRest(line: number, keys: (Node | undefined)[], values: Node[]): Node {
    while (!this.eatOp('}')) {
      if (this.eatOp('**')) {
        keys.push(undefined)
        values.push(this.bitwiseOr())
      } else {
        keys.push(this.expression())
        this.expectOp(':')
        values.push(this.expression())
      }
      if (!this.eatOp(',')) {
        this.expectOp('}')
        break
      }
    }
    return { n: 'dict', keys, values, line }
  }
}

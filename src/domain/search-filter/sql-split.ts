/**
 * A port of sqlparse 0.6.1's statement splitter (`sqlparse/engine/statement_splitter.py`): a filter
 * with `;` followed by more text is several statements, which MLflow rejects as "multiple expression".
 */

import { isTypeIn, isWhitespace, makeSqlGroup, type SqlGroup, type SqlLeaf } from './sql-token'

export function splitStatements(text: string, stream: readonly SqlLeaf[]): SqlGroup[] {
  const statements: SqlGroup[] = []
  let state = freshSplitState()
  let tokens: SqlLeaf[] = []
  let consumeWs = false
  for (const token of stream) {
    if (consumeWs && token.type !== 'Text.Whitespace' && token.type !== 'Comment.Single') {
      statements.push(makeSqlGroup('Statement', tokens, text))
      state = freshSplitState()
      tokens = []
      consumeWs = false
    }
    state.level += changeSplitLevel(state, token)
    tokens.push(token)
    if (token.type === 'Punctuation' && token.value === ';') {
      state.seenBegin = false
      if (state.level <= 0 && !state.blockStack.includes('BEGIN')) consumeWs = true
    } else if (token.type === 'Keyword' && token.value.split(/\s+/).find((part) => part !== '') === 'GO') {
      consumeWs = true
    } else if (
      !['Text.Whitespace', 'Text.Whitespace.Newline', 'Comment.Single', 'Comment.Multiline'].includes(
        token.type,
      ) &&
      !(token.type === 'Keyword' && token.value.toUpperCase() === 'BEGIN')
    ) {
      state.seenBegin = false
    }
  }
  if (tokens.length > 0 && !tokens.every((t) => isWhitespace(t))) {
    statements.push(makeSqlGroup('Statement', tokens, text))
  }
  return statements
}

interface SplitState {
  level: number
  blockStack: string[]
  unconfirmedStart: string | undefined
  isCreate: boolean
  seenBegin: boolean
}

function freshSplitState(): SplitState {
  return { level: 0, blockStack: [], unconfirmedStart: undefined, isCreate: false, seenBegin: false }
}

function changeSplitLevel(state: SplitState, token: SqlLeaf): number {
  const { type, value } = token
  if (type === 'Punctuation' && value === ';') {
    state.unconfirmedStart = undefined
    if (state.seenBegin) {
      state.seenBegin = false
      if (state.blockStack[state.blockStack.length - 1] === 'BEGIN') {
        state.blockStack.pop()
        return -1
      }
    }
    return 0
  }
  if (type === 'Punctuation' && value === '(') return 1
  if (type === 'Punctuation' && value === ')') return -1
  if (!isTypeIn(type, 'Keyword')) return 0
  const unified = value.toUpperCase()
  const top = state.blockStack[state.blockStack.length - 1]
  if (type === 'Keyword.DDL' && unified.startsWith('CREATE')) {
    state.isCreate = true
    return 0
  }
  if (unified === 'DECLARE' && state.isCreate && state.blockStack.length === 0) {
    state.blockStack.push('DECLARE')
    return 1
  }
  if (unified === 'BEGIN') {
    state.seenBegin = true
    if (top === 'DECLARE') {
      state.blockStack.pop()
      state.blockStack.push('BEGIN')
      return 0
    }
    state.blockStack.push('BEGIN')
    return 1
  }
  if (
    state.seenBegin &&
    type === 'Keyword' &&
    ['TRANSACTION', 'WORK', 'TRAN', 'DISTRIBUTED', 'DEFERRED', 'IMMEDIATE', 'EXCLUSIVE'].includes(unified)
  ) {
    state.seenBegin = false
    if (top === 'BEGIN') {
      state.blockStack.pop()
      return -1
    }
    return 0
  }
  if (state.blockStack.includes('BEGIN')) {
    const nested = handleNestedBlock(state, unified)
    if (nested !== undefined) return nested
  }
  return handleClosingKeyword(state, unified)
}

function handleNestedBlock(state: SplitState, unified: string): number | undefined {
  if (unified === 'FOR' || unified === 'WHILE') {
    state.unconfirmedStart = unified
    return 0
  }
  if (unified === 'LOOP' || unified === 'DO') {
    if (state.unconfirmedStart === 'FOR' || state.unconfirmedStart === 'WHILE') {
      state.blockStack.push(state.unconfirmedStart)
      state.unconfirmedStart = undefined
      return 1
    }
    if (unified === 'LOOP') {
      state.blockStack.push('LOOP')
      return 1
    }
  }
  if (unified === 'IF' || unified === 'CASE') {
    state.blockStack.push(unified)
    return 1
  }
  return undefined
}

const CLOSERS: ReadonlyMap<string, readonly string[]> = new Map([
  ['END IF', ['IF']],
  ['END FOR', ['FOR']],
  ['END WHILE', ['WHILE']],
  ['END LOOP', ['LOOP', 'FOR', 'WHILE']],
  ['END CASE', ['CASE']],
])

function handleClosingKeyword(state: SplitState, unified: string): number {
  if (unified === 'END') {
    state.blockStack.pop()
    return -1
  }
  const opens = CLOSERS.get(unified)
  const top = state.blockStack[state.blockStack.length - 1]
  if (opens !== undefined && top !== undefined && opens.includes(top)) {
    state.blockStack.pop()
    return -1
  }
  return 0
}

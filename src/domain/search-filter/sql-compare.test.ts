import { describe, expect, it } from 'vitest'
import { compareText, sqlLike } from './sql-compare'

describe('sqlLike', () => {
  it.each([
    { value: 'adam', pattern: 'a%', matches: true },
    { value: 'Adam', pattern: 'a%', matches: false },
    { value: 'abc', pattern: '%', matches: true },
    { value: '', pattern: '%', matches: true },
    { value: '', pattern: '_', matches: false },
    { value: 'a_b', pattern: 'a_b', matches: true },
    { value: 'axb', pattern: 'a_b', matches: true },
    { value: 'ab', pattern: 'a_b', matches: false },
    { value: '😀 run', pattern: '_ run', matches: true },
    { value: 'mississippi', pattern: '%iss%ppi', matches: true },
    { value: 'mississippi', pattern: '%iss%ppx', matches: false },
    { value: 'a\\b', pattern: 'a\\b', matches: true },
  ])('$value LIKE $pattern is $matches', ({ value, pattern, matches }) => {
    expect(sqlLike(value, pattern)).toBe(matches)
  })
})

describe('compareText', () => {
  it('orders by code point, as SQLite BINARY collation does', () => {
    const sorted = ['b', 'a', 'B', '\uffff', '😀', 'é', ''].sort(compareText)
    // UTF-16 order would put the emoji (a surrogate pair) before U+FFFF.
    expect(sorted).toEqual(['', 'B', 'a', 'b', 'é', '\uffff', '😀'])
  })
})

/**
 * How MLflow's SQLite store compares values, so the mocks and the browser (`runs/match-run.ts`)
 * filter and sort exactly like the real server: text by code point (SQLite's BINARY collation), LIKE case-sensitive (MLflow turns on
 * `PRAGMA case_sensitive_like`), ILIKE as SQLAlchemy renders it on SQLite, `lower(x) LIKE lower(y)`,
 * where SQLite's `lower()` folds ASCII letters only.
 */

import type { Comparator, RunClause } from './parse-filter'

/** SQLite's BINARY collation: UTF-8 byte order, which is code point order (not UTF-16 order). */
export function compareText(a: string, b: string): number {
  const left = a[Symbol.iterator]()
  const right = b[Symbol.iterator]()
  for (;;) {
    const x = left.next()
    const y = right.next()
    if (x.done === true || y.done === true) return (x.done === true ? 0 : 1) - (y.done === true ? 0 : 1)
    const diff = (x.value.codePointAt(0) ?? 0) - (y.value.codePointAt(0) ?? 0)
    if (diff !== 0) return diff
  }
}

function asciiLower(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase())
}

/** SQL LIKE without an escape character: `%` is any run of characters, `_` exactly one. */
export function sqlLike(value: string, pattern: string): boolean {
  // Code points, not grapheme clusters: SQLite's `_` matches one character of the UTF-8 text.
  const v = Array.from(value)
  const p = Array.from(pattern)
  // Classic wildcard matching with backtracking to the last `%`.
  let vi = 0
  let pi = 0
  let starP = -1
  let starV = 0
  while (vi < v.length) {
    const pc = p[pi]
    if (pc === '%') {
      starP = pi++
      starV = vi
    } else if (pc !== undefined && (pc === '_' || pc === v[vi])) {
      vi++
      pi++
    } else if (starP !== -1) {
      pi = starP + 1
      vi = ++starV
    } else {
      return false
    }
  }
  while (p[pi] === '%') pi++
  return pi === p.length
}

/** A string comparison in a filter clause (`=`, `!=`, `LIKE`, `ILIKE`, `IN`, `NOT IN`). */
export function matchesText(
  value: string,
  comparator: Comparator,
  operand: string | readonly string[],
): boolean {
  if (typeof operand !== 'string') {
    if (comparator === 'IN') return operand.includes(value)
    if (comparator === 'NOT IN') return !operand.includes(value)
    return false
  }
  switch (comparator) {
    case '=':
      return value === operand
    case '!=':
      return value !== operand
    case 'LIKE':
      return sqlLike(value, operand)
    case 'ILIKE':
      return sqlLike(asciiLower(value), asciiLower(operand))
    case '<':
      return compareText(value, operand) < 0
    case '<=':
      return compareText(value, operand) <= 0
    case '>':
      return compareText(value, operand) > 0
    case '>=':
      return compareText(value, operand) >= 0
    default:
      return false
  }
}

/** A numeric comparison in a filter clause. */
export function matchesNumber(value: number, comparator: Comparator, operand: number): boolean {
  switch (comparator) {
    case '=':
      return value === operand
    case '!=':
      return value !== operand
    case '<':
      return value < operand
    case '<=':
      return value <= operand
    case '>':
      return value > operand
    case '>=':
      return value >= operand
    default:
      return false
  }
}

/** Ascending order of two non-null sort values of the same column. */
export function compareSortValues(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0
  return compareText(String(a), String(b))
}

/**
 * A metric value as the SQL store keeps it: NaN as an `is_nan` flag with value 0, infinities
 * clamped to the largest double (SQL has no infinity).
 */
export function storedMetricValue(value: number): { isNan: boolean; value: number } {
  if (Number.isNaN(value)) return { isNan: true, value: 0 }
  if (value === Infinity) return { isNan: false, value: Number.MAX_VALUE }
  if (value === -Infinity) return { isNan: false, value: -Number.MAX_VALUE }
  return { isNan: false, value }
}

/** A clause on a text column that may be absent (a param, a tag, an optional attribute). */
export function matchesOptionalText(value: string | undefined, clause: RunClause): boolean {
  if (clause.comparator === 'IS NULL') return value === undefined
  if (clause.comparator === 'IS NOT NULL') return value !== undefined
  if (value === undefined || clause.value === null || typeof clause.value === 'number') return false
  return matchesText(value, clause.comparator, clause.value)
}

/** A clause on a run's latest metric; a run without the metric never matches (an inner join). */
export function matchesMetricValue(value: number | undefined, clause: RunClause): boolean {
  if (value === undefined || typeof clause.value !== 'number') return false
  const stored = storedMetricValue(value)
  // Every comparison with NaN is false except `!=`, which the store makes always true.
  if (stored.isNan) return clause.comparator === '!='
  return matchesNumber(stored.value, clause.comparator, clause.value)
}

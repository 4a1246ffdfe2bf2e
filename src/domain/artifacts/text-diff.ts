/**
 * Diffs of artifact files between runs, for the compare page's side-by-side view. Pure.
 *
 * - `diffLines`: a line diff (Myers' O((N+M)·D) algorithm on what is left after the common head and
 *   tail), with a cap on D: past it the answer is "too different to diff" instead of a frozen tab.
 *   The result is a list of aligned rows, each with the line on the left (baseline), the right, or
 *   both; a removed line followed by an added one pair up as one `changed` row.
 * - `collapseUnchanged`: unchanged stretches folded to a few context lines around every change.
 * - `canonicalJson` / `canonicalYaml`: a document pretty-printed with its keys sorted, so key order
 *   and formatting never count as a change.
 * - `diffTables`: CSV/TSV records, row by row with a per-cell mark.
 */

import { parse as parseYaml, stringify as stringifyYaml } from 'yaml'

export type DiffRowKind = 'equal' | 'changed' | 'removed' | 'added'

export interface DiffLine {
  /** 0-based line (or record) number in its file. */
  index: number
  text: string
}

export interface DiffRow {
  kind: DiffRowKind
  /** The baseline's line; absent for `added`. */
  left?: DiffLine
  /** The other run's line; absent for `removed`. */
  right?: DiffLine
}

export interface DiffCounts {
  changed: number
  added: number
  removed: number
}

export type LineDiff =
  | ({ kind: 'diff'; rows: DiffRow[] } & DiffCounts)
  /** The edit distance passed the cap: the files are too different to diff usefully. */
  | { kind: 'too-different'; leftLines: number; rightLines: number }

export interface DiffOptions {
  /**
   * The most line insertions plus deletions searched for. The work is about (N+M)·D, so the
   * default (2,000) keeps two 100,000-line files under a second or so.
   */
  maxEdits?: number
  /** The most comparisons made (diagonals visited plus lines compared) before giving up. */
  maxWork?: number
}

export const DEFAULT_MAX_EDITS = 2000
export const DEFAULT_MAX_WORK = 20_000_000

type Op = { op: 'equal'; a: number; b: number } | { op: 'delete'; a: number } | { op: 'insert'; b: number }

/**
 * Myers' greedy shortest edit script between a[lo..] and b[lo..] (indices into the whole arrays),
 * or undefined past `maxEdits`. Each step keeps the furthest-reaching x per diagonal; the V arrays
 * of every step are kept (2d+1 entries each) to walk the path back.
 */
function myers(
  a: readonly string[],
  b: readonly string[],
  aLo: number,
  aHi: number,
  bLo: number,
  bHi: number,
  maxEdits: number,
  maxWork: number,
): Op[] | undefined {
  const n = aHi - aLo
  const m = bHi - bLo
  const max = Math.min(n + m, maxEdits)
  const offset = max + 1
  const v = new Int32Array(2 * max + 3)
  const trace: Int32Array[] = []
  let found = -1
  let work = 0
  outer: for (let d = 0; d <= max; d++) {
    // Snapshot of the diagonals reachable at step d-1 (the only ones step d reads).
    trace.push(v.slice(offset - d - 1, offset + d + 2))
    for (let k = -d; k <= d; k += 2) {
      let x: number
      if (k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0)))
        x = v[offset + k + 1] ?? 0
      else x = (v[offset + k - 1] ?? 0) + 1
      let y = x - k
      const from = x
      while (x < n && y < m && a[aLo + x] === b[bLo + y]) {
        x++
        y++
      }
      work += 1 + x - from
      if (work > maxWork) return undefined
      v[offset + k] = x
      if (x >= n && y >= m) {
        found = d
        break outer
      }
    }
  }
  if (found < 0) return undefined
  // Walk back from (n, m) through the snapshots.
  const ops: Op[] = []
  let x = n
  let y = m
  for (let d = found; d > 0; d--) {
    const prev = trace[d] ?? new Int32Array(0)
    // prev holds diagonals -d-1 .. d+1 of step d-1 at positions 0 .. 2d+2.
    const at = (k: number) => prev[k + d + 1] ?? 0
    const k = x - y
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1))
    const prevK = down ? k + 1 : k - 1
    const prevX = at(prevK)
    const prevY = prevX - prevK
    while (x > prevX && y > prevY) {
      x--
      y--
      ops.push({ op: 'equal', a: aLo + x, b: bLo + y })
    }
    if (down) {
      y--
      ops.push({ op: 'insert', b: bLo + y })
    } else {
      x--
      ops.push({ op: 'delete', a: aLo + x })
    }
  }
  while (x > 0 && y > 0) {
    x--
    y--
    ops.push({ op: 'equal', a: aLo + x, b: bLo + y })
  }
  return ops.reverse()
}

/**
 * The line diff of `left` (the baseline) and `right`. Removed and added lines next to each other
 * pair up, in order, as `changed` rows; the rest stay `removed` or `added`.
 */
export function diffLines(
  left: readonly string[],
  right: readonly string[],
  options: DiffOptions = {},
): LineDiff {
  const maxEdits = options.maxEdits ?? DEFAULT_MAX_EDITS
  let head = 0
  while (head < left.length && head < right.length && left[head] === right[head]) head++
  let tail = 0
  while (
    tail < left.length - head &&
    tail < right.length - head &&
    left[left.length - 1 - tail] === right[right.length - 1 - tail]
  )
    tail++
  const middle = myers(
    left,
    right,
    head,
    left.length - tail,
    head,
    right.length - tail,
    maxEdits,
    options.maxWork ?? DEFAULT_MAX_WORK,
  )
  if (middle === undefined) return { kind: 'too-different', leftLines: left.length, rightLines: right.length }
  const ops: Op[] = []
  for (let i = 0; i < head; i++) ops.push({ op: 'equal', a: i, b: i })
  ops.push(...middle)
  for (let i = tail; i > 0; i--) ops.push({ op: 'equal', a: left.length - i, b: right.length - i })
  return { kind: 'diff', ...rowsOf(ops, left, right) }
}

function rowsOf(ops: readonly Op[], left: readonly string[], right: readonly string[]) {
  const rows: DiffRow[] = []
  const counts: DiffCounts = { changed: 0, added: 0, removed: 0 }
  const line = (lines: readonly string[], index: number): DiffLine => ({ index, text: lines[index] ?? '' })
  let i = 0
  while (i < ops.length) {
    const op = ops[i]
    if (op === undefined) break
    if (op.op === 'equal') {
      rows.push({ kind: 'equal', left: line(left, op.a), right: line(right, op.b) })
      i++
      continue
    }
    // A block of edits: its deletions and insertions, in order.
    const deleted: number[] = []
    const inserted: number[] = []
    while (i < ops.length) {
      const edit = ops[i]
      if (edit === undefined || edit.op === 'equal') break
      if (edit.op === 'delete') deleted.push(edit.a)
      else inserted.push(edit.b)
      i++
    }
    const paired = Math.min(deleted.length, inserted.length)
    for (let p = 0; p < paired; p++)
      rows.push({
        kind: 'changed',
        left: line(left, deleted[p] ?? 0),
        right: line(right, inserted[p] ?? 0),
      })
    for (const a of deleted.slice(paired)) rows.push({ kind: 'removed', left: line(left, a) })
    for (const b of inserted.slice(paired)) rows.push({ kind: 'added', right: line(right, b) })
    counts.changed += paired
    counts.removed += deleted.length - paired
    counts.added += inserted.length - paired
  }
  return { rows, ...counts }
}

/** Shown rows, and folded stretches of unchanged rows that a reader may open. */
export type DiffSegment<Row> = { kind: 'rows'; rows: Row[] } | { kind: 'folded'; rows: Row[] }

/**
 * Folds unchanged stretches, keeping `context` rows either side of every change. A stretch is
 * folded only when it hides more than `context` rows (folding two lines into a marker helps no one).
 */
export function collapseUnchanged<Row extends { kind: DiffRowKind }>(
  rows: readonly Row[],
  context = 3,
): DiffSegment<Row>[] {
  const segments: DiffSegment<Row>[] = []
  const push = (kind: 'rows' | 'folded', slice: Row[]) => {
    if (slice.length === 0) return
    const last = segments.at(-1)
    if (last?.kind === kind) last.rows.push(...slice)
    else segments.push({ kind, rows: slice })
  }
  let i = 0
  while (i < rows.length) {
    if (rows[i]?.kind !== 'equal') {
      const start = i
      while (i < rows.length && rows[i]?.kind !== 'equal') i++
      push('rows', rows.slice(start, i))
      continue
    }
    const start = i
    while (i < rows.length && rows[i]?.kind === 'equal') i++
    const keepBefore = start === 0 ? 0 : context
    const keepAfter = i === rows.length ? 0 : context
    const run = rows.slice(start, i)
    if (run.length - keepBefore - keepAfter <= context) {
      push('rows', run)
    } else {
      push('rows', run.slice(0, keepBefore))
      push('folded', run.slice(keepBefore, run.length - keepAfter))
      push('rows', run.slice(run.length - keepAfter))
    }
  }
  return segments
}

/** A value with every object's keys sorted (arrays keep their order). */
export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep)
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {}
    for (const key of Object.keys(value).sort()) sorted[key] = sortKeysDeep(Reflect.get(value, key))
    return sorted
  }
  return value
}

export type Canonical = { ok: true; text: string } | { ok: false; error: string }

/**
 * JSON pretty-printed with sorted keys, two-space indent. Python's `json.dump` writes `NaN` and
 * `Infinity`, which JSON.parse refuses: such a file (or any unparsable one) is `ok: false`, and the
 * caller diffs its text as written.
 */
export function canonicalJson(text: string): Canonical {
  try {
    const value: unknown = JSON.parse(text)
    return { ok: true, text: JSON.stringify(sortKeysDeep(value), null, 2) }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) }
  }
}

/** YAML re-written with sorted keys (all documents of a multi-document file kept apart). */
export function canonicalYaml(text: string): Canonical {
  try {
    const value: unknown = parseYaml(text)
    const out = stringifyYaml(sortKeysDeep(value), { sortMapEntries: true, lineWidth: 0 })
    return { ok: true, text: out }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) }
  }
}

/** Lines of a text, `\r\n` or `\n` ends; a final newline does not start an empty last line. */
export function splitLines(text: string): string[] {
  if (text === '') return []
  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line))
  if (lines.length > 1 && lines.at(-1) === '') lines.pop()
  return lines
}

export interface TableDiffRow {
  kind: DiffRowKind
  left?: { index: number; cells: readonly string[] }
  right?: { index: number; cells: readonly string[] }
  /** For `changed` rows: which columns differ (by position). */
  changedCells?: readonly boolean[]
}

export type TableDiff =
  | ({
      kind: 'diff'
      rows: TableDiffRow[]
      /** Whether rows were aligned by position (same count) rather than by a line diff. */
      byPosition: boolean
    } & DiffCounts)
  | { kind: 'too-different'; leftLines: number; rightLines: number }

function cellMarks(left: readonly string[], right: readonly string[]): boolean[] {
  const width = Math.max(left.length, right.length)
  return Array.from({ length: width }, (_, column) => left[column] !== right[column])
}

/**
 * Two tables' records (the header is record 0). With as many records on both sides, row i is
 * compared with row i and each differing cell marked; otherwise rows are aligned by a line diff of
 * the records, and paired changed rows still get their cell marks.
 */
export function diffTables(
  left: readonly (readonly string[])[],
  right: readonly (readonly string[])[],
  options: DiffOptions = {},
): TableDiff {
  if (left.length === right.length) {
    const rows: TableDiffRow[] = []
    let changed = 0
    left.forEach((cells, index) => {
      const other = right[index] ?? []
      const marks = cellMarks(cells, other)
      const differs = marks.some(Boolean)
      if (differs) changed++
      rows.push({
        kind: differs ? 'changed' : 'equal',
        left: { index, cells },
        right: { index, cells: other },
        ...(differs ? { changedCells: marks } : {}),
      })
    })
    return { kind: 'diff', rows, byPosition: true, changed, added: 0, removed: 0 }
  }
  const key = (cells: readonly string[]) => JSON.stringify(cells)
  const lines = diffLines(left.map(key), right.map(key), options)
  if (lines.kind === 'too-different') return lines
  const rows = lines.rows.map((row): TableDiffRow => {
    const l =
      row.left === undefined ? undefined : { index: row.left.index, cells: left[row.left.index] ?? [] }
    const r =
      row.right === undefined ? undefined : { index: row.right.index, cells: right[row.right.index] ?? [] }
    return {
      kind: row.kind,
      ...(l === undefined ? {} : { left: l }),
      ...(r === undefined ? {} : { right: r }),
      ...(row.kind === 'changed' && l !== undefined && r !== undefined
        ? { changedCells: cellMarks(l.cells, r.cells) }
        : {}),
    }
  })
  return {
    kind: 'diff',
    rows,
    byPosition: false,
    changed: lines.changed,
    added: lines.added,
    removed: lines.removed,
  }
}

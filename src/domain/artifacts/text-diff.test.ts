import { describe, expect, it } from 'vitest'
import {
  canonicalJson,
  canonicalYaml,
  collapseUnchanged,
  diffLines,
  diffTables,
  splitLines,
  type DiffRow,
} from './text-diff'

/** The two files a diff's rows spell out, to check that nothing is lost or invented. */
function sides(rows: readonly DiffRow[]) {
  return {
    left: rows.flatMap((row) => (row.left === undefined ? [] : [row.left.text])),
    right: rows.flatMap((row) => (row.right === undefined ? [] : [row.right.text])),
  }
}

function lcsLength(a: readonly string[], b: readonly string[]): number {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0))
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const row = table[i] ?? []
      row[j] =
        a[i - 1] === b[j - 1]
          ? (table[i - 1]?.[j - 1] ?? 0) + 1
          : Math.max(table[i - 1]?.[j] ?? 0, row[j - 1] ?? 0)
    }
  return table[a.length]?.[b.length] ?? 0
}

describe('diffLines', () => {
  it('marks a changed line, an added one and a removed one, aligned for side by side', () => {
    const diff = diffLines(['a', 'b', 'c', 'd'], ['a', 'B', 'c', 'e', 'd'])
    expect(diff.kind).toBe('diff')
    if (diff.kind !== 'diff') return
    expect(diff.rows.map((row) => [row.kind, row.left?.text, row.right?.text])).toEqual([
      ['equal', 'a', 'a'],
      ['changed', 'b', 'B'],
      ['equal', 'c', 'c'],
      ['added', undefined, 'e'],
      ['equal', 'd', 'd'],
    ])
    expect([diff.changed, diff.added, diff.removed]).toEqual([1, 1, 0])
    expect(diff.rows[3]?.right?.index).toBe(3)
  })

  it('says when nothing changed, and handles empty files', () => {
    const same = diffLines(['x', 'y'], ['x', 'y'])
    expect(same.kind === 'diff' && same.rows.every((row) => row.kind === 'equal')).toBe(true)
    const fromEmpty = diffLines([], ['x'])
    expect(fromEmpty.kind === 'diff' && fromEmpty.rows.map((row) => row.kind)).toEqual(['added'])
    const toEmpty = diffLines(['x'], [])
    expect(toEmpty.kind === 'diff' && toEmpty.rows.map((row) => row.kind)).toEqual(['removed'])
  })

  it('finds a shortest edit script on random inputs (checked against the LCS)', () => {
    let seed = 7
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed / 2147483648
    }
    for (let trial = 0; trial < 300; trial++) {
      const make = () =>
        Array.from({ length: Math.floor(random() * 12) }, () => 'abcd'[Math.floor(random() * 4)] ?? 'a')
      const a = make()
      const b = make()
      const diff = diffLines(a, b)
      expect(diff.kind).toBe('diff')
      if (diff.kind !== 'diff') continue
      expect(sides(diff.rows)).toEqual({ left: a, right: b })
      const equal = diff.rows.filter((row) => row.kind === 'equal').length
      expect(equal).toBe(lcsLength(a, b))
      for (const row of diff.rows) if (row.kind === 'equal') expect(row.left?.text).toBe(row.right?.text)
    }
  })

  it('gives up on files too different to diff instead of working for ever', () => {
    const left = Array.from({ length: 50_000 }, (_, i) => `left ${i}`)
    const right = Array.from({ length: 50_000 }, (_, i) => `right ${i}`)
    const started = performance.now()
    expect(diffLines(left, right, { maxEdits: 500 })).toEqual({
      kind: 'too-different',
      leftLines: 50_000,
      rightLines: 50_000,
    })
    expect(performance.now() - started).toBeLessThan(5000)
  })

  it('also gives up past its work budget, whatever the edit count', () => {
    const left = Array.from({ length: 1000 }, (_, i) => `a${i % 7}`)
    const right = Array.from({ length: 1000 }, (_, i) => `a${i % 5}`)
    expect(diffLines(left, right, { maxWork: 1000 }).kind).toBe('too-different')
    expect(diffLines(left, right).kind).toBe('diff')
  })

  it('diffs long files with few changes quickly (common head and tail are skipped)', () => {
    const left = Array.from({ length: 200_000 }, (_, i) => `line ${i}`)
    const right = [...left]
    right[100_000] = 'edited'
    const diff = diffLines(left, right)
    expect(diff.kind === 'diff' && diff.changed).toBe(1)
  })
})

describe('collapseUnchanged', () => {
  it('folds long unchanged stretches, keeping three lines of context around each change', () => {
    const left = Array.from({ length: 30 }, (_, i) => `l${i}`)
    const right = [...left]
    right[15] = 'changed'
    const diff = diffLines(left, right)
    if (diff.kind !== 'diff') throw new Error('expected a diff')
    const segments = collapseUnchanged(diff.rows)
    expect(segments.map((segment) => [segment.kind, segment.rows.length])).toEqual([
      ['folded', 12],
      ['rows', 7],
      ['folded', 11],
    ])
  })

  it('leaves short stretches open', () => {
    const diff = diffLines(['a', 'b', 'c', 'd'], ['a', 'b', 'X', 'd'])
    if (diff.kind !== 'diff') throw new Error('expected a diff')
    expect(collapseUnchanged(diff.rows).map((segment) => segment.kind)).toEqual(['rows'])
  })
})

describe('canonical documents', () => {
  it('JSON: key order and formatting are not changes, values are', () => {
    const a = canonicalJson('{"b": 1, "a": {"y": [3, 1], "x": null}}')
    const b = canonicalJson('{"a":{"x":null,"y":[3,1]},"b":1}')
    expect(a).toEqual(b)
    expect(a.ok && a.text).toBe(
      '{\n  "a": {\n    "x": null,\n    "y": [\n      3,\n      1\n    ]\n  },\n  "b": 1\n}',
    )
    expect(canonicalJson('{"a": NaN}').ok).toBe(false)
  })

  it('YAML: key order is not a change', () => {
    const a = canonicalYaml('optimizer:\n  name: adam\n  lr: 0.001\nepochs: 10\n')
    const b = canonicalYaml('epochs: 10\noptimizer: {lr: 0.001, name: adam}\n')
    expect(a).toEqual(b)
    expect(a.ok && a.text).toBe('epochs: 10\noptimizer:\n  lr: 0.001\n  name: adam\n')
    expect(canonicalYaml('a: [1, 2').ok).toBe(false)
  })

  it('splits lines without a phantom last line', () => {
    expect(splitLines('a\r\nb\n')).toEqual(['a', 'b'])
    expect(splitLines('')).toEqual([])
    expect(splitLines('\n')).toEqual([''])
  })
})

describe('diffTables', () => {
  it('compares rows by position when the counts match, marking each changed cell', () => {
    const diff = diffTables(
      [
        ['epoch', 'loss'],
        ['1', '0.5'],
        ['2', '0.3'],
      ],
      [
        ['epoch', 'loss'],
        ['1', '0.5'],
        ['2', '0.25'],
      ],
    )
    expect(diff.kind === 'diff' && diff.byPosition).toBe(true)
    if (diff.kind !== 'diff') return
    expect(diff.rows.map((row) => row.kind)).toEqual(['equal', 'equal', 'changed'])
    expect(diff.rows[2]?.changedCells).toEqual([false, true])
    expect(diff.changed).toBe(1)
  })

  it('aligns rows by a diff when a run has more rows, still marking cells of paired rows', () => {
    const diff = diffTables([['h'], ['a'], ['b']], [['h'], ['a'], ['x'], ['b'], ['c']])
    if (diff.kind !== 'diff') throw new Error('expected a diff')
    expect(diff.byPosition).toBe(false)
    expect(diff.rows.map((row) => row.kind)).toEqual(['equal', 'equal', 'added', 'equal', 'added'])
    expect(diff.added).toBe(2)
  })
})

import { describe, expect, it } from 'vitest'
import { makeRun } from '@/testing/make-run'
import {
  addRangeRows,
  baselineIndex,
  compareRow,
  copyDiffValue,
  countChanges,
  diffRowId,
  diffRowLabel,
  diffRuns,
  formatDelta,
  formatDiffValue,
  numericText,
  rowDirection,
  type CellComparison,
  type DiffRow,
  type MetricRange,
} from './run-diff'

describe('diffRuns', () => {
  const a = makeRun({
    runId: 'a',
    params: { lr: '0.1', seed: '1' },
    metrics: { loss: 0.5, 'system/gpu_utilization': 90, diverged: Number.NaN },
    tags: { team: 'vision', 'mlflow.user': 'alice' },
  })
  const b = makeRun({
    runId: 'b',
    params: { lr: '0.01', seed: '1', dropout: '0.5' },
    metrics: { loss: 0.4, 'system/gpu_utilization': 90, diverged: Number.NaN },
    tags: { team: 'vision', 'mlflow.user': 'bob' },
  })

  it('lays out sections in order, keys in natural order, one value per run', () => {
    const rows = diffRuns([a, b])
    expect(rows.map((r) => `${r.section}:${r.key}:${r.kind}`)).toEqual([
      'params:dropout:text',
      'params:lr:text',
      'params:seed:text',
      'metrics:diverged:metric',
      'metrics:loss:metric',
      'system:system/gpu_utilization:metric',
      'tags:team:text',
      'attributes:Status:text',
      'attributes:Started:time',
      'attributes:Duration:duration',
      'attributes:User:text',
      'attributes:Source:text',
      'attributes:Git commit:text',
    ])
    expect(rows.find((r) => r.key === 'dropout')?.values).toEqual([undefined, '0.5'])
  })

  it('marks what differs: changed values and missing ones, but not NaN against NaN', () => {
    const differs = Object.fromEntries(diffRuns([a, b]).map((r) => [r.key, r.differs]))
    expect(differs).toMatchObject({
      dropout: true,
      lr: true,
      seed: false,
      loss: true,
      diverged: false,
      'system/gpu_utilization': false,
      team: false,
      User: true,
      Status: false,
      Source: false,
    })
  })
})

describe('addRangeRows', () => {
  const runs = [
    makeRun({ runId: 'a', params: { lr: '0.1' }, metrics: { loss: 0.5, acc: 0.9 } }),
    makeRun({ runId: 'b', params: { lr: '0.1' }, metrics: { loss: 0.4, acc: 0.9 } }),
  ]
  const rows = diffRuns(runs)
  const range = (min: number, max: number, sampled = false): MetricRange => ({ min, max, sampled })

  it('adds min and max rows after the latest row of each metric with ranges', () => {
    const ranges = new Map([
      [
        'loss',
        new Map([
          ['a', range(0.3, 2)],
          ['b', range(0.3, 2.5, true)],
        ]),
      ],
    ])
    const withRanges = addRangeRows(rows, ['a', 'b'], ranges)
    const metricRows = withRanges.filter((r) => r.section === 'metrics')
    expect(metricRows.map(diffRowLabel)).toEqual(['acc', 'loss', 'loss · min', 'loss · max'])
    expect(metricRows.map(diffRowId)).toEqual([
      'metrics:acc',
      'metrics:loss',
      'metrics:loss:min',
      'metrics:loss:max',
    ])
    const [, , min, max] = metricRows
    expect(min).toMatchObject({ values: [0.3, 0.3], sampled: [false, true], differs: false, kind: 'metric' })
    expect(max).toMatchObject({ values: [2, 2.5], differs: true })
  })

  it('marks a run whose chart has not loaded as pending, folding as the latest row does meanwhile', () => {
    const ranges = new Map([['acc', new Map([['b', range(0.1, 0.95)]])]])
    const accMin = addRangeRows(rows, ['a', 'b'], ranges).find((r) => diffRowId(r) === 'metrics:acc:min')
    expect(accMin).toMatchObject({ values: [undefined, 0.1], pending: [true, false], differs: false })
    expect(addRangeRows(rows, ['a', 'b'], undefined)).toEqual(rows)
    expect(addRangeRows(rows, ['a', 'b'], new Map())).toEqual(rows)
  })

  it('marks a run without the metric as missing, not pending', () => {
    const partial = [makeRun({ runId: 'a', metrics: { loss: 0.5 } }), makeRun({ runId: 'b', metrics: {} })]
    const ranges = new Map([['loss', new Map([['a', range(0.2, 0.9)]])]])
    const lossMax = addRangeRows(diffRuns(partial), ['a', 'b'], ranges).find(
      (r) => diffRowId(r) === 'metrics:loss:max',
    )
    expect(lossMax).toMatchObject({ values: [0.9, undefined], pending: [false, false], differs: true })
  })
})

describe('baselineIndex', () => {
  it.each([
    [undefined, 0],
    ['b', 1],
    ['c', 2],
    ['gone', 0],
  ])('baseline %s -> column %i', (baselineId, expected) => {
    expect(baselineIndex(['a', 'b', 'c'], baselineId)).toBe(expected)
  })
})

function metricRow(key: string, values: (number | undefined)[]): DiffRow {
  return { section: 'metrics', key, kind: 'metric', values, differs: true }
}

function textRow(key: string, values: (string | undefined)[]): DiffRow {
  return { section: 'params', key, kind: 'text', values, differs: true }
}

describe('compareRow', () => {
  const none = new Set<string>()

  const compare = (row: DiffRow, baseline: number, flipped: ReadonlySet<string> = none) =>
    compareRow(row, baseline, rowDirection(row, flipped))

  it('gives deltas and verdicts by the metric name, against the baseline column', () => {
    const row = metricRow('val_loss', [0.4, 0.5, 0.3, 0.4])
    expect(rowDirection(row, none)).toBe('lower')
    const cells = compare(row, 0)
    expect(cells[0]).toBeUndefined()
    expect(cells[1]).toMatchObject({ change: 'changed', verdict: 'worse' })
    expect(cells[1]?.delta).toBeCloseTo(0.1)
    expect(cells[1]?.relative).toBeCloseTo(0.25)
    expect(cells[2]).toMatchObject({ change: 'changed', verdict: 'better' })
    expect(cells[3]).toEqual({ change: 'same', delta: 0, relative: 0, verdict: 'same' })
  })

  it('compares against any baseline column', () => {
    const cells = compare(metricRow('accuracy', [0.8, 0.9, 0.7]), 1)
    expect(cells.map((cell) => cell?.verdict)).toEqual(['worse', undefined, 'worse'])
  })

  it('reverses the verdict for a flipped metric, min and max rows alike', () => {
    const flipped = new Set(['val_loss'])
    const row = metricRow('val_loss', [0.4, 0.3])
    expect(rowDirection(row, flipped)).toBe('higher')
    expect(compare(row, 0, flipped)[1]?.verdict).toBe('worse')
    expect(compare({ ...row, stat: 'min' }, 0, flipped)[1]?.verdict).toBe('worse')
  })

  it('gives no direction to rows other than metrics', () => {
    expect(rowDirection(textRow('loss', ['1', '2']), new Set(['loss']))).toBeUndefined()
  })

  const cases: [string, (number | undefined)[], CellComparison | undefined][] = [
    ['no direction: a delta but no verdict', [2, 3], { change: 'changed', delta: 1, relative: 0.5 }],
    ['zero baseline: no relative delta', [0, 3], { change: 'changed', delta: 3, verdict: 'worse' }],
    ['negative baseline: relative by magnitude', [-2, -1], { change: 'changed', delta: 1, relative: 0.5 }],
    ['added', [undefined, 3], { change: 'added' }],
    ['removed', [3, undefined], { change: 'removed' }],
    ['both missing', [undefined, undefined], { change: 'same' }],
    ['NaN against a number: changed, no delta', [1, Number.NaN], { change: 'changed' }],
    ['NaN against NaN: same', [Number.NaN, Number.NaN], { change: 'same' }],
    ['infinity: no delta', [1, Number.POSITIVE_INFINITY], { change: 'changed' }],
  ]

  it.each(cases)('%s', (_, values, expected) => {
    const key = expected?.verdict === undefined ? 'lr' : 'loss'
    const cell = compare(metricRow(key, values), 0)[1]
    expect(cell).toEqual(expected === undefined ? undefined : expect.objectContaining(expected))
    if (expected !== undefined && !('relative' in expected)) expect(cell?.relative).toBeUndefined()
    if (expected !== undefined && !('delta' in expected)) expect(cell?.delta).toBeUndefined()
  })

  it('compares text as text, noting equal numbers written differently', () => {
    expect(compare(textRow('lr', ['0.01', '1e-2', '0.02', '0.01', undefined]), 0)).toEqual([
      undefined,
      { change: 'changed', sameNumber: true },
      { change: 'changed' },
      { change: 'same' },
      { change: 'removed' },
    ])
  })

  it('gives duration deltas without a verdict, and no deltas for start times', () => {
    const duration: DiffRow = {
      section: 'attributes',
      key: 'Duration',
      kind: 'duration',
      values: [60_000, 90_000],
      differs: true,
    }
    expect(compare(duration, 0)[1]).toEqual({
      change: 'changed',
      delta: 30_000,
      relative: 0.5,
      verdict: undefined,
    })
    const started: DiffRow = { ...duration, key: 'Started', kind: 'time' }
    expect(compare(started, 0)[1]).toEqual({ change: 'changed' })
  })
})

describe('countChanges', () => {
  it('counts how the other run differs from the baseline, leaving out min/max rows', () => {
    const rows: DiffRow[] = [
      textRow('lr', ['0.1', '0.2']),
      textRow('dropout', [undefined, '0.5']),
      textRow('seed', ['1', undefined]),
      textRow('optimizer', ['adam', 'adam']),
      metricRow('loss', [0.5, 0.4]),
      { ...metricRow('loss', [0.1, 0.2]), stat: 'min' },
    ]
    const comparisons = rows.map((r) => compareRow(r, 0, undefined))
    expect(countChanges(rows, comparisons, 1)).toEqual({ changed: 2, added: 1, removed: 1 })
    // With the second run as baseline, added and removed swap.
    const reversed = rows.map((r) => compareRow(r, 1, undefined))
    expect(countChanges(rows, reversed, 0)).toEqual({ changed: 2, added: 1, removed: 1 })
  })
})

describe('numericText', () => {
  it.each([
    ['0.01', 0.01],
    ['1e-2', 0.01],
    [' -3 ', -3],
    ['.5', 0.5],
    ['5.', 5],
    ['+2E3', 2000],
    ['0x10', undefined],
    ['', undefined],
    ['nan', undefined],
    ['Infinity', undefined],
    ['1,000', undefined],
    ['True', undefined],
  ])('%j -> %s', (text, expected) => {
    expect(numericText(text)).toBe(expected)
  })
})

describe('formatting cells', () => {
  it('shows values by kind and copies metrics in full precision', () => {
    expect(formatDiffValue('metric', 0.123456789)).toBe('0.123457')
    expect(copyDiffValue('metric', 0.123456789)).toBe('0.123456789')
    expect(formatDiffValue('duration', 65_000)).toBe('1m 05s')
    expect(copyDiffValue('duration', 65_000)).toBe('1m 05s')
    expect(formatDiffValue('text', 'adam')).toBe('adam')
    expect(formatDiffValue('metric', undefined)).toBe('')
    expect(copyDiffValue('text', undefined)).toBeUndefined()
  })

  it.each<[string, Parameters<typeof formatDelta>[0], CellComparison | undefined, string | undefined]>([
    ['a metric rise', 'metric', { change: 'changed', delta: 0.012, relative: 0.0412 }, '+0.012 (+4.1%)'],
    ['a metric fall', 'metric', { change: 'changed', delta: -0.5, relative: -0.5 }, '−0.5 (−50%)'],
    ['a large rise', 'metric', { change: 'changed', delta: 30, relative: 12.345 }, '+30 (+1235%)'],
    ['from zero', 'metric', { change: 'changed', delta: 3 }, '+3'],
    ['no change', 'metric', { change: 'same', delta: 0, relative: 0 }, undefined],
    ['a duration', 'duration', { change: 'changed', delta: -185_000, relative: -0.12 }, '−3m 05s (−12%)'],
    ['no delta', 'metric', { change: 'added' }, undefined],
    ['the baseline', 'metric', undefined, undefined],
  ])('%s', (_, kind, cell, expected) => {
    expect(formatDelta(kind, cell)).toBe(expected)
  })
})

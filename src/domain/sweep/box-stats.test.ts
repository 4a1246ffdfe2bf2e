import { describe, expect, it } from 'vitest'
import { makeRun } from '@/testing/make-run'
import { boxGroups, boxStats, MISSING_GROUP_KEY, OTHER_GROUP_KEY, quantileSorted } from './box-stats'

describe('quantileSorted', () => {
  it.each([
    { values: [], p: 0.5, expected: Number.NaN },
    { values: [7], p: 0.25, expected: 7 },
    { values: [1, 2, 3, 4], p: 0.5, expected: 2.5 },
    // numpy.quantile([1, 2, 3, 4], 0.25) == 1.75
    { values: [1, 2, 3, 4], p: 0.25, expected: 1.75 },
    { values: [1, 2, 3, 4], p: 0, expected: 1 },
    { values: [1, 2, 3, 4], p: 1, expected: 4 },
    { values: [1, 2, 3, 4], p: 2, expected: 4 },
    { values: [10, 20, 30, 40, 50], p: 0.75, expected: 40 },
  ])('$values at $p is $expected', ({ values, p, expected }) => {
    expect(quantileSorted(values, p)).toBe(expected)
  })
})

describe('boxStats', () => {
  it.each([
    {
      name: 'five values',
      values: [5, 1, 4, 2, 3],
      expected: { n: 5, min: 1, q1: 2, median: 3, q3: 4, max: 5, mean: 3, lowerWhisker: 1, upperWhisker: 5 },
    },
    {
      name: 'one value',
      values: [0.5],
      expected: {
        n: 1,
        min: 0.5,
        q1: 0.5,
        median: 0.5,
        q3: 0.5,
        max: 0.5,
        mean: 0.5,
        lowerWhisker: 0.5,
        upperWhisker: 0.5,
      },
    },
    {
      // q1 = 2.25, q3 = 4.75, IQR 2.5: the fences are -1.5 and 8.5, so 100 is an outlier.
      name: 'an outlier',
      values: [1, 2, 3, 4, 5, 100],
      expected: {
        n: 6,
        min: 1,
        q1: 2.25,
        median: 3.5,
        q3: 4.75,
        max: 100,
        mean: 115 / 6,
        lowerWhisker: 1,
        upperWhisker: 5,
      },
    },
    {
      name: 'NaN and infinities left out',
      values: [Number.NaN, 2, Number.POSITIVE_INFINITY, 4, Number.NEGATIVE_INFINITY],
      expected: {
        n: 2,
        min: 2,
        q1: 2.5,
        median: 3,
        q3: 3.5,
        max: 4,
        mean: 3,
        lowerWhisker: 2,
        upperWhisker: 4,
      },
    },
  ])('$name', ({ values, expected }) => {
    expect(boxStats(values)).toEqual(expected)
  })

  it('is undefined without a finite value', () => {
    expect(boxStats([])).toBeUndefined()
    expect(boxStats([Number.NaN])).toBeUndefined()
  })
})

const run = (runId: string, loss: number | undefined, param: string | undefined) =>
  makeRun({
    runId,
    params: param === undefined ? {} : { p: param },
    metrics: loss === undefined ? {} : { loss },
  })

const summary = (data: ReturnType<typeof boxGroups>) =>
  data.groups.map((group) => ({ label: group.label, kind: group.kind, n: group.stats.n }))

describe('boxGroups', () => {
  it('orders numeric param values numerically and treats equal numbers as one value', () => {
    const runs = [
      run('a', 1, '10'),
      run('b', 2, '2'),
      run('c', 3, '0.1'),
      run('d', 4, '1e-1'),
      run('e', 5, '2'),
    ]
    const data = boxGroups(runs, 'loss', 'p')
    expect(data.numeric).toBe(true)
    expect(data.binned).toBe(false)
    expect(summary(data)).toEqual([
      { label: '0.1', kind: 'value', n: 2 },
      { label: '2', kind: 'value', n: 2 },
      { label: '10', kind: 'value', n: 1 },
    ])
  })

  it('orders text values naturally, puts runs without the param last and counts runs without the metric', () => {
    const runs = [
      run('a', 1, 'sgd'),
      run('b', 2, 'Adam'),
      run('c', 3, undefined),
      run('d', undefined, 'sgd'),
      run('e', Number.NaN, 'adam'),
      run('f', 6, 'adamw'),
    ]
    const data = boxGroups(runs, 'loss', 'p')
    expect(data.numeric).toBe(false)
    expect(data.skipped).toBe(2)
    expect(summary(data)).toEqual([
      { label: 'Adam', kind: 'value', n: 1 },
      { label: 'adamw', kind: 'value', n: 1 },
      { label: 'sgd', kind: 'value', n: 1 },
      { label: '(not set)', kind: 'missing', n: 1 },
    ])
    expect(data.groups.at(-1)?.key).toBe(MISSING_GROUP_KEY)
  })

  it('bins many distinct numeric values into quantile bins of about equal counts', () => {
    // 40 runs, lr = 1..40 (as text), loss = lr / 10.
    const runs = Array.from({ length: 40 }, (_, i) => run(`r${i}`, (i + 1) / 10, String(i + 1)))
    const data = boxGroups(runs, 'loss', 'p', { maxGroups: 4 })
    expect(data.binned).toBe(true)
    expect(summary(data)).toEqual([
      { label: '1–10', kind: 'bin', n: 10 },
      { label: '11–20', kind: 'bin', n: 10 },
      { label: '21–30', kind: 'bin', n: 10 },
      { label: '31–40', kind: 'bin', n: 10 },
    ])
    expect(data.groups[1]?.range).toEqual({ min: 11, max: 20 })
    expect(data.groups[1]?.stats.median).toBe(1.55)
  })

  it('keeps runs with one value in one bin, and the later bins split what is left', () => {
    const values = ['1', '1', '1', '1', '1', '1', '2', '3', '4', '5']
    const runs = values.map((p, i) => run(`r${i}`, i, p))
    const data = boxGroups(runs, 'loss', 'p', { maxGroups: 3 })
    expect(summary(data)).toEqual([
      { label: '1', kind: 'bin', n: 6 },
      { label: '2–3', kind: 'bin', n: 2 },
      { label: '4–5', kind: 'bin', n: 2 },
    ])
  })

  it('folds the rarest categories into one box past the limit', () => {
    const params = ['a', 'a', 'a', 'b', 'b', 'c', 'd', 'e']
    const runs = params.map((p, i) => run(`r${i}`, i, p))
    const data = boxGroups(runs, 'loss', 'p', { maxGroups: 3 })
    expect(summary(data)).toEqual([
      { label: 'a', kind: 'value', n: 3 },
      { label: 'b', kind: 'value', n: 2 },
      { label: '(3 other values)', kind: 'other', n: 3 },
    ])
    expect(data.groups.at(-1)?.key).toBe(OTHER_GROUP_KEY)
  })

  it('lists the runs outside the whiskers as outliers, by value', () => {
    const losses = [1, 2, 3, 4, 5, 100, -50]
    const runs = losses.map((loss, i) => run(`r${i}`, loss, 'x'))
    const [group] = boxGroups(runs, 'loss', 'p').groups
    expect(group?.outliers).toEqual([
      { runId: 'r6', value: -50 },
      { runId: 'r5', value: 100 },
    ])
    expect(group?.members.map((member) => member.runId)).toEqual(['r6', 'r0', 'r1', 'r2', 'r3', 'r4', 'r5'])
  })

  it('has no groups when no run has the metric', () => {
    const data = boxGroups([run('a', undefined, '1')], 'loss', 'p')
    expect(data.groups).toEqual([])
    expect(data.skipped).toBe(1)
  })
})

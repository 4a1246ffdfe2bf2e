import { describe, expect, it } from 'vitest'
import type { XY } from './chart-series'
import { smoothSeries } from './smooth-series'

const series = (...ys: number[]): XY[] => ys.map((y, x) => ({ x, y }))
const ysOf = (points: readonly XY[]) => points.map((p) => p.y)

describe('smoothSeries', () => {
  // Hand-computed: last = last·w + (1−w)·y, shown = last / (1 − w^k).
  it.each<[string, number[], number, number[]]>([
    // w=0.5: last 0.5, 1.25, 2.125; debias 0.5, 0.75, 0.875.
    ['w=0.5', [1, 2, 3], 0.5, [1, 5 / 3, 17 / 7]],
    // w=0.6: last 0, 4; debias 0.4, 0.64.
    ['w=0.6', [0, 10], 0.6, [0, 6.25]],
    // w=0.9: last 1, 0.9·1 + 0.1·0 = 0.9; debias 0.1, 0.19.
    ['w=0.9 debiases the start', [10, 0], 0.9, [10, 0.9 / 0.19]],
    ['NaN passes through and does not feed the average', [1, NaN, 2, 3], 0.5, [1, NaN, 5 / 3, 17 / 7]],
    ['infinities pass through', [Infinity, 1, -Infinity, 2], 0.5, [Infinity, 1, -Infinity, 5 / 3]],
    ['weight 0: unchanged', [3, NaN, 1], 0, [3, NaN, 1]],
    ['negative weight: unchanged', [3, 1], -0.5, [3, 1]],
    ['NaN weight: unchanged', [3, 1], NaN, [3, 1]],
    ['a constant series stays exact', [0.1, 0.1, NaN, 0.1], 0.99, [0.1, 0.1, NaN, 0.1]],
    ['empty', [], 0.5, []],
  ])('%s', (_, ys, weight, expected) => {
    const smoothed = ysOf(smoothSeries(series(...ys), weight))
    expect(smoothed).toHaveLength(expected.length)
    smoothed.forEach((y, index) => {
      const want = expected[index] ?? NaN
      if (Number.isFinite(want)) expect(y).toBeCloseTo(want, 12)
      else expect(y).toBe(want)
    })
  })

  it('keeps x and returns new points', () => {
    const input = [
      { x: 5, y: 1 },
      { x: 9, y: 3 },
    ]
    const smoothed = smoothSeries(input, 0)
    expect(smoothed).toEqual(input)
    expect(smoothed[0]).not.toBe(input[0])
    expect(smoothSeries(input, 0.5).map((p) => p.x)).toEqual([5, 9])
  })

  it('treats a weight of 1 or more as 0.999 instead of freezing', () => {
    expect(ysOf(smoothSeries(series(1, 2), 1))).toEqual(ysOf(smoothSeries(series(1, 2), 0.999)))
  })
})

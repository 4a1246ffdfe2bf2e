import { describe, expect, it } from 'vitest'
import type { XY } from './chart-series'
import type { ChartYScale } from './chart-view'
import { yDomain } from './y-domain'

const series = (...ys: number[]): XY[] => ys.map((y, x) => ({ x, y }))
const range = (from: number, to: number, map: (i: number) => number = (i) => i): number[] =>
  Array.from({ length: to - from + 1 }, (_, index) => map(from + index))

interface Case {
  name: string
  series: XY[][]
  scale?: ChartYScale
  ignoreOutliers?: boolean
  expected: [number, number] | undefined
}

describe('yDomain', () => {
  it.each<Case>([
    { name: 'min..max padded by 5% of the span', series: [series(0, 4, 10)], expected: [-0.5, 10.5] },
    { name: 'over all series', series: [series(2, 3), series(-8, 0)], expected: [-8.55, 3.55] },
    {
      name: 'non-finite values do not count',
      series: [series(NaN, 0, Infinity, 10, -Infinity)],
      expected: [-0.5, 10.5],
    },
    { name: 'a flat line gets ±5% of its value', series: [series(4, 4)], expected: [3.8, 4.2] },
    { name: 'a flat negative line', series: [series(-2)], expected: [-2.1, -1.9] },
    { name: 'a flat line at 0 gets ±1', series: [series(0, 0)], expected: [-1, 1] },
    { name: 'no series', series: [], expected: undefined },
    { name: 'no points', series: [[], []], expected: undefined },
    { name: 'only non-finite values', series: [series(NaN, Infinity)], expected: undefined },
    {
      name: 'log: padded in decades',
      series: [series(1, 100)],
      scale: 'log',
      expected: [10 ** -0.1, 10 ** 2.1],
    },
    {
      name: 'log: zero and negatives do not count',
      series: [series(-5, 0, 1, 100)],
      scale: 'log',
      expected: [10 ** -0.1, 10 ** 2.1],
    },
    {
      name: 'log: a flat line gets ×/÷ 1.05',
      series: [series(10, 10)],
      scale: 'log',
      expected: [10 / 1.05, 10.5],
    },
    { name: 'log: nothing above 0', series: [series(-1, 0, NaN)], scale: 'log', expected: undefined },
    {
      // 101 values 0..99 and 10000: P5 = 5, P95 = 95, reach 1.5·90 = 135 → [0, 230] after clipping, padded 11.5.
      name: 'ignoring outliers: a spike leaves the plot, the bulk fills it',
      series: [series(...range(0, 99), 10_000)],
      ignoreOutliers: true,
      expected: [-11.5, 241.5],
    },
    {
      name: 'ignoring outliers: a negative spike too',
      series: [series(...range(0, 99)), series(-10_000)],
      ignoreOutliers: true,
      // Sorted: -10000, 0..99. P5 = 4, P95 = 94, reach 135 → [-131, 99], padded 11.5.
      expected: [-142.5, 110.5],
    },
    {
      name: 'ignoring outliers: without outliers the same as not ignoring them',
      series: [series(...range(0, 100))],
      ignoreOutliers: true,
      expected: [-5, 105],
    },
    {
      name: 'ignoring outliers: a bulk of one value and a spike',
      series: [series(...range(1, 100, () => 0), 50)],
      ignoreOutliers: true,
      expected: [-1, 1],
    },
    {
      // log10: 0, 0.1, .. 9.9 and 50. P5 = 0.5, P95 = 9.5, reach 13.5 → [0, 23], padded 1.15 decades.
      name: 'log, ignoring outliers: the rule in decades',
      series: [series(...range(0, 99, (i) => 10 ** (i / 10)), 1e50)],
      scale: 'log',
      ignoreOutliers: true,
      expected: [10 ** -1.15, 10 ** 24.15],
    },
  ])('$name', ({ series: input, scale = 'linear', ignoreOutliers = false, expected }) => {
    const domain = yDomain(input, { scale, ignoreOutliers })
    if (expected === undefined) {
      expect(domain).toBeUndefined()
      return
    }
    expect(domain).toHaveLength(2)
    const [low, high] = domain ?? [NaN, NaN]
    const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b))
    expect(relative(low, expected[0])).toBeLessThan(1e-9)
    expect(relative(high, expected[1])).toBeLessThan(1e-9)
  })

  it('does not reorder the caller’s points', () => {
    const points = series(3, 1, 2)
    yDomain([points], { scale: 'linear', ignoreOutliers: true })
    expect(points.map((p) => p.y)).toEqual([3, 1, 2])
  })

  it('does not overflow for extreme values', () => {
    const domain = yDomain([series(-Number.MAX_VALUE, Number.MAX_VALUE)], {
      scale: 'linear',
      ignoreOutliers: false,
    })
    expect(domain).toEqual([-Number.MAX_VALUE, Number.MAX_VALUE])
  })

  it('handles 50,000 values fast', () => {
    const many = [series(...range(1, 50_000, (i) => Math.sin(i) * 100 + (i === 777 ? 1e9 : 0)))]
    const started = performance.now()
    const domain = yDomain(many, { scale: 'linear', ignoreOutliers: true })
    expect(performance.now() - started).toBeLessThan(500)
    expect(domain?.[1]).toBeLessThan(1000)
  })
})

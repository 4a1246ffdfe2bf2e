import { describe, expect, it } from 'vitest'
import type { XY } from './chart-series'
import { aggregateSeries, MAX_GROUP_GRID, type GroupPoint } from './group-series'

const run = (...pairs: [number, number][]): XY[] => pairs.map(([x, y]) => ({ x, y }))
const steps = (from: number, to: number, y: (x: number) => number, every = 1): XY[] => {
  const points: XY[] = []
  for (let x = from; x <= to; x += every) points.push({ x, y: y(x) })
  return points
}
const point = (x: number, mean: number, low: number, high: number, count: number): GroupPoint => ({
  x,
  mean,
  low,
  high,
  count,
})

describe('aggregateSeries', () => {
  it.each<[string, XY[][], GroupPoint[]]>([
    [
      // A logs every step (y = x), B every 2 steps (y = 10 + 5x): B is interpolated at odd steps.
      'runs logging different steps: grid is the union, gaps interpolated',
      [steps(0, 6, (x) => x), steps(0, 6, (x) => 10 + 5 * x, 2)],
      [
        point(0, 5, 0, 10, 2),
        point(1, 8, 1, 15, 2),
        point(2, 11, 2, 20, 2),
        point(3, 14, 3, 25, 2),
        point(4, 17, 4, 30, 2),
        point(5, 20, 5, 35, 2),
        point(6, 23, 6, 40, 2),
      ],
    ],
    [
      'a run that stops early stops contributing (no extrapolation)',
      [steps(0, 4, (x) => x), steps(0, 2, () => 10)],
      [
        point(0, 5, 0, 10, 2),
        point(1, 5.5, 1, 10, 2),
        point(2, 6, 2, 10, 2),
        point(3, 3, 3, 3, 1),
        point(4, 4, 4, 4, 1),
      ],
    ],
    [
      'a run that starts late contributes from its first x',
      [steps(0, 2, (x) => x), steps(1, 2, () => 7)],
      [point(0, 0, 0, 0, 1), point(1, 4, 1, 7, 2), point(2, 4.5, 2, 7, 2)],
    ],
    [
      'non-finite values are skipped, at their x and between them and their neighbours',
      [run([0, 1], [1, NaN], [2, 3], [3, Infinity]), run([0, 10], [0.5, 10], [1, 10], [2, 10], [3, 10])],
      [
        point(0, 5.5, 1, 10, 2),
        point(0.5, 10, 10, 10, 1),
        point(1, 10, 10, 10, 1),
        point(2, 6.5, 3, 10, 2),
        point(3, 10, 10, 10, 1),
      ],
    ],
    [
      'several values at one x: the last one counts, the first one bounds the line from the left',
      [run([0, 1], [1, 2], [1, 4], [2, 5]), run([0.5, 0])],
      [point(0, 1, 1, 1, 1), point(0.5, 0.75, 0, 1.5, 2), point(1, 4, 4, 4, 1), point(2, 5, 5, 5, 1)],
    ],
    ['x where no run contributes are left out', [run([0, NaN], [1, NaN])], []],
    ['no runs', [], []],
    ['empty runs', [[], []], []],
    [
      'an unsorted run is sorted first',
      [run([2, 2], [0, 0], [1, 1])],
      [point(0, 0, 0, 0, 1), point(1, 1, 1, 1, 1), point(2, 2, 2, 2, 1)],
    ],
  ])('%s', (_, series, expected) => {
    expect(aggregateSeries(series, 'minmax')).toEqual(expected)
  })

  it('std band: mean ± population standard deviation', () => {
    const grouped = aggregateSeries([steps(0, 1, () => 1), steps(0, 1, () => 2), steps(0, 1, () => 6)], 'std')
    const deviation = Math.sqrt((4 + 1 + 9) / 3)
    expect(grouped).toHaveLength(2)
    for (const [index, groupPoint] of grouped.entries()) {
      expect(groupPoint.x).toBe(index)
      expect(groupPoint.count).toBe(3)
      expect(groupPoint.mean).toBe(3)
      expect(groupPoint.low).toBeCloseTo(3 - deviation, 12)
      expect(groupPoint.high).toBeCloseTo(3 + deviation, 12)
    }
  })

  it('std band of a single run is the line itself', () => {
    expect(aggregateSeries([run([0, 4])], 'std')).toEqual([point(0, 4, 4, 4, 1)])
  })

  it(`more than ${MAX_GROUP_GRID} distinct x: ${MAX_GROUP_GRID} evenly spaced x over the range every run covers`, () => {
    const grouped = aggregateSeries([steps(0, 2999, (x) => x), steps(500.5, 3499.5, (x) => x)], 'minmax')
    expect(grouped).toHaveLength(MAX_GROUP_GRID)
    expect(grouped[0]?.x).toBe(500.5)
    expect(grouped[grouped.length - 1]?.x).toBe(2999)
    const spacing = (2999 - 500.5) / (MAX_GROUP_GRID - 1)
    grouped.forEach((groupPoint, index) => {
      expect(groupPoint.x).toBeCloseTo(500.5 + index * spacing, 6)
      expect(groupPoint.count).toBe(2)
      // Both runs are y = x, so interpolation gives x back.
      expect(groupPoint.mean).toBeCloseTo(groupPoint.x, 6)
    })
  })

  it('more than the grid size and no shared range: evenly spaced over the whole range', () => {
    const grouped = aggregateSeries([steps(0, 1999, () => 1), steps(5000, 6999, () => 2)], 'minmax')
    expect(grouped[0]?.x).toBe(0)
    expect(grouped[grouped.length - 1]?.x).toBe(6999)
    expect(grouped.every((groupPoint) => groupPoint.count === 1)).toBe(true)
    // Grid x between the runs (2000..5000) have no contribution and are left out.
    expect(grouped.some((groupPoint) => groupPoint.x > 1999 && groupPoint.x < 5000)).toBe(false)
  })

  it('aggregates 20 runs of 10,000 points quickly', () => {
    const series = Array.from({ length: 20 }, (_, runIndex) => steps(runIndex, 9999 + runIndex, Math.sin))
    const started = performance.now()
    const grouped = aggregateSeries(series, 'std')
    expect(performance.now() - started).toBeLessThan(1000)
    expect(grouped).toHaveLength(MAX_GROUP_GRID)
  })
})

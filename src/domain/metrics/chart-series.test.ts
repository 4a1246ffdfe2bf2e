import { describe, expect, it } from 'vitest'
import type { MetricPoint } from './metric-point'
import type { ChartXAxis, XRange } from './chart-view'
import { isSortedByX, nearestIndex, pointsInRange, toChartPoints, type XY } from './chart-series'

const mp = (step: number, timestamp: number, value: number): MetricPoint => ({ step, timestamp, value })
const xy = (...xs: number[]): XY[] => xs.map((x) => ({ x, y: x * 10 }))

describe('toChartPoints', () => {
  // Server order: by timestamp, then step, then value.
  const history = [mp(2, 1000, 0.5), mp(0, 1500, 0.9), mp(1, 1500, NaN), mp(1, 2000, 0.7)]

  it.each<[ChartXAxis, XY[]]>([
    [
      'step',
      [
        { x: 0, y: 0.9 },
        { x: 1, y: NaN },
        { x: 1, y: 0.7 },
        { x: 2, y: 0.5 },
      ],
    ],
    [
      'wall',
      [
        { x: 1000, y: 0.5 },
        { x: 1500, y: 0.9 },
        { x: 1500, y: NaN },
        { x: 2000, y: 0.7 },
      ],
    ],
    [
      'relative',
      [
        { x: 0, y: 0.5 },
        { x: 500, y: 0.9 },
        { x: 500, y: NaN },
        { x: 1000, y: 0.7 },
      ],
    ],
  ])('%s axis: x as the axis says, sorted, equal x in server order', (axis, expected) => {
    expect(toChartPoints(history, axis)).toEqual(expected)
  })

  it('measures relative time from the smallest timestamp even when it is not first', () => {
    expect(toChartPoints([mp(0, 300, 1), mp(1, 100, 2)], 'relative')).toEqual([
      { x: 0, y: 2 },
      { x: 200, y: 1 },
    ])
  })

  it('keeps infinities', () => {
    expect(toChartPoints([mp(0, 0, Infinity), mp(1, 0, -Infinity)], 'step').map((p) => p.y)).toEqual([
      Infinity,
      -Infinity,
    ])
  })

  it.each<ChartXAxis>(['step', 'relative', 'wall'])('%s: empty history, no points', (axis) => {
    expect(toChartPoints([], axis)).toEqual([])
  })

  it('sorts a long shuffled history stably', () => {
    const steps = Array.from({ length: 5000 }, (_, index) => (index * 7919) % 1000)
    const points = toChartPoints(
      steps.map((step, index) => mp(step, index, index)),
      'step',
    )
    expect(isSortedByX(points)).toBe(true)
    for (let index = 1; index < points.length; index++) {
      const previous = points[index - 1] as XY
      const current = points[index] as XY
      if (previous.x === current.x) expect(current.y).toBeGreaterThan(previous.y)
    }
  })
})

describe('nearestIndex', () => {
  const points = xy(0, 10, 20, 20, 40)
  it.each<[string, readonly XY[], number, number]>([
    ['empty', [], 5, -1],
    ['single point', xy(7), -100, 0],
    ['before the first', points, -5, 0],
    ['after the last', points, 99, 4],
    ['exact', points, 10, 1],
    ['closer to the left', points, 14, 1],
    ['closer to the right', points, 16, 2],
    ['a tie goes left', points, 5, 0],
    ['first of equal x', points, 21, 2],
    ['first of equal x at the end', xy(0, 5, 5), 9, 1],
    ['between equal-x run and the next', points, 31, 4],
  ])('%s', (_, input, x, expected) => {
    expect(nearestIndex(input, x)).toBe(expected)
  })
})

describe('pointsInRange', () => {
  const points = xy(0, 10, 20, 30, 40, 50)
  const xsOf = (range: XRange | undefined, input: readonly XY[] = points) =>
    pointsInRange(input, range).map((p) => p.x)

  it.each<[string, XRange | undefined, readonly XY[], number[]]>([
    ['no range: everything', undefined, points, [0, 10, 20, 30, 40, 50]],
    ['inside, with a neighbour each side', { start: 15, end: 35 }, points, [10, 20, 30, 40]],
    ['bounds are inclusive', { start: 20, end: 30 }, points, [10, 20, 30, 40]],
    ['at the start: no left neighbour', { start: -5, end: 12 }, points, [0, 10, 20]],
    ['at the end: no right neighbour', { start: 45, end: 100 }, points, [40, 50]],
    ['between two points: both, so the line crosses', { start: 12, end: 18 }, points, [10, 20]],
    ['wholly before: none', { start: -20, end: -10 }, points, []],
    ['wholly after: none', { start: 60, end: 70 }, points, []],
    ['reversed bounds', { start: 35, end: 15 }, points, [10, 20, 30, 40]],
    [
      'equal x inside all included, a neighbour is one point',
      { start: 5, end: 10 },
      xy(0, 0, 10, 10, 20),
      [0, 10, 10, 20],
    ],
    ['empty series', { start: 0, end: 1 }, [], []],
  ])('%s', (_, range, input, expected) => {
    expect(xsOf(range, input)).toEqual(expected)
  })

  it('returns a copy', () => {
    const all = pointsInRange(points, undefined)
    expect(all).not.toBe(points)
    expect(all).toEqual(points)
  })
})

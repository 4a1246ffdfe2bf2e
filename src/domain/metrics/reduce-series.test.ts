import { describe, expect, it } from 'vitest'
import type { XY } from './chart-series'
import { needsReduction, reduceMinMax, reduceMinMaxArrays } from './reduce-series'

/** A smooth curve in [0, 1] over steps 0..n-1. */
function smoothCurve(n: number): XY[] {
  return Array.from({ length: n }, (_, step) => ({ x: step, y: 0.5 + 0.5 * Math.sin(step / 5000) }))
}

function withValueAt(points: XY[], step: number, y: number): XY[] {
  return points.map((point) => (point.x === step ? { x: point.x, y } : point))
}

function columns(points: readonly XY[]): { xs: Float64Array; ys: Float64Array } {
  return { xs: Float64Array.from(points, (p) => p.x), ys: Float64Array.from(points, (p) => p.y) }
}

describe('reduceMinMax keeps every spike', () => {
  const curve = smoothCurve(100_000)

  it.each<[string, number, (y: number) => boolean]>([
    ['a positive spike', 50, (y) => y === 50],
    ['a negative spike', -50, (y) => y === -50],
    ['a NaN', NaN, Number.isNaN],
    ['an Infinity', Infinity, (y) => y === Infinity],
    ['a -Infinity', -Infinity, (y) => y === -Infinity],
  ])('%s at step 73,421 of 100,000 survives reduction to 1,000 buckets', (_, value, isIt) => {
    const reduced = reduceMinMax(withValueAt(curve, 73_421, value), 1000)
    expect(reduced.length).toBeLessThanOrEqual(4000)
    expect(reduced.filter((p) => isIt(p.y))).toEqual([{ x: 73_421, y: value }])
  })

  it('the typed-array variant keeps them too', () => {
    let points = withValueAt(curve, 73_421, 50)
    points = withValueAt(points, 10, -50)
    points = withValueAt(points, 99_000, NaN)
    const { xs, ys } = columns(points)
    const reduced = reduceMinMaxArrays(xs, ys, 1000)
    expect(reduced.xs.length).toBe(reduced.ys.length)
    expect(reduced.xs.length).toBeLessThanOrEqual(4001)
    const ysKept = Array.from(reduced.ys)
    expect(ysKept).toContain(50)
    expect(ysKept).toContain(-50)
    expect(ysKept.some(Number.isNaN)).toBe(true)
  })

  it.each([Infinity, -Infinity, NaN])(
    'an infinity does not stand in for the finite extremes of its bucket (%d)',
    (value) => {
      const points = Array.from({ length: 100 }, (_, x) => ({
        x,
        y: x === 40 ? 7 : x === 41 ? -7 : x === 50 ? value : 0,
      }))
      const ys = reduceMinMax(points, 1).map((p) => p.y)
      expect(ys).toEqual([0, 7, -7, value, 0])
    },
  )

  it('a point at a non-finite x is kept and does not stretch the buckets', () => {
    const points = [...smoothCurve(1000), { x: Infinity, y: 3 }]
    const reduced = reduceMinMax(points, 10)
    expect(reduced[reduced.length - 1]).toEqual({ x: Infinity, y: 3 })
    // Ten buckets over 0..999 keep at least two points each.
    expect(reduced.length).toBeGreaterThanOrEqual(21)
  })

  it('keeps every non-finite point even when a bucket holds many', () => {
    const points = curve.map((point) => (point.x % 100 === 7 ? { x: point.x, y: NaN } : point))
    const reduced = reduceMinMax(points, 10)
    expect(reduced.filter((p) => Number.isNaN(p.y))).toHaveLength(1000)
  })
})

describe('reduceMinMax', () => {
  it('per bucket keeps the min and max, the first and last point; the series keeps its ends, order and length bound', () => {
    // A noisy series, so min and max fall anywhere in a bucket.
    let seed = 1
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646
    const points = Array.from({ length: 20_000 }, (_, index) => ({ x: index * 3, y: random() }))
    const buckets = 100
    const reduced = reduceMinMax(points, buckets)

    expect(reduced.length).toBeLessThanOrEqual(4 * buckets)
    expect(reduced[0]).toBe(points[0])
    expect(reduced[reduced.length - 1]).toBe(points[points.length - 1])
    for (let index = 1; index < reduced.length; index++) {
      expect((reduced[index] as XY).x).toBeGreaterThan((reduced[index - 1] as XY).x)
    }
    const width = (19_999 * 3) / buckets // x runs from 0 to 19,999 × 3
    const bucketOf = (p: XY) => Math.min(buckets - 1, Math.floor(p.x / width))
    const byBucket = (series: readonly XY[]) => {
      const groups = new Map<number, XY[]>()
      for (const p of series) groups.set(bucketOf(p), [...(groups.get(bucketOf(p)) ?? []), p])
      return groups
    }
    const original = byBucket(points)
    const kept = byBucket(reduced)
    expect(kept.size).toBe(original.size)
    for (const [bucket, group] of original) {
      const keptGroup = kept.get(bucket) ?? []
      const ys = (series: XY[]) => series.map((p) => p.y)
      expect(Math.min(...ys(keptGroup))).toBe(Math.min(...ys(group)))
      expect(Math.max(...ys(keptGroup))).toBe(Math.max(...ys(group)))
      expect(keptGroup[0]).toBe(group[0])
      expect(keptGroup[keptGroup.length - 1]).toBe(group[group.length - 1])
    }
  })

  it.each<[string, XY[], number]>([
    ['empty', [], 10],
    ['exactly 4 per bucket', smoothCurve(40), 10],
    ['fewer', smoothCurve(7), 10],
    ['zero buckets count as one', smoothCurve(4), 0],
    ['NaN buckets count as one', smoothCurve(3), NaN],
  ])('%s: an unchanged copy', (_, points, buckets) => {
    const reduced = reduceMinMax(points, buckets)
    expect(reduced).toEqual(points)
    expect(reduced).not.toBe(points)
  })

  it('all points at one x: keeps the ends and the extremes', () => {
    const points = [5, 1, 9, 3, 7, 2, 8, 4, 6].map((y) => ({ x: 42, y }))
    expect(reduceMinMax(points, 2).map((p) => p.y)).toEqual([5, 1, 9, 6])
  })

  it('a flat run keeps the first of equal extremes, not all of them', () => {
    const points = Array.from({ length: 1000 }, (_, x) => ({ x, y: 1 }))
    expect(reduceMinMax(points, 1).map((p) => p.x)).toEqual([0, 999])
  })

  it('reduces 1,000,000 points quickly', () => {
    const n = 1_000_000
    const points = Array.from({ length: n }, (_, x) => ({ x, y: Math.sin(x / 1000) }))
    const started = performance.now()
    const reduced = reduceMinMax(points, 1000)
    const elapsed = performance.now() - started
    expect(reduced.length).toBeLessThanOrEqual(4000)
    expect(elapsed).toBeLessThan(1000)
  })
})

describe('reduceMinMaxArrays', () => {
  it('matches reduceMinMax', () => {
    const points = withValueAt(withValueAt(smoothCurve(50_000), 12_345, 9), 40_000, -Infinity)
    const { xs, ys } = columns(points)
    const reduced = reduceMinMaxArrays(xs, ys, 500)
    const expected = reduceMinMax(points, 500)
    expect(Array.from(reduced.xs)).toEqual(expected.map((p) => p.x))
    expect(Array.from(reduced.ys)).toEqual(expected.map((p) => p.y))
  })

  it('returns new arrays when there is nothing to reduce, and leaves the input alone', () => {
    const xs = Float64Array.of(1, 2, 3)
    const ys = Float64Array.of(4, NaN, 6)
    const reduced = reduceMinMaxArrays(xs, ys, 10)
    expect(reduced.xs).not.toBe(xs)
    expect(Array.from(reduced.xs)).toEqual([1, 2, 3])
    expect(Array.from(reduced.ys)).toEqual([4, NaN, 6])
  })
})

describe('needsReduction', () => {
  it.each<[number, number, boolean]>([
    [4000, 1000, false],
    [4001, 1000, true],
    [5, 0, true],
    [4, 0, false],
  ])('%d points, %d buckets: %s', (length, buckets, expected) => {
    expect(needsReduction(length, buckets)).toBe(expected)
  })
})

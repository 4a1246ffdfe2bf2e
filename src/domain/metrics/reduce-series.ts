/**
 * Downsampling a long history for drawing, without ever hiding a spike: per x bucket it keeps the
 * extremes, and it keeps every non-finite value (the chart shows those as gaps with markers).
 */

import type { XY } from './chart-series'

/** A series this short or shorter is already cheap to draw: at most 4 points per bucket. */
const POINTS_PER_BUCKET = 4

/** `buckets` as a usable count: at least 1; NaN counts as 1. */
function bucketCount(buckets: number): number {
  return buckets >= 1 ? Math.floor(buckets) : 1
}

/** Whether `reduceMinMax` would drop anything from a series of `length` points (else it copies). */
export function needsReduction(length: number, buckets: number): boolean {
  return length > POINTS_PER_BUCKET * bucketCount(buckets)
}

/**
 * Which points to keep, in input order. The finite x range is split into `buckets` equal-width
 * buckets (the last one closed); from each it keeps the first and last point and those with the
 * smallest and largest finite y (the first of equals). It also keeps the very first and last point,
 * every point with a non-finite y, and every point with a non-finite x (none of which a chart should
 * silently lose). A few linear passes over typed arrays: O(n + buckets).
 */
function keptIndices(xs: Float64Array, ys: Float64Array, buckets: number): Int32Array {
  const n = Math.min(xs.length, ys.length)
  let minX = Infinity
  let maxX = -Infinity
  for (let index = 0; index < n; index++) {
    const x = xs[index] ?? NaN
    // `v - v === 0` is Number.isFinite(v) without a call, in the loops that see every point.
    if (x - x !== 0) continue
    if (x < minX) minX = x
    if (x > maxX) maxX = x
  }
  const width = (maxX - minX) / buckets
  const lastBucket = buckets - 1
  const first = new Int32Array(buckets).fill(-1)
  const last = new Int32Array(buckets).fill(-1)
  const lowest = new Int32Array(buckets).fill(-1)
  const highest = new Int32Array(buckets).fill(-1)
  const lowestY = new Float64Array(buckets).fill(Infinity)
  const highestY = new Float64Array(buckets).fill(-Infinity)
  const keep = new Uint8Array(n)
  if (n > 0) {
    keep[0] = 1
    keep[n - 1] = 1
  }
  for (let index = 0; index < n; index++) {
    const x = xs[index] ?? NaN
    const y = ys[index] ?? NaN
    if (x - x !== 0) {
      keep[index] = 1
      continue
    }
    // A width of 0 (all x equal) gives NaN here, and NaN | 0 is bucket 0.
    let bucket = ((x - minX) / width) | 0
    if (bucket > lastBucket) bucket = lastBucket
    if (first[bucket] === -1) first[bucket] = index
    last[bucket] = index
    if (y - y !== 0) {
      // Kept, and not a candidate for the bucket's extremes: ±Infinity must not stand in for the
      // largest finite value.
      keep[index] = 1
      continue
    }
    if (y < (lowestY[bucket] ?? Infinity)) {
      lowestY[bucket] = y
      lowest[bucket] = index
    }
    if (y > (highestY[bucket] ?? -Infinity)) {
      highestY[bucket] = y
      highest[bucket] = index
    }
  }
  for (let bucket = 0; bucket < buckets; bucket++) {
    for (const index of [first[bucket], last[bucket], lowest[bucket], highest[bucket]]) {
      if (index !== undefined && index >= 0) keep[index] = 1
    }
  }
  let count = 0
  for (let index = 0; index < n; index++) count += keep[index] ?? 0
  const kept = new Int32Array(count)
  let at = 0
  for (let index = 0; index < n; index++) if (keep[index] === 1) kept[at++] = index
  return kept
}

/**
 * `reduceMinMax` on columns, for the worker (typed arrays transfer without copying). Returns new
 * arrays; the inputs are left as they are.
 */
export function reduceMinMaxArrays(
  xs: Float64Array,
  ys: Float64Array,
  buckets: number,
): { xs: Float64Array<ArrayBuffer>; ys: Float64Array<ArrayBuffer> } {
  const count = bucketCount(buckets)
  const n = Math.min(xs.length, ys.length)
  if (!needsReduction(n, count))
    return { xs: Float64Array.from(xs.subarray(0, n)), ys: Float64Array.from(ys.subarray(0, n)) }
  const kept = keptIndices(xs, ys, count)
  const outXs = new Float64Array(kept.length)
  const outYs = new Float64Array(kept.length)
  for (let at = 0; at < kept.length; at++) {
    const index = kept[at] ?? 0
    outXs[at] = xs[index] ?? NaN
    outYs[at] = ys[index] ?? NaN
  }
  return { xs: outXs, ys: outYs }
}

/**
 * A series of at most about 4 × `buckets` points (plus its non-finite ones) that draws like the
 * original: per equal-width x bucket the first, last, lowest and highest finite point; always the
 * first and last point; and every NaN/±Infinity point, so no spike and no gap can disappear.
 * Expects points sorted by x (as `toChartPoints` returns them) and keeps their order. A series of
 * at most 4 × `buckets` points comes back as an unchanged copy. O(n).
 */
export function reduceMinMax(points: readonly XY[], buckets: number): XY[] {
  const count = bucketCount(buckets)
  if (!needsReduction(points.length, count)) return points.slice()
  const xs = new Float64Array(points.length)
  const ys = new Float64Array(points.length)
  points.forEach((point, index) => {
    xs[index] = point.x
    ys[index] = point.y
  })
  const kept = keptIndices(xs, ys, count)
  const reduced = new Array<XY>(kept.length)
  for (let at = 0; at < kept.length; at++) {
    const point = points[kept[at] ?? 0]
    if (point !== undefined) reduced[at] = point
  }
  return reduced
}

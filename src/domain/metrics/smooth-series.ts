import type { XY } from './chart-series'

/** A weight of 1 would freeze the average at its first value; the URL allows at most 0.99. */
const MAX_WEIGHT = 0.999

/**
 * Debiased exponential moving average, as TensorBoard's scalar charts compute it:
 * `last = last·w + (1 − w)·y` over the finite values in order, each divided by `1 − w^k` where k is
 * the number of finite values so far (this removes the pull towards the zero the average starts
 * from). Non-finite values stay where they are, unchanged, and do not feed the average. As in
 * TensorBoard, a series whose finite values are all equal comes back unchanged (no rounding noise).
 * `weight` ≤ 0 (or NaN) returns a copy; weights above 0.999 count as 0.999.
 */
export function smoothSeries(points: readonly XY[], weight: number): XY[] {
  if (!(weight > 0)) return points.map((point) => ({ x: point.x, y: point.y }))
  const w = Math.min(weight, MAX_WEIGHT)
  if (isConstant(points)) return points.map((point) => ({ x: point.x, y: point.y }))
  let last = 0
  let numAccum = 0
  return points.map((point): XY => {
    if (!Number.isFinite(point.y)) return { x: point.x, y: point.y }
    last = last * w + (1 - w) * point.y
    numAccum++
    return { x: point.x, y: last / (1 - Math.pow(w, numAccum)) }
  })
}

function isConstant(points: readonly XY[]): boolean {
  let value: number | undefined
  for (const point of points) {
    if (!Number.isFinite(point.y)) continue
    if (value === undefined) value = point.y
    else if (point.y !== value) return false
  }
  return true
}

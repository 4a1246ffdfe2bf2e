/**
 * A metric history as the points a chart draws: x in the units of the chosen x axis, sorted by x.
 * Every other module in `metrics/` that takes `XY[]` expects this order.
 */

import type { MetricPoint } from './metric-point'
import type { ChartXAxis, XRange } from './chart-view'

/** One chart point. `y` may be NaN or ±Infinity (drawn as a gap with a marker, never as 0). */
export interface XY {
  x: number
  y: number
}

/**
 * The points on the chosen x axis, sorted by x ascending; points with equal x keep their input order
 * (MLflow returns a history ordered by timestamp, step, value, so a step logged twice keeps its
 * older value first). Step: the logged step. Wall: the epoch ms timestamp. Relative: ms since the
 * smallest timestamp among `points`.
 */
export function toChartPoints(points: readonly MetricPoint[], xAxis: ChartXAxis): XY[] {
  let origin = 0
  if (xAxis === 'relative') {
    origin = Infinity
    for (const point of points) if (point.timestamp < origin) origin = point.timestamp
  }
  const xy = points.map((point): XY => ({
    x: xAxis === 'step' ? point.step : point.timestamp - origin,
    y: point.value,
  }))
  // Array.prototype.sort is stable; most histories arrive sorted already, so check before sorting.
  return isSortedByX(xy) ? xy : xy.sort((a, b) => a.x - b.x)
}

export function isSortedByX(points: readonly XY[]): boolean {
  for (let index = 1; index < points.length; index++) {
    const previous = points[index - 1]
    const current = points[index]
    if (previous !== undefined && current !== undefined && current.x < previous.x) return false
  }
  return true
}

/** Index of the first point with x ≥ `x` (`points.length` when there is none). */
export function lowerBound(points: readonly XY[], x: number): number {
  let low = 0
  let high = points.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((points[middle]?.x ?? Infinity) < x) low = middle + 1
    else high = middle
  }
  return low
}

/** Index of the first point with x > `x` (`points.length` when there is none). */
export function upperBound(points: readonly XY[], x: number): number {
  let low = 0
  let high = points.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((points[middle]?.x ?? Infinity) <= x) low = middle + 1
    else high = middle
  }
  return low
}

/**
 * Index of the point whose x is closest to `x` in points sorted by x; -1 for none. A tie between the
 * neighbours on either side goes to the left one; among points sharing one x, the first.
 */
export function nearestIndex(points: readonly XY[], x: number): number {
  if (points.length === 0) return -1
  const right = lowerBound(points, x)
  if (right === 0) return 0
  if (right === points.length) return lowerBound(points, points[right - 1]?.x ?? x)
  const leftX = points[right - 1]?.x ?? -Infinity
  const rightX = points[right]?.x ?? Infinity
  return x - leftX <= rightX - x ? lowerBound(points, leftX) : right
}

/**
 * The points of a sorted series with start ≤ x ≤ end, plus the nearest point outside on each side
 * when there is one, so the line enters and leaves the plot rather than starting mid-air. A range
 * between two points yields those two (the line crosses the plot); a range wholly before or after
 * the series yields none. No range: a copy of all points. O(log n) plus the size of the result.
 */
export function pointsInRange(points: readonly XY[], range: XRange | undefined): XY[] {
  if (range === undefined) return points.slice()
  const start = Math.min(range.start, range.end)
  const end = Math.max(range.start, range.end)
  const first = lowerBound(points, start)
  const afterLast = upperBound(points, end)
  if (first === afterLast && (first === 0 || first === points.length)) return []
  return points.slice(Math.max(0, first - 1), Math.min(points.length, afterLast + 1))
}

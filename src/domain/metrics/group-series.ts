/** Several runs' series of one metric as one mean line with a band around it. */

import { isSortedByX, type XY } from './chart-series'
import type { GroupBand } from './chart-view'

/** At one x: the mean of the runs' values there, the band around it, and how many runs count. */
export interface GroupPoint {
  x: number
  mean: number
  low: number
  high: number
  count: number
}

/** Above this many distinct x values, the grid becomes this many evenly spaced x. */
export const MAX_GROUP_GRID = 2000

/**
 * How runs are aligned:
 * - The x grid is the sorted union of all runs' x values. If that union has more than 2,000 values,
 *   the grid is 2,000 evenly spaced x from the largest first x to the smallest last x (the range
 *   every run covers); if the runs share no range, from the smallest first x to the largest last x.
 * - At each grid x, a run contributes its value there if it logged one at exactly that x (the last
 *   one, if it logged several), else the value linearly interpolated between its two logged points
 *   on either side. A run contributes nothing outside its own first..last x (no extrapolation).
 * - A non-finite value (NaN, ±Infinity) is skipped: a run contributes nothing at its x, nor between
 *   it and its neighbours.
 * - `count` is the number of contributing runs; grid x where no run contributes are left out.
 * - Band 'minmax': low/high are the smallest/largest contribution. Band 'std': mean ± the population
 *   standard deviation of the contributions (0 for a single run).
 *
 * Each series is expected sorted by x (as `toChartPoints` returns it); an unsorted one is sorted.
 */
export function aggregateSeries(series: readonly (readonly XY[])[], band: GroupBand): GroupPoint[] {
  const runs = series
    .filter((points) => points.length > 0)
    .map((points) => (isSortedByX(points) ? points : [...points].sort((a, b) => a.x - b.x)))
  const grid = alignmentGrid(runs)
  // Per run, the index of its last point with x ≤ the current grid x; the grid ascends, so it only moves forward.
  const cursors = new Int32Array(runs.length).fill(-1)
  const values = new Float64Array(runs.length)
  const result: GroupPoint[] = []
  for (const x of grid) {
    let count = 0
    for (let run = 0; run < runs.length; run++) {
      const points = runs[run] ?? []
      let cursor = cursors[run] ?? -1
      while (cursor + 1 < points.length && (points[cursor + 1]?.x ?? Infinity) <= x) cursor++
      cursors[run] = cursor
      const value = valueAt(points, cursor, x)
      if (value !== undefined) values[count++] = value
    }
    if (count > 0) result.push(summary(x, values.subarray(0, count), band))
  }
  return result
}

/** The run's value at `x`, given the index of its last point with x ≤ `x`; undefined if none. */
function valueAt(points: readonly XY[], cursor: number, x: number): number | undefined {
  const left = points[cursor]
  if (left === undefined) return undefined
  if (left.x === x) return Number.isFinite(left.y) ? left.y : undefined
  const right = points[cursor + 1]
  if (right === undefined || !Number.isFinite(left.y) || !Number.isFinite(right.y)) return undefined
  const value = left.y + ((right.y - left.y) * (x - left.x)) / (right.x - left.x)
  return Number.isFinite(value) ? value : undefined
}

function alignmentGrid(runs: readonly (readonly XY[])[]): Float64Array {
  let total = 0
  for (const points of runs) total += points.length
  const xs = new Float64Array(total)
  let at = 0
  for (const points of runs) for (const point of points) xs[at++] = point.x
  xs.sort()
  let distinct = 0
  for (let index = 0; index < xs.length; index++) {
    const x = xs[index] ?? NaN
    if (!Number.isFinite(x)) continue
    if (distinct === 0 || x !== xs[distinct - 1]) xs[distinct++] = x
  }
  if (distinct <= MAX_GROUP_GRID) return xs.slice(0, distinct)

  let latestFirst = -Infinity
  let earliestLast = Infinity
  for (const points of runs) {
    latestFirst = Math.max(latestFirst, points[0]?.x ?? -Infinity)
    earliestLast = Math.min(earliestLast, points[points.length - 1]?.x ?? Infinity)
  }
  const [start, end] =
    latestFirst < earliestLast ? [latestFirst, earliestLast] : [xs[0] ?? 0, xs[distinct - 1] ?? 0]
  const grid = new Float64Array(MAX_GROUP_GRID)
  const stepWidth = (end - start) / (MAX_GROUP_GRID - 1)
  for (let index = 0; index < MAX_GROUP_GRID; index++) grid[index] = start + index * stepWidth
  grid[MAX_GROUP_GRID - 1] = end
  return grid
}

function summary(x: number, values: Float64Array, band: GroupBand): GroupPoint {
  const count = values.length
  let sum = 0
  let min = Infinity
  let max = -Infinity
  for (const value of values) {
    sum += value
    if (value < min) min = value
    if (value > max) max = value
  }
  const mean = sum / count
  if (band === 'minmax') return { x, mean, low: min, high: max, count }
  let squares = 0
  for (const value of values) squares += (value - mean) ** 2
  const deviation = Math.sqrt(squares / count)
  return { x, mean, low: mean - deviation, high: mean + deviation, count }
}

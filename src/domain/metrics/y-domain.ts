import type { XY } from './chart-series'
import type { ChartYScale } from './chart-view'

/** Space left above and below the data, as a share of its span. */
const PADDING = 0.05
/** Percentiles that bound "the bulk" when outliers are ignored. */
const LOW_PERCENTILE = 0.05
const HIGH_PERCENTILE = 0.95
/** How far past the bulk, in multiples of its spread, the axis still reaches. */
const REACH = 1.5

/**
 * The y axis range for some series, or undefined when none has a usable value. Usable: finite, and
 * on a log scale also > 0. Non-finite values never widen the axis (they are drawn as gaps).
 *
 * Default: [min, max] of the usable values, padded by 5% of the span on each side; a flat line gets
 * ±5% of its value (±1 around 0).
 *
 * Ignoring outliers: take the 5th percentile P5 and the 95th percentile P95 of all usable values
 * (linear interpolation between sorted values), widen that by 1.5 × (P95 − P5) on both sides and
 * clip the result to the real min and max; then pad as above. The middle 90% of the points always
 * fills the plot, and a spike leaves it when it lies further than 1.5 bulk-widths from the bulk.
 *
 * Log scale: the same rules applied to log10 of the values, so percentiles, reach and padding are
 * multiplicative: 5% of the span in decades on each side, and a flat line y gets [y / 1.05, y × 1.05].
 */
export function yDomain(
  series: readonly (readonly XY[])[],
  options: { ignoreOutliers: boolean; scale: ChartYScale },
): [number, number] | undefined {
  const log = options.scale === 'log'
  const usable = (y: number): boolean => Number.isFinite(y) && (!log || y > 0)
  let count = 0
  for (const points of series) for (const point of points) if (usable(point.y)) count++
  if (count === 0) return undefined

  const values = new Float64Array(count)
  let at = 0
  for (const points of series) {
    for (const point of points) if (usable(point.y)) values[at++] = log ? Math.log10(point.y) : point.y
  }
  const [low, high] = options.ignoreOutliers ? bulkRange(values) : extent(values)
  const [paddedLow, paddedHigh] = padded(low, high, log)
  if (!log) return [paddedLow, paddedHigh]
  // Padding may leave the range of doubles at their edges (1e-320 / 1.05 is 0): then do not pad.
  const domain: [number, number] = [10 ** paddedLow, 10 ** paddedHigh]
  return domain[0] > 0 && Number.isFinite(domain[1]) ? domain : [10 ** low, 10 ** high]
}

function extent(values: Float64Array): [number, number] {
  let min = Infinity
  let max = -Infinity
  for (const value of values) {
    if (value < min) min = value
    if (value > max) max = value
  }
  return [min, max]
}

/** Sorts `values` in place. */
function bulkRange(values: Float64Array): [number, number] {
  values.sort()
  const min = values[0] ?? 0
  const max = values[values.length - 1] ?? 0
  const p5 = percentile(values, LOW_PERCENTILE)
  const p95 = percentile(values, HIGH_PERCENTILE)
  const reach = REACH * (p95 - p5)
  return [Math.max(min, p5 - reach), Math.min(max, p95 + reach)]
}

/** Linear interpolation between the closest ranks (the default of NumPy and R). */
function percentile(sorted: Float64Array, share: number): number {
  const rank = share * (sorted.length - 1)
  const below = Math.floor(rank)
  const lower = sorted[below] ?? 0
  const upper = sorted[Math.min(sorted.length - 1, below + 1)] ?? lower
  return lower + (upper - lower) * (rank - below)
}

/** `low`..`high` widened by the padding (in log10 units when `log`); unpadded if that would overflow. */
function padded(low: number, high: number, log: boolean): [number, number] {
  let pad: number
  if (high > low) pad = (high - low) * PADDING
  else if (log) pad = Math.log10(1 + PADDING)
  else pad = low === 0 ? 1 : Math.abs(low) * PADDING
  const result: [number, number] = [low - pad, high + pad]
  return Number.isFinite(result[0]) && Number.isFinite(result[1]) ? result : [low, high]
}

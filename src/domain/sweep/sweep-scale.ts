/**
 * Pixel scales for sweep chart axes: linear or log over a numeric column (the metric charts' own
 * `makeScale` and `niceTicks`), or evenly spaced bands over a categorical one.
 */

import { makeScale, niceTicks } from '../metrics/chart-scale'
import type { SweepAxis } from './sweep-values'

export type SweepScaleKind = 'linear' | 'log' | 'categorical'

export interface AxisTick {
  /** A number on a numeric axis, a category index on a categorical one. */
  readonly value: number
  readonly pixel: number
  readonly label: string
}

export interface SweepScale {
  readonly kind: SweepScaleKind
  readonly range: readonly [number, number]
  /** Numeric: the domain shown (after padding); categorical: [0, categories - 1]. */
  readonly domain: readonly [number, number]
  /** Pixel of a position; undefined when it has none (a value ≤ 0 on a log axis, a non-finite one). */
  toPixel(position: number): number | undefined
  /** The position at a pixel (a fractional category index on a categorical axis). */
  fromPixel(pixel: number): number
  readonly ticks: readonly AxisTick[]
  /** Categorical: the width of one category's band in pixels; 0 on numeric axes. */
  readonly band: number
}

export interface SweepScaleOptions {
  /** A log axis, when the axis has values above zero (values ≤ 0 are then left out). */
  log?: boolean
  /** Fraction of the span added on each side of a numeric domain (scatter points off the frame). */
  pad?: number
  /** About how many ticks a numeric axis gets. */
  tickCount?: number
}

/** Tick text: plain decimals, exponent notation for very small or large magnitudes (`1e-4`). */
export function formatTick(value: number): string {
  if (value === 0) return '0'
  const magnitude = Math.abs(value)
  const rounded = Number(value.toPrecision(4))
  if (magnitude < 1e-3 || magnitude >= 1e6) return rounded.toExponential().replace('e+', 'e')
  return String(rounded)
}

function flatDomain(value: number, log: boolean): [number, number] {
  if (log) return [value / Math.sqrt(10), value * Math.sqrt(10)]
  if (value === 0) return [-1, 1]
  const spread = Math.abs(value) * 0.1
  return [value - spread, value + spread]
}

function numericDomain(
  axis: Extract<SweepAxis, { kind: 'numeric' }>,
  log: boolean,
  pad: number,
): [number, number] {
  const low = log ? axis.minPositive : axis.min
  const high = axis.max
  if (low === undefined || high === undefined) return log ? [1, 10] : [0, 1]
  if (low === high) return flatDomain(low, log)
  if (pad <= 0) return [low, high]
  if (log) {
    const span = Math.log10(high) - Math.log10(low)
    return [10 ** (Math.log10(low) - span * pad), 10 ** (Math.log10(high) + span * pad)]
  }
  const span = high - low
  return [low - span * pad, high + span * pad]
}

/** A scale for one axis onto the pixel range (y axes pass it bottom first: `[height, 0]`). */
export function makeSweepScale(
  axis: SweepAxis,
  range: readonly [number, number],
  options: SweepScaleOptions = {},
): SweepScale {
  const [r0, r1] = range
  if (axis.kind === 'categorical') {
    const count = Math.max(axis.categories.length, 1)
    const band = Math.abs(r1 - r0) / count
    const direction = r1 >= r0 ? 1 : -1
    const toPixel = (position: number) =>
      Number.isFinite(position) ? r0 + direction * (position + 0.5) * band : undefined
    return {
      kind: 'categorical',
      range,
      domain: [0, Math.max(axis.categories.length - 1, 0)],
      toPixel,
      fromPixel: (pixel) => (band === 0 ? 0 : ((pixel - r0) * direction) / band - 0.5),
      ticks: axis.categories.map((label, index) => ({ value: index, pixel: toPixel(index) ?? r0, label })),
      band,
    }
  }
  const log = options.log === true && axis.minPositive !== undefined
  const kind = log ? 'log' : 'linear'
  const domain = numericDomain(axis, log, options.pad ?? 0)
  const scale = makeScale(domain, range, kind)
  const [low, high] = domain
  const ticks = niceTicks(domain, options.tickCount ?? 5, kind)
    .filter((value) => value >= low - 1e-12 * Math.abs(low) && value <= high + 1e-12 * Math.abs(high))
    .map((value) => ({ value, pixel: scale.toPixel(value), label: formatTick(value) }))
  return {
    kind,
    range,
    domain,
    toPixel: (position) =>
      !Number.isFinite(position) || (log && position <= 0) ? undefined : scale.toPixel(position),
    fromPixel: scale.fromPixel,
    ticks,
    band: 0,
  }
}

/** FNV-1a of a run id, as a stable offset in [-0.5, 0.5): categorical points spread the same way every draw. */
export function jitterOf(runId: string): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < runId.length; index++) {
    hash ^= runId.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  hash ^= hash >>> 15
  hash = Math.imul(hash, 0x2c1b3c6d) >>> 0
  hash ^= hash >>> 12
  return (hash >>> 0) / 4294967296 - 0.5
}

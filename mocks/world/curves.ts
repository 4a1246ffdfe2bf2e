import { prefixHasher } from './random'
import type { WorldMetricPoint, WorldMetricSeries, WorldMetricValue } from './types'

/**
 * A training curve defined by a formula rather than stored points, so that a 100,000-step history
 * costs nothing until a request reads it, and any single step can be computed on its own.
 */
export interface CurveSpec {
  /** Mixed into every hash: two runs with different seeds get different noise. */
  seed: string
  /** Steps 0 .. steps-1 (shifted by `firstStep`). */
  steps: number
  firstStep?: number
  /** Value at the first step and the value the curve decays towards. */
  from: number
  to: number
  /** Relative noise amplitude (0.05 = ±5% of the range). */
  noise?: number
  /** Probability that a step is a spike (3–6× the range above the curve). */
  spikeRate?: number
  /** Steps whose value is NaN (a diverged batch). */
  nanSteps?: readonly number[]
  /**
   * Values set outright at these steps, in place of the formula: a documented one-step spike that a
   * test can find, unlike the hashed ones of `spikeRate`.
   */
  overrides?: Readonly<Record<number, WorldMetricValue>>
  /** Epoch ms of the first step and the time between steps. */
  startTime: number
  stepMs: number
}

/** Per curve and salt (1..3), the hash of `<seed>:<step>` with the seed part hashed once. */
const hashers = new WeakMap<CurveSpec, ((suffix: string) => number)[]>()

/** A uniform number in [0, 1) for one step of a curve and one use (`salt`). */
function unit(spec: CurveSpec, step: number, salt: 1 | 2 | 3): number {
  let bySalt = hashers.get(spec)
  if (bySalt === undefined) {
    bySalt = []
    hashers.set(spec, bySalt)
  }
  let hash = bySalt[salt]
  if (hash === undefined) {
    hash = prefixHasher(`${spec.seed}:`, salt)
    bySalt[salt] = hash
  }
  return hash(String(step)) / 4294967296
}

export function curveValue(spec: CurveSpec, index: number): WorldMetricValue {
  const step = (spec.firstStep ?? 0) + index
  if (spec.nanSteps?.includes(step)) return 'NaN'
  const override = spec.overrides?.[step]
  if (override !== undefined) return override
  const range = spec.from - spec.to
  const progress = spec.steps <= 1 ? 1 : index / (spec.steps - 1)
  let value = spec.to + range * Math.exp(-4 * progress)
  value += Math.abs(range) * (spec.noise ?? 0.03) * (unit(spec, step, 1) * 2 - 1)
  if (spec.spikeRate !== undefined && unit(spec, step, 2) < spec.spikeRate) {
    value += Math.abs(range) * (3 + 3 * unit(spec, step, 3))
  }
  // Keep values short and exactly representable in both JSON and Python's float repr.
  return Math.round(value * 1e6) / 1e6
}

export function curvePoint(spec: CurveSpec, index: number): WorldMetricPoint {
  return {
    step: (spec.firstStep ?? 0) + index,
    timestamp: spec.startTime + index * spec.stepMs,
    value: curveValue(spec, index),
  }
}

export function curvePoints(spec: CurveSpec): WorldMetricPoint[] {
  return Array.from({ length: spec.steps }, (_, index) => curvePoint(spec, index))
}

export function isCurve(series: WorldMetricSeries): series is CurveSpec {
  return !Array.isArray(series)
}

/** The points a series stands for: what the seed logs. */
export function metricPoints(series: WorldMetricSeries): readonly WorldMetricPoint[] {
  return isCurve(series) ? curvePoints(series) : series
}

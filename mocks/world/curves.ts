import { hashString } from './random'
import type { WorldMetricPoint, WorldMetricValue } from './types'

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
  /** Epoch ms of the first step and the time between steps. */
  startTime: number
  stepMs: number
}

function unit(seed: string, step: number, salt: number): number {
  return hashString(`${seed}:${step}`, salt) / 4294967296
}

export function curveValue(spec: CurveSpec, index: number): WorldMetricValue {
  const step = (spec.firstStep ?? 0) + index
  if (spec.nanSteps?.includes(step)) return 'NaN'
  const range = spec.from - spec.to
  const progress = spec.steps <= 1 ? 1 : index / (spec.steps - 1)
  let value = spec.to + range * Math.exp(-4 * progress)
  value += Math.abs(range) * (spec.noise ?? 0.03) * (unit(spec.seed, step, 1) * 2 - 1)
  if (spec.spikeRate !== undefined && unit(spec.seed, step, 2) < spec.spikeRate) {
    value += Math.abs(range) * (3 + 3 * unit(spec.seed, step, 3))
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

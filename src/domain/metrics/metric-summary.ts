/**
 * One metric of one run at a glance: its latest value, its finite minimum and maximum with the step
 * where each happened, how many points and steps it has, whether it ever logged NaN or ±Infinity,
 * and a small sparkline that keeps every spike. Also the run page's fetch policy: which histories
 * are small enough to load in full.
 */

import type { XY } from './chart-series'
import { reduceMinMaxArrays } from './reduce-series'

/** A history in columns, in the server's order (logging order); `timestamps` optional. */
export interface HistoryColumns {
  steps: ArrayLike<number>
  values: ArrayLike<number>
  timestamps?: ArrayLike<number> | undefined
}

/** A value and the step it was logged at. */
export interface StepValue {
  value: number
  step: number
}

export interface MetricSummary {
  /** Logged points (several may share a step). */
  points: number
  /** Distinct steps. */
  steps: number
  /** The first and last step, or undefined when there are no points. */
  firstStep: number | undefined
  lastStep: number | undefined
  /** The point at the highest step (then the latest timestamp, then the last logged); may be NaN/±∞. */
  latest: StepValue | undefined
  /** Over finite values only; ties keep the first occurrence. Undefined when no value is finite. */
  min: StepValue | undefined
  max: StepValue | undefined
  nanCount: number
  positiveInfinityCount: number
  negativeInfinityCount: number
  /** Sorted by step, reduced to about SPARKLINE_BUCKETS buckets keeping each bucket's extremes; y may be NaN/±∞. */
  sparkline: XY[]
}

/** Buckets of a sparkline: about one per 2 px of a 120 px wide line. */
export const SPARKLINE_BUCKETS = 60

/** Whether a summary saw NaN or ±Infinity (which its min and max leave out). */
export function hasNonFinite(summary: MetricSummary): boolean {
  return summary.nanCount + summary.positiveInfinityCount + summary.negativeInfinityCount > 0
}

/** "2 NaN, 1 ∞": the non-finite values a summary saw, or '' when there were none. */
export function describeNonFinite(summary: MetricSummary): string {
  const parts: string[] = []
  if (summary.nanCount > 0) parts.push(`${summary.nanCount} NaN`)
  if (summary.positiveInfinityCount > 0) parts.push(`${summary.positiveInfinityCount} ∞`)
  if (summary.negativeInfinityCount > 0) parts.push(`${summary.negativeInfinityCount} −∞`)
  return parts.join(', ')
}

/** Indices 0..n-1 ordered by step (stable), or undefined when the steps are sorted already. */
function stepOrder(steps: ArrayLike<number>, n: number): Int32Array | undefined {
  let sorted = true
  for (let index = 1; index < n && sorted; index++)
    if ((steps[index] ?? 0) < (steps[index - 1] ?? 0)) sorted = false
  if (sorted) return undefined
  const order = Int32Array.from({ length: n }, (_, index) => index)
  // Int32Array#sort is not guaranteed stable: break ties by index.
  order.sort((a, b) => (steps[a] ?? 0) - (steps[b] ?? 0) || a - b)
  return order
}

/**
 * The summary of one history. O(n) for a history in step order (as logged by most code), O(n log n)
 * otherwise; 100,000 points take a few milliseconds.
 */
export function summarizeHistory(
  history: HistoryColumns,
  buckets: number = SPARKLINE_BUCKETS,
): MetricSummary {
  const { steps, values, timestamps } = history
  const n = Math.min(steps.length, values.length)
  let min: StepValue | undefined
  let max: StepValue | undefined
  let latestIndex = -1
  let nanCount = 0
  let positiveInfinityCount = 0
  let negativeInfinityCount = 0
  for (let index = 0; index < n; index++) {
    const step = steps[index] ?? 0
    const value = values[index] ?? NaN
    if (latestIndex === -1) latestIndex = index
    else {
      const latestStep = steps[latestIndex] ?? 0
      const time = timestamps?.[index] ?? 0
      const latestTime = timestamps?.[latestIndex] ?? 0
      if (step > latestStep || (step === latestStep && time >= latestTime)) latestIndex = index
    }
    if (Number.isNaN(value)) nanCount++
    else if (value === Number.POSITIVE_INFINITY) positiveInfinityCount++
    else if (value === Number.NEGATIVE_INFINITY) negativeInfinityCount++
    else {
      if (min === undefined || value < min.value) min = { value, step }
      if (max === undefined || value > max.value) max = { value, step }
    }
  }
  const order = stepOrder(steps, n)
  const xs = new Float64Array(n)
  const ys = new Float64Array(n)
  let distinct = 0
  for (let at = 0; at < n; at++) {
    const index = order === undefined ? at : (order[at] ?? 0)
    xs[at] = steps[index] ?? 0
    ys[at] = values[index] ?? NaN
    if (at === 0 || xs[at] !== xs[at - 1]) distinct++
  }
  const reduced = reduceMinMaxArrays(xs, ys, buckets)
  const sparkline = Array.from(reduced.xs, (x, index) => ({ x, y: reduced.ys[index] ?? NaN }))
  const latestStep = latestIndex === -1 ? undefined : steps[latestIndex]
  return {
    points: n,
    steps: distinct,
    firstStep: n === 0 ? undefined : xs[0],
    lastStep: n === 0 ? undefined : xs[n - 1],
    latest: latestStep === undefined ? undefined : { step: latestStep, value: values[latestIndex] ?? NaN },
    min,
    max,
    nanCount,
    positiveInfinityCount,
    negativeInfinityCount,
    sparkline,
  }
}

/** Limits on full histories fetched for one page: per metric and in total, in points. */
export interface HistoryBudget {
  perMetric: number
  total: number
}

export const RUN_PAGE_HISTORY_BUDGET: HistoryBudget = { perMetric: 10_000, total: 200_000 }

/**
 * A guess at the size of a history from a sample of it: the sample's length, or the span from its
 * first step to the run's latest step (one point a step), whichever is larger.
 */
export function estimateHistorySize(sample: MetricSummary, latestStep: number | undefined): number {
  const first = sample.firstStep
  const last = Math.max(latestStep ?? Number.NEGATIVE_INFINITY, sample.lastStep ?? Number.NEGATIVE_INFINITY)
  const span = first === undefined || !Number.isFinite(last) ? 0 : last - first + 1
  return Math.max(sample.points, span)
}

/**
 * Which histories to fetch in full, in the given order (the table's): each whose estimated size fits
 * the per-metric budget, while the running total fits the total budget. A history over either stays
 * sampled; a later, smaller one may still fit.
 */
export function chooseFullHistories(estimates: readonly number[], budget: HistoryBudget): boolean[] {
  let total = 0
  return estimates.map((estimate) => {
    if (!(estimate <= budget.perMetric) || total + estimate > budget.total) return false
    total += estimate
    return true
  })
}

import { describe, expect, it } from 'vitest'
import {
  chooseFullHistories,
  describeNonFinite,
  estimateHistorySize,
  hasNonFinite,
  summarizeHistory,
} from './metric-summary'

function history(values: number[], steps: number[] = values.map((_, index) => index), timestamps?: number[]) {
  return { steps, values, timestamps }
}

describe('summarizeHistory', () => {
  it('gives the latest value, and the min and max with the step of each', () => {
    const summary = summarizeHistory(history([3, 1, 4, 1, 5, 9, 2, 6], [0, 10, 20, 30, 40, 50, 60, 70]))
    expect(summary.latest).toEqual({ value: 6, step: 70 })
    // Ties keep the first occurrence: 1 at step 10, not step 30.
    expect(summary.min).toEqual({ value: 1, step: 10 })
    expect(summary.max).toEqual({ value: 9, step: 50 })
    expect(summary.points).toBe(8)
    expect(summary.steps).toBe(8)
    expect(summary.firstStep).toBe(0)
    expect(summary.lastStep).toBe(70)
    expect(hasNonFinite(summary)).toBe(false)
    expect(describeNonFinite(summary)).toBe('')
  })

  it('counts points and distinct steps apart, and takes the latest at the highest step, then time', () => {
    const summary = summarizeHistory(history([1, 2, 3, 4], [0, 5, 5, 2], [100, 200, 300, 400]))
    expect(summary.points).toBe(4)
    expect(summary.steps).toBe(3)
    // Step 5 is the highest; of its two values the later timestamp wins, though step 2 was logged last.
    expect(summary.latest).toEqual({ value: 3, step: 5 })
    expect(summary.sparkline.map((point) => point.x)).toEqual([0, 2, 5, 5])
  })

  it('keeps NaN and infinities out of min and max, and says they were there', () => {
    const summary = summarizeHistory(history([2, NaN, Infinity, 0.5, -Infinity, NaN, 1]))
    expect(summary.min).toEqual({ value: 0.5, step: 3 })
    expect(summary.max).toEqual({ value: 2, step: 0 })
    expect(summary.nanCount).toBe(2)
    expect(summary.positiveInfinityCount).toBe(1)
    expect(summary.negativeInfinityCount).toBe(1)
    expect(hasNonFinite(summary)).toBe(true)
    expect(describeNonFinite(summary)).toBe('2 NaN, 1 ∞, 1 −∞')
    // The sparkline keeps every non-finite point, so it can show them.
    expect(summary.sparkline.filter((point) => !Number.isFinite(point.y))).toHaveLength(4)
  })

  it('has no min or max when no value is finite, and nothing at all for an empty history', () => {
    const nan = summarizeHistory(history([NaN, NaN]))
    expect(nan.min).toBeUndefined()
    expect(nan.max).toBeUndefined()
    expect(Number.isNaN(nan.latest?.value)).toBe(true)
    const empty = summarizeHistory(history([]))
    expect(empty).toMatchObject({ points: 0, steps: 0, latest: undefined, min: undefined, sparkline: [] })
  })

  it('reduces a 100,000-step history to a small sparkline that keeps a one-step spike', () => {
    const steps = Array.from({ length: 100_000 }, (_, step) => step)
    const values = steps.map((step) => (step === 61_803 ? 40 : 1 + Math.sin(step / 3000)))
    values[20_000] = NaN
    const summary = summarizeHistory({ steps, values })
    expect(summary.max).toEqual({ value: 40, step: 61_803 })
    expect(summary.nanCount).toBe(1)
    expect(summary.sparkline.length).toBeLessThanOrEqual(4 * 60 + 1)
    expect(summary.sparkline).toContainEqual({ x: 61_803, y: 40 })
    expect(summary.sparkline.some((point) => point.x === 20_000 && Number.isNaN(point.y))).toBe(true)
  })
})

describe('the full-history budget', () => {
  it('estimates a history from its sample and the latest step', () => {
    const sample = summarizeHistory(history([1, 2, 3], [0, 50_000, 99_999]))
    expect(estimateHistorySize(sample, 99_999)).toBe(100_000)
    expect(estimateHistorySize(summarizeHistory(history([1, 1, 1], [0, 0, 0])), 0)).toBe(3)
  })

  it('fetches in full what fits per metric and in total, in table order', () => {
    expect(chooseFullHistories([500, 100_000, 9000, 8000], { perMetric: 10_000, total: 10_000 })).toEqual([
      true,
      false,
      true,
      false,
    ])
    expect(chooseFullHistories([NaN], { perMetric: 10_000, total: 200_000 })).toEqual([false])
  })
})

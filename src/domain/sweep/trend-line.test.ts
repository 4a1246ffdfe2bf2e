import { describe, expect, it } from 'vitest'
import { fitTrendLine } from './trend-line'

describe('fitTrendLine', () => {
  it('fits a line exactly through collinear points (r² = 1)', () => {
    const line = fitTrendLine([1, 2, 3, 4], [3, 5, 7, 9])
    expect(line?.slope).toBeCloseTo(2)
    expect(line?.intercept).toBeCloseTo(1)
    expect(line?.r2).toBeCloseTo(1)
    expect(line?.predict(10)).toBeCloseTo(21)
  })

  it('reports how much of the variance it explains', () => {
    // y = x plus alternating noise: r² = 1 - SSres/SStot.
    const line = fitTrendLine([0, 1, 2, 3], [1, 0, 3, 2])
    expect(line?.slope).toBeCloseTo(0.6)
    expect(line?.r2).toBeCloseTo(0.36)
  })

  it('fits in log space on log axes (a power law is a straight line on log-log)', () => {
    const xs = [1, 10, 100, 1000]
    const ys = xs.map((x) => 5 * x ** -0.5)
    const line = fitTrendLine(xs, ys, { xLog: true, yLog: true })
    expect(line?.slope).toBeCloseTo(-0.5)
    expect(line?.r2).toBeCloseTo(1)
    expect(line?.predict(10_000)).toBeCloseTo(0.05)
  })

  it('leaves out non-finite points and, on a log axis, values ≤ 0', () => {
    const line = fitTrendLine([0, 1, 10, 100, Number.NaN], [9, 1, 2, 3, 4], { xLog: true })
    expect(line?.n).toBe(3)
    expect(line?.slope).toBeCloseTo(1)
  })

  it.each([
    [[1], [2]],
    [
      [3, 3, 3],
      [1, 2, 3],
    ],
  ])('gives no line for %j', (xs, ys) => {
    expect(fitTrendLine(xs, ys)).toBeUndefined()
  })
})

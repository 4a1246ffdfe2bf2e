import { describe, expect, it } from 'vitest'
import { formatMetricValue } from './format-number'

describe('formatMetricValue', () => {
  it.each([
    [0.123456789, '0.123457'],
    [42, '42'],
    [-3.5, '-3.5'],
    [0, '0'],
    [123456789, '1.235e+8'],
    [0.00001234, '1.234e-5'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, '∞'],
    [Number.NEGATIVE_INFINITY, '−∞'],
  ])('%s → %s', (value, text) => {
    expect(formatMetricValue(value)).toBe(text)
  })
})

import { describe, expect, it } from 'vitest'
import { formatXTick, formatXValue } from './chart-format'

describe('chart x formatting', () => {
  it.each([
    [12, 'step', '12'],
    [61_803, 'step', '61.8K'],
    [185_000, 'relative', '3m 05s'],
  ] as const)('formats tick %s on %s as %s', (x, axis, text) => {
    expect(formatXTick(x, axis)).toBe(text)
  })

  it('formats an exact step for hover', () => {
    expect(formatXValue(61_803, 'step')).toBe('step 61,803')
  })
})

import { describe, expect, it } from 'vitest'
import { makeScale, niceTicks } from './chart-scale'

describe('makeScale', () => {
  it('maps a linear domain onto pixels and back', () => {
    const scale = makeScale([0, 10], [100, 200])
    expect(scale.toPixel(5)).toBe(150)
    expect(scale.fromPixel(120)).toBe(2)
  })

  it('maps an inverted pixel range (y grows downwards)', () => {
    const scale = makeScale([0, 1], [300, 0])
    expect(scale.toPixel(1)).toBe(0)
    expect(scale.toPixel(0.25)).toBe(225)
  })

  it('maps a log domain by decades', () => {
    const scale = makeScale([1, 1000], [0, 300], 'log')
    expect(scale.toPixel(10)).toBeCloseTo(100)
    expect(scale.fromPixel(200)).toBeCloseTo(100)
  })

  it('does not divide by zero on a flat domain', () => {
    expect(Number.isFinite(makeScale([3, 3], [0, 100]).toPixel(3))).toBe(true)
  })
})

describe('niceTicks', () => {
  it('picks round steps inside the domain', () => {
    expect(niceTicks([0.178, 2.47])).toEqual([0.5, 1, 1.5, 2])
    expect(niceTicks([0, 199])).toEqual([0, 50, 100, 150])
    expect(niceTicks([0.1, 0.35], 5)).toEqual([0.1, 0.15, 0.2, 0.25, 0.3, 0.35])
  })

  it('uses decades on a log scale', () => {
    expect(niceTicks([0.005, 20], 5, 'log')).toEqual([0.01, 0.1, 1, 10])
  })

  it('handles a flat or reversed domain', () => {
    expect(niceTicks([3, 3])).toEqual([3])
    expect(niceTicks([10, 0], 2)).toEqual([0, 5, 10])
  })
})

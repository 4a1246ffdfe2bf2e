import { describe, expect, it } from 'vitest'
import { createRandom, hexId } from './random'

describe('hexId', () => {
  it('gives a stable 32-hex id per name and different ids for different names', () => {
    expect(hexId('run-a')).toMatch(/^[0-9a-f]{32}$/)
    expect(hexId('run-a')).toBe(hexId('run-a'))
    expect(hexId('run-a')).not.toBe(hexId('run-b'))
  })
})

describe('createRandom', () => {
  it('repeats its sequence for a seed and stays in [0, 1)', () => {
    const a = createRandom(42)
    const b = createRandom(42)
    const values = Array.from({ length: 1000 }, () => a())
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()))
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...values)).toBeLessThan(1)
    expect(new Set(values).size).toBeGreaterThan(990)
  })
})

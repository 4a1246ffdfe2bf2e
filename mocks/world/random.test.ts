import { describe, expect, it } from 'vitest'
import { createRandom, hashString, hexId, prefixHasher } from './random'

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

describe('prefixHasher', () => {
  it('hashes prefix + suffix exactly as hashString does', () => {
    for (const seed of [0, 1, 3, 0x9e3779b9]) {
      const hash = prefixHasher('bench-long-1/train_loss:', seed)
      for (const suffix of ['0', '7', '99999', '-3', '']) {
        expect(hash(suffix)).toBe(hashString(`bench-long-1/train_loss:${suffix}`, seed))
      }
    }
  })
})

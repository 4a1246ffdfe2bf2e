import { describe, expect, it } from 'vitest'
import { createRandom } from '../../../mocks/world/random'
import { buildSpatialGrid } from './spatial-grid'

describe('buildSpatialGrid', () => {
  it('finds the nearest point within the radius, or none', () => {
    const grid = buildSpatialGrid([10, 50, 52, 200], [10, 50, 50, 200], 16)
    expect(grid.nearest(49, 50, 10)).toBe(1)
    expect(grid.nearest(53, 51, 10)).toBe(2)
    expect(grid.nearest(120, 120, 10)).toBe(-1)
    expect(grid.nearest(205, 205, 10)).toBe(3)
  })

  it('prefers the later of two points at the same place (the one drawn on top)', () => {
    expect(buildSpatialGrid([5, 5], [5, 5]).nearest(5, 5, 3)).toBe(1)
  })

  it('skips points without a position', () => {
    const grid = buildSpatialGrid([Number.NaN, 3], [0, 3])
    expect(grid.size).toBe(1)
    expect(grid.nearest(0, 0, 2)).toBe(-1)
  })

  it('agrees with a brute-force search over thousands of points', () => {
    const random = createRandom(7)
    const xs = Float32Array.from({ length: 5000 }, () => random() * 800)
    const ys = Float32Array.from({ length: 5000 }, () => random() * 400)
    const grid = buildSpatialGrid(xs, ys, 12)
    for (let probe = 0; probe < 200; probe++) {
      const x = random() * 800
      const y = random() * 400
      let best = -1
      let bestDistance = 12 * 12
      for (let index = 0; index < xs.length; index++) {
        const distance = ((xs[index] ?? 0) - x) ** 2 + ((ys[index] ?? 0) - y) ** 2
        if (distance < bestDistance || (distance === bestDistance && index > best)) {
          best = index
          bestDistance = distance
        }
      }
      expect(grid.nearest(x, y, 12)).toBe(best)
    }
  })
})

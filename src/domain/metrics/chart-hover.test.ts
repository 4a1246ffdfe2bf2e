import { describe, expect, it } from 'vitest'
import { linePath, nearestLine, rowsAt } from './chart-hover'
import { makeScale } from './chart-scale'

const line = (id: string, ys: number[], firstX = 0) => ({
  id,
  points: ys.map((y, i) => ({ x: firstX + i, y })),
})

describe('rowsAt', () => {
  it('reads every line at the nearest x, highest first, NaN last', () => {
    const rows = rowsAt([line('a', [1, 2, 3]), line('b', [5, Number.NaN, 0]), line('c', [4, 4, 4])], 1.2, 0)
    expect(rows.map((row) => [row.line.id, row.x, row.y])).toEqual([
      ['c', 1, 4],
      ['a', 1, 2],
      ['b', 1, Number.NaN],
    ])
  })

  it('leaves out a line that has not started or has ended', () => {
    const rows = rowsAt([line('early', [1, 2]), line('late', [1, 2], 10)], 6, 0.5)
    expect(rows).toEqual([])
    expect(rowsAt([line('early', [1, 2])], 1.4, 0.5).map((row) => row.line.id)).toEqual(['early'])
  })
})

describe('nearestLine', () => {
  const toY = makeScale([0, 10], [100, 0]).toPixel
  const rows = rowsAt([line('low', [1]), line('high', [9])], 0, 0)

  it('picks the line drawn nearest the pointer, within reach', () => {
    expect(nearestLine(rows, 88, toY, 12)).toBe('low')
    expect(nearestLine(rows, 12, toY, 12)).toBe('high')
    expect(nearestLine(rows, 50, toY, 12)).toBeUndefined()
  })
})

describe('linePath', () => {
  const toPixels = { x: makeScale([0, 4], [0, 40]), y: makeScale([0, 10], [100, 0]) }

  it('breaks the path at a gap', () => {
    expect(linePath(line('a', [0, 10, Number.NaN, 5, 5]).points, [0, 4], 'linear', toPixels)).toBe(
      'M0.0,100.0L10.0,0.0M30.0,50.0L40.0,50.0',
    )
  })

  it('cuts to the x domain, keeping one point beyond each end', () => {
    expect(linePath(line('a', [1, 2, 3, 4, 5]).points, [2, 2.5], 'linear', toPixels)).toBe(
      'M10.0,80.0L20.0,70.0L30.0,60.0',
    )
  })
})

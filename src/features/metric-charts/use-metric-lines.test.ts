import { describe, expect, it } from 'vitest'
import { cachedChartPoints } from './use-metric-lines'

const sample = (values: number[]) => values.map((value, step) => ({ step, timestamp: 1000 + step, value }))

describe('cachedChartPoints', () => {
  it('gives a refreshed but unchanged sample the same points, so its line is not recomputed', () => {
    const first = cachedChartPoints('run-a\nloss', sample([3, 2, 1]), 'step')
    // A refetch: new objects, same content.
    expect(cachedChartPoints('run-a\nloss', sample([3, 2, 1]), 'step')).toBe(first)
  })

  it('recomputes when the run logged more, or for another axis', () => {
    const first = cachedChartPoints('run-b\nloss', sample([3, 2, 1]), 'step')
    const grown = cachedChartPoints('run-b\nloss', sample([3, 2, 1, 0.5]), 'step')
    expect(grown).not.toBe(first)
    expect(grown.map((point) => point.y)).toEqual([3, 2, 1, 0.5])
    expect(cachedChartPoints('run-b\nloss', sample([3, 2, 1, 0.5]), 'wall')).not.toBe(grown)
  })
})

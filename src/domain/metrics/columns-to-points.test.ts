import { describe, expect, it } from 'vitest'
import { columnsToChartPoints } from './columns-to-points'
import type { MetricColumns } from './metric-point'

const columns: MetricColumns = {
  steps: Float64Array.from([2, 0, 1]),
  timestamps: Float64Array.from([1_000, 2_000, 3_000]),
  values: Float64Array.from([0.5, Number.NaN, 0.25]),
}

describe('columnsToChartPoints', () => {
  it('sorts by step and keeps NaN', () => {
    expect(columnsToChartPoints(columns, 'step')).toEqual([
      { x: 0, y: Number.NaN },
      { x: 1, y: 0.25 },
      { x: 2, y: 0.5 },
    ])
  })

  it('counts relative time from the first timestamp', () => {
    expect(columnsToChartPoints(columns, 'relative').map((point) => point.x)).toEqual([0, 1_000, 2_000])
  })

  it('uses the clock for wall time', () => {
    expect(columnsToChartPoints(columns, 'wall').map((point) => point.x)).toEqual([1_000, 2_000, 3_000])
  })
})

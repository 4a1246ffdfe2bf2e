import { describe, expect, it } from 'vitest'
import { columnsToChartPoints } from './columns-to-points'
import { toMetricColumns } from './metric-point'

const columns = toMetricColumns([
  { step: 2, timestamp: 1_000, value: 0.5 },
  { step: 0, timestamp: 2_000, value: Number.NaN },
  { step: 1, timestamp: 3_000, value: 0.25 },
])

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

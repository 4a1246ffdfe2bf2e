import { describe, expect, it } from 'vitest'
import { sampleRows } from './metrics'
import type { WorldMetricPoint } from '../world/types'

const points = (count: number): WorldMetricPoint[] =>
  Array.from({ length: count }, (_, step) => ({ step, timestamp: step, value: step }))

describe('sampleRows (NTILE sampling of get-history-bulk-interval)', () => {
  it('returns every row when there are fewer rows than samples', () => {
    expect(sampleRows(points(4), 10).map((p) => p.step)).toEqual([0, 1, 2, 3])
  })

  it('keeps the first row of each bucket, bigger buckets first, and always the last row', () => {
    // 10 rows in 4 buckets: sizes 3, 3, 2, 2 start at 0, 3, 6, 8; the last row 9 replaces 8.
    expect(sampleRows(points(10), 4).map((p) => p.step)).toEqual([0, 3, 6, 9])
    // 10 rows in 3 buckets: sizes 4, 3, 3 start at 0, 4, 7; then 9 replaces 7 (already 3 samples).
    expect(sampleRows(points(10), 3).map((p) => p.step)).toEqual([0, 4, 9])
  })

  it('returns only the last row for one sample', () => {
    expect(sampleRows(points(5), 1).map((p) => p.step)).toEqual([4])
  })

  it('samples in step order whatever order the rows come in', () => {
    const shuffled = [...points(6)].reverse()
    expect(sampleRows(shuffled, 3).map((p) => p.step)).toEqual([0, 2, 5])
  })
})

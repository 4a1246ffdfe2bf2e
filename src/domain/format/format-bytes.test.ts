import { describe, expect, it } from 'vitest'
import { formatBytes } from './format-bytes'

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1, '1 B'],
    [1023, '1023 B'],
    [1024, '1 KB'],
    [1536, '1.5 KB'],
    [10 * 1024, '10 KB'],
    [1024 * 1024 - 1, '1 MB'],
    [1.2 * 1024 * 1024, '1.2 MB'],
    [20 * 1024 * 1024, '20 MB'],
    [999.6 * 1024 * 1024, '1000 MB'],
    [1023.7 * 1024 * 1024, '1 GB'],
    [5 * 1024 ** 4, '5 TB'],
    [3 * 1024 ** 6, '3072 PB'],
  ])('%d bytes is %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text)
  })

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('%d is not a size', (bytes) => {
    expect(formatBytes(bytes)).toBe('—')
  })
})

import { describe, expect, it } from 'vitest'
import { formatDateTime, formatDuration, formatRelativeTime } from './format-time'

describe('formatRelativeTime', () => {
  const now = Date.UTC(2026, 0, 10, 12)
  it.each([
    [now - 10_000, 'just now'],
    [now - 5 * 60_000, '5 minutes ago'],
    [now - 3 * 3600_000, '3 hours ago'],
    [now - 24 * 3600_000, 'yesterday'],
    [now - 400 * 24 * 3600_000, 'last year'],
    [now + 2 * 24 * 3600_000, 'in 2 days'],
  ])('%d reads as %s', (time, expected) => {
    expect(formatRelativeTime(time, now)).toBe(expected)
  })
})

describe('formatDateTime', () => {
  it('prints a sortable local date and time', () => {
    expect(formatDateTime(Date.UTC(2026, 0, 5, 9, 0, 7), 'UTC')).toBe('2026-01-05 09:00:07')
  })
})

describe('formatDuration', () => {
  it.each([
    [850, '850 ms'],
    [5_000, '5s'],
    [185_000, '3m 05s'],
    [3_720_000, '1h 02m'],
  ])('%d ms reads as %s', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected)
  })
})

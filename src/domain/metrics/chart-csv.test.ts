import { describe, expect, it } from 'vitest'
import { chartCsv } from './chart-csv'

describe('chartCsv', () => {
  it('writes a long-format header and one record per point, CRLF after each', () => {
    const csv = chartCsv(
      [
        {
          name: 'run a',
          points: [
            { x: 0, y: 0.5 },
            { x: 1, y: 0.25 },
          ],
        },
        { name: 'run b', points: [{ x: 0, y: 1 }] },
      ],
      'step',
    )
    expect(csv).toBe('series,step,value\r\nrun a,0,0.5\r\nrun a,1,0.25\r\nrun b,0,1\r\n')
  })

  it.each<[string, string, string]>([
    ['a comma', 'lr=0.1, bs=32', '"lr=0.1, bs=32"'],
    ['a quote', 'the "best" run', '"the ""best"" run"'],
    ['a newline', 'two\nlines', '"two\nlines"'],
    ['a CRLF', 'two\r\nlines', '"two\r\nlines"'],
    ['a formula', '=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['a negative number (no formula)', '-1', '-1'],
    ['plain text', 'baseline', 'baseline'],
  ])('quotes a name with %s', (_, name, field) => {
    expect(chartCsv([{ name, points: [{ x: 3, y: 4 }] }], 'step')).toBe(
      `series,step,value\r\n${field},3,4\r\n`,
    )
  })

  it('quotes the x label too', () => {
    expect(chartCsv([], 'time, relative (ms)')).toBe('series,"time, relative (ms)",value\r\n')
  })

  it.each<[number, string]>([
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'],
    [-0.5, '-0.5'],
    [1e-7, '1e-7'],
  ])('writes %d as %s', (y, text) => {
    expect(chartCsv([{ name: 'r', points: [{ x: 1_700_000_000_000, y }] }], 'wall')).toBe(
      `series,wall,value\r\nr,1700000000000,${text}\r\n`,
    )
  })

  it('writes only the header for no lines', () => {
    expect(chartCsv([], 'step')).toBe('series,step,value\r\n')
  })
})

import { describe, expect, it } from 'vitest'
import { drawChart, type RunLabel, type SeriesInput } from './chart-lines'
import { DEFAULT_CHART_VIEW } from './chart-view'

const labels = new Map<string, RunLabel>([
  ['a', { name: 'run-a', color: '#111111', group: '0.1' }],
  ['b', { name: 'run-b', color: '#222222', group: '0.1' }],
  ['c', { name: 'run-c', color: '#333333', group: '0.2' }],
])
const groupColors = new Map([
  ['0.1', '#aa0000'],
  ['0.2', '#00aa00'],
])
const line = (runId: string, metricKey: string, ys: number[]): SeriesInput => ({
  runId,
  metricKey,
  points: ys.map((y, x) => ({ x, y })),
})

describe('drawChart', () => {
  it('draws one line per run in the run’s colour, and fits the axes to the data', () => {
    const drawing = drawChart(
      [line('a', 'loss', [3, 2, 1]), line('b', 'loss', [4, 1])],
      labels,
      DEFAULT_CHART_VIEW,
      groupColors,
    )
    expect(drawing.lines.map((l) => [l.label, l.color, l.highlightId])).toEqual([
      ['run-a', '#111111', 'a'],
      ['run-b', '#222222', 'b'],
    ])
    expect(drawing.xDomain).toEqual([0, 2])
    const [low, high] = drawing.yDomain ?? [0, 0]
    expect(low).toBeLessThan(1)
    expect(high).toBeGreaterThan(4)
  })

  it('puts a faint raw line under each smoothed one', () => {
    const drawing = drawChart(
      [line('a', 'loss', [3, 2, 1])],
      labels,
      { ...DEFAULT_CHART_VIEW, smoothing: 0.5 },
      groupColors,
    )
    expect(drawing.lines.map((l) => l.faint === true)).toEqual([true, false])
    expect(drawing.lines[0]?.points.map((p) => p.y)).toEqual([3, 2, 1])
    expect(drawing.lines[1]?.points.map((p) => p.y)).not.toEqual([3, 2, 1])
  })

  it('tells metrics apart by dash on a combined chart', () => {
    const drawing = drawChart(
      [line('a', 'loss', [1, 2]), line('a', 'val_loss', [2, 3])],
      labels,
      { ...DEFAULT_CHART_VIEW, combined: true },
      groupColors,
    )
    expect(drawing.lines.map((l) => l.label)).toEqual(['run-a · loss', 'run-a · val_loss'])
    expect(drawing.lines[0]?.dash).toBeUndefined()
    expect(drawing.lines[1]?.dash).toBeDefined()
  })

  it('draws a mean line and a band per group, with the run count', () => {
    const drawing = drawChart(
      [line('a', 'loss', [2, 2]), line('b', 'loss', [4, 4]), line('c', 'loss', [1, 1])],
      labels,
      { ...DEFAULT_CHART_VIEW, groupBy: 'params.lr' },
      groupColors,
    )
    expect(drawing.groups.map((g) => [g.value, g.runCount, g.color])).toEqual([
      ['0.1', 2, '#aa0000'],
      ['0.2', 1, '#00aa00'],
    ])
    const mean = drawing.lines.find((l) => l.highlightId === 'group:0.1')
    expect(mean?.label).toBe('0.1 (2 runs)')
    expect(mean?.points.map((p) => p.y)).toEqual([3, 3])
    const band = drawing.bands.find((b) => b.highlightId === 'group:0.1')
    expect(band?.points.map((p) => [p.low, p.high])).toEqual([
      [2, 4],
      [2, 4],
    ])
  })

  it('fits the y axis to the zoomed range only', () => {
    const drawing = drawChart(
      [line('a', 'loss', [100, 1, 1.5, 2, 1])],
      labels,
      { ...DEFAULT_CHART_VIEW, zoom: { start: 2, end: 3 } },
      groupColors,
    )
    expect(drawing.xDomain).toEqual([2, 3])
    // The neighbours at x 1 and 4 count (the line enters and leaves the plot), the 100 at x 0 does not.
    expect(drawing.yDomain?.[1]).toBeLessThan(3)
  })
})

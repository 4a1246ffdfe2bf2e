import { describe, expect, it } from 'vitest'
import type { XY } from './chart-series'
import type { ChartYScale } from './chart-view'
import { nonFiniteMarkers, plottable, type NonFiniteMarker, type PlotPoint } from './series-gaps'

const points: XY[] = [
  { x: 0, y: 1 },
  { x: 1, y: NaN },
  { x: 2, y: 0 },
  { x: 3, y: Infinity },
  { x: 4, y: -2 },
  { x: 5, y: -Infinity },
  { x: 6, y: 0.5 },
]

describe('nonFiniteMarkers', () => {
  it.each<[string, XY[], NonFiniteMarker[]]>([
    [
      'one per NaN/±Infinity, in order',
      points,
      [
        { x: 1, kind: 'nan' },
        { x: 3, kind: 'inf' },
        { x: 5, kind: '-inf' },
      ],
    ],
    ['none for finite values', [{ x: 0, y: -1e308 }], []],
    ['none for no points', [], []],
  ])('%s', (_, input, expected) => {
    expect(nonFiniteMarkers(input)).toEqual(expected)
  })
})

describe('plottable', () => {
  it.each<[ChartYScale, PlotPoint['y'][]]>([
    ['linear', [1, null, 0, null, -2, null, 0.5]],
    ['log', [1, null, null, null, null, null, 0.5]],
  ])('%s: every point kept, unplaceable y become null (a gap), never 0', (scale, expected) => {
    const plotted = plottable(points, scale)
    expect(plotted.map((p) => p.x)).toEqual([0, 1, 2, 3, 4, 5, 6])
    expect(plotted.map((p) => p.y)).toEqual(expected)
  })

  it('no points, none plotted', () => {
    expect(plottable([], 'linear')).toEqual([])
  })
})

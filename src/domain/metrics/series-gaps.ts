/**
 * Values a chart cannot place on its y axis (NaN, ±Infinity, and on a log scale zero and negatives)
 * break the line there instead of vanishing or posing as 0; NaN and infinities also get a marker.
 */

import type { XY } from './chart-series'
import type { ChartYScale } from './chart-view'

/** Where a series logged a non-finite value, and which one. */
export interface NonFiniteMarker {
  x: number
  kind: 'nan' | 'inf' | '-inf'
}

/** One marker per NaN/±Infinity point, in input order. */
export function nonFiniteMarkers(points: readonly XY[]): NonFiniteMarker[] {
  const markers: NonFiniteMarker[] = []
  for (const { x, y } of points) {
    if (Number.isNaN(y)) markers.push({ x, kind: 'nan' })
    else if (y === Infinity) markers.push({ x, kind: 'inf' })
    else if (y === -Infinity) markers.push({ x, kind: '-inf' })
  }
  return markers
}

/** A point as the chart library takes it: `y: null` is a gap (Recharts with `connectNulls={false}`). */
export interface PlotPoint {
  x: number
  y: number | null
}

/**
 * Every point, in order, with y set to null where the scale cannot show it: non-finite values, and
 * y ≤ 0 on a log scale. Never drops a point and never turns one into 0.
 */
export function plottable(points: readonly XY[], scale: ChartYScale): PlotPoint[] {
  const log = scale === 'log'
  return points.map(({ x, y }) => ({ x, y: Number.isFinite(y) && (!log || y > 0) ? y : null }))
}

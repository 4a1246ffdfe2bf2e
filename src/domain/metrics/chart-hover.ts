/** What the pointer reads off a chart: each line's value at an x, and the line nearest the pointer. */

import type { PixelScale } from './chart-scale'
import { nearestIndex, pointsInRange, type XY } from './chart-series'
import type { ChartYScale } from './chart-view'

export interface HoverLine {
  id: string
  points: readonly XY[]
}

export interface HoverRow<L extends HoverLine> {
  line: L
  x: number
  y: number
}

/** Highest first; NaN last (it has no place on the axis). */
function sortValue(y: number): number {
  return Number.isNaN(y) ? Number.NEGATIVE_INFINITY : y
}

/**
 * Each line's point nearest to x, highest value first. A line answers only between its first and
 * last point (give or take `slack`, in x units): one that has not started or has ended sits out.
 */
export function rowsAt<L extends HoverLine>(lines: readonly L[], x: number, slack: number): HoverRow<L>[] {
  const found: HoverRow<L>[] = []
  for (const line of lines) {
    const first = line.points[0]
    const last = line.points[line.points.length - 1]
    if (first === undefined || last === undefined || x < first.x - slack || x > last.x + slack) continue
    const point = line.points[nearestIndex(line.points, x)]
    if (point !== undefined) found.push({ line, x: point.x, y: point.y })
  }
  return found.sort((a, b) => sortValue(b.y) - sortValue(a.y))
}

/** The id of the line whose value is drawn nearest the pointer's height, within `maxPx` pixels. */
export function nearestLine(
  rows: readonly HoverRow<HoverLine>[],
  pointerY: number,
  toY: (y: number) => number,
  maxPx: number,
): string | undefined {
  let best: string | undefined
  let bestDistance = maxPx
  for (const row of rows) {
    if (!Number.isFinite(row.y)) continue
    const distance = Math.abs(toY(row.y) - pointerY)
    if (distance <= bestDistance) {
      best = row.line.id
      bestDistance = distance
    }
  }
  return best
}

/** A line as an SVG path in plot pixels, broken at gaps (and at y ≤ 0 on a log scale), cut to the x domain. */
export function linePath(
  points: readonly XY[],
  xDomain: readonly [number, number],
  yScale: ChartYScale,
  toPixels: { x: PixelScale; y: PixelScale },
): string {
  const parts: string[] = []
  let pen = 'M'
  for (const { x, y } of pointsInRange(points, { start: xDomain[0], end: xDomain[1] })) {
    if (!Number.isFinite(y) || (yScale === 'log' && y <= 0)) {
      pen = 'M'
      continue
    }
    parts.push(`${pen}${toPixels.x.toPixel(x).toFixed(1)},${toPixels.y.toPixel(y).toFixed(1)}`)
    pen = 'L'
  }
  return parts.join('')
}

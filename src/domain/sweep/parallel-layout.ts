/**
 * Where the parallel coordinates put each run: one vertical axis per column, evenly spaced, and per
 * run a y pixel on each axis (NaN where it has no value: the line breaks there). Also the brush
 * geometry (pixels to a brush and back, keyboard nudges), the line colours and the hovered line.
 * Pure, so it is tested without a canvas.
 */

import type { Run } from '../runs/run'
import type { CellValue } from '../runs/run-columns'
import { compileBrushes } from './brush'
import { quantisedColor } from './color-scale'
import type { ChartMargin, PlotRect } from './scatter-layout'
import type { SweepBrush, SweepBrushes } from './sweep-chart'
import { makeSweepScale, type SweepScale } from './sweep-scale'
import { buildAxis, categoryIndex, columnValues, numericValue, type SweepAxis } from './sweep-values'

export const PARALLEL_MARGIN: ChartMargin = { top: 28, right: 48, bottom: 16, left: 48 }

export interface ParallelAxis {
  readonly id: string
  readonly axis: SweepAxis
  readonly scale: SweepScale
  /** The axis' x pixel. */
  readonly x: number
}

export type LineColoring =
  | { kind: 'runs' }
  | { kind: 'numeric'; id: string; label: string; min: number; max: number }
  | { kind: 'categorical'; id: string; label: string; categories: readonly string[] }

export interface ParallelLayout {
  readonly plot: PlotRect
  readonly axes: readonly ParallelAxis[]
  readonly runIds: readonly string[]
  /** Row-major: `ys[run * axes.length + axis]`; NaN where the run has no value on the axis. */
  readonly ys: Float32Array
  /** One colour per run. */
  readonly colors: readonly string[]
  readonly coloring: LineColoring
}

export interface ParallelLayoutOptions {
  width: number
  height: number
  margin?: ChartMargin
  /** Run colours for `colorBy: undefined`. */
  runColors: ReadonlyMap<string, string>
  /** The colour of a run without one, or without a value of the colouring column. */
  fallbackColor?: string
}

function axisPositions(axis: SweepAxis, values: readonly CellValue[]): (number | undefined)[] {
  if (axis.kind === 'numeric') return values.map(numericValue)
  const index = categoryIndex(axis)
  return values.map((value) => (value === undefined ? undefined : index.get(String(value))))
}

/** Axes are never closer than this: more axes than fit are still laid out, just tightly. */
const MIN_AXIS_GAP = 40

export function layoutParallel(
  runs: readonly Run[],
  axisIds: readonly string[],
  colorBy: string | undefined,
  options: ParallelLayoutOptions,
): ParallelLayout {
  const margin = options.margin ?? PARALLEL_MARGIN
  const plot: PlotRect = {
    left: margin.left,
    top: margin.top,
    width: Math.max(options.width - margin.left - margin.right, MIN_AXIS_GAP * (axisIds.length - 1), 1),
    height: Math.max(options.height - margin.top - margin.bottom, 1),
  }
  const count = axisIds.length
  const gap = count > 1 ? plot.width / (count - 1) : 0
  const axes: ParallelAxis[] = []
  const ys = new Float32Array(runs.length * count).fill(Number.NaN)
  axisIds.forEach((id, axisIndex) => {
    const values = columnValues(runs, id)
    const axis = buildAxis(id, values)
    const scale = makeSweepScale(axis, [plot.top + plot.height, plot.top], {
      tickCount: Math.max(2, Math.floor(plot.height / 40)),
    })
    const x = count > 1 ? plot.left + gap * axisIndex : plot.left + plot.width / 2
    axes.push({ id, axis, scale, x })
    const positions = axisPositions(axis, values)
    positions.forEach((position, runIndex) => {
      if (position === undefined) return
      const pixel = scale.toPixel(position)
      if (pixel !== undefined) ys[runIndex * count + axisIndex] = pixel
    })
  })
  const fallback = options.fallbackColor ?? '#888888'
  const runIds = runs.map((run) => run.info.runId)
  let coloring: LineColoring = { kind: 'runs' }
  let colors = runIds.map((id) => options.runColors.get(id) ?? fallback)
  if (colorBy !== undefined) {
    const values = columnValues(runs, colorBy)
    const axis = buildAxis(colorBy, values)
    if (axis.kind === 'numeric' && axis.min !== undefined && axis.max !== undefined) {
      const { min, max } = axis
      const span = max - min
      coloring = { kind: 'numeric', id: colorBy, label: axis.label, min, max }
      colors = values.map((value) => {
        const number = numericValue(value)
        return number === undefined ? fallback : quantisedColor(span === 0 ? 0.5 : (number - min) / span)
      })
    } else if (axis.kind === 'categorical' && axis.categories.length > 0) {
      const index = categoryIndex(axis)
      const last = Math.max(axis.categories.length - 1, 1)
      coloring = { kind: 'categorical', id: colorBy, label: axis.label, categories: axis.categories }
      colors = values.map((value) => {
        const position = value === undefined ? undefined : index.get(String(value))
        return position === undefined ? fallback : quantisedColor(position / last)
      })
    }
  }
  return { plot, axes, runIds, ys, colors, coloring }
}

/** For each run whether it passes the brushes (1) or is drawn faint (0). */
export function brushMask(runs: readonly Run[], brushes: SweepBrushes): Uint8Array {
  const mask = new Uint8Array(runs.length).fill(1)
  if (Object.keys(brushes).length === 0) return mask
  const passes = compileBrushes(brushes)
  runs.forEach((run, index) => {
    if (!passes(run)) mask[index] = 0
  })
  return mask
}

/**
 * The brush a drag from y0 to y1 on an axis makes: the values between on a numeric axis, the
 * categories whose band centre lies between on a categorical one; undefined for an empty drag (a
 * click) or one that covers no category.
 */
export function brushFromPixels(axis: ParallelAxis, y0: number, y1: number): SweepBrush | undefined {
  const top = Math.min(y0, y1)
  const bottom = Math.max(y0, y1)
  if (bottom - top < 2) return undefined
  const { scale } = axis
  if (axis.axis.kind === 'numeric') {
    const a = scale.fromPixel(top)
    const b = scale.fromPixel(bottom)
    return { kind: 'range', min: Math.min(a, b), max: Math.max(a, b) }
  }
  const values = axis.axis.categories.filter((_, index) => {
    const pixel = scale.toPixel(index)
    return pixel !== undefined && pixel >= top && pixel <= bottom
  })
  return values.length === 0 ? undefined : { kind: 'categories', values }
}

/** The pixel spans [top, bottom] a brush covers on an axis (a categorical brush may have several). */
export function brushSpans(axis: ParallelAxis, brush: SweepBrush): [number, number][] {
  const { scale } = axis
  const [bottomEdge, topEdge] = scale.range
  const clamp = (pixel: number) => Math.max(topEdge, Math.min(bottomEdge, pixel))
  if (brush.kind === 'range') {
    if (axis.axis.kind !== 'numeric') return []
    const low = scale.kind === 'log' && brush.min <= 0 ? scale.domain[0] : brush.min
    const a = scale.toPixel(low)
    const b = scale.toPixel(brush.max)
    if (a === undefined || b === undefined) return []
    return [[clamp(Math.min(a, b)), clamp(Math.max(a, b))]]
  }
  if (axis.axis.kind !== 'categorical') return []
  const selected = new Set(brush.values)
  const spans: [number, number][] = []
  const half = scale.band / 2
  axis.axis.categories.forEach((category, index) => {
    if (!selected.has(category)) return
    const centre = scale.toPixel(index)
    if (centre === undefined) return
    const span: [number, number] = [centre - half, centre + half]
    const previous = spans[spans.length - 1]
    if (previous !== undefined && Math.abs(previous[0] - span[1]) < 0.5) previous[0] = span[0]
    else spans.push(span)
  })
  return spans
}

/**
 * A brush moved one step up (+1) or down (-1) by the keyboard: a range by a tenth of its axis (in
 * pixels, so log axes move by decades alike), categories by one category. With no brush yet, a
 * step makes one around the middle of the axis. The brush stays inside the axis.
 */
export function nudgeBrush(
  axis: ParallelAxis,
  brush: SweepBrush | undefined,
  step: 1 | -1,
): SweepBrush | undefined {
  const { scale } = axis
  const [bottom, top] = scale.range
  const height = bottom - top
  if (axis.axis.kind === 'categorical') {
    const categories = axis.axis.categories
    if (categories.length === 0) return undefined
    if (brush === undefined || brush.kind !== 'categories') {
      const middle = categories[Math.floor(categories.length / 2)]
      return middle === undefined ? undefined : { kind: 'categories', values: [middle] }
    }
    const index = categoryIndex(axis.axis)
    const positions = brush.values
      .map((value) => index.get(value))
      .filter((position) => position !== undefined)
    if (positions.length === 0) return brush
    const low = Math.min(...positions)
    const high = Math.max(...positions)
    // Up the screen is up the categories (index 0 sits at the bottom).
    const shift = low + step < 0 || high + step >= categories.length ? 0 : step
    return {
      kind: 'categories',
      values: positions
        .map((position) => categories[position + shift])
        .filter((value) => value !== undefined),
    }
  }
  if (brush === undefined || brush.kind !== 'range') {
    const centre = top + height / 2
    return brushFromPixels(axis, centre - height / 10, centre + height / 10)
  }
  const spans = brushSpans(axis, brush)
  const span = spans[0]
  if (span === undefined) return brush
  const delta = Math.max(-(span[0] - top), Math.min(bottom - span[1], -step * (height / 10)))
  return brushFromPixels(axis, span[0] + delta, span[1] + delta) ?? brush
}

/**
 * The run whose line passes nearest to (x, y) within `radius` pixels (vertically, at that x), or -1.
 * `mask` (from brushMask) limits it to the runs drawn bright when given.
 */
export function nearestLine(
  layout: ParallelLayout,
  x: number,
  y: number,
  radius: number,
  mask?: Uint8Array,
): number {
  const { axes, ys } = layout
  const count = axes.length
  if (count === 0) return -1
  let segment = 0
  while (segment < count - 2 && x > (axes[segment + 1]?.x ?? 0)) segment += 1
  const left = axes[segment]
  const right = axes[Math.min(segment + 1, count - 1)]
  if (left === undefined || right === undefined) return -1
  const span = right.x - left.x
  const t = span === 0 ? 0 : Math.max(0, Math.min(1, (x - left.x) / span))
  const leftIndex = segment
  const rightIndex = Math.min(segment + 1, count - 1)
  let best = -1
  let bestDistance = radius
  for (let run = 0; run < layout.runIds.length; run++) {
    if (mask !== undefined && mask[run] === 0) continue
    const a = ys[run * count + leftIndex] ?? Number.NaN
    const b = ys[run * count + rightIndex] ?? Number.NaN
    if (Number.isNaN(a) || Number.isNaN(b)) continue
    const distance = Math.abs(a + (b - a) * t - y)
    if (distance <= bestDistance) {
      best = run
      bestDistance = distance
    }
  }
  return best
}

/** While a brush is dragged, at most about this many lines are repainted per frame. */
export const DRAG_LINE_BUDGET = 600

/**
 * Which lines to paint while a brush is being dragged: every `stride`-th run (by position, so the same
 * runs from frame to frame and no flicker). Rasterising thousands of anti-aliased lines takes longer
 * than a frame in software; the full set is painted when the drag ends.
 */
export function dragStride(passing: number, budget = DRAG_LINE_BUDGET): number {
  return passing <= budget ? 1 : Math.ceil(passing / budget)
}

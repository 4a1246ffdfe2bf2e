/**
 * Painting the canvas sweep charts from their layouts (src/domain/sweep/*-layout.ts). Kept apart from
 * the components: jsdom has no canvas, so tests check the layouts and the components' DOM, and these
 * few loops only turn geometry into strokes. Each colour is one path (a few dozen fills or strokes for
 * thousands of marks).
 */

import type { ParallelLayout } from '@/domain/sweep/parallel-layout'
import type { ScatterLayout } from '@/domain/sweep/scatter-layout'
import { groupByColor, type ChartColors } from './canvas-surface'

/** Smaller dots when there are many, so a cloud of thousands stays readable. */
export function pointRadius(count: number): number {
  return count > 2000 ? 2.25 : count > 500 ? 3 : 4
}

function clipToPlot(context: CanvasRenderingContext2D, plot: ScatterLayout['plot']): void {
  context.beginPath()
  context.rect(plot.left, plot.top, plot.width, plot.height)
  context.clip()
}

/** Grid lines at the ticks, every point in its run's colour, and the trend line. */
export function drawScatterBase(
  context: CanvasRenderingContext2D,
  layout: ScatterLayout,
  pointColors: readonly string[],
  colors: ChartColors,
): void {
  const { plot, xs, ys } = layout
  context.save()
  context.strokeStyle = colors.grid
  context.lineWidth = 1
  context.beginPath()
  for (const tick of layout.xScale.ticks) {
    const x = Math.round(tick.pixel) + 0.5
    context.moveTo(x, plot.top)
    context.lineTo(x, plot.top + plot.height)
  }
  for (const tick of layout.yScale.ticks) {
    const y = Math.round(tick.pixel) + 0.5
    context.moveTo(plot.left, y)
    context.lineTo(plot.left + plot.width, y)
  }
  context.stroke()
  clipToPlot(context, plot)
  const radius = pointRadius(xs.length)
  context.globalAlpha = 0.8
  for (const [color, indices] of groupByColor(pointColors)) {
    context.fillStyle = color
    context.beginPath()
    for (const index of indices) {
      const x = xs[index] ?? 0
      const y = ys[index] ?? 0
      context.moveTo(x + radius, y)
      context.arc(x, y, radius, 0, Math.PI * 2)
    }
    context.fill()
  }
  context.globalAlpha = 1
  const { trend } = layout
  if (trend !== undefined) {
    context.strokeStyle = colors.text
    context.lineWidth = 1.5
    context.setLineDash([6, 4])
    context.beginPath()
    context.moveTo(trend.x1, trend.y1)
    context.lineTo(trend.x2, trend.y2)
    context.stroke()
    context.setLineDash([])
  }
  context.restore()
}

/** The hovered and the page's highlighted points, enlarged and ringed, on top of the rest. */
export function drawScatterOverlay(
  context: CanvasRenderingContext2D,
  layout: ScatterLayout,
  indices: readonly number[],
  pointColors: readonly string[],
  colors: ChartColors,
): void {
  const radius = pointRadius(layout.xs.length) + 3
  context.save()
  clipToPlot(context, layout.plot)
  for (const index of indices) {
    const x = layout.xs[index]
    const y = layout.ys[index]
    if (x === undefined || y === undefined) continue
    context.beginPath()
    context.arc(x, y, radius, 0, Math.PI * 2)
    context.fillStyle = pointColors[index] ?? colors.accent
    context.fill()
    context.lineWidth = 2
    context.strokeStyle = colors.surface
    context.stroke()
    context.beginPath()
    context.arc(x, y, radius + 2, 0, Math.PI * 2)
    context.lineWidth = 1.5
    context.strokeStyle = colors.text
    context.stroke()
  }
  context.restore()
}

function traceLine(context: CanvasRenderingContext2D, layout: ParallelLayout, run: number): void {
  const { axes, ys } = layout
  const count = axes.length
  let drawing = false
  for (let axis = 0; axis < count; axis++) {
    const y = ys[run * count + axis] ?? Number.NaN
    const x = axes[axis]?.x ?? 0
    if (Number.isNaN(y)) {
      drawing = false
      continue
    }
    if (drawing) context.lineTo(x, y)
    else context.moveTo(x, y)
    drawing = true
  }
}

/**
 * The lines of the runs `include` accepts (all when absent), one path per colour; `faint` draws
 * them thin and pale (the runs outside the brushes).
 */
export function drawParallelLines(
  context: CanvasRenderingContext2D,
  layout: ParallelLayout,
  options: { include?: (run: number) => boolean; faint: boolean; colors: ChartColors },
): void {
  const many = layout.runIds.length > 1000
  context.save()
  // Miter joins (the default): round ones cost much more to rasterise over thousands of lines.
  if (options.faint) {
    context.globalAlpha = 1
    context.strokeStyle = options.colors.grid
    context.lineWidth = 1
    context.beginPath()
    for (let run = 0; run < layout.runIds.length; run++) {
      if (options.include === undefined || options.include(run)) traceLine(context, layout, run)
    }
    context.stroke()
    context.restore()
    return
  }
  context.globalAlpha = many ? 0.35 : 0.7
  context.lineWidth = many ? 1 : 1.5
  for (const [color, runs] of groupByColor(layout.colors, options.include)) {
    context.strokeStyle = color
    context.beginPath()
    for (const run of runs) traceLine(context, layout, run)
    context.stroke()
  }
  context.restore()
}

/** The hovered and highlighted lines, thick, with a halo in the background colour. */
export function drawParallelOverlay(
  context: CanvasRenderingContext2D,
  layout: ParallelLayout,
  runs: readonly number[],
  colors: ChartColors,
): void {
  context.save()
  context.lineJoin = 'round'
  for (const run of runs) {
    context.beginPath()
    traceLine(context, layout, run)
    context.strokeStyle = colors.surface
    context.lineWidth = 5
    context.stroke()
    context.strokeStyle = layout.colors[run] ?? colors.accent
    context.lineWidth = 2.5
    context.stroke()
  }
  context.restore()
}

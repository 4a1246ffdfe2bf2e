/**
 * Parallel coordinates over the sweep's runs: one vertical axis per chosen column (numeric or
 * categorical), one line per run, coloured by a column through a sequential scale or in the runs'
 * colours. Dragging along an axis brushes it (a range; on a categorical axis the categories the drag
 * covers); a click on the axis or Escape clears it; with the axis focused, the arrow keys move its
 * brush. Lines outside the brushes stay, faint.
 *
 * Three canvases, so each change repaints one: every line faint (only while something is brushed;
 * repainted when the data or size changes), the lines inside the brushes (repainted as a brush
 * moves), and the hovered and highlighted lines. Axes, labels and brushes are SVG.
 */

import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react'
import { colorStops, quantisedColor } from '@/domain/sweep/color-scale'
import { withoutBrush } from '@/domain/sweep/brush'
import {
  brushFromPixels,
  brushMask,
  brushSpans,
  dragStride,
  layoutParallel,
  nearestLine,
  nudgeBrush,
  type LineColoring,
  type ParallelAxis,
  type ParallelLayout,
} from '@/domain/sweep/parallel-layout'
import type { SweepBrush, SweepBrushes, SweepChartConfig, SweepChartInput } from '@/domain/sweep/sweep-chart'
import { formatTick } from '@/domain/sweep/sweep-scale'
import { runColumnValue } from '@/domain/sweep/sweep-values'
import { useElementWidth } from '@/ui/use-element-width'
import { drawParallelLines, drawParallelOverlay } from './canvas-draw'
import {
  measureDraw,
  now,
  prepareCanvas,
  readChartColors,
  useBoxOrigin,
  useThemeVersion,
  type ChartColors,
} from './canvas-surface'
import { formatCell, thinTicks } from './scatter-chart'
import './canvas-charts.css'

export type ParallelConfig = Extract<SweepChartConfig, { type: 'parallel' }>

export interface ParallelCoordinatesProps extends SweepChartInput {
  config: ParallelConfig
  /**
   * The page's brushes. Pass `runs` before the brushes are applied: the runs outside them are drawn
   * faint here.
   */
  brushes: SweepBrushes
  /** Called when a drag ends, a click clears an axis, or a key moves or clears a brush. */
  onBrushesChange: (brushes: SweepBrushes) => void
  height?: number
}

const DEFAULT_HEIGHT = 320
const AXIS_SEPARATOR = '\u0000'
const HOVER_RADIUS = 6

interface Drag {
  axisId: string
  y0: number
  y1: number
}

/** How a brush reads aloud and in the axis' tooltip. */
export function describeBrush(brush: SweepBrush | undefined): string {
  if (brush === undefined) return 'not brushed'
  if (brush.kind === 'range') return `brushed from ${formatTick(brush.min)} to ${formatTick(brush.max)}`
  return `brushed to ${brush.values.join(', ')}`
}

/** The brushes while a drag is under way: the drag's brush replaces its axis' one. */
export function brushesWithDrag(
  brushes: SweepBrushes,
  axis: ParallelAxis | undefined,
  drag: Drag | undefined,
): SweepBrushes {
  if (drag === undefined || axis === undefined) return brushes
  const brush = brushFromPixels(axis, drag.y0, drag.y1)
  return brush === undefined ? withoutBrush(brushes, drag.axisId) : { ...brushes, [drag.axisId]: brush }
}

/** Keeps the drag when the pointer leaves the handle; jsdom and synthetic pointers have no capture. */
function capturePointer(element: HTMLElement, pointerId: number): void {
  try {
    element.setPointerCapture(pointerId)
  } catch {
    // No such active pointer (a synthetic event): the drag still works while over the handle.
  }
}

function shorten(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, Math.max(length - 1, 1))}…`
}

export function ParallelCoordinates({
  runs,
  colors,
  highlightedRunId,
  onHoverRun,
  config,
  brushes,
  onBrushesChange,
  height = DEFAULT_HEIGHT,
}: ParallelCoordinatesProps) {
  const boxRef = useRef<HTMLDivElement>(null)
  const faintRef = useRef<HTMLCanvasElement>(null)
  const linesRef = useRef<HTMLCanvasElement>(null)
  const overlayRef = useRef<HTMLCanvasElement>(null)
  const colorsRef = useRef<ChartColors | undefined>(undefined)
  const width = useElementWidth(boxRef)
  const boxOrigin = useBoxOrigin(boxRef)
  const theme = useThemeVersion()
  const [drag, setDrag] = useState<Drag | undefined>(undefined)
  const [hovered, setHovered] = useState(-1)
  const { colorBy } = config
  // The axes by value: a config parsed afresh from the URL keeps the layout when its axes are the same.
  const axesKey = config.axes.join(AXIS_SEPARATOR)
  const axisIds = useMemo(() => (axesKey === '' ? [] : axesKey.split(AXIS_SEPARATOR)), [axesKey])

  const timed = useMemo(() => {
    const started = now()
    return {
      started,
      layout: layoutParallel(runs, axisIds, colorBy, {
        width: Math.max(width, 1),
        height,
        runColors: colors,
      }),
    }
  }, [runs, axisIds, colorBy, width, height, colors])
  const { layout } = timed
  const measuredRef = useRef<ParallelLayout | undefined>(undefined)
  const axisById = useMemo(() => new Map(layout.axes.map((axis) => [axis.id, axis])), [layout])
  const dragAxis = drag === undefined ? undefined : axisById.get(drag.axisId)
  const effective = useMemo(() => brushesWithDrag(brushes, dragAxis, drag), [brushes, dragAxis, drag])
  const brushed = Object.keys(effective).length > 0
  const dragging = drag !== undefined
  const mask = useMemo(() => brushMask(runs, effective), [runs, effective])
  const passing = useMemo(() => mask.reduce((sum, value) => sum + value, 0), [mask])
  const indexOf = useMemo(() => new Map(layout.runIds.map((id, index) => [id, index])), [layout])

  // Every line, faint: the backdrop the brushed lines stand out of (unchanged while a brush moves).
  useEffect(() => {
    if (width <= 0) return
    const chartColors = readChartColors(boxRef.current)
    colorsRef.current = chartColors
    const context = prepareCanvas(faintRef.current, width, height)
    if (context === null || !brushed) return
    drawParallelLines(context, layout, { faint: true, colors: chartColors })
  }, [layout, brushed, theme, width, height])

  useEffect(() => {
    if (width <= 0) return
    const started = measuredRef.current === layout ? now() : timed.started
    const context = prepareCanvas(linesRef.current, width, height)
    if (context === null) return
    const chartColors = colorsRef.current ?? readChartColors(boxRef.current)
    // While dragging, a stable subset of the lines inside the brushes (all of them once it ends).
    const stride = dragging ? dragStride(passing) : 1
    drawParallelLines(context, layout, {
      faint: false,
      colors: chartColors,
      include: brushed ? (run) => mask[run] === 1 && (stride === 1 || run % stride === 0) : undefined,
    })
    measuredRef.current = layout
    measureDraw('sweep:parallel-draw', started, brushed ? passing : layout.runIds.length)
  }, [layout, timed, mask, passing, brushed, dragging, theme, width, height])

  const highlighted = highlightedRunId === undefined ? -1 : (indexOf.get(highlightedRunId) ?? -1)
  const hover = hovered < layout.runIds.length ? hovered : -1
  useEffect(() => {
    const context = prepareCanvas(overlayRef.current, Math.max(width, 1), height)
    if (context === null) return
    const marks = [...new Set([highlighted, hover])].filter((index) => index >= 0)
    if (marks.length === 0) return
    drawParallelOverlay(context, layout, marks, colorsRef.current ?? readChartColors(boxRef.current))
  }, [layout, highlighted, hover, theme, width, height])

  const localY = (event: PointerEvent<HTMLElement>) => event.clientY - boxOrigin.origin().top

  const onBoxPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drag !== undefined) return
    const box = boxOrigin.origin()
    const index = nearestLine(
      layout,
      event.clientX - box.left,
      event.clientY - box.top,
      HOVER_RADIUS,
      brushed ? mask : undefined,
    )
    if (index === hover) return
    setHovered(index)
    onHoverRun(index === -1 ? undefined : layout.runIds[index])
  }
  const onBoxPointerLeave = () => {
    boxOrigin.forget()
    if (hover === -1) return
    setHovered(-1)
    onHoverRun(undefined)
  }

  const onHandleDown = (axisId: string) => (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return
    event.preventDefault()
    // Focus for the keyboard, without scrolling the page under the pointer.
    event.currentTarget.focus({ preventScroll: true })
    capturePointer(event.currentTarget, event.pointerId)
    const y = localY(event)
    setDrag({ axisId, y0: y, y1: y })
  }
  const onHandleMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drag === undefined) return
    const y = localY(event)
    setDrag({ ...drag, y1: y })
  }
  const onHandleUp = (event: PointerEvent<HTMLDivElement>) => {
    if (drag === undefined) return
    const axis = axisById.get(drag.axisId)
    const brush = axis === undefined ? undefined : brushFromPixels(axis, drag.y0, localY(event))
    setDrag(undefined)
    if (brush === undefined) {
      // A click: clears the axis' brush.
      if (brushes[drag.axisId] !== undefined) onBrushesChange(withoutBrush(brushes, drag.axisId))
    } else onBrushesChange({ ...brushes, [drag.axisId]: brush })
  }
  const onHandleKey = (axis: ParallelAxis) => (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault()
      const next = nudgeBrush(axis, brushes[axis.id], event.key === 'ArrowUp' ? 1 : -1)
      if (next !== undefined) onBrushesChange({ ...brushes, [axis.id]: next })
    } else if (event.key === 'Escape' || event.key === 'Delete' || event.key === 'Backspace') {
      if (brushes[axis.id] === undefined) return
      event.preventDefault()
      onBrushesChange(withoutBrush(brushes, axis.id))
    }
  }

  const { plot } = layout
  const labelLength = Math.max(
    6,
    Math.floor((layout.axes.length > 1 ? plot.width / (layout.axes.length - 1) : plot.width) / 7),
  )
  const tipIndex = hover !== -1 ? hover : highlighted
  const tipRun = tipIndex === -1 ? undefined : runs[tipIndex]
  const brushedHere = layout.axes.filter((axis) => effective[axis.id] !== undefined)
  const otherBrushes = Object.keys(brushes).filter((id) => !axisById.has(id)).length

  return (
    <figure className="sweep-canvas-chart sweep-parallel" aria-label="Parallel coordinates">
      <div
        ref={boxRef}
        className="sweep-canvas-box"
        style={{ height }}
        onPointerMove={onBoxPointerMove}
        onPointerEnter={boxOrigin.forget}
        onPointerLeave={onBoxPointerLeave}
      >
        <canvas ref={faintRef} className="sweep-canvas-faint" aria-hidden="true" />
        <canvas ref={linesRef} className="sweep-canvas-base" aria-hidden="true" />
        <canvas ref={overlayRef} className="sweep-canvas-overlay" aria-hidden="true" />
        <svg className="sweep-axes" width={Math.max(width, 1)} height={height} aria-hidden="true">
          {layout.axes.map((axis) => (
            <g key={axis.id} data-axis={axis.id}>
              <line
                className="sweep-axis-line"
                x1={axis.x}
                x2={axis.x}
                y1={plot.top}
                y2={plot.top + plot.height}
              />
              <text className="sweep-axis-title" x={axis.x} y={plot.top - 12} textAnchor="middle">
                {shorten(axis.axis.label, labelLength)}
              </text>
              {thinTicks(axis.scale.ticks, axis.scale.band, 14).map((tick) => (
                <text
                  key={tick.value}
                  className="sweep-tick-label"
                  x={axis.x - 5}
                  y={tick.pixel + 3.5}
                  textAnchor="end"
                >
                  {shorten(tick.label, 10)}
                </text>
              ))}
            </g>
          ))}
          {brushedHere.flatMap((axis) => {
            const brush = effective[axis.id]
            if (brush === undefined) return []
            return brushSpans(axis, brush).map(([top, bottom]) => (
              <rect
                key={`${axis.id}:${top}`}
                className="sweep-brush"
                data-brush={axis.id}
                x={axis.x - 7}
                width={14}
                y={top}
                height={Math.max(bottom - top, 2)}
                rx={2}
              />
            ))
          })}
        </svg>
        {layout.axes.map((axis) => (
          <div
            key={axis.id}
            className="sweep-axis-handle"
            role="group"
            tabIndex={0}
            data-axis={axis.id}
            aria-label={`${axis.axis.label} axis, ${describeBrush(brushes[axis.id])}`}
            aria-keyshortcuts="ArrowUp ArrowDown Escape"
            title={`Drag to brush ${axis.axis.label}; click or Escape clears; arrow keys move the brush`}
            style={{ left: axis.x, top: plot.top - 4, height: plot.height + 8 }}
            onPointerDown={onHandleDown(axis.id)}
            onPointerMove={onHandleMove}
            onPointerUp={onHandleUp}
            onPointerCancel={() => {
              setDrag(undefined)
            }}
            onKeyDown={onHandleKey(axis)}
          />
        ))}
        {tipRun !== undefined && drag === undefined ? (
          <div className="sweep-chart-tooltip" role="tooltip" style={{ left: 8, top: 0 }}>
            <strong>{tipRun.info.runName === '' ? tipRun.info.runId : tipRun.info.runName}</strong>
            <dl>
              {layout.axes.map((axis) => (
                <AxisValue
                  key={axis.id}
                  label={axis.axis.label}
                  text={formatCell(runColumnValue(tipRun, axis.id))}
                />
              ))}
            </dl>
          </div>
        ) : null}
      </div>
      <figcaption className="sweep-chart-legend">
        <ColoringLegend coloring={layout.coloring} />
        <span aria-live="polite">
          {brushed
            ? `${passing.toLocaleString('en-US')} of ${runs.length.toLocaleString('en-US')} runs inside the brushes`
            : `${runs.length.toLocaleString('en-US')} runs`}
          {otherBrushes > 0 ? ` (${otherBrushes} brush${otherBrushes === 1 ? '' : 'es'} on hidden axes)` : ''}
        </span>
        {Object.keys(brushes).length > 0 ? (
          <button
            type="button"
            onClick={() => {
              onBrushesChange({})
            }}
          >
            Clear brushes
          </button>
        ) : null}
      </figcaption>
    </figure>
  )
}

function AxisValue({ label, text }: { label: string; text: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{text}</dd>
    </>
  )
}

function ColoringLegend({ coloring }: { coloring: LineColoring }) {
  if (coloring.kind === 'runs') return <span>Lines in run colours</span>
  const stops = colorStops()
  if (coloring.kind === 'numeric') {
    return (
      <span className="sweep-legend-item" data-legend="ramp">
        Colour: {coloring.label} {formatTick(coloring.min)}
        <span
          className="sweep-legend-ramp"
          aria-hidden="true"
          style={{ background: `linear-gradient(to right, ${stops.join(', ')})` }}
        />
        {formatTick(coloring.max)}
      </span>
    )
  }
  const last = Math.max(coloring.categories.length - 1, 1)
  const shown = coloring.categories.slice(0, 12)
  return (
    <span className="sweep-legend-item" data-legend="categories">
      Colour: {coloring.label}{' '}
      {shown.map((category, index) => (
        <span key={category} style={{ marginRight: '0.6rem' }}>
          <span
            className="sweep-legend-swatch"
            aria-hidden="true"
            style={{ background: quantisedColor(index / last) }}
          />
          {category}
        </span>
      ))}
      {coloring.categories.length > shown.length ? `+${coloring.categories.length - shown.length} more` : ''}
    </span>
  )
}

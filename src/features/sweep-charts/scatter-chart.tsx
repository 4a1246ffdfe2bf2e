/**
 * A scatter of two columns over the sweep's runs: points on a canvas (thousands stay smooth), axes
 * and labels in SVG, numeric or categorical axes (categories spread by a stable jitter), log axes,
 * and a least-squares trend line with its r². Hovering finds the nearest point through a grid and
 * reports its run; the run the page highlights is drawn on top, on its own canvas, so hovering never
 * repaints the cloud.
 */

import { useEffect, useMemo, useRef, useState, type PointerEvent } from 'react'
import { formatMetricValue } from '@/domain/format/format-number'
import type { CellValue } from '@/domain/runs/run-columns'
import { layoutScatter, type ScatterLayout } from '@/domain/sweep/scatter-layout'
import { buildSpatialGrid } from '@/domain/sweep/spatial-grid'
import type { SweepChartConfig, SweepChartInput } from '@/domain/sweep/sweep-chart'
import { useElementWidth } from '@/ui/use-element-width'
import { drawScatterBase, drawScatterOverlay, pointRadius } from './canvas-draw'
import {
  measureDraw,
  now,
  prepareCanvas,
  readChartColors,
  useBoxOrigin,
  useThemeVersion,
  type ChartColors,
} from './canvas-surface'
import './canvas-charts.css'

export type ScatterConfig = Extract<SweepChartConfig, { type: 'scatter' }>

export interface ScatterChartProps extends SweepChartInput {
  config: ScatterConfig
  /** CSS pixels; the width follows the container. */
  height?: number
  /** A click on a point (e.g. to open its run). */
  onOpenRun?: (runId: string) => void
}

/** How far from a point the pointer may be and still hover it, in CSS pixels. */
export const HOVER_RADIUS = 12
const DEFAULT_HEIGHT = 320

export function formatCell(value: CellValue): string {
  if (value === undefined) return '—'
  return typeof value === 'number' ? formatMetricValue(value) : value
}

/** The legend's trend text: `Trend r² = 0.83 (n = 45, fit on log x)`. */
export function trendLabel(layout: ScatterLayout): string | undefined {
  const { trend } = layout
  if (trend === undefined) return undefined
  const logs = [layout.xScale.kind === 'log' ? 'x' : '', layout.yScale.kind === 'log' ? 'y' : '']
    .filter((axis) => axis !== '')
    .join(' and ')
  const space = logs === '' ? '' : `, fit on log ${logs}`
  return `Trend r² = ${trend.line.r2.toFixed(2)} (n = ${trend.line.n}${space})`
}

export function ScatterChart({
  runs,
  colors,
  highlightedRunId,
  onHoverRun,
  config,
  height = DEFAULT_HEIGHT,
  onOpenRun,
}: ScatterChartProps) {
  const boxRef = useRef<HTMLDivElement>(null)
  const baseRef = useRef<HTMLCanvasElement>(null)
  const overlayRef = useRef<HTMLCanvasElement>(null)
  const width = useElementWidth(boxRef)
  const boxOrigin = useBoxOrigin(boxRef)
  const theme = useThemeVersion()
  const [hovered, setHovered] = useState(-1)
  const { x, y, xLog, yLog, trend } = config

  const timed = useMemo(() => {
    const started = now()
    return {
      started,
      layout: layoutScatter(runs, { x, y, xLog, yLog, trend }, { width: Math.max(width, 1), height }),
    }
  }, [runs, x, y, xLog, yLog, trend, width, height])
  const { layout } = timed
  const measuredRef = useRef<ScatterLayout | undefined>(undefined)
  const grid = useMemo(() => buildSpatialGrid(layout.xs, layout.ys, HOVER_RADIUS), [layout])
  const pointColors = useMemo(() => layout.runIds.map((id) => colors.get(id) ?? ''), [layout, colors])
  const indexOf = useMemo(() => new Map(layout.runIds.map((id, index) => [id, index])), [layout])
  // The theme's colours, read when the cloud is painted (a theme change repaints it).
  const colorsRef = useRef<ChartColors | undefined>(undefined)

  useEffect(() => {
    if (width <= 0) return
    const started = measuredRef.current === layout ? now() : timed.started
    const context = prepareCanvas(baseRef.current, width, height)
    if (context === null) return
    const chartColors = readChartColors(boxRef.current)
    colorsRef.current = chartColors
    const fallback = chartColors.accent
    drawScatterBase(
      context,
      layout,
      pointColors.map((color) => (color === '' ? fallback : color)),
      chartColors,
    )
    measuredRef.current = layout
    measureDraw('sweep:scatter-draw', started, layout.runIds.length)
  }, [layout, timed, pointColors, theme, width, height])

  const highlighted = highlightedRunId === undefined ? -1 : (indexOf.get(highlightedRunId) ?? -1)
  // A hover index from an older layout may point past the new one: ignore it then.
  const hover = hovered < layout.runIds.length ? hovered : -1
  useEffect(() => {
    const context = prepareCanvas(overlayRef.current, Math.max(width, 1), height)
    if (context === null) return
    const marks = [...new Set([highlighted, hover])].filter((index) => index >= 0)
    if (marks.length === 0) return
    const chartColors = colorsRef.current ?? readChartColors(boxRef.current)
    drawScatterOverlay(
      context,
      layout,
      marks,
      pointColors.map((color) => (color === '' ? chartColors.accent : color)),
      chartColors,
    )
  }, [layout, highlighted, hover, pointColors, theme, width, height])

  const pointAt = (event: PointerEvent<HTMLDivElement>) => {
    const box = boxOrigin.origin()
    return grid.nearest(event.clientX - box.left, event.clientY - box.top, HOVER_RADIUS)
  }
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const index = pointAt(event)
    if (index === hover) return
    setHovered(index)
    onHoverRun(index === -1 ? undefined : layout.runIds[index])
  }
  const onPointerLeave = () => {
    boxOrigin.forget()
    if (hover === -1) return
    setHovered(-1)
    onHoverRun(undefined)
  }
  const onClick = (event: PointerEvent<HTMLDivElement>) => {
    if (onOpenRun === undefined) return
    const index = pointAt(event)
    const id = index === -1 ? undefined : layout.runIds[index]
    if (id !== undefined) onOpenRun(id)
  }

  const tipIndex = hover !== -1 ? hover : highlighted
  const tipRun = tipIndex === -1 ? undefined : runs[layout.runIndex[tipIndex] ?? -1]
  const tipX = layout.xs[tipIndex] ?? 0
  const tipY = layout.ys[tipIndex] ?? 0
  const { plot } = layout
  const trendText = trendLabel(layout)
  const title = `${layout.yAxis.label} vs ${layout.xAxis.label}`

  return (
    <figure className="sweep-canvas-chart sweep-scatter" aria-label={`Scatter ${title}`}>
      <div
        ref={boxRef}
        className="sweep-canvas-box"
        style={{ height, cursor: hover !== -1 && onOpenRun !== undefined ? 'pointer' : undefined }}
        onPointerMove={onPointerMove}
        onPointerEnter={boxOrigin.forget}
        onPointerLeave={onPointerLeave}
        onClick={onClick}
      >
        <canvas ref={baseRef} className="sweep-canvas-base" aria-hidden="true" />
        <canvas ref={overlayRef} className="sweep-canvas-overlay" aria-hidden="true" />
        <svg className="sweep-axes" width={Math.max(width, 1)} height={height} aria-hidden="true">
          <line
            className="sweep-axis-line"
            x1={plot.left}
            x2={plot.left + plot.width}
            y1={plot.top + plot.height + 0.5}
            y2={plot.top + plot.height + 0.5}
          />
          <line
            className="sweep-axis-line"
            x1={plot.left - 0.5}
            x2={plot.left - 0.5}
            y1={plot.top}
            y2={plot.top + plot.height}
          />
          {thinTicks(layout.xScale.ticks, layout.xScale.band, 40).map((tick) => (
            <text
              key={`x${tick.value}`}
              className="sweep-tick-label"
              data-axis="x"
              x={tick.pixel}
              y={plot.top + plot.height + 14}
              textAnchor="middle"
            >
              {shorten(tick.label, 14)}
            </text>
          ))}
          {thinTicks(layout.yScale.ticks, layout.yScale.band, 14).map((tick) => (
            <text
              key={`y${tick.value}`}
              className="sweep-tick-label"
              data-axis="y"
              x={plot.left - 6}
              y={tick.pixel + 4}
              textAnchor="end"
            >
              {shorten(tick.label, 9)}
            </text>
          ))}
          <text
            className="sweep-axis-title"
            x={plot.left + plot.width / 2}
            y={plot.top + plot.height + 32}
            textAnchor="middle"
          >
            {layout.xAxis.label}
            {layout.xScale.kind === 'log' ? ' (log)' : ''}
          </text>
          <text
            className="sweep-axis-title"
            transform={`translate(12 ${plot.top + plot.height / 2}) rotate(-90)`}
            textAnchor="middle"
          >
            {layout.yAxis.label}
            {layout.yScale.kind === 'log' ? ' (log)' : ''}
          </text>
        </svg>
        {tipRun !== undefined ? (
          <div
            className="sweep-chart-tooltip"
            role="tooltip"
            style={{
              left: Math.min(tipX + pointRadius(layout.xs.length) + 8, Math.max(width - 180, 0)),
              top: Math.max(tipY - 40, 0),
            }}
          >
            <strong>{tipRun.info.runName === '' ? tipRun.info.runId : tipRun.info.runName}</strong>
            <dl>
              <dt>{layout.xAxis.label}</dt>
              <dd>{formatCell(layout.xValues[tipIndex])}</dd>
              <dt>{layout.yAxis.label}</dt>
              <dd>{formatCell(layout.yValues[tipIndex])}</dd>
            </dl>
          </div>
        ) : null}
      </div>
      <figcaption className="sweep-chart-legend">
        <span>
          {layout.runIds.length.toLocaleString('en-US')} runs
          {layout.omitted > 0
            ? ` (${layout.omitted.toLocaleString('en-US')} without both values not shown)`
            : ''}
        </span>
        {trendText !== undefined ? (
          <span className="sweep-legend-item">
            <span className="sweep-legend-trend" aria-hidden="true" />
            {trendText}
          </span>
        ) : config.trend && (layout.xAxis.kind !== 'numeric' || layout.yAxis.kind !== 'numeric') ? (
          <span>No trend line: both axes must be numeric</span>
        ) : null}
      </figcaption>
    </figure>
  )
}

/** Labels no closer than `spacing` pixels: every k-th category when bands are narrow. */
export function thinTicks<T extends { pixel: number }>(
  ticks: readonly T[],
  band: number,
  spacing: number,
): T[] {
  if (band <= 0 || band >= spacing) return [...ticks]
  const every = Math.ceil(spacing / band)
  return ticks.filter((_, index) => index % every === 0)
}

function shorten(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`
}

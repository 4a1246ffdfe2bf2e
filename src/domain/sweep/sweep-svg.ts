/**
 * The canvas sweep charts as standalone SVG markup, for "Export as SVG": the same layout the charts
 * paint (scatter-layout.ts, parallel-layout.ts), in light-theme colours, with axes, ticks, labels,
 * the trend line and the brushes.
 */

import type { Run } from '../runs/run'
import { brushMask, brushSpans, layoutParallel, type ParallelLayout } from './parallel-layout'
import { layoutScatter, type ScatterConfig, type ScatterLayout } from './scatter-layout'
import type { SweepBrushes, SweepChartConfig } from './sweep-chart'
import type { AxisTick } from './sweep-scale'

type ParallelConfig = Extract<SweepChartConfig, { type: 'parallel' }>

export interface SvgOptions {
  width: number
  height: number
}

const INK = '#1b1f24'
const MUTED = '#5b6472'
const GRID = '#e3e7ed'
const FALLBACK = '#4e79a7'
const FONT = 'font-family="system-ui, sans-serif" font-size="11"'

function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
}

const n = (value: number) => String(Math.round(value * 100) / 100)

function open(options: SvgOptions): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${options.width}" height="${options.height}" viewBox="0 0 ${options.width} ${options.height}" ${FONT}><rect width="100%" height="100%" fill="#ffffff"/>`
}

function thin(ticks: readonly AxisTick[], band: number, spacing: number): readonly AxisTick[] {
  if (band <= 0 || band >= spacing) return ticks
  const every = Math.ceil(spacing / band)
  return ticks.filter((_, index) => index % every === 0)
}

/** The scatter as SVG (from its layout, or computed from the runs). */
export function scatterLayoutSvg(
  layout: ScatterLayout,
  colors: ReadonlyMap<string, string>,
  options: SvgOptions,
): string {
  const { plot } = layout
  const bottom = plot.top + plot.height
  const parts = [open(options)]
  for (const tick of layout.xScale.ticks)
    parts.push(
      `<line x1="${n(tick.pixel)}" x2="${n(tick.pixel)}" y1="${plot.top}" y2="${bottom}" stroke="${GRID}"/>`,
    )
  for (const tick of layout.yScale.ticks)
    parts.push(
      `<line x1="${plot.left}" x2="${plot.left + plot.width}" y1="${n(tick.pixel)}" y2="${n(tick.pixel)}" stroke="${GRID}"/>`,
    )
  parts.push(`<g fill-opacity="0.8">`)
  layout.runIds.forEach((id, index) => {
    parts.push(
      `<circle cx="${n(layout.xs[index] ?? 0)}" cy="${n(layout.ys[index] ?? 0)}" r="3" fill="${escapeXml(colors.get(id) ?? FALLBACK)}"/>`,
    )
  })
  parts.push('</g>')
  const { trend } = layout
  if (trend !== undefined) {
    parts.push(
      `<clipPath id="plot"><rect x="${plot.left}" y="${plot.top}" width="${plot.width}" height="${plot.height}"/></clipPath>`,
      `<line clip-path="url(#plot)" x1="${n(trend.x1)}" y1="${n(trend.y1)}" x2="${n(trend.x2)}" y2="${n(trend.y2)}" stroke="${INK}" stroke-width="1.5" stroke-dasharray="6 4"/>`,
      `<text x="${plot.left + plot.width - 4}" y="${plot.top + 12}" text-anchor="end" fill="${INK}">r² = ${trend.line.r2.toFixed(2)} (n = ${trend.line.n})</text>`,
    )
  }
  parts.push(
    `<line x1="${plot.left}" x2="${plot.left + plot.width}" y1="${bottom}" y2="${bottom}" stroke="${MUTED}"/>`,
    `<line x1="${plot.left}" x2="${plot.left}" y1="${plot.top}" y2="${bottom}" stroke="${MUTED}"/>`,
  )
  for (const tick of thin(layout.xScale.ticks, layout.xScale.band, 40))
    parts.push(
      `<text x="${n(tick.pixel)}" y="${bottom + 14}" text-anchor="middle" fill="${MUTED}">${escapeXml(tick.label)}</text>`,
    )
  for (const tick of thin(layout.yScale.ticks, layout.yScale.band, 14))
    parts.push(
      `<text x="${plot.left - 6}" y="${n(tick.pixel + 4)}" text-anchor="end" fill="${MUTED}">${escapeXml(tick.label)}</text>`,
    )
  const xTitle = `${layout.xAxis.label}${layout.xScale.kind === 'log' ? ' (log)' : ''}`
  const yTitle = `${layout.yAxis.label}${layout.yScale.kind === 'log' ? ' (log)' : ''}`
  parts.push(
    `<text x="${n(plot.left + plot.width / 2)}" y="${bottom + 32}" text-anchor="middle" font-weight="600" fill="${INK}">${escapeXml(xTitle)}</text>`,
    `<text transform="translate(12 ${n(plot.top + plot.height / 2)}) rotate(-90)" text-anchor="middle" font-weight="600" fill="${INK}">${escapeXml(yTitle)}</text>`,
    '</svg>',
  )
  return parts.join('')
}

export function scatterSvg(
  runs: readonly Run[],
  colors: ReadonlyMap<string, string>,
  config: Pick<ScatterConfig, 'x' | 'y' | 'xLog' | 'yLog' | 'trend'>,
  options: SvgOptions,
): string {
  return scatterLayoutSvg(layoutScatter(runs, config, options), colors, options)
}

function linePath(layout: ParallelLayout, run: number): string {
  const count = layout.axes.length
  let path = ''
  let drawing = false
  layout.axes.forEach((axis, index) => {
    const y = layout.ys[run * count + index] ?? Number.NaN
    if (Number.isNaN(y)) {
      drawing = false
      return
    }
    path += `${drawing ? 'L' : 'M'}${n(axis.x)} ${n(y)}`
    drawing = true
  })
  return path
}

/** The parallel coordinates as SVG: lines outside the brushes pale, the brushes as boxes. */
export function parallelSvg(
  runs: readonly Run[],
  colors: ReadonlyMap<string, string>,
  config: Pick<ParallelConfig, 'axes' | 'colorBy'>,
  brushes: SweepBrushes,
  options: SvgOptions,
): string {
  const layout = layoutParallel(runs, config.axes, config.colorBy, { ...options, runColors: colors })
  const mask = brushMask(runs, brushes)
  const parts = [open(options)]
  const faint: string[] = []
  const byColor = new Map<string, string[]>()
  for (let run = 0; run < layout.runIds.length; run++) {
    const path = linePath(layout, run)
    if (path === '') continue
    if (mask[run] === 0) {
      faint.push(path)
      continue
    }
    const color = layout.colors[run] ?? FALLBACK
    const list = byColor.get(color) ?? []
    list.push(path)
    byColor.set(color, list)
  }
  if (faint.length > 0) parts.push(`<path d="${faint.join('')}" fill="none" stroke="${GRID}"/>`)
  const opacity = layout.runIds.length > 1000 ? 0.35 : 0.7
  for (const [color, paths] of byColor)
    parts.push(
      `<path d="${paths.join('')}" fill="none" stroke="${escapeXml(color)}" stroke-opacity="${opacity}"/>`,
    )
  const { plot } = layout
  for (const axis of layout.axes) {
    parts.push(
      `<line x1="${n(axis.x)}" x2="${n(axis.x)}" y1="${plot.top}" y2="${plot.top + plot.height}" stroke="${MUTED}"/>`,
      `<text x="${n(axis.x)}" y="${plot.top - 12}" text-anchor="middle" font-weight="600" fill="${INK}">${escapeXml(axis.axis.label)}</text>`,
    )
    for (const tick of thin(axis.scale.ticks, axis.scale.band, 14))
      parts.push(
        `<text x="${n(axis.x - 5)}" y="${n(tick.pixel + 3.5)}" text-anchor="end" fill="${MUTED}">${escapeXml(tick.label)}</text>`,
      )
    const brush = brushes[axis.id]
    if (brush === undefined) continue
    for (const [top, bottom] of brushSpans(axis, brush))
      parts.push(
        `<rect x="${n(axis.x - 7)}" y="${n(top)}" width="14" height="${n(Math.max(bottom - top, 2))}" rx="2" fill="#1f6feb" fill-opacity="0.18" stroke="#1f6feb" stroke-width="1.5"/>`,
      )
  }
  parts.push('</svg>')
  return parts.join('')
}

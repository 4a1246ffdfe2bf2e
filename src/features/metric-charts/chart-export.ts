/**
 * A metric chart as a file: the drawn Recharts SVG (axes, grid, lines, bands) with a title and a
 * solid background, as SVG or as a PNG at twice the screen resolution (see ui/chart-export.ts).
 */

import {
  downloadSvgDrawing,
  downloadSvgDrawingAsPng,
  svgElementMarkup,
  type ChartDrawing,
} from '@/ui/chart-export'

export { chartFileName } from '@/ui/chart-export'

/** The chart's SVG as standalone markup, or undefined when nothing is drawn. */
export function chartSvgMarkup(container: HTMLElement, title: string): ChartDrawing | undefined {
  const svg = container.querySelector('svg.recharts-surface')
  if (!(svg instanceof SVGSVGElement)) return undefined
  return svgElementMarkup(svg, container, title)
}

export function downloadChartSvg(container: HTMLElement, title: string): boolean {
  const drawn = chartSvgMarkup(container, title)
  if (drawn === undefined) return false
  downloadSvgDrawing(drawn, title)
  return true
}

export async function downloadChartPng(container: HTMLElement, title: string): Promise<boolean> {
  const drawn = chartSvgMarkup(container, title)
  if (drawn === undefined) return false
  return downloadSvgDrawingAsPng(drawn, title)
}

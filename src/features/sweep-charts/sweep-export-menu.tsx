/**
 * The chrome every sweep chart panel shares: its export buttons (PNG, SVG, CSV) and the width of
 * the box it draws in.
 */

import { useState, type RefObject } from 'react'
import {
  chartFileName,
  downloadCanvasPng,
  downloadSvgDrawing,
  downloadSvgDrawingAsPng,
  svgElementMarkup,
} from '@/ui/chart-export'
import { downloadBlob, downloadText } from '@/ui/download'

/** The attribute an SVG chart carries so the export finds it (and not an icon beside it). */
export const SWEEP_SVG_ATTRIBUTE = 'data-sweep-chart'

type DrawnChart = { svg: SVGSVGElement } | { canvases: HTMLCanvasElement[]; overlays: SVGSVGElement[] }

/**
 * The drawn chart inside the box: an SVG chart, or a canvas chart's layers in stacking order and
 * the SVGs over them (axes). The hover layer (`.sweep-canvas-overlay`) is left out of a file.
 */
function findChart(box: HTMLElement): DrawnChart | undefined {
  const svg = box.querySelector(`svg[${SWEEP_SVG_ATTRIBUTE}]`) ?? box.querySelector('svg.recharts-surface')
  if (svg instanceof SVGSVGElement) return { svg }
  const canvases = [...box.querySelectorAll('canvas')].filter(
    (canvas) => !canvas.classList.contains('sweep-canvas-overlay'),
  )
  if (canvases.length === 0) return undefined
  const parent = canvases[0]?.parentElement
  const overlays = parent === null || parent === undefined ? [] : [...parent.querySelectorAll(':scope > svg')]
  return { canvases, overlays: overlays.filter((element) => element instanceof SVGSVGElement) }
}

export interface SweepChartExportProps {
  /** The file name's base and the title drawn above the image: `val_loss by lr`. */
  title: string
  /** The chart's data as CSV (see domain/sweep/sweep-csv.ts); called on click. */
  csv: () => string
  /** The box holding the drawn chart: an `<svg data-sweep-chart>` or a `<canvas>` inside it. */
  target: RefObject<HTMLElement | null>
  /**
   * For a canvas chart: the same picture as standalone SVG markup. Without it a canvas chart offers
   * no SVG (PNG comes from the canvas itself).
   */
  svg?: () => string | undefined
  /** Nothing drawn yet (loading, empty): the buttons are disabled. */
  disabled?: boolean
}

/** PNG, SVG and CSV of one chart, as three small buttons. */
export function SweepChartExport({ title, csv, target, svg, disabled = false }: SweepChartExportProps) {
  const [failed, setFailed] = useState<string | undefined>(undefined)

  const exportImage = async (format: 'png' | 'svg') => {
    setFailed(undefined)
    const box = target.current
    const chart = box === null ? undefined : findChart(box)
    let done = false
    if (box !== null && chart !== undefined) {
      if ('svg' in chart) {
        const drawing = svgElementMarkup(chart.svg, box, title)
        if (drawing !== undefined && format === 'svg') {
          downloadSvgDrawing(drawing, title)
          done = true
        } else if (drawing !== undefined) {
          done = await downloadSvgDrawingAsPng(drawing, title)
        }
      } else if (format === 'png') {
        done = await downloadCanvasPng(chart.canvases, box, title, chart.overlays)
      } else {
        const markup = svg?.()
        if (markup !== undefined) {
          downloadBlob(new Blob([markup], { type: 'image/svg+xml' }), chartFileName(title, 'svg'))
          done = true
        }
      }
    }
    if (done) return
    if (chart !== undefined && 'canvases' in chart && format === 'svg' && svg === undefined)
      setFailed('This chart is drawn on a canvas: export it as PNG.')
    else setFailed(`Could not export ${format.toUpperCase()}: nothing is drawn.`)
  }

  return (
    <span className="sweep-export" role="group" aria-label={`Export ${title}`}>
      <button
        type="button"
        className="button button-small button-ghost"
        disabled={disabled}
        title="Download the chart as a PNG image"
        onClick={() => void exportImage('png')}
      >
        PNG
      </button>
      <button
        type="button"
        className="button button-small button-ghost"
        disabled={disabled}
        title="Download the chart as an SVG image"
        onClick={() => void exportImage('svg')}
      >
        SVG
      </button>
      <button
        type="button"
        className="button button-small button-ghost"
        disabled={disabled}
        title="Download the chart's data as CSV"
        onClick={() => {
          downloadText(csv(), chartFileName(title, 'csv'), 'text/csv;charset=utf-8')
        }}
      >
        CSV
      </button>
      {failed !== undefined && (
        <span className="sweep-export-error" role="alert">
          {failed}
        </span>
      )}
    </span>
  )
}

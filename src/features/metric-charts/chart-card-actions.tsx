import type { RefObject } from 'react'
import { downloadChartPng, downloadChartSvg } from './chart-export'

interface ChartCardActionsProps {
  title: string
  /** The box holding the drawn chart, for the image exports. */
  chartBox: RefObject<HTMLElement | null>
  drawn: boolean
  zoomed: boolean
  onResetZoom: () => void
  onExportCsv: () => void
}

/** Reset zoom, and the chart as PNG, SVG or CSV. */
export function ChartCardActions({
  title,
  chartBox,
  drawn,
  zoomed,
  onResetZoom,
  onExportCsv,
}: ChartCardActionsProps) {
  return (
    <span className="chart-card-actions">
      {zoomed && (
        <button type="button" className="link-button" onClick={onResetZoom}>
          Reset zoom
        </button>
      )}
      <button
        type="button"
        className="link-button"
        disabled={!drawn}
        onClick={() => {
          if (chartBox.current !== null) void downloadChartPng(chartBox.current, title)
        }}
      >
        PNG
      </button>
      <button
        type="button"
        className="link-button"
        disabled={!drawn}
        onClick={() => {
          if (chartBox.current !== null) downloadChartSvg(chartBox.current, title)
        }}
      >
        SVG
      </button>
      <button type="button" className="link-button" disabled={!drawn} onClick={onExportCsv}>
        CSV
      </button>
    </span>
  )
}

import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react'
import { formatXValue } from '@/domain/metrics/chart-format'
import { linePath, nearestLine, rowsAt } from '@/domain/metrics/chart-hover'
import { makeScale } from '@/domain/metrics/chart-scale'
import type { XRange } from '@/domain/metrics/chart-view'
import { nonFiniteMarkers, type NonFiniteMarker } from '@/domain/metrics/series-gaps'
import { formatMetricValue } from '@/domain/format/format-number'
import type { ChartLine } from '@/domain/metrics/chart-lines'
import type { ChartFrame } from './metric-chart'

interface PlotArea {
  left: number
  top: number
  width: number
  height: number
}

interface ChartOverlayProps {
  frame: ChartFrame
  plot: PlotArea
  lines: readonly ChartLine[]
  label: string
  onZoom: (range: XRange) => void
  onResetZoom: () => void
  onHighlight: (lineId: string | undefined) => void
}

/** A drag shorter than this is a click, not a zoom. */
const MIN_DRAG_PX = 6
/** The cursor highlights the nearest line within this many pixels. */
const HIGHLIGHT_PX = 12
/**
 * The line under the pointer is emphasised in this chart at once, and on every other chart once the
 * pointer rests this long: restyling every chart on each mouse move would cost frames.
 */
const SHARE_HIGHLIGHT_MS = 150

const MARKER_TEXT: Record<NonFiniteMarker['kind'], string> = { nan: 'NaN', inf: '+∞', '-inf': '−∞' }

/**
 * Everything that follows the pointer, drawn by us over the chart so a mouse move costs a binary
 * search per line and a small re-render of this layer only: the crosshair, every line's value at
 * that x (sorted, with colour and name), the drag-to-zoom box, and markers where values are NaN or
 * infinite (which the lines show as gaps). Keyboard: focus the plot, ←/→ move the crosshair, Enter
 * keeps nothing, Escape resets the zoom.
 */
export function ChartOverlay({
  frame,
  plot,
  lines,
  label,
  onZoom,
  onResetZoom,
  onHighlight,
}: ChartOverlayProps) {
  const xScale = useMemo(() => makeScale(frame.xDomain, [0, plot.width]), [frame.xDomain, plot.width])
  const yScale = useMemo(
    () => makeScale(frame.yDomain, [plot.height, 0], frame.yScale),
    [frame.yDomain, frame.yScale, plot.height],
  )
  const [cursor, setCursor] = useState<{ px: number; py: number } | undefined>(undefined)
  const [drag, setDrag] = useState<{ from: number; to: number } | undefined>(undefined)
  const hoverLines = useMemo(() => lines.filter((line) => line.faint !== true), [lines])

  const rows = useMemo(
    () =>
      cursor === undefined ? [] : rowsAt(hoverLines, xScale.fromPixel(cursor.px), tolerance(frame, plot)),
    [cursor, hoverLines, xScale, frame, plot],
  )
  const nearest =
    cursor === undefined ? undefined : nearestLine(rows, cursor.py, yScale.toPixel, HIGHLIGHT_PX)
  const nearestPath = useMemo(() => {
    const line = hoverLines.find((candidate) => candidate.id === nearest)
    return line === undefined
      ? undefined
      : { line, d: linePath(line.points, frame.xDomain, frame.yScale, { x: xScale, y: yScale }) }
  }, [hoverLines, nearest, frame, xScale, yScale])

  // Where the plot is on the page, read once per visit: reading it per mouse move forces a layout.
  const boxRef = useRef<DOMRect | null>(null)
  const shareTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(
    () => () => {
      clearTimeout(shareTimer.current)
    },
    [],
  )

  const point = (event: MouseEvent<HTMLDivElement>) => {
    const box = boxRef.current ?? event.currentTarget.getBoundingClientRect()
    boxRef.current = box
    return {
      px: Math.min(Math.max(event.clientX - box.left, 0), plot.width),
      py: Math.min(Math.max(event.clientY - box.top, 0), plot.height),
    }
  }

  const move = (next: { px: number; py: number } | undefined) => {
    setCursor(next)
    const id =
      next === undefined
        ? undefined
        : nearestLine(
            rowsAt(hoverLines, xScale.fromPixel(next.px), tolerance(frame, plot)),
            next.py,
            yScale.toPixel,
            HIGHLIGHT_PX,
          )
    const highlightId = hoverLines.find((line) => line.id === id)?.highlightId
    clearTimeout(shareTimer.current)
    if (next === undefined) onHighlight(undefined)
    else
      shareTimer.current = setTimeout(() => {
        onHighlight(highlightId)
      }, SHARE_HIGHLIGHT_MS)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      onResetZoom()
      return
    }
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return
    event.preventDefault()
    const stepPx = event.shiftKey ? plot.width / 10 : plot.width / 100
    const px = (cursor?.px ?? plot.width / 2) + (event.key === 'ArrowLeft' ? -stepPx : stepPx)
    move({ px: Math.min(Math.max(px, 0), plot.width), py: plot.height / 2 })
  }

  const finishDrag = () => {
    if (drag === undefined) return
    setDrag(undefined)
    const [from, to] = drag.from < drag.to ? [drag.from, drag.to] : [drag.to, drag.from]
    if (to - from < MIN_DRAG_PX) return
    onZoom({ start: xScale.fromPixel(from), end: xScale.fromPixel(to) })
  }

  const hoverX = rows[0]?.x
  const tooltipLeft = cursor !== undefined && cursor.px > plot.width / 2

  return (
    <div
      className="chart-overlay"
      style={{ left: plot.left, top: plot.top, width: plot.width, height: plot.height }}
      role="img"
      tabIndex={0}
      aria-label={`${label}. Drag to zoom, double-click or Escape to reset, arrow keys to read values.`}
      onMouseMove={(event) => {
        const next = point(event)
        move(next)
        if (drag !== undefined) setDrag({ from: drag.from, to: next.px })
      }}
      onMouseEnter={(event) => {
        boxRef.current = event.currentTarget.getBoundingClientRect()
      }}
      onMouseLeave={() => {
        boxRef.current = null
        move(undefined)
        setDrag(undefined)
      }}
      onMouseDown={(event) => {
        if (event.button !== 0) return
        event.preventDefault()
        const { px } = point(event)
        setDrag({ from: px, to: px })
      }}
      onMouseUp={finishDrag}
      onDoubleClick={onResetZoom}
      onKeyDown={onKeyDown}
      onBlur={() => {
        move(undefined)
      }}
    >
      <svg className="chart-overlay-svg" width={plot.width} height={plot.height} aria-hidden="true">
        <Markers lines={lines} toX={xScale.toPixel} height={plot.height} width={plot.width} />
        {nearestPath !== undefined && (
          <path
            className="chart-nearest-line"
            d={nearestPath.d}
            stroke={nearestPath.line.color}
            strokeDasharray={nearestPath.line.dash}
          />
        )}
        {cursor !== undefined && hoverX !== undefined && (
          <line
            className="chart-crosshair"
            x1={xScale.toPixel(hoverX)}
            x2={xScale.toPixel(hoverX)}
            y1={0}
            y2={plot.height}
          />
        )}
        {rows.map((row) =>
          Number.isFinite(row.y) && row.y >= frame.yDomain[0] && row.y <= frame.yDomain[1] ? (
            <circle
              key={row.line.id}
              cx={xScale.toPixel(row.x)}
              cy={yScale.toPixel(row.y)}
              r={row.line.id === nearest ? 4 : 3}
              fill={row.line.color}
              stroke="var(--surface)"
            />
          ) : null,
        )}
        {drag !== undefined && Math.abs(drag.to - drag.from) >= MIN_DRAG_PX && (
          <rect
            className="chart-zoom-box"
            x={Math.min(drag.from, drag.to)}
            width={Math.abs(drag.to - drag.from)}
            y={0}
            height={plot.height}
          />
        )}
      </svg>
      {cursor !== undefined && hoverX !== undefined && drag === undefined && (
        <div
          className="chart-tooltip"
          role="status"
          style={
            tooltipLeft ? { right: plot.width - cursor.px + 12, top: 4 } : { left: cursor.px + 12, top: 4 }
          }
        >
          <div className="chart-tooltip-x">{formatXValue(hoverX, frame.xAxis)}</div>
          <ul>
            {rows.slice(0, 20).map((row) => (
              <li key={row.line.id} className={row.line.id === nearest ? 'is-nearest' : undefined}>
                <span className="swatch" style={{ background: row.line.color }} />
                <span className="chart-tooltip-name">{row.line.label}</span>
                <span className="chart-tooltip-value">{formatMetricValue(row.y)}</span>
              </li>
            ))}
            {rows.length > 20 && <li className="muted">and {rows.length - 20} more</li>}
          </ul>
        </div>
      )}
    </div>
  )
}

/** Four pixels in x units: how far past its ends a line still answers for the cursor. */
function tolerance(frame: ChartFrame, plot: PlotArea): number {
  return ((frame.xDomain[1] - frame.xDomain[0]) / plot.width) * 4
}

/** A tick under the plot for every NaN, over it for +∞ and under for −∞, in the line's colour. */
const Markers = memo(function Markers({
  lines,
  toX,
  height,
  width,
}: {
  lines: readonly ChartLine[]
  toX: (x: number) => number
  height: number
  width: number
}) {
  const markers = lines.flatMap((line) =>
    line.faint === true ? [] : nonFiniteMarkers(line.points).map((marker) => ({ marker, line })),
  )
  return (
    <g className="chart-markers">
      {markers.slice(0, 500).map(({ marker, line }, index) => {
        const x = toX(marker.x)
        if (x < 0 || x > width) return null
        const y = marker.kind === 'inf' ? 0 : height - 8
        return (
          <path
            key={`${line.id}:${index}`}
            d={`M${x - 4},${y} L${x + 4},${y} L${x},${marker.kind === 'inf' ? y + 7 : y + 8} Z`}
            fill={line.color}
            stroke="var(--danger)"
            strokeWidth={1}
          >
            <title>{`${line.label}: ${MARKER_TEXT[marker.kind]} at ${String(marker.x)}`}</title>
          </path>
        )
      })}
    </g>
  )
})

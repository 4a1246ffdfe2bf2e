/** Axis ticks and hover labels for the three x axes. */

import { formatDateTime, formatDuration } from '../format/format-time'
import type { ChartXAxis } from './chart-view'

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 })

/** A tick: "12k" steps, "3m 05s" since start, or "09:41:05" on the clock. */
export function formatXTick(x: number, xAxis: ChartXAxis): string {
  if (xAxis === 'step') return Math.abs(x) >= 10_000 ? compact.format(x) : String(Math.round(x * 100) / 100)
  if (xAxis === 'relative') return formatDuration(x)
  return formatDateTime(x).slice(11)
}

/** The exact x for a hover label: "step 61,803", "3m 05s", "2026-01-05 09:41:05". */
export function formatXValue(x: number, xAxis: ChartXAxis): string {
  if (xAxis === 'step') return `step ${Math.round(x).toLocaleString('en')}`
  if (xAxis === 'relative') return formatDuration(x)
  return formatDateTime(x)
}

export const X_AXIS_LABELS: Record<ChartXAxis, string> = {
  step: 'Step',
  relative: 'Relative time',
  wall: 'Wall time',
}

import type { XY } from './chart-series'
import type { ChartXAxis } from './chart-view'
import type { MetricColumns } from './metric-point'

/**
 * A columnar history as chart points on the given x axis, sorted by x (the server orders by
 * timestamp, so steps can come out of order; the sort then keeps equal x in server order). Relative
 * time counts from the history's first timestamp.
 */
export function columnsToChartPoints({ steps, timestamps, values }: MetricColumns, xAxis: ChartXAxis): XY[] {
  const xs = xAxis === 'step' ? steps : timestamps
  let origin = 0
  if (xAxis === 'relative') {
    origin = Number.POSITIVE_INFINITY
    for (const timestamp of timestamps) origin = Math.min(origin, timestamp)
  }
  const points: XY[] = new Array<XY>(values.length)
  let sorted = true
  for (let i = 0; i < values.length; i++) {
    const x = (xs[i] ?? 0) - origin
    points[i] = { x, y: values[i] ?? Number.NaN }
    if (i > 0 && x < (points[i - 1]?.x ?? x)) sorted = false
  }
  // Array.prototype.sort is stable, so equal x keep the server's order.
  return sorted ? points : points.sort((a, b) => a.x - b.x)
}

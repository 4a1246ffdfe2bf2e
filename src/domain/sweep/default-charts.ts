/**
 * The charts a sweep view starts with when the URL names none: the parallel coordinates of the
 * params that vary and the main metric, a scatter of the param that matters most against the main
 * metric, the params' importance, and the main metric's history.
 */

import { chartableMetrics } from '../metrics/chart-defaults'
import type { Run } from '../runs/run'
import { collectRunKeys } from '../runs/run-columns'
import { paramImportance } from './importance'
import type { SweepChartConfig } from './sweep-chart'
import { columnValues, detectAxisKind, numericValue } from './sweep-values'

/** Axes of the first parallel coordinates: more than this many params get the most important ones. */
export const MAX_DEFAULT_AXES = 8

const PREFERENCES: readonly RegExp[] = [/^val(idation)?[_\-/.]/i, /acc/i, /loss/i]

/**
 * The metric a sweep is most likely tuned for: the first named like `val_*`, else like accuracy,
 * else like loss, else the first (MLflow's `system/` metrics last). Undefined when no run has one.
 */
export function mainMetricKey(runs: readonly Run[]): string | undefined {
  const metrics = chartableMetrics(runs)
  for (const preference of PREFERENCES) {
    const match = metrics.find((key) => !key.startsWith('system/') && preference.test(key))
    if (match !== undefined) return match
  }
  return metrics[0]
}

/** Params with at least two distinct values among the runs, in natural order. */
export function varyingParams(runs: readonly Run[]): string[] {
  return collectRunKeys(runs).params.filter((key) => {
    let seen: string | undefined
    for (const run of runs) {
      const value = run.params[key]
      if (value === undefined) continue
      if (seen === undefined) seen = value
      else if (seen !== value) return true
    }
    return false
  })
}

/** A numeric column whose positive values span two decades or more reads better on a log axis. */
export function prefersLogScale(runs: readonly Run[], id: string): boolean {
  const values = columnValues(runs, id)
  if (detectAxisKind(values) !== 'numeric') return false
  let min = Number.POSITIVE_INFINITY
  let max = 0
  for (const value of values) {
    const number = numericValue(value)
    if (number === undefined) continue
    if (number <= 0) return false
    min = Math.min(min, number)
    max = Math.max(max, number)
  }
  return Number.isFinite(min) && max / min >= 100
}

export function defaultSweepCharts(runs: readonly Run[]): SweepChartConfig[] {
  const metric = mainMetricKey(runs)
  const varying = varyingParams(runs)
  const ranked = metric === undefined ? [] : paramImportance(runs, metric).map((row) => row.param)
  const rankedVarying = [
    ...ranked.filter((key) => varying.includes(key)),
    ...varying.filter((key) => !ranked.includes(key)),
  ]
  const axisParams =
    varying.length <= MAX_DEFAULT_AXES
      ? varying
      : varying.filter((key) => rankedVarying.slice(0, MAX_DEFAULT_AXES).includes(key))
  const metricId = metric === undefined ? undefined : `metrics.${metric}`
  const charts: SweepChartConfig[] = []
  const axes = [...axisParams.map((key) => `params.${key}`), ...(metricId === undefined ? [] : [metricId])]
  if (axes.length >= 2) charts.push({ type: 'parallel', id: 'default-parallel', axes, colorBy: metricId })
  const top = rankedVarying[0]
  if (metric !== undefined && metricId !== undefined && top !== undefined) {
    const x = `params.${top}`
    charts.push({
      type: 'scatter',
      id: 'default-scatter',
      x,
      y: metricId,
      xLog: prefersLogScale(runs, x),
      yLog: false,
      trend: false,
    })
  }
  if (metric !== undefined && varying.length > 0)
    charts.push({ type: 'importance', id: 'default-importance', metricKey: metric })
  if (metric !== undefined) charts.push({ type: 'line', id: 'default-line', metricKeys: [metric] })
  return charts
}

/**
 * A new chart of a type, filled in for these runs as the defaults would (main metric, the param that
 * matters most); fields it cannot fill are left empty for the user to pick.
 */
export function newSweepChart(
  type: SweepChartConfig['type'],
  runs: readonly Run[],
  id: string,
): SweepChartConfig {
  const metric = mainMetricKey(runs) ?? ''
  const varying = varyingParams(runs)
  const ranked = metric === '' ? [] : paramImportance(runs, metric).map((row) => row.param)
  const top = ranked[0] ?? varying[0] ?? ''
  switch (type) {
    case 'line':
      return { type, id, metricKeys: metric === '' ? [] : [metric] }
    case 'bar':
      return { type, id, metricKey: metric, aggregate: 'latest' }
    case 'scatter': {
      const x = top === '' ? 'attributes.start_time' : `params.${top}`
      const y = metric === '' ? 'attributes.duration' : `metrics.${metric}`
      return { type, id, x, y, xLog: prefersLogScale(runs, x), yLog: false, trend: false }
    }
    case 'parallel':
      return {
        type,
        id,
        axes: [
          ...varying.slice(0, MAX_DEFAULT_AXES).map((key) => `params.${key}`),
          ...(metric === '' ? [] : [`metrics.${metric}`]),
        ],
        colorBy: metric === '' ? undefined : `metrics.${metric}`,
      }
    case 'box':
      return { type, id, metricKey: metric, paramKey: top }
    case 'importance':
      return { type, id, metricKey: metric }
  }
}

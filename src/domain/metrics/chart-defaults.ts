/** Which metrics the compare page charts when the URL does not say. */

import type { Run } from '../runs/run'
import { collectRunKeys } from '../runs/run-columns'

/** Charts shown by default. */
const DEFAULT_CHART_COUNT = 6
const SYSTEM_PREFIX = 'system/'

/** Every metric key of the runs, in natural order, MLflow's system metrics last. */
export function chartableMetrics(runs: readonly Run[]): string[] {
  const { metrics } = collectRunKeys(runs)
  return [
    ...metrics.filter((key) => !key.startsWith(SYSTEM_PREFIX)),
    ...metrics.filter((key) => key.startsWith(SYSTEM_PREFIX)),
  ]
}

/** Keys logged as histories (a step past 0) by the most runs come first; system metrics last. */
export function defaultChartMetrics(runs: readonly Run[], available: readonly string[]): string[] {
  const score = (key: string) => {
    let runsWithKey = 0
    let history = 0
    for (const run of runs) {
      const metric = run.metrics[key]
      if (metric === undefined) continue
      runsWithKey++
      if (metric.step > 0) history++
    }
    return { runsWithKey, history, system: key.startsWith(SYSTEM_PREFIX) ? 1 : 0 }
  }
  const scores = new Map(available.map((key) => [key, score(key)]))
  return [...available]
    .sort((a, b) => {
      const sa = scores.get(a)
      const sb = scores.get(b)
      if (sa === undefined || sb === undefined) return 0
      return sa.system - sb.system || sb.history - sa.history || sb.runsWithKey - sa.runsWithKey
    })
    .slice(0, DEFAULT_CHART_COUNT)
}

/** The metrics charted for this view: the URL's list, or the defaults. */
export function chartedMetrics(
  runs: readonly Run[],
  fromUrl: readonly string[] | undefined,
): readonly string[] {
  return fromUrl ?? defaultChartMetrics(runs, chartableMetrics(runs))
}

/**
 * Which params matter for a metric. For a numeric param: Pearson's |r| (linear) and Spearman's |ρ|
 * (monotone, so a log-spaced learning rate counts fully), the score being the larger; for a
 * categorical param: the correlation ratio η = sqrt(between-group sum of squares / total sum of
 * squares). All three lie in 0..1, so the params rank together. Params with a single value among the
 * runs that have the metric say nothing and are left out.
 */

import type { Run } from '../runs/run'
import { collectRunKeys } from '../runs/run-columns'
import { detectAxisKind, numericValue } from './sweep-values'

export interface ParamImportance {
  readonly param: string
  readonly kind: 'numeric' | 'categorical'
  /** 0..1: max(|pearson|, |spearman|) for numeric params, η for categorical ones. */
  readonly score: number
  /** Numeric params only; signed. */
  readonly pearson: number | undefined
  readonly spearman: number | undefined
  /** Categorical params only. */
  readonly eta: number | undefined
  /** Numeric params: whether the metric rises (1) or falls (-1) with the param (Spearman's sign). */
  readonly direction: 1 | -1 | 0
  /** Runs with both a value of the param and a finite value of the metric. */
  readonly n: number
  /** Distinct values of the param among them. */
  readonly distinct: number
}

/** Pearson's correlation of two equally long lists; 0 when either is constant. */
export function pearson(xs: readonly number[], ys: readonly number[]): number {
  const n = Math.min(xs.length, ys.length)
  if (n < 2) return 0
  let sumX = 0
  let sumY = 0
  for (let index = 0; index < n; index++) {
    sumX += xs[index] ?? 0
    sumY += ys[index] ?? 0
  }
  const meanX = sumX / n
  const meanY = sumY / n
  let sxx = 0
  let syy = 0
  let sxy = 0
  for (let index = 0; index < n; index++) {
    const dx = (xs[index] ?? 0) - meanX
    const dy = (ys[index] ?? 0) - meanY
    sxx += dx * dx
    syy += dy * dy
    sxy += dx * dy
  }
  if (sxx === 0 || syy === 0) return 0
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)))
}

/** Ranks 1..n, ties sharing their average rank. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((_, index) => index).sort((a, b) => (values[a] ?? 0) - (values[b] ?? 0))
  const ranks = new Array<number>(values.length).fill(0)
  let start = 0
  while (start < order.length) {
    let end = start
    const value = values[order[start] ?? 0]
    while (end + 1 < order.length && values[order[end + 1] ?? 0] === value) end += 1
    const rank = (start + end) / 2 + 1
    for (let position = start; position <= end; position++) ranks[order[position] ?? 0] = rank
    start = end + 1
  }
  return ranks
}

/** Spearman's ρ: Pearson's r of the ranks (ties averaged). */
export function spearman(xs: readonly number[], ys: readonly number[]): number {
  return pearson(averageRanks(xs), averageRanks(ys))
}

/** The correlation ratio η of values grouped by a key; 0 when the values are constant. */
export function correlationRatio(keys: readonly string[], values: readonly number[]): number {
  const n = Math.min(keys.length, values.length)
  if (n === 0) return 0
  let total = 0
  const groups = new Map<string, { sum: number; count: number }>()
  for (let index = 0; index < n; index++) {
    const key = keys[index] ?? ''
    const value = values[index] ?? 0
    total += value
    const group = groups.get(key) ?? { sum: 0, count: 0 }
    group.sum += value
    group.count += 1
    groups.set(key, group)
  }
  const mean = total / n
  let ssTotal = 0
  for (let index = 0; index < n; index++) ssTotal += ((values[index] ?? 0) - mean) ** 2
  if (ssTotal === 0) return 0
  let ssBetween = 0
  for (const group of groups.values()) ssBetween += group.count * (group.sum / group.count - mean) ** 2
  return Math.sqrt(Math.min(1, ssBetween / ssTotal))
}

/**
 * The params of the runs ranked by how strongly they go with the metric's latest value, strongest
 * first (ties by name). Runs without a finite metric value are left out.
 */
export function paramImportance(runs: readonly Run[], metricKey: string): ParamImportance[] {
  const withMetric = runs.filter((run) => Number.isFinite(run.metrics[metricKey]?.value ?? Number.NaN))
  const rows: ParamImportance[] = []
  for (const param of collectRunKeys(withMetric).params) {
    const texts: string[] = []
    const metrics: number[] = []
    for (const run of withMetric) {
      const text = run.params[param]
      const metric = run.metrics[metricKey]?.value
      if (text === undefined || metric === undefined) continue
      texts.push(text)
      metrics.push(metric)
    }
    const distinct = new Set(texts).size
    if (distinct < 2) continue
    const n = texts.length
    if (detectAxisKind(texts) === 'numeric') {
      const numbers = texts.map((text) => numericValue(text) ?? 0)
      const r = pearson(numbers, metrics)
      const rho = spearman(numbers, metrics)
      rows.push({
        param,
        kind: 'numeric',
        score: Math.max(Math.abs(r), Math.abs(rho)),
        pearson: r,
        spearman: rho,
        eta: undefined,
        direction: rho > 0 ? 1 : rho < 0 ? -1 : 0,
        n,
        distinct,
      })
    } else {
      const eta = correlationRatio(texts, metrics)
      rows.push({
        param,
        kind: 'categorical',
        score: eta,
        pearson: undefined,
        spearman: undefined,
        eta,
        direction: 0,
        n,
        distinct,
      })
    }
  }
  return rows.sort((a, b) => b.score - a.score || (a.param < b.param ? -1 : a.param > b.param ? 1 : 0))
}

/**
 * Box plots of a metric grouped by a param: five-number summaries (Tukey's boxes), and the groups
 * themselves, one per param value, or per bin of values when a numeric param has many.
 */

import type { Run } from '../runs/run'
import { compareCellValues, finiteNumberText } from '../runs/run-columns'

/**
 * The value at quantile `p` (0..1) of values sorted ascending, by linear interpolation between the
 * two nearest ranks: numpy's default (`method='linear'`), R's type 7, what pandas' `describe` prints.
 * NaN for no values.
 */
export function quantileSorted(sorted: readonly number[], p: number): number {
  const count = sorted.length
  if (count === 0) return Number.NaN
  const position = Math.min(Math.max(p, 0), 1) * (count - 1)
  const below = Math.floor(position)
  const low = sorted[below] ?? Number.NaN
  const high = sorted[Math.min(below + 1, count - 1)] ?? low
  return low + (high - low) * (position - below)
}

export interface BoxStats {
  n: number
  min: number
  q1: number
  median: number
  q3: number
  max: number
  mean: number
  /** The most extreme values within 1.5 × IQR of the box (Tukey): where the whiskers end. */
  lowerWhisker: number
  upperWhisker: number
}

/** Tukey's fences: values further than this many IQRs outside the box are outliers. */
export const OUTLIER_IQR = 1.5

/**
 * The summary of finite values (NaN and ±Infinity are left out); undefined when none is finite.
 * Quartiles by {@link quantileSorted}.
 */
export function boxStats(values: readonly number[]): BoxStats | undefined {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b)
  const n = sorted.length
  const min = sorted[0]
  const max = sorted[n - 1]
  if (min === undefined || max === undefined) return undefined
  const q1 = quantileSorted(sorted, 0.25)
  const q3 = quantileSorted(sorted, 0.75)
  const reach = OUTLIER_IQR * (q3 - q1)
  let lowerWhisker = max
  let upperWhisker = min
  let sum = 0
  for (const value of sorted) {
    sum += value
    if (value >= q1 - reach && value < lowerWhisker) lowerWhisker = value
    if (value <= q3 + reach && value > upperWhisker) upperWhisker = value
  }
  return {
    n,
    min,
    q1,
    median: quantileSorted(sorted, 0.5),
    q3,
    max,
    mean: sum / n,
    lowerWhisker,
    upperWhisker,
  }
}

export interface BoxMember {
  runId: string
  value: number
}

export interface BoxGroup {
  /** Stable within one grouping: the param value, a bin's range, or one of the special groups. */
  key: string
  /** What the axis shows: `0.01`, `0.001–0.003`, `(not set)`, `(12 other values)`. */
  label: string
  kind: 'value' | 'bin' | 'other' | 'missing'
  /** For a bin: the smallest and largest param value in it. */
  range: { min: number; max: number } | undefined
  stats: BoxStats
  /** Every run in the box, in ascending value. */
  members: readonly BoxMember[]
  /** Runs outside the whiskers, drawn as dots, in ascending value. */
  outliers: readonly BoxMember[]
}

export interface BoxPlotData {
  groups: readonly BoxGroup[]
  /** Every param value with a run is a finite number: groups are in numeric order. */
  numeric: boolean
  /** Numeric values were grouped into bins of about equal counts (quantile bins). */
  binned: boolean
  /** Runs with the param but without a finite value of the metric (absent, NaN, ±Infinity). */
  skipped: number
}

export interface BoxGroupOptions {
  /** The most boxes: more distinct numeric values are binned, more categories fold into "other". */
  maxGroups?: number
}

export const DEFAULT_MAX_BOX_GROUPS = 12

export const MISSING_GROUP_KEY = '\u0000missing'
export const OTHER_GROUP_KEY = '\u0000other'

interface Entry {
  runId: string
  value: number
  param: string
  /** The param as a finite number, when it is one. */
  number: number | undefined
}

function groupOf(
  entries: readonly Entry[],
  key: string,
  label: string,
  kind: BoxGroup['kind'],
  range?: BoxGroup['range'],
): BoxGroup | undefined {
  const stats = boxStats(entries.map((entry) => entry.value))
  if (stats === undefined) return undefined
  const members = entries.map(({ runId, value }) => ({ runId, value })).sort((a, b) => a.value - b.value)
  const outliers = members.filter(
    (member) => member.value < stats.lowerWhisker || member.value > stats.upperWhisker,
  )
  return { key, label, kind, range, stats, members, outliers }
}

function rangeLabel(low: Entry, high: Entry): string {
  return low.number === high.number ? low.param : `${low.param}–${high.param}`
}

/**
 * Numeric param values in bins of about equal run counts (quantile bins). Equal values always share
 * a bin, so a value held by many runs makes its bin bigger (the bins after it split what is left),
 * and there can be fewer bins than asked.
 */
function numericBins(entries: readonly Entry[], bins: number): BoxGroup[] {
  const sorted = [...entries].sort((a, b) => (a.number ?? 0) - (b.number ?? 0))
  const groups: BoxGroup[] = []
  let start = 0
  let bin = 0
  for (let index = 0; index < sorted.length; index++) {
    const current = sorted[index]
    const next = sorted[index + 1]
    // A bin closes at a change of value once it holds its share of the runs not yet binned.
    const share = (sorted.length - start) / Math.max(bins - bin, 1)
    if (next !== undefined && (next.number === current?.number || index + 1 - start < share)) continue
    const members = sorted.slice(start, index + 1)
    const low = members[0]
    const high = members[members.length - 1]
    if (low !== undefined && high !== undefined) {
      const range = { min: low.number ?? 0, max: high.number ?? 0 }
      const group = groupOf(members, `${range.min}|${range.max}`, rangeLabel(low, high), 'bin', range)
      if (group !== undefined) groups.push(group)
    }
    start = index + 1
    bin++
  }
  return groups
}

function byValue(entries: readonly Entry[], keyOf: (entry: Entry) => string): Map<string, Entry[]> {
  const groups = new Map<string, Entry[]>()
  for (const entry of entries) {
    const key = keyOf(entry)
    const members = groups.get(key)
    if (members === undefined) groups.set(key, [entry])
    else members.push(entry)
  }
  return groups
}

/**
 * One box per value of `paramKey`, over the runs' latest `metricKey`. Numeric params are in numeric
 * order (`2` before `10`; `0.1` and `1e-1` are one value), binned into about `maxGroups` quantile
 * bins when they have more distinct values than that. Other params are in natural order; past
 * `maxGroups` the rarest values fold into one "(N other values)" box. Runs without the param form a
 * last "(not set)" box. Runs without a finite metric value are left out and counted in `skipped`.
 */
export function boxGroups(
  runs: readonly Run[],
  metricKey: string,
  paramKey: string,
  { maxGroups = DEFAULT_MAX_BOX_GROUPS }: BoxGroupOptions = {},
): BoxPlotData {
  const entries: Entry[] = []
  const missing: Entry[] = []
  let skipped = 0
  for (const run of runs) {
    const value = run.metrics[metricKey]?.value
    const param = run.params[paramKey]
    if (value === undefined || !Number.isFinite(value)) {
      skipped++
      continue
    }
    if (param === undefined) missing.push({ runId: run.info.runId, value, param: '', number: undefined })
    else entries.push({ runId: run.info.runId, value, param, number: finiteNumberText(param) })
  }
  const limit = Math.max(Math.floor(maxGroups), 1)
  const numeric = entries.length > 0 && entries.every((entry) => entry.number !== undefined)
  let groups: BoxGroup[]
  let binned = false
  if (numeric) {
    const distinct = byValue(entries, (entry) => String(entry.number))
    if (distinct.size > limit) {
      binned = true
      groups = numericBins(entries, limit)
    } else {
      groups = [...distinct.values()]
        .sort((a, b) => (a[0]?.number ?? 0) - (b[0]?.number ?? 0))
        .flatMap((members) => {
          const first = members[0]
          if (first === undefined) return []
          return groupOf(members, String(first.number), first.param, 'value') ?? []
        })
    }
  } else {
    const distinct = [...byValue(entries, (entry) => entry.param)]
    let kept = distinct
    let rest: [string, Entry[]][] = []
    if (distinct.length > limit) {
      // The most common values keep a box (ties: natural order); the rest share one.
      const byCount = [...distinct].sort((a, b) => b[1].length - a[1].length || compareCellValues(a[0], b[0]))
      kept = byCount.slice(0, limit - 1)
      rest = byCount.slice(limit - 1)
    }
    groups = kept
      .sort((a, b) => compareCellValues(a[0], b[0]))
      .flatMap(([param, members]) => groupOf(members, param, param, 'value') ?? [])
    if (rest.length > 0) {
      const other = groupOf(
        rest.flatMap(([, members]) => members),
        OTHER_GROUP_KEY,
        `(${rest.length} other values)`,
        'other',
      )
      if (other !== undefined) groups.push(other)
    }
  }
  const notSet = groupOf(missing, MISSING_GROUP_KEY, '(not set)', 'missing')
  if (notSet !== undefined) groups.push(notSet)
  return { groups, numeric, binned, skipped }
}

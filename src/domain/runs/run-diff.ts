/**
 * The parameter diff of the compare page: runs as columns, keys as rows, in sections. A row
 * "differs" when its values are not all the same; a missing value differs from any present one.
 *
 * Against a baseline run (the first unless the user picks another), every other run's cell says
 * how it differs: for text, 'same' / 'changed' / 'added' (only the other run has a value) /
 * 'removed' (only the baseline has one); for numbers, also the delta (other − baseline) and, where
 * the metric's name or the user says which way is better, whether that delta is better or worse.
 */

import { formatMetricValue } from '../format/format-number'
import { formatDateTime, formatDuration } from '../format/format-time'
import { effectiveDirection, type MetricDirection } from '../metrics/metric-direction'
import { SYSTEM_TAGS, type Run } from './run'
import { cellValue, collectRunKeys, type CellValue } from './run-columns'

export type DiffSection = 'params' | 'metrics' | 'system' | 'tags' | 'attributes'

export const DIFF_SECTIONS: readonly DiffSection[] = ['params', 'metrics', 'system', 'tags', 'attributes']

export const DIFF_SECTION_TITLES: Record<DiffSection, string> = {
  params: 'Parameters',
  metrics: 'Metrics (latest)',
  system: 'System metrics (latest)',
  tags: 'Tags',
  attributes: 'Attributes',
}

/** How a row's values read: text as logged, a metric value, a length of time, or a moment. */
export type DiffValueKind = 'text' | 'metric' | 'duration' | 'time'

/** Which value of a metric's history a metric row holds; undefined = the latest. */
export type MetricStat = 'min' | 'max'

export interface DiffRow {
  readonly section: DiffSection
  /** The key as logged, or an attribute's label. */
  readonly key: string
  readonly kind: DiffValueKind
  /** Set on the min and max rows that follow a metric's latest row. */
  readonly stat?: MetricStat
  /** One value per run, in the runs' order; undefined = missing. */
  readonly values: readonly CellValue[]
  /** min/max rows: per run, whether the value comes from a stride sample of the history. */
  readonly sampled?: readonly boolean[]
  /** min/max rows: per run, whether the value is still being loaded by the charts. */
  readonly pending?: readonly boolean[]
  readonly differs: boolean
}

/** MLflow's system metrics (GPU, CPU, memory) are logged under this prefix. */
const SYSTEM_PREFIX = 'system/'

const ATTRIBUTES: readonly { key: string; kind: DiffValueKind; read: (run: Run) => CellValue }[] = [
  { key: 'Status', kind: 'text', read: (run) => run.info.status },
  { key: 'Started', kind: 'time', read: (run) => run.info.startTime },
  {
    key: 'Duration',
    kind: 'duration',
    read: (run) => cellValue(run, { group: 'attributes', key: 'duration' }),
  },
  { key: 'User', kind: 'text', read: (run) => cellValue(run, { group: 'attributes', key: 'user' }) },
  { key: 'Source', kind: 'text', read: (run) => run.tags[SYSTEM_TAGS.sourceName] },
  { key: 'Git commit', kind: 'text', read: (run) => run.tags[SYSTEM_TAGS.gitCommit] },
]

function same(a: CellValue, b: CellValue): boolean {
  // NaN is the same as NaN here: two runs that both diverged do not differ.
  return a === b || (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b))
}

function anyDiffers(values: readonly CellValue[]): boolean {
  const [first] = values
  return values.some((value) => !same(value, first))
}

function row(section: DiffSection, key: string, kind: DiffValueKind, values: CellValue[]): DiffRow {
  return { section, key, kind, values, differs: anyDiffers(values) }
}

/** Every row of the diff, section by section, keys in natural order. */
export function diffRuns(runs: readonly Run[]): DiffRow[] {
  const keys = collectRunKeys(runs)
  const rows: DiffRow[] = []
  for (const key of keys.params)
    rows.push(
      row(
        'params',
        key,
        'text',
        runs.map((run) => run.params[key]),
      ),
    )
  for (const key of keys.metrics) {
    const section = key.startsWith(SYSTEM_PREFIX) ? 'system' : 'metrics'
    rows.push(
      row(
        section,
        key,
        'metric',
        runs.map((run) => run.metrics[key]?.value),
      ),
    )
  }
  for (const key of keys.tags)
    rows.push(
      row(
        'tags',
        key,
        'text',
        runs.map((run) => run.tags[key]),
      ),
    )
  for (const attribute of ATTRIBUTES)
    rows.push(
      row(
        'attributes',
        attribute.key,
        attribute.kind,
        runs.map((run) => attribute.read(run)),
      ),
    )
  return DIFF_SECTIONS.flatMap((section) => rows.filter((candidate) => candidate.section === section))
}

/** Unique among the rows of one diff. */
export function diffRowId(row: DiffRow): string {
  return row.stat === undefined ? `${row.section}:${row.key}` : `${row.section}:${row.key}:${row.stat}`
}

/** `lr`, `loss`, `loss · min`. */
export function diffRowLabel(row: DiffRow): string {
  return row.stat === undefined ? row.key : `${row.key} · ${row.stat}`
}

/**
 * A metric's extremes over the history the charts loaded. `sampled`: the history was a stride
 * sample of the full one, which can step over the true min or max.
 */
export interface MetricRange {
  readonly min: number
  readonly max: number
  readonly sampled: boolean
}

/** metricKey -> runId -> range. A metric key absent here has no history loaded yet. */
export type MetricRanges = ReadonlyMap<string, ReadonlyMap<string, MetricRange>>

/**
 * The rows with a min and a max row after each metric row whose key has ranges; a run without a
 * range for that key is missing in both.
 */
export function addRangeRows(
  rows: readonly DiffRow[],
  runIds: readonly string[],
  ranges: MetricRanges | undefined,
): DiffRow[] {
  if (ranges === undefined || ranges.size === 0) return [...rows]
  return rows.flatMap((latest) => {
    const byRun = latest.kind === 'metric' && latest.stat === undefined ? ranges.get(latest.key) : undefined
    if (byRun === undefined) return [latest]
    const perRun = runIds.map((runId) => byRun.get(runId))
    const sampled = perRun.map((range) => range?.sampled ?? false)
    // A run that has the metric but no range yet: its chart is still loading.
    const pending = perRun.map((range, index) => range === undefined && latest.values[index] !== undefined)
    const loading = pending.some(Boolean)
    const statRow = (stat: MetricStat): DiffRow => {
      const values = perRun.map((range) => range?.[stat])
      // While loading, a row folds or shows as its latest row does, so it does not jump when data lands.
      return {
        ...latest,
        stat,
        values,
        sampled,
        pending,
        differs: loading ? latest.differs : anyDiffers(values),
      }
    }
    return [latest, statRow('min'), statRow('max')]
  })
}

/** The index of the baseline run: the one picked, or the first when none is or it is not compared. */
export function baselineIndex(runIds: readonly string[], baselineId: string | undefined): number {
  const index = baselineId === undefined ? -1 : runIds.indexOf(baselineId)
  return index === -1 ? 0 : index
}

export type ChangeKind = 'same' | 'changed' | 'added' | 'removed'

/** How a numeric change reads given the metric's better direction. */
export type Verdict = 'better' | 'worse' | 'same'

/** One run's cell against the baseline's cell in the same row. */
export interface CellComparison {
  readonly change: ChangeKind
  /** Other − baseline, when both are finite numbers in a metric or duration row. */
  readonly delta?: number
  /** delta / |baseline|, when there is a delta and the baseline is not 0. */
  readonly relative?: number
  /** 'same' for a zero delta; otherwise set only when the row has a better direction. */
  readonly verdict?: Verdict
  /**
   * Both are texts that differ as text but read as the same number (`0.01` and `1e-2`). MLflow
   * stores params as strings, and code that reads them may not parse them, so such a pair still
   * counts as changed (and the row as differing); this only lets the cell say "same value".
   */
  readonly sameNumber?: boolean
}

/** One per run, in the runs' order; undefined at the baseline. */
export type RowComparison = readonly (CellComparison | undefined)[]

/** A plain decimal number as Python or MLflow would print it: `3`, `-0.5`, `1e-2`, `.5`; not `0x10`. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i

/** The number a text reads as, or undefined when it is not a plain decimal number. */
export function numericText(text: string): number | undefined {
  const trimmed = text.trim()
  return DECIMAL.test(trimmed) ? Number(trimmed) : undefined
}

function changeOf(value: CellValue, base: CellValue): ChangeKind {
  if (value === undefined) return base === undefined ? 'same' : 'removed'
  if (base === undefined) return 'added'
  return same(value, base) ? 'same' : 'changed'
}

function compareCell(
  row: DiffRow,
  value: CellValue,
  base: CellValue,
  direction: MetricDirection | undefined,
): CellComparison {
  const change = changeOf(value, base)
  if (typeof value === 'string' && typeof base === 'string') {
    if (change !== 'changed') return { change }
    const number = numericText(value)
    return number !== undefined && number === numericText(base) ? { change, sameNumber: true } : { change }
  }
  const measured = row.kind === 'metric' || row.kind === 'duration'
  if (!measured || typeof value !== 'number' || typeof base !== 'number') return { change }
  if (!Number.isFinite(value) || !Number.isFinite(base)) return { change }
  const delta = value - base
  const relative = base === 0 ? undefined : delta / Math.abs(base)
  let verdict: Verdict | undefined
  if (delta === 0) verdict = 'same'
  else if (direction !== undefined) verdict = delta < 0 === (direction === 'lower') ? 'better' : 'worse'
  return { change, delta, relative, verdict }
}

/**
 * Which way is better for a row: for metric rows (latest, min and max alike), the metric's name or
 * the user's flip (`flipped` holds the keys flipped); for other rows, none.
 */
export function rowDirection(row: DiffRow, flipped: ReadonlySet<string>): MetricDirection | undefined {
  return row.kind === 'metric' ? effectiveDirection(row.key, flipped) : undefined
}

/** Each run's cell against the baseline's (the run at index `baseline`) in the same row. */
export function compareRow(
  row: DiffRow,
  baseline: number,
  direction: MetricDirection | undefined,
): RowComparison {
  const base = row.values[baseline]
  return row.values.map((value, index) =>
    index === baseline ? undefined : compareCell(row, value, base, direction),
  )
}

export interface ChangeCounts {
  readonly changed: number
  readonly added: number
  readonly removed: number
}

/**
 * How one run differs from the baseline, row by row: the "A vs B" summary of a two-run comparison.
 * Counts the rows every diff has, not the min/max rows that appear as histories load.
 */
export function countChanges(
  rows: readonly DiffRow[],
  comparisons: readonly RowComparison[],
  run: number,
): ChangeCounts {
  const counts = { changed: 0, added: 0, removed: 0 }
  rows.forEach((candidate, index) => {
    if (candidate.stat !== undefined) return
    const change = comparisons[index]?.[run]?.change
    if (change !== undefined && change !== 'same') counts[change]++
  })
  return counts
}

/** A cell's value as the table shows it; '' when missing. */
export function formatDiffValue(kind: DiffValueKind, value: CellValue): string {
  if (value === undefined) return ''
  if (typeof value === 'string') return value
  if (kind === 'time') return formatDateTime(value)
  if (kind === 'duration') return formatDuration(value)
  return formatMetricValue(value)
}

/** A cell's value as copied: numbers in full precision, times as shown. */
export function copyDiffValue(kind: DiffValueKind, value: CellValue): string | undefined {
  if (value === undefined) return undefined
  if (typeof value === 'number' && kind === 'metric') return String(value)
  return formatDiffValue(kind, value)
}

/** `12%`, `4.1%`, `0.052%`: two significant digits below 100%. */
function formatPercent(fraction: number): string {
  const percent = Math.abs(fraction * 100)
  return `${percent >= 100 ? Math.round(percent) : Number(percent.toPrecision(2))}%`
}

/**
 * A delta as the cell shows it under the value: `+0.012 (+4.1%)`, `−3m 05s (−12%)`; undefined
 * without a delta or for no change. The sign is explicit, with a true minus.
 */
export function formatDelta(kind: DiffValueKind, cell: CellComparison | undefined): string | undefined {
  if (cell?.delta === undefined || cell.delta === 0) return undefined
  const { delta, relative } = cell
  const sign = delta < 0 ? '−' : '+'
  const magnitude = kind === 'duration' ? formatDuration(Math.abs(delta)) : formatMetricValue(Math.abs(delta))
  const percent = relative === undefined ? '' : ` (${sign}${formatPercent(relative)})`
  return `${sign}${magnitude}${percent}`
}

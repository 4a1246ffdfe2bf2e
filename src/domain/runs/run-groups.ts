/**
 * The runs table grouped by one column: a header row per value with metric summaries, then (when
 * the group is expanded) its runs, flat.
 */

import { cellValue, columnId, rankCellValues, type ColumnRef } from './run-columns'
import type { Run } from './run'
import type { RunRow } from './run-tree'

/** Over finite values only. */
export interface MetricAggregate {
  readonly min: number
  readonly max: number
  readonly mean: number
  readonly count: number
}

export interface GroupRow {
  readonly kind: 'group'
  /** Stable: `${columnId}=${value ?? ''}`. */
  readonly groupId: string
  readonly column: ColumnRef
  /** undefined = "(none)": the runs without a value (an empty value counts as none). */
  readonly value: string | undefined
  readonly runs: readonly Run[]
  readonly expanded: boolean
  /** Per metric key; keys without a finite value in the group are left out. Computed on first read. */
  readonly aggregates: Readonly<Record<string, MetricAggregate>>
}

/** GroupRow rows are followed by their RunRows at depth 1 when expanded. */
export type TableRow = RunRow | GroupRow

export function groupIdOf(column: ColumnRef, value: string | undefined): string {
  return `${columnId(column)}=${value ?? ''}`
}

/** The values a run is grouped under: dataset names for `attributes.datasets`, else the cell as text. */
function groupValues(run: Run, by: ColumnRef): readonly (string | undefined)[] {
  if (by.group === 'attributes' && by.key === 'datasets') {
    const names = new Set<string>()
    for (const dataset of run.datasets) if (dataset.name !== '') names.add(dataset.name)
    return names.size === 0 ? [undefined] : [...names]
  }
  const value = cellValue(run, by)
  return [value === undefined || value === '' ? undefined : String(value)]
}

interface Accumulator {
  min: number
  max: number
  sum: number
  count: number
}

/** min, max, mean and count of the finite values of each metric in `runs`. */
export function aggregateMetrics(runs: readonly Run[]): Record<string, MetricAggregate> {
  const sums = new Map<string, Accumulator>()
  for (const run of runs) {
    const { metrics } = run
    for (const key of Object.keys(metrics)) {
      const value = metrics[key]?.value
      if (value === undefined || !Number.isFinite(value)) continue
      const sum = sums.get(key)
      if (sum === undefined) {
        sums.set(key, { min: value, max: value, sum: value, count: 1 })
        continue
      }
      if (value < sum.min) sum.min = value
      if (value > sum.max) sum.max = value
      sum.sum += value
      sum.count += 1
    }
  }
  return Object.fromEntries(
    [...sums].map(([key, { min, max, sum, count }]) => [key, { min, max, mean: sum / count, count }]),
  )
}

/** A group row whose aggregates are computed on first read: only the rows on screen pay for them. */
function groupRow(
  groupId: string,
  column: ColumnRef,
  value: string | undefined,
  runs: readonly Run[],
  expanded: boolean,
): GroupRow {
  let aggregates: Readonly<Record<string, MetricAggregate>> | undefined
  return {
    kind: 'group',
    groupId,
    column,
    value,
    runs,
    expanded,
    get aggregates() {
      aggregates ??= aggregateMetrics(runs)
      return aggregates
    },
  }
}

/**
 * Group by a param, a tag or `attributes.datasets` (a run with two datasets is in both groups; any
 * other column groups by its value as text). Groups ordered by value (`compareCellValues`),
 * "(none)" last; runs inside keep their order, flat. `collapsed` holds groupIds.
 */
export function groupRuns(runs: readonly Run[], by: ColumnRef, collapsed: ReadonlySet<string>): TableRow[] {
  const members = new Map<string | undefined, Run[]>()
  for (const run of runs) {
    for (const value of groupValues(run, by)) {
      const list = members.get(value)
      if (list === undefined) members.set(value, [run])
      else list.push(run)
    }
  }
  const values = [...members.keys()]
  const ranks = rankCellValues(values)
  const order = values.map((_, index) => index)
  // Missing values rank -1: put them after everything else.
  const sortRank = (index: number) => {
    const rank = ranks[index] ?? -1
    return rank < 0 ? Number.MAX_SAFE_INTEGER : rank
  }
  order.sort((a, b) => sortRank(a) - sortRank(b) || a - b)

  const rows: TableRow[] = []
  for (const index of order) {
    const value = values[index]
    const groupRunList = members.get(value) ?? []
    const groupId = groupIdOf(by, value)
    const expanded = !collapsed.has(groupId)
    rows.push(groupRow(groupId, by, value, groupRunList, expanded))
    if (!expanded) continue
    for (const run of groupRunList) {
      rows.push({ kind: 'run', run, depth: 1, childCount: 0, expanded: false, context: false })
    }
  }
  return rows
}

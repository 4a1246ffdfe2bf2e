/**
 * What each sweep chart shows, as CSV: RFC 4180 like the runs export (CRLF after every record,
 * quoted fields, formulas defused; see runs/runs-csv.ts). Numbers as JavaScript prints them, with
 * `NaN`, `Infinity` and `-Infinity` spelled out. Per-run charts start with the run's name (its id
 * when it has none), as the runs export does.
 */

import { parseColumnId, type ColumnRef } from '../runs/run-columns'
import { csvTextField, runsToCsv } from '../runs/runs-csv'
import type { Run } from '../runs/run'
import type { BoxGroup } from './box-stats'
import type { ParamImportance } from './importance'
import { runColumnValue } from './sweep-values'

const CRLF = '\r\n'
const RUN_NAME: ColumnRef = { group: 'attributes', key: 'run_name' }

function records(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header.map(csvTextField), ...rows].map((fields) => fields.join(',')).join(CRLF) + CRLF
}

function runName(run: Run): string {
  return run.info.runName === '' ? run.info.runId : run.info.runName
}

/** Runs and the value of each column, column ids as headers (`params.lr`, `metrics.loss`). */
function runColumnsCsv(runs: readonly Run[], ids: readonly string[]): string {
  const refs = ids.map((id) => parseColumnId(id))
  const csv = runsToCsv(runs, [RUN_NAME, ...refs.flatMap((ref) => ref ?? [])])
  // runsToCsv heads attributes with their labels ("Run", "Started"); the charts name columns by id.
  const header = ['run', ...ids.filter((_, index) => refs[index] !== undefined)]
  return records(header, []) + csv.slice(csv.indexOf(CRLF) + CRLF.length)
}

export interface BarCsvRow {
  run: Run
  value: number
}

/** `run,<valueLabel>`: one record per bar, in the order drawn. */
export function barCsv(rows: readonly BarCsvRow[], valueLabel: string): string {
  return records(
    ['run', valueLabel],
    rows.map(({ run, value }) => [csvTextField(runName(run)), String(value)]),
  )
}

/** `run,<x>,<y>`: the runs that have both values (the points drawn). */
export function scatterCsv(runs: readonly Run[], x: string, y: string): string {
  const drawn = runs.filter(
    (run) => runColumnValue(run, x) !== undefined && runColumnValue(run, y) !== undefined,
  )
  return runColumnsCsv(drawn, [x, y])
}

/** `run,<axis>,<axis>...`: every run, an empty field where it has no value on an axis. */
export function parallelCsv(runs: readonly Run[], axes: readonly string[]): string {
  return runColumnsCsv(runs, axes)
}

/**
 * `<param column>,n,min,q1,median,q3,max,outliers`: one record per box, in the order drawn; a bin
 * is named by its range (`0.001–0.003`).
 */
export function boxCsv(groups: readonly BoxGroup[], paramColumn: string): string {
  return records(
    [paramColumn, 'n', 'min', 'q1', 'median', 'q3', 'max', 'outliers'],
    groups.map(({ label, stats, outliers }) => [
      csvTextField(label),
      String(stats.n),
      String(stats.min),
      String(stats.q1),
      String(stats.median),
      String(stats.q3),
      String(stats.max),
      String(outliers.length),
    ]),
  )
}

/** Which statistic a row's score is: Pearson's |r|, Spearman's |ρ| or the correlation ratio η. */
export type ImportanceMethod = 'pearson' | 'spearman' | 'eta'

export function importanceMethod(row: ParamImportance): ImportanceMethod {
  if (row.kind === 'categorical') return 'eta'
  return Math.abs(row.spearman ?? 0) > Math.abs(row.pearson ?? 0) ? 'spearman' : 'pearson'
}

/** `param,score,method,n,direction`: strongest first, as ranked. */
export function importanceCsv(rows: readonly ParamImportance[]): string {
  return records(
    ['param', 'score', 'method', 'n', 'direction'],
    rows.map((row) => [
      csvTextField(row.param),
      String(row.score),
      importanceMethod(row),
      String(row.n),
      row.kind === 'categorical' ? '' : String(row.direction),
    ]),
  )
}

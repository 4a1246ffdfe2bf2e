import { useCallback, useId, useMemo, useState, type ReactNode } from 'react'
import type { Run } from '@/domain/runs/run'
import { assignRunColors } from '@/domain/runs/run-colors'
import {
  addRangeRows,
  baselineIndex,
  compareRow,
  copyDiffValue,
  countChanges,
  diffRowId,
  diffRowLabel,
  type DiffRow,
  type MetricRanges,
} from '@/domain/runs/run-diff'
import { bodyItems, RunDiffBody, rowHeight } from './run-diff-body'
import { RunDiffColumns, RunDiffHeader, RunDiffSummary } from './run-diff-header'
import { useRunDiffInteraction, type CellAddress } from './run-diff-interaction'
import { HEADER_HEIGHT, ROW_HEIGHT, useRunDiffLayout } from './run-diff-layout'
import { KEY_COLUMN, SAMPLED_TITLE } from './run-diff-row'
import './run-diff.css'

export interface RunDiffTableProps {
  /** The compared runs, in column order (2 to 100). */
  runs: readonly Run[]
  /** `diffRuns(runs)`. */
  rows: readonly DiffRow[]
  /** Fold the rows whose values are all the same into a count per section. */
  onlyDifferences: boolean
  renderRunLink: (run: Run) => ReactNode
  /** runId -> colour, the one the charts use (`assignRunColors`); by default assigned here. */
  colors?: ReadonlyMap<string, string>
  /** The run the others are compared with; undefined (or not among `runs`) = the first. */
  baselineId?: string | undefined
  /** The "Set as baseline" buttons call it; without it they are not shown. */
  onBaselineChange?: (runId: string) => void
  /** Metric keys whose better direction the user flipped (see `effectiveDirection`). */
  flipped?: ReadonlySet<string>
  /** The metric rows' "↓ better" / "↑ better" toggles call it; without it they are not shown. */
  onFlipDirection?: (metricKey: string) => void
  /**
   * metricKey -> runId -> { min, max, sampled } over the histories the charts loaded: each metric
   * with ranges gets "· min" and "· max" rows under its latest row. Undefined or a missing key =
   * not loaded yet (no such rows).
   */
  metricRanges?: MetricRanges
}

const NO_FLIPS: ReadonlySet<string> = new Set()

/**
 * Runs as columns, keys as rows, in sections. Against the baseline run, other runs' cells are tinted
 * where they differ, metric cells show their delta coloured by which way is better, and with two
 * runs each row says whether the second changed, added or removed it ("A vs B"). With "only
 * differences" the identical rows of each section fold into a count. Missing values say so.
 */
export function RunDiffTable({
  runs,
  rows: givenRows,
  onlyDifferences,
  renderRunLink,
  colors: givenColors,
  baselineId,
  onBaselineChange,
  flipped = NO_FLIPS,
  onFlipDirection,
  metricRanges,
}: RunDiffTableProps) {
  const idPrefix = useId()
  // In state, not a ref, so that the virtualisers see the element once it mounts.
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null)
  const runIds = useMemo(() => runs.map((run) => run.info.runId), [runs])
  const runNames = useMemo(() => runs.map((run) => run.info.runName || run.info.runId), [runs])
  const colors = useMemo(() => givenColors ?? assignRunColors(runs), [givenColors, runs])
  const rows = useMemo(() => addRangeRows(givenRows, runIds, metricRanges), [givenRows, runIds, metricRanges])
  const rowIds = useMemo(() => rows.map(diffRowId), [rows])
  const rowsById = useMemo(() => new Map(rows.map((row, index) => [rowIds[index], row])), [rows, rowIds])
  const anySampled = useMemo(() => rows.some((row) => row.sampled?.some(Boolean) === true), [rows])
  const baseline = baselineIndex(runIds, baselineId)
  const other = baseline === 0 ? 1 : 0

  // Whether a row changed, was added or removed does not depend on which way is better.
  const counts = useMemo(
    () =>
      runs.length === 2
        ? countChanges(
            rows,
            rows.map((row) => compareRow(row, baseline, undefined)),
            other,
          )
        : undefined,
    [runs.length, rows, baseline, other],
  )

  const items = useMemo(() => bodyItems(rows, rowIds, onlyDifferences), [rows, rowIds, onlyDifferences])
  const heights = useMemo(() => rows.map((row) => rowHeight(row, baseline)), [rows, baseline])
  const itemHeight = useCallback(
    (position: number) => {
      const item = items[position]
      return item?.type === 'row' ? (heights[item.index] ?? ROW_HEIGHT) : ROW_HEIGHT
    },
    [items, heights],
  )
  const itemKey = useCallback((position: number) => items[position]?.key ?? String(position), [items])
  const layout = useRunDiffLayout(scroller, items.length, itemHeight, itemKey, runs.length)
  const { columns } = layout

  const copyText = (cell: CellAddress) => {
    const row = rowsById.get(cell.rowId)
    if (row === undefined) return undefined
    return cell.col === KEY_COLUMN ? diffRowLabel(row) : copyDiffValue(row.kind, row.values[cell.col - 1])
  }
  const { hover, focus, tabStop, copied, handlers } = useRunDiffInteraction({
    copyText,
    onFlip: onFlipDirection,
    lastColumn: runs.length,
    scrollToRun: layout.scrollToRun,
  })

  return (
    <div className="run-diff-frame">
      {counts !== undefined && (
        <RunDiffSummary
          baselineName={runNames[baseline] ?? ''}
          otherName={runNames[other] ?? ''}
          counts={counts}
        />
      )}
      {runs.length > 2 && (
        <p className="muted run-diff-legend">
          Cells are compared with the baseline, <strong>{runNames[baseline]}</strong>.
        </p>
      )}
      {anySampled && <p className="muted run-diff-legend">† {SAMPLED_TITLE}</p>}
      <div className="run-diff-scroller" ref={setScroller}>
        <table
          className="run-diff"
          aria-label="Run differences"
          style={{ width: columns.tableWidth }}
          {...handlers}
        >
          <RunDiffColumns columns={columns} />
          <RunDiffHeader
            runs={runs}
            runNames={runNames}
            colors={colors}
            baseline={baseline}
            onBaselineChange={onBaselineChange}
            renderRunLink={renderRunLink}
            idPrefix={idPrefix}
            height={HEADER_HEIGHT}
            firstRun={columns.first}
            lastRun={columns.last}
            gapLeft={columns.spaceLeft > 0}
            gapRight={columns.spaceRight > 0}
          />
          <RunDiffBody
            items={items}
            rows={rows}
            window={layout.rows}
            columns={columns}
            baseline={baseline}
            flipped={flipped}
            canFlip={onFlipDirection !== undefined}
            runNames={runNames}
            idPrefix={idPrefix}
            hover={hover}
            focus={focus}
            tabStop={tabStop}
            copied={copied}
          />
        </table>
      </div>
      <p role="status" className="visually-hidden">
        {copied === undefined
          ? ''
          : copied.ok
            ? 'Copied'
            : 'Could not copy: the browser refused clipboard access'}
      </p>
    </div>
  )
}

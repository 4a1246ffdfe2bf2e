import { memo, useMemo } from 'react'
import type { MetricDirection } from '@/domain/metrics/metric-direction'
import {
  compareRow,
  copyDiffValue,
  diffRowLabel,
  formatDelta,
  formatDiffValue,
  numericText,
  type CellComparison,
  type DiffRow,
} from '@/domain/runs/run-diff'

export const SAMPLED_TITLE =
  'Sampled: min and max over a stride sample of the history, which can step over the true extremes.'

/** Column 0 is the key; column i + 1 is run i. */
export const KEY_COLUMN = 0

interface RunDiffRowProps {
  row: DiffRow
  /** Unique within the table, for ids. */
  rowId: string
  /** px; fixed, as the virtualiser counts on it. */
  height: number
  /** The run columns rendered (see `ColumnWindow`), and whether others stand off to each side. */
  firstRun: number
  lastRun: number
  gapLeft: boolean
  gapRight: boolean
  idPrefix: string
  baseline: number
  direction: MetricDirection | undefined
  /** Show the direction toggle (latest metric rows, when the page can flip). */
  canFlip: boolean
  /** Two runs: the row says how the other run differs ("A vs B"). */
  showStatus: boolean
  /** runName || runId, per run: for button labels and tooltips. */
  runNames: readonly string[]
  /** The column whose copy button shows (hovered or focused), if in this row. */
  hoverCol: number | undefined
  focusCol: number | undefined
  /** The column that is the table's one tab stop, if in this row. */
  tabStopCol: number | undefined
  copiedCol: number | undefined
  copyFailed: boolean
}

const DIRECTION_TEXT: Record<MetricDirection, string> = {
  lower: 'lower is better',
  higher: 'higher is better',
}

function isNumeric(value: string | number | undefined): boolean {
  return typeof value === 'number' || (value !== undefined && numericText(value) !== undefined)
}

/** A cell's colour class against the baseline: tinted when it differs, by verdict when there is one. */
function toneOf(comparison: CellComparison | undefined): string | undefined {
  if (comparison === undefined) return 'is-baseline'
  if (comparison.verdict === 'better' || comparison.verdict === 'worse') return `is-${comparison.verdict}`
  return comparison.change === 'same' ? undefined : 'is-changed'
}

function CopyButton({ label, copied, failed }: { label: string; copied: boolean; failed: boolean }) {
  let text = 'Copy'
  if (copied) text = failed ? 'Copy failed' : 'Copied'
  return (
    <button type="button" className="run-diff-copy" data-copy="" aria-label={copied ? text : label}>
      {text}
    </button>
  )
}

function DirectionToggle({
  metricKey,
  direction,
}: {
  metricKey: string
  direction: MetricDirection | undefined
}) {
  const symbol = direction === undefined ? '↕' : direction === 'lower' ? '↓ better' : '↑ better'
  const state = direction === undefined ? 'no better direction' : DIRECTION_TEXT[direction]
  return (
    <button
      type="button"
      className="run-diff-flip"
      data-flip={metricKey}
      aria-label={`${metricKey}: ${state}, flip`}
      title={
        direction === undefined
          ? 'The name says nothing about which way is better. Click to mark higher as better.'
          : `${state[0]?.toUpperCase() ?? ''}${state.slice(1)}. Click to flip.`
      }
    >
      {symbol}
    </button>
  )
}

/**
 * One row of the diff. Memoised: hovering or focusing a cell re-renders only the rows whose
 * hover/focus column changes, so a 100-run table stays cheap to interact with. Clicks on its buttons
 * are handled by the table (delegated through `data-copy` and `data-flip`).
 */
export const RunDiffRow = memo(function RunDiffRow({
  row,
  rowId,
  height,
  firstRun,
  lastRun,
  gapLeft,
  gapRight,
  idPrefix,
  baseline,
  direction,
  canFlip,
  showStatus,
  runNames,
  hoverCol,
  focusCol,
  tabStopCol,
  copiedCol,
  copyFailed,
}: RunDiffRowProps) {
  const comparisons = useMemo(() => compareRow(row, baseline, direction), [row, baseline, direction])
  const label = diffRowLabel(row)
  const labelId = `${idPrefix}-label`
  const status = showStatus ? comparisons.find((cell) => cell !== undefined)?.change : undefined
  const statusId = status !== undefined && status !== 'same' ? `${idPrefix}-status` : undefined
  const baselineName = runNames[baseline] ?? ''

  const copyButton = (col: number, what: string) =>
    hoverCol === col || focusCol === col ? (
      <CopyButton label={`Copy ${what}`} copied={copiedCol === col} failed={copyFailed} />
    ) : null

  return (
    <tr className={row.differs ? 'is-different' : undefined} data-row-id={rowId} style={{ height }}>
      <th
        scope="row"
        className="run-diff-key"
        data-col={KEY_COLUMN}
        tabIndex={tabStopCol === KEY_COLUMN ? 0 : -1}
        aria-labelledby={labelId}
        aria-describedby={statusId}
        title={label}
      >
        <span className="run-diff-key-line">
          <span id={labelId} className="run-diff-key-label">
            {label}
          </span>
          {statusId !== undefined && (
            <span id={statusId} className={`run-diff-status is-${status ?? 'same'}`}>
              {status}
            </span>
          )}
          {canFlip && row.kind === 'metric' && row.stat === undefined && (
            <DirectionToggle metricKey={row.key} direction={direction} />
          )}
        </span>
        {copyButton(KEY_COLUMN, label)}
      </th>
      {gapLeft && <td className="run-diff-gap" aria-hidden="true" />}
      {row.values.slice(firstRun, lastRun + 1).map((value, offset) => {
        const index = firstRun + offset
        const col = index + 1
        const comparison = comparisons[index]
        const text = formatDiffValue(row.kind, value)
        const delta = formatDelta(row.kind, comparison)
        const verdict = comparison?.verdict
        const sampled = row.sampled?.[index] === true && value !== undefined
        const classes = [isNumeric(value) ? 'numeric' : undefined, toneOf(comparison)].filter(Boolean)
        return (
          <td
            key={index}
            data-col={col}
            tabIndex={tabStopCol === col ? 0 : -1}
            className={classes.length === 0 ? undefined : classes.join(' ')}
            title={copyDiffValue(row.kind, value)}
          >
            {value === undefined && row.pending?.[index] === true ? (
              <span className="muted" title="Comes from the metric chart once it has loaded">
                …
              </span>
            ) : value === undefined ? (
              <span className="missing">missing</span>
            ) : (
              <span className="run-diff-value">{text}</span>
            )}
            {sampled && (
              <span className="run-diff-sampled" title={SAMPLED_TITLE}>
                †<span className="visually-hidden"> sampled</span>
              </span>
            )}
            {delta !== undefined && (
              <span
                className={`run-diff-delta${verdict === undefined ? '' : ` is-${verdict}`}`}
                title={`${delta} against ${baselineName}${direction === undefined ? '' : `; ${DIRECTION_TEXT[direction]}`}`}
              >
                {delta}
                {(verdict === 'better' || verdict === 'worse') && (
                  <span className="visually-hidden">, {verdict}</span>
                )}
              </span>
            )}
            {comparison?.sameNumber === true && (
              <span
                className="run-diff-note"
                title={`The same number as ${baselineName}'s, written differently`}
              >
                same value
              </span>
            )}
            {copyButton(col, `${label} of ${runNames[index] ?? ''}`)}
          </td>
        )
      })}
      {gapRight && <td className="run-diff-gap" aria-hidden="true" />}
    </tr>
  )
})

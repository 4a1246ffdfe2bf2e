import { memo, type ReactNode } from 'react'
import type { Run } from '@/domain/runs/run'
import type { ChangeCounts } from '@/domain/runs/run-diff'
import { KEY_WIDTH, type ColumnWindow } from './run-diff-layout'

/**
 * The table's columns for a fixed layout: the key, a stand-in for the run columns scrolled off to
 * the left, the rendered runs, and a stand-in for those off to the right.
 */
export function RunDiffColumns({ columns }: { columns: ColumnWindow }) {
  const shown = Math.max(columns.last - columns.first + 1, 0)
  return (
    <colgroup>
      <col style={{ width: KEY_WIDTH }} />
      {columns.spaceLeft > 0 && <col style={{ width: columns.spaceLeft }} />}
      {Array.from({ length: shown }, (_, offset) => (
        <col key={columns.first + offset} style={{ width: columns.runWidth }} />
      ))}
      {columns.spaceRight > 0 && <col style={{ width: columns.spaceRight }} />}
    </colgroup>
  )
}

interface RunDiffHeaderProps {
  runs: readonly Run[]
  runNames: readonly string[]
  colors: ReadonlyMap<string, string>
  baseline: number
  onBaselineChange: ((runId: string) => void) | undefined
  renderRunLink: (run: Run) => ReactNode
  idPrefix: string
  /** px; fixed, as the body's virtualiser counts on it. */
  height: number
  firstRun: number
  lastRun: number
  gapLeft: boolean
  gapRight: boolean
}

/**
 * The sticky header row: one column per run, with the run's colour, its link, and either the
 * "Baseline" mark or a button to make it the baseline. A column header's accessible name is the
 * run's link alone, so screen readers announce "grid-002" (not its buttons) with every cell.
 */
export const RunDiffHeader = memo(function RunDiffHeader({
  runs,
  runNames,
  colors,
  baseline,
  onBaselineChange,
  renderRunLink,
  idPrefix,
  height,
  firstRun,
  lastRun,
  gapLeft,
  gapRight,
}: RunDiffHeaderProps) {
  return (
    <thead>
      <tr style={{ height }}>
        <th scope="col" className="run-diff-key">
          Key
        </th>
        {gapLeft && <td className="run-diff-gap" aria-hidden="true" />}
        {runs.slice(firstRun, lastRun + 1).map((run, offset) => {
          const index = firstRun + offset
          const runId = run.info.runId
          const isBaseline = index === baseline
          const nameId = `${idPrefix}-run-${index}`
          const badgeId = `${idPrefix}-baseline`
          return (
            <th
              key={runId}
              scope="col"
              className={isBaseline ? 'run-diff-run is-baseline' : 'run-diff-run'}
              aria-labelledby={nameId}
              aria-describedby={isBaseline ? badgeId : undefined}
            >
              <span className="run-diff-run-line">
                <span
                  className="run-diff-swatch"
                  aria-hidden="true"
                  style={{ backgroundColor: colors.get(runId) ?? 'transparent' }}
                />
                <span id={nameId} className="run-diff-run-name">
                  {renderRunLink(run)}
                </span>
              </span>
              {isBaseline ? (
                <span id={badgeId} className="run-diff-baseline-mark">
                  Baseline
                </span>
              ) : (
                onBaselineChange !== undefined && (
                  <button
                    type="button"
                    className="run-diff-set-baseline"
                    aria-label={`Set as baseline: ${runNames[index] ?? runId}`}
                    onClick={() => {
                      onBaselineChange(runId)
                    }}
                  >
                    Set as baseline
                  </button>
                )
              )}
            </th>
          )
        })}
        {gapRight && <td className="run-diff-gap" aria-hidden="true" />}
      </tr>
    </thead>
  )
})

/** "A vs B: 3 changed, 1 added, 2 removed": A is the baseline; added = only B has it. */
export function RunDiffSummary({
  baselineName,
  otherName,
  counts,
}: {
  baselineName: string
  otherName: string
  counts: ChangeCounts
}) {
  return (
    <p className="run-diff-summary">
      <strong>{baselineName}</strong> vs <strong>{otherName}</strong>: {counts.changed} changed,{' '}
      {counts.added} added, {counts.removed} removed
    </p>
  )
}

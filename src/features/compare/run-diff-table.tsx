import { Fragment, type ReactNode } from 'react'
import { formatMetricValue } from '@/domain/format/format-number'
import { formatDateTime, formatDuration } from '@/domain/format/format-time'
import type { Run } from '@/domain/runs/run'
import type { CellValue } from '@/domain/runs/run-columns'
import { DIFF_SECTION_TITLES, DIFF_SECTIONS, type DiffRow } from '@/domain/runs/run-diff'
import './run-diff.css'

interface RunDiffTableProps {
  runs: readonly Run[]
  rows: readonly DiffRow[]
  onlyDifferences: boolean
  renderRunLink: (run: Run) => ReactNode
}

function display(row: DiffRow, value: CellValue): string {
  if (value === undefined) return ''
  if (typeof value === 'string') return value
  if (row.section === 'attributes')
    return row.key === 'Started' ? formatDateTime(value) : formatDuration(value)
  return formatMetricValue(value)
}

/**
 * Runs as columns, keys as rows, in sections. Rows whose values differ stand out; with "only
 * differences" the identical rows of each section fold into a count. Missing values say so.
 */
export function RunDiffTable({ runs, rows, onlyDifferences, renderRunLink }: RunDiffTableProps) {
  return (
    <div className="run-diff-scroller">
      <table className="run-diff" aria-label="Run differences">
        <thead>
          <tr>
            <th scope="col" className="run-diff-key">
              Key
            </th>
            {runs.map((run) => (
              <th key={run.info.runId} scope="col">
                {renderRunLink(run)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {DIFF_SECTIONS.map((section) => {
            const sectionRows = rows.filter((row) => row.section === section)
            if (sectionRows.length === 0) return null
            const shown = onlyDifferences ? sectionRows.filter((row) => row.differs) : sectionRows
            const hidden = sectionRows.length - shown.length
            return (
              <Fragment key={section}>
                <tr className="run-diff-section">
                  <th scope="rowgroup" colSpan={runs.length + 1}>
                    {DIFF_SECTION_TITLES[section]}{' '}
                    <span className="muted">
                      {sectionRows.filter((row) => row.differs).length} of {sectionRows.length} differ
                    </span>
                  </th>
                </tr>
                {shown.map((row) => (
                  <tr key={`${section}:${row.key}`} className={row.differs ? 'is-different' : undefined}>
                    <th scope="row" className="run-diff-key" title={row.key}>
                      {row.key}
                    </th>
                    {row.values.map((value, index) => {
                      const text = display(row, value)
                      return (
                        <td
                          key={runs[index]?.info.runId ?? index}
                          className={typeof value === 'number' ? 'numeric' : undefined}
                          title={text === '' ? undefined : text}
                        >
                          {value === undefined ? <span className="missing">missing</span> : text}
                        </td>
                      )
                    })}
                  </tr>
                ))}
                {hidden > 0 && (
                  <tr className="run-diff-folded">
                    <td colSpan={runs.length + 1} className="muted">
                      {hidden} identical {hidden === 1 ? 'row' : 'rows'} hidden
                    </td>
                  </tr>
                )}
              </Fragment>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

import type { ReactNode } from 'react'
import type { ComparedRun } from './run-files'

/** A run's name with its colour swatch, as in the compare page's diff header and chart legends. */
export function RunCellHeader({
  run,
  baseline = false,
  children,
}: {
  run: ComparedRun
  baseline?: boolean
  children?: ReactNode
}) {
  return (
    <div className="sbs-cell-header">
      <span className="sbs-swatch" style={{ background: run.color }} aria-hidden="true" />
      <span className="sbs-run-name">{run.name}</span>
      {baseline && <span className="sbs-badge">baseline</span>}
      {children}
    </div>
  )
}

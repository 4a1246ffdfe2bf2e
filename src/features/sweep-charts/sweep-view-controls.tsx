import { useId } from 'react'
import { describeBrush } from './parallel-coordinates'
import type { SweepBrushes } from '@/domain/sweep/sweep-chart'

export interface SweepListControlsProps {
  /** Runs matching the table's filter. */
  matching: number
  /** Runs in the list (first N, hide finished, pins, brushes). */
  listed: number
  first: number | undefined
  onFirstChange: (first: number | undefined) => void
  hideFinished: boolean
  onHideFinishedChange: (hide: boolean) => void
  hiddenCount: number
  onShowAll: () => void
  pinnedCount: number
  onUnpinAll: () => void
  brushes: SweepBrushes
  onClearBrushes: () => void
}

/** Above the run list: show first N, hide finished, and what narrows the list, each undoable. */
export function SweepListControls(props: SweepListControlsProps) {
  const firstId = useId()
  const brushed = Object.entries(props.brushes)
  return (
    <div className="sweep-list-controls">
      <span className="sweep-config-field">
        <label htmlFor={firstId}>Show first</label>
        <input
          id={firstId}
          className="input input-small sweep-first"
          type="number"
          min={1}
          placeholder="all"
          value={props.first ?? ''}
          onChange={(event) => {
            const value = Number(event.target.value)
            props.onFirstChange(
              event.target.value === '' || !Number.isInteger(value) || value < 1 ? undefined : value,
            )
          }}
        />
      </span>
      <label className="checkbox-label">
        <input
          type="checkbox"
          checked={props.hideFinished}
          onChange={(event) => {
            props.onHideFinishedChange(event.target.checked)
          }}
        />{' '}
        Hide finished
      </label>
      <span className="muted" role="status" aria-label="Listed runs">
        {props.listed.toLocaleString('en')} of {props.matching.toLocaleString('en')} runs
      </span>
      {props.hiddenCount > 0 && (
        <button type="button" className="link-button" onClick={props.onShowAll}>
          Show {props.hiddenCount} hidden
        </button>
      )}
      {props.pinnedCount > 0 && (
        <button type="button" className="link-button" onClick={props.onUnpinAll}>
          Unpin {props.pinnedCount}
        </button>
      )}
      {brushed.length > 0 && (
        <span className="sweep-brushes" role="group" aria-label="Brushes">
          {brushed.map(([id, brush]) => (
            <span key={id} className="chip" title={`${id}: ${describeBrush(brush)}`}>
              {id.replace(/^(params|metrics)\./, '')} {describeBrush(brush)}
            </span>
          ))}
          <button type="button" className="link-button" onClick={props.onClearBrushes}>
            Clear brushes
          </button>
        </span>
      )}
    </div>
  )
}

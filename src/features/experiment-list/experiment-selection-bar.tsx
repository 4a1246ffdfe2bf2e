import type { KeyboardEvent } from 'react'

interface SelectionBarProps {
  selected: readonly string[]
  /** How many selected experiments are not in the table (hidden by the filters, or not loaded yet). */
  hiddenCount: number
  onOpenRuns: (experimentIds: string[]) => void
  onClear: () => void
}

/** The bar above the experiments table while some are selected: open their runs in one table, or clear. */
export function ExperimentSelectionBar({ selected, hiddenCount, onOpenRuns, onClear }: SelectionBarProps) {
  if (selected.length === 0) return null
  const count = selected.length.toLocaleString('en-US')
  return (
    <div
      role="toolbar"
      aria-label="Selected experiments"
      className="experiment-selection"
      onKeyDown={moveFocus}
    >
      <span className="experiment-selection-count" aria-live="polite">
        {count} selected
        {hiddenCount > 0 && <span className="muted"> ({hiddenCount.toLocaleString('en-US')} not shown)</span>}
      </span>
      <button
        type="button"
        className="button button-primary"
        onClick={() => {
          onOpenRuns([...selected])
        }}
      >
        Open runs of {count} {selected.length === 1 ? 'experiment' : 'experiments'}
      </button>
      <button type="button" className="button button-small experiment-selection-clear" onClick={onClear}>
        Clear selection
      </button>
    </div>
  )
}

/** Arrow keys, Home and End move between the toolbar's buttons (Tab still reaches each). */
function moveFocus(event: KeyboardEvent<HTMLDivElement>) {
  if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')]
  const last = buttons.length - 1
  if (last < 0) return
  const current = buttons.findIndex((button) => button === document.activeElement)
  const size = buttons.length
  // From outside the buttons, Right goes to the first and Left to the last; both wrap around.
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? last
        : event.key === 'ArrowLeft'
          ? (Math.max(current, 0) - 1 + size) % size
          : (current + 1) % size
  event.preventDefault()
  buttons[next]?.focus()
}

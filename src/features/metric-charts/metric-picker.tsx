import { useId, useMemo, useRef, useState } from 'react'

/** Most checkboxes listed at once; the search narrows the rest. */
const MAX_LISTED = 200

interface MetricPickerProps {
  available: readonly string[]
  selected: readonly string[]
  onChange: (metrics: string[]) => void
}

/** "Metrics (3)": a searchable checklist of the runs' metric keys, in a disclosure panel. */
export function MetricPicker({ available, selected, onChange }: MetricPickerProps) {
  const [open, setOpen] = useState(false)
  const [search, setSearch] = useState('')
  const panelId = useId()
  const buttonRef = useRef<HTMLButtonElement>(null)
  const chosen = new Set(selected)
  const matches = useMemo(() => {
    const needle = search.trim().toLowerCase()
    return needle === '' ? available : available.filter((key) => key.toLowerCase().includes(needle))
  }, [available, search])

  const close = () => {
    setOpen(false)
    buttonRef.current?.focus()
  }

  return (
    <div className="metric-picker">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setOpen(!open)
        }}
      >
        Metrics ({selected.length} of {available.length})
      </button>
      {open && (
        <div
          id={panelId}
          className="metric-picker-panel"
          role="group"
          aria-label="Choose metrics"
          onKeyDown={(event) => {
            if (event.key === 'Escape') close()
          }}
        >
          <input
            type="search"
            aria-label="Search metrics"
            placeholder="Search metrics"
            value={search}
            autoFocus
            onChange={(event) => {
              setSearch(event.target.value)
            }}
          />
          <div className="metric-picker-actions">
            <button
              type="button"
              className="link-button"
              onClick={() => {
                onChange([...new Set([...selected, ...matches.slice(0, MAX_LISTED)])])
              }}
            >
              Select {search.trim() === '' ? 'all' : 'matches'}
            </button>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                onChange([])
              }}
            >
              Clear
            </button>
          </div>
          <ul>
            {matches.slice(0, MAX_LISTED).map((key) => (
              <li key={key}>
                <label className="checkbox-label">
                  <input
                    type="checkbox"
                    checked={chosen.has(key)}
                    onChange={(event) => {
                      onChange(
                        event.target.checked ? [...selected, key] : selected.filter((item) => item !== key),
                      )
                    }}
                  />{' '}
                  {key}
                </label>
              </li>
            ))}
          </ul>
          {matches.length > MAX_LISTED && (
            <p className="muted">{matches.length - MAX_LISTED} more: narrow the search to see them.</p>
          )}
          {matches.length === 0 && <p className="muted">No metric matches “{search}”.</p>}
          <button type="button" onClick={close}>
            Done
          </button>
        </div>
      )}
    </div>
  )
}

import { useId, useMemo } from 'react'
import { formatDateTime } from '@/domain/format/format-time'
import { RUN_STATUSES, type RunStatus } from '@/domain/runs/run'
import {
  datasetsInFilter,
  setDatasetClause,
  setStartTimeClause,
  setStatusClause,
  startTimeInFilter,
  statusesInFilter,
} from '@/domain/search-filter/filter-clauses'

export type RunView = 'active' | 'deleted' | 'all'

interface QuickFiltersProps {
  filter: string
  onFilterChange: (text: string, options: { replace: boolean }) => void
  datasets: readonly string[]
  view: RunView
  onViewChange: (view: RunView) => void
  now: number
}

const HOUR = 3600_000
const RANGES: readonly { id: string; label: string; ms: number }[] = [
  { id: '1h', label: 'Last hour', ms: HOUR },
  { id: '24h', label: 'Last 24 hours', ms: 24 * HOUR },
  { id: '7d', label: 'Last 7 days', ms: 7 * 24 * HOUR },
  { id: '30d', label: 'Last 30 days', ms: 30 * 24 * HOUR },
]

const STATUS_LABEL: Readonly<Record<RunStatus, string>> = {
  RUNNING: 'Running',
  SCHEDULED: 'Scheduled',
  FINISHED: 'Finished',
  FAILED: 'Failed',
  KILLED: 'Killed',
}

const VIEW_LABEL: Readonly<Record<RunView, string>> = { active: 'Active', deleted: 'Deleted', all: 'All' }

/**
 * The range a start-time bound stands for. The bound is absolute, so it drifts from "the last hour"
 * as time passes; within a factor of two it still reads as that range (the ranges are further apart).
 */
function rangeOf(since: number | undefined, now: number): string {
  if (since === undefined) return 'any'
  const elapsed = now - since
  const range = RANGES.find((r) => elapsed >= r.ms / 2 && elapsed <= r.ms * 2)
  return range?.id ?? 'custom'
}

function toggled<T>(values: readonly T[], value: T, on: boolean): T[] {
  return on ? [...values.filter((v) => v !== value), value] : values.filter((v) => v !== value)
}

/** A dropdown of checkboxes, on a native <details> so it needs no focus management of its own. */
function CheckboxMenu({
  label,
  options,
  checked,
  onToggle,
}: {
  label: string
  options: readonly { value: string; label: string }[]
  checked: readonly string[]
  onToggle: (value: string, on: boolean) => void
}) {
  const summary = checked.length === 0 ? label : `${label} (${checked.length})`
  return (
    <details
      className="quick-filter"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !event.currentTarget.open) return
        event.preventDefault()
        event.currentTarget.open = false
        event.currentTarget.querySelector('summary')?.focus()
      }}
    >
      <summary className="button button-small">{summary}</summary>
      <fieldset className="quick-filter-panel">
        <legend className="visually-hidden">{label}</legend>
        {options.map((option) => (
          <label key={option.value} className="quick-filter-option">
            <input
              type="checkbox"
              checked={checked.includes(option.value)}
              onChange={(event) => {
                onToggle(option.value, event.target.checked)
              }}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
    </details>
  )
}

/** Status, start time, datasets and lifecycle state, each written into (and read from) the filter. */
export function QuickFilters({
  filter,
  onFilterChange,
  datasets,
  view,
  onViewChange,
  now,
}: QuickFiltersProps) {
  const id = useId()
  const statuses = useMemo(() => statusesInFilter(filter), [filter])
  const since = useMemo(() => startTimeInFilter(filter), [filter])
  const chosenDatasets = useMemo(() => datasetsInFilter(filter), [filter])
  const allDatasets = useMemo(
    () => [...new Set([...datasets, ...chosenDatasets])],
    [datasets, chosenDatasets],
  )
  const range = rangeOf(since, now)
  const change = (text: string) => {
    onFilterChange(text, { replace: false })
  }

  return (
    <div className="quick-filters">
      <CheckboxMenu
        label="Status"
        options={RUN_STATUSES.map((status) => ({ value: status, label: STATUS_LABEL[status] }))}
        checked={statuses}
        onToggle={(value, on) => {
          const status = RUN_STATUSES.find((s) => s === value)
          if (status !== undefined) change(setStatusClause(filter, toggled(statuses, status, on)))
        }}
      />
      <label className="quick-filter-select" htmlFor={`${id}-started`}>
        <span className="label-text">Started</span>
        <select
          id={`${id}-started`}
          className="input input-small"
          value={range}
          onChange={(event) => {
            const chosen = RANGES.find((r) => r.id === event.target.value)
            if (event.target.value === 'custom') return
            change(setStartTimeClause(filter, chosen === undefined ? undefined : now - chosen.ms))
          }}
        >
          <option value="any">Any time</option>
          {RANGES.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
          {range === 'custom' && since !== undefined && (
            <option value="custom">Since {formatDateTime(since)}</option>
          )}
        </select>
      </label>
      {allDatasets.length > 0 && (
        <CheckboxMenu
          label="Datasets"
          options={allDatasets.map((name) => ({ value: name, label: name }))}
          checked={chosenDatasets}
          onToggle={(value, on) => {
            change(setDatasetClause(filter, toggled(chosenDatasets, value, on)))
          }}
        />
      )}
      <label className="quick-filter-select" htmlFor={`${id}-state`}>
        <span className="label-text">State</span>
        <select
          id={`${id}-state`}
          className="input input-small"
          value={view}
          onChange={(event) => {
            const next = (['active', 'deleted', 'all'] as const).find((v) => v === event.target.value)
            if (next !== undefined) onViewChange(next)
          }}
        >
          {(['active', 'deleted', 'all'] as const).map((v) => (
            <option key={v} value={v}>
              {VIEW_LABEL[v]}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="button button-small"
        disabled={filter.trim() === '' && view === 'active'}
        onClick={() => {
          if (filter.trim() !== '') change('')
          if (view !== 'active') onViewChange('active')
        }}
      >
        Clear
      </button>
    </div>
  )
}

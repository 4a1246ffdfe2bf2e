import { useEffect, useId, useState } from 'react'
import {
  withView,
  type ExperimentSearch,
  type ExperimentSortKey,
  type ExperimentView,
  type TagFilter,
  type TagOperator,
} from '@/domain/experiment-search'

interface ToolbarProps {
  state: ExperimentSearch
  onChange: (next: ExperimentSearch, options?: { replace?: boolean }) => void
  onCreate: () => void
}

const SEARCH_DEBOUNCE_MS = 250
const OPERATOR_LABEL: Record<TagOperator, string> = { '=': 'is', '!=': 'is not', '~': 'contains' }

function TagFilterForm({ onAdd }: { onAdd: (filter: TagFilter) => void }) {
  const [key, setKey] = useState('')
  const [operator, setOperator] = useState<TagOperator>('=')
  const [value, setValue] = useState('')
  const id = useId()
  return (
    <form
      className="tag-filter-form"
      aria-label="Add a tag filter"
      onSubmit={(event) => {
        event.preventDefault()
        if (key.trim() === '') return
        onAdd({ key: key.trim(), operator, value })
        setKey('')
        setValue('')
      }}
    >
      <label htmlFor={`${id}-key`} className="visually-hidden">
        Tag key
      </label>
      <input
        id={`${id}-key`}
        className="input input-small"
        placeholder="tag"
        value={key}
        onChange={(e) => {
          setKey(e.target.value)
        }}
      />
      <label htmlFor={`${id}-op`} className="visually-hidden">
        Tag comparison
      </label>
      <select
        id={`${id}-op`}
        className="input input-small"
        value={operator}
        onChange={(e) => {
          const next = e.target.value
          setOperator(next === '!=' || next === '~' ? next : '=')
        }}
      >
        {(['=', '!=', '~'] as const).map((op) => (
          <option key={op} value={op}>
            {OPERATOR_LABEL[op]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-value`} className="visually-hidden">
        Tag value
      </label>
      <input
        id={`${id}-value`}
        className="input input-small"
        placeholder="value"
        value={value}
        onChange={(e) => {
          setValue(e.target.value)
        }}
      />
      <button type="submit" className="button button-small" disabled={key.trim() === ''}>
        Add filter
      </button>
    </form>
  )
}

export function ExperimentToolbar({ state, onChange, onCreate }: ToolbarProps) {
  const [search, setSearch] = useState(state.search)
  // The URL value last seen and last sent: the box follows the URL when it changes from elsewhere
  // (back button, a pasted link), but not when it only catches up with what is being typed.
  const [seen, setSeen] = useState(state.search)
  const [sent, setSent] = useState(state.search)
  if (state.search !== seen) {
    setSeen(state.search)
    if (state.search !== sent) {
      setSent(state.search)
      setSearch(state.search)
    }
  }
  useEffect(() => {
    if (search === state.search) return
    const timer = window.setTimeout(() => {
      setSent(search)
      onChange({ ...state, search }, { replace: true })
    }, SEARCH_DEBOUNCE_MS)
    return () => {
      window.clearTimeout(timer)
    }
  }, [search, state, onChange])

  return (
    <div className="toolbar">
      <div className="toolbar-row">
        <label className="search">
          <span className="visually-hidden">Search experiments by name</span>
          <input
            type="search"
            className="input"
            placeholder="Search experiments by name"
            value={search}
            onChange={(e) => {
              setSearch(e.target.value)
            }}
          />
        </label>
        <label>
          <span className="label-text">Show</span>
          <select
            className="input"
            value={state.view}
            onChange={(e) => {
              const view: ExperimentView =
                e.target.value === 'deleted' ? 'deleted' : e.target.value === 'all' ? 'all' : 'active'
              onChange(withView(state, view))
            }}
          >
            <option value="active">Active</option>
            <option value="deleted">Deleted</option>
            <option value="all">Active and deleted</option>
          </select>
        </label>
        <label>
          <span className="label-text">Sort by</span>
          <select
            className="input"
            value={state.sort}
            onChange={(e) => {
              const sort: ExperimentSortKey =
                e.target.value === 'name'
                  ? 'name'
                  : e.target.value === 'creation_time'
                    ? 'creation_time'
                    : 'last_update_time'
              onChange({ ...state, sort, descending: sort !== 'name' })
            }}
          >
            <option value="last_update_time">Last updated</option>
            <option value="creation_time">Created</option>
            <option value="name">Name</option>
          </select>
        </label>
        <button
          type="button"
          className="button"
          aria-label={
            state.descending ? 'Sorted descending; sort ascending' : 'Sorted ascending; sort descending'
          }
          onClick={() => {
            onChange({ ...state, descending: !state.descending })
          }}
        >
          {state.descending ? '↓' : '↑'}
        </button>
        <span className="spacer" />
        <button type="button" className="button button-primary" onClick={onCreate}>
          New experiment
        </button>
      </div>
      <div className="toolbar-row">
        <TagFilterForm
          onAdd={(filter) => {
            onChange({ ...state, tags: [...state.tags, filter] })
          }}
        />
        <ul className="chips" aria-label="Active tag filters">
          {state.tags.map((tag, index) => (
            <li key={`${tag.key}${tag.operator}${tag.value}${index}`} className="chip">
              <span>
                {tag.key} {OPERATOR_LABEL[tag.operator]} “{tag.value}”
              </span>
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove filter ${tag.key} ${OPERATOR_LABEL[tag.operator]} ${tag.value}`}
                onClick={() => {
                  onChange({ ...state, tags: state.tags.filter((_, i) => i !== index) })
                }}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  )
}

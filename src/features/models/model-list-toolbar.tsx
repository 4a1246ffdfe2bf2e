import { useEffect, useId, useState } from 'react'
import type { TagFilter, TagOperator } from '@/domain/experiment-search'
import {
  MODEL_PAGE_SIZES,
  withFirstPage,
  type ModelListSearch,
  type ModelSortKey,
} from '@/domain/models/model-list-search'

interface ToolbarProps {
  state: ModelListSearch
  onChange: (next: ModelListSearch, options?: { replace?: boolean }) => void
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

/** Search (debounced, written to the URL as it is typed), tag filters, sort and "New model". */
export function ModelListToolbar({ state, onChange, onCreate }: ToolbarProps) {
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
      onChange(withFirstPage({ ...state, search }), { replace: true })
    }, SEARCH_DEBOUNCE_MS)
    return () => {
      window.clearTimeout(timer)
    }
  }, [search, state, onChange])

  return (
    <div className="toolbar">
      <div className="toolbar-row">
        <label className="search">
          <span className="visually-hidden">Search models</span>
          <input
            type="search"
            className="input"
            placeholder="Search by name, or tags.team = 'cv'"
            title="Part of the name (case-insensitive), or a filter in MLflow's syntax, e.g. tags.team = 'cv' AND name LIKE 'cifar%'"
            value={search}
            onChange={(e) => {
              setSearch(e.target.value)
            }}
          />
        </label>
        <label>
          <span className="label-text">Sort by</span>
          <select
            className="input"
            value={state.sort}
            onChange={(e) => {
              const sort: ModelSortKey = e.target.value === 'name' ? 'name' : 'last_updated_timestamp'
              onChange(withFirstPage({ ...state, sort, descending: sort !== 'name' }))
            }}
          >
            <option value="name">Name</option>
            <option value="last_updated_timestamp">Last modified</option>
          </select>
        </label>
        <button
          type="button"
          className="button"
          aria-label={
            state.descending ? 'Sorted descending; sort ascending' : 'Sorted ascending; sort descending'
          }
          onClick={() => {
            onChange(withFirstPage({ ...state, descending: !state.descending }))
          }}
        >
          {state.descending ? '↓' : '↑'}
        </button>
        <label>
          <span className="label-text">Per page</span>
          <select
            className="input"
            value={state.pageSize}
            onChange={(e) => {
              const size = MODEL_PAGE_SIZES.find((candidate) => String(candidate) === e.target.value)
              if (size !== undefined) onChange(withFirstPage({ ...state, pageSize: size }))
            }}
          >
            {MODEL_PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
        <span className="spacer" />
        <button type="button" className="button button-primary" onClick={onCreate}>
          New model
        </button>
      </div>
      <div className="toolbar-row">
        <TagFilterForm
          onAdd={(filter) => {
            onChange(withFirstPage({ ...state, tags: [...state.tags, filter] }))
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
                  onChange(withFirstPage({ ...state, tags: state.tags.filter((_, i) => i !== index) }))
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

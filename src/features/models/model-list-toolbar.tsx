import { useCallback } from 'react'
import {
  MODEL_PAGE_SIZES,
  withFirstPage,
  type ModelListSearch,
  type ModelSortKey,
} from '@/domain/models/model-list-search'
import { TagFilterBar } from '@/ui/tag-filter-bar'
import { useDebouncedSearch } from '@/ui/use-debounced-search'

interface ToolbarProps {
  state: ModelListSearch
  onChange: (next: ModelListSearch, options?: { replace?: boolean }) => void
  onCreate: () => void
}

/** Search (debounced, written to the URL as it is typed), tag filters, sort and "New model". */
export function ModelListToolbar({ state, onChange, onCreate }: ToolbarProps) {
  const commitSearch = useCallback(
    (search: string) => {
      onChange(withFirstPage({ ...state, search }), { replace: true })
    },
    [state, onChange],
  )
  const [search, setSearch] = useDebouncedSearch(state.search, commitSearch)

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
        <TagFilterBar
          tags={state.tags}
          onChange={(tags) => {
            onChange(withFirstPage({ ...state, tags }))
          }}
        />
      </div>
    </div>
  )
}

import { useCallback } from 'react'
import {
  withView,
  type ExperimentSearch,
  type ExperimentSortKey,
  type ExperimentView,
} from '@/domain/experiment-search'
import { TagFilterBar } from '@/ui/tag-filter-bar'
import { useDebouncedSearch } from '@/ui/use-debounced-search'

interface ToolbarProps {
  state: ExperimentSearch
  onChange: (next: ExperimentSearch, options?: { replace?: boolean }) => void
  onCreate: () => void
}

export function ExperimentToolbar({ state, onChange, onCreate }: ToolbarProps) {
  const commitSearch = useCallback(
    (search: string) => {
      onChange({ ...state, search }, { replace: true })
    },
    [state, onChange],
  )
  const [search, setSearch] = useDebouncedSearch(state.search, commitSearch)

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
        <TagFilterBar
          tags={state.tags}
          onChange={(tags) => {
            onChange({ ...state, tags })
          }}
        />
      </div>
    </div>
  )
}

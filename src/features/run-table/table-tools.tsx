import { useId } from 'react'
import type { Run } from '@/domain/runs/run'
import { columnId, columnLabel, type ColumnRef, type RunKeys } from '@/domain/runs/run-columns'
import type { RunTableView } from '@/domain/runs/run-table-view'
import { runsToCsv } from '@/domain/runs/runs-csv'
import type { RunTableUpdate } from './run-table'
import { downloadText } from '@/ui/download'

interface TableToolsProps {
  view: RunTableView
  onViewChange: RunTableUpdate
  keys: RunKeys
  hasDatasets: boolean
  /** The runs matching the filter, in display order: what the CSV export holds. */
  matches: readonly Run[]
  /** The visible columns: the CSV's columns. */
  columns: readonly ColumnRef[]
  /** Every column there is, for the sort menu. */
  available: readonly ColumnRef[]
  /** Some loaded run has children: offer expand/collapse all. */
  hasNested: boolean
}

const GROUP_NAMES: Record<ColumnRef['group'], string> = {
  attributes: 'Attribute',
  metrics: 'Metric',
  params: 'Param',
  tags: 'Tag',
}

/** Group by, expand or collapse all nested runs, and export the view as CSV. */
export function TableTools({
  view,
  onViewChange,
  keys,
  hasDatasets,
  matches,
  columns,
  available,
  hasNested,
}: TableToolsProps) {
  const groupId = useId()
  const sortId = useId()
  const groupOptions: ColumnRef[] = [
    ...(hasDatasets ? [{ group: 'attributes' as const, key: 'datasets' }] : []),
    ...keys.params.map((key) => ({ group: 'params' as const, key })),
    ...keys.tags.map((key) => ({ group: 'tags' as const, key })),
  ]
  const current = view.groupBy
  return (
    <div className="table-tools">
      <label htmlFor={sortId}>Sort by</label>
      <select
        id={sortId}
        className="input input-small"
        value={view.sortColumn ?? ''}
        onChange={(event) => {
          const value = event.target.value
          onViewChange((state) => ({
            ...state,
            sortColumn: value === '' ? undefined : value,
            descending: true,
          }))
        }}
      >
        <option value="">Newest first</option>
        {view.sortColumn !== undefined && !available.some((ref) => columnId(ref) === view.sortColumn) && (
          <option value={view.sortColumn}>{view.sortColumn}</option>
        )}
        {available.map((ref) => {
          const id = columnId(ref)
          return (
            <option key={id} value={id}>
              {ref.group === 'attributes' ? columnLabel(ref) : `${GROUP_NAMES[ref.group]}: ${ref.key}`}
            </option>
          )
        })}
      </select>
      {view.sortColumn !== undefined && (
        <button
          className="button button-small"
          type="button"
          aria-label={
            view.descending ? 'Sorted descending: sort ascending' : 'Sorted ascending: sort descending'
          }
          onClick={() => {
            onViewChange((state) => ({ ...state, descending: !state.descending }))
          }}
        >
          {view.descending ? '↓ Desc' : '↑ Asc'}
        </button>
      )}
      <label htmlFor={groupId}>Group by</label>
      <select
        id={groupId}
        className="input input-small"
        value={current ?? ''}
        onChange={(event) => {
          const value = event.target.value
          onViewChange((state) => ({
            ...state,
            groupBy: value === '' ? undefined : value,
            collapsedGroups: [],
          }))
        }}
      >
        <option value="">Nothing (nested runs)</option>
        {current !== undefined && !groupOptions.some((ref) => columnId(ref) === current) && (
          <option value={current}>{current}</option>
        )}
        {groupOptions.map((ref) => {
          const id = columnId(ref)
          return (
            <option key={id} value={id}>
              {ref.group === 'attributes'
                ? 'Dataset'
                : `${ref.group === 'params' ? 'Param' : 'Tag'}: ${ref.key}`}
            </option>
          )
        })}
      </select>
      {view.groupBy === undefined && hasNested && (
        <button
          className="button button-small"
          type="button"
          onClick={() => {
            onViewChange((state) => ({ ...state, expandAll: !state.expandAll, expanded: [] }), {
              replace: true,
            })
          }}
        >
          {view.expandAll ? 'Collapse all' : 'Expand all'}
        </button>
      )}
      <button
        className="button button-small"
        type="button"
        disabled={matches.length === 0}
        onClick={() => {
          downloadText(runsToCsv(matches, columns), 'runs.csv', 'text/csv;charset=utf-8')
        }}
      >
        Export CSV
      </button>
    </div>
  )
}

import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useMemo, useRef, type ReactNode } from 'react'
import { markdownToPlainText } from '@/domain/markdown/parse-markdown'
import { NOTE_TAG, type Experiment } from '@/domain/experiments'
import { shownSelection, type ExperimentSearch, type ExperimentSortKey } from '@/domain/experiment-search'
import { Time } from '@/ui/time'
import type { DialogRequest } from './experiment-dialogs'

interface TableProps {
  experiments: readonly Experiment[]
  state: ExperimentSearch
  onSort: (sort: ExperimentSortKey) => void
  onToggleSelected: (experimentId: string) => void
  onToggleAllShown: () => void
  renderLink: (experiment: Experiment) => ReactNode
  onAction: (request: DialogRequest) => void
  hasMore: boolean
  loadingMore: boolean
  onLoadMore: () => void
}

const ROW_HEIGHT = 44
const COLUMNS = 'minmax(14rem, 2fr) 4rem 9.5rem 9.5rem minmax(10rem, 3fr) minmax(10rem, 2fr) 15.5rem'

function userTags(experiment: Experiment): [string, string][] {
  return Object.entries(experiment.tags).filter(([key]) => !key.startsWith('mlflow.'))
}

function SortHeader({
  label,
  sortKey,
  state,
  onSort,
  children,
}: {
  label: string
  sortKey: ExperimentSortKey
  state: ExperimentSearch
  onSort: (key: ExperimentSortKey) => void
  /** Shown before the sort button, in the same header cell. */
  children?: ReactNode
}) {
  const active = state.sort === sortKey
  return (
    <div
      role="columnheader"
      aria-sort={active ? (state.descending ? 'descending' : 'ascending') : 'none'}
      className="cell"
    >
      {children}
      <button
        type="button"
        className="sort-button"
        onClick={() => {
          onSort(sortKey)
        }}
      >
        {label}
        <span aria-hidden="true">{active ? (state.descending ? ' ↓' : ' ↑') : ''}</span>
      </button>
    </div>
  )
}

/**
 * Experiments as a grid with virtualised rows: thousands stay smooth, and the next page loads as the
 * last rows come into view (or with the button, for keyboard users).
 */
export function ExperimentTable({
  experiments,
  state,
  onSort,
  onToggleSelected,
  onToggleAllShown,
  renderLink,
  onAction,
  hasMore,
  loadingMore,
  onLoadMore,
}: TableProps) {
  const selected = useMemo(() => new Set(state.selected), [state.selected])
  const header = shownSelection(
    state.selected,
    experiments.map((experiment) => experiment.experimentId),
  )
  const scroller = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: experiments.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  })
  const items = virtualizer.getVirtualItems()
  const lastIndex = items[items.length - 1]?.index ?? -1
  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= experiments.length - 5) onLoadMore()
  }, [hasMore, loadingMore, lastIndex, experiments.length, onLoadMore])

  return (
    <div className="grid-table" role="table" aria-label="Experiments" aria-rowcount={experiments.length + 1}>
      <div role="rowgroup" className="grid-head">
        <div role="row" className="grid-row" style={{ gridTemplateColumns: COLUMNS }}>
          <SortHeader label="Name" sortKey="name" state={state} onSort={onSort}>
            <input
              type="checkbox"
              className="experiment-select"
              aria-label="Select all shown experiments"
              checked={header === 'all'}
              ref={(input) => {
                if (input !== null) input.indeterminate = header === 'some'
              }}
              onChange={onToggleAllShown}
            />
          </SortHeader>
          <div role="columnheader" className="cell">
            ID
          </div>
          <SortHeader label="Created" sortKey="creation_time" state={state} onSort={onSort} />
          <SortHeader label="Last updated" sortKey="last_update_time" state={state} onSort={onSort} />
          <div role="columnheader" className="cell">
            Description
          </div>
          <div role="columnheader" className="cell">
            Tags
          </div>
          <div role="columnheader" className="cell">
            <span className="visually-hidden">Actions</span>
          </div>
        </div>
      </div>
      <div ref={scroller} role="rowgroup" className="grid-body" style={{ maxHeight: 'calc(100vh - 16rem)' }}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const experiment = experiments[item.index]
            if (experiment === undefined) return null
            const deleted = experiment.lifecycleStage === 'deleted'
            const note = experiment.tags[NOTE_TAG]
            const isSelected = selected.has(experiment.experimentId)
            return (
              <div
                key={experiment.experimentId}
                role="row"
                aria-rowindex={item.index + 2}
                className={`grid-row${deleted ? ' row-deleted' : ''}${isSelected ? ' experiment-row-selected' : ''}`}
                style={{
                  gridTemplateColumns: COLUMNS,
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: ROW_HEIGHT,
                  transform: `translateY(${item.start}px)`,
                }}
              >
                <div role="cell" className="cell cell-name">
                  <input
                    type="checkbox"
                    className="experiment-select"
                    aria-label={`Select ${experiment.name}`}
                    checked={isSelected}
                    onChange={() => {
                      onToggleSelected(experiment.experimentId)
                    }}
                  />
                  {renderLink(experiment)}
                  {deleted && <span className="badge badge-muted">Deleted</span>}
                </div>
                <div role="cell" className="cell muted">
                  {experiment.experimentId}
                </div>
                <div role="cell" className="cell">
                  <Time epochMs={experiment.creationTime} />
                </div>
                <div role="cell" className="cell">
                  <Time epochMs={experiment.lastUpdateTime} />
                </div>
                <div role="cell" className="cell cell-clip" title={note}>
                  {note === undefined ? <span className="muted">—</span> : markdownToPlainText(note)}
                </div>
                <div role="cell" className="cell cell-clip">
                  {userTags(experiment).map(([key, value]) => (
                    <span key={key} className="tag" title={`${key}: ${value}`}>
                      {key}: {value.length > 40 ? `${value.slice(0, 40)}…` : value}
                    </span>
                  ))}
                </div>
                <div role="cell" className="cell cell-actions">
                  {deleted ? (
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => {
                        onAction({ kind: 'restore', experiment })
                      }}
                      aria-label={`Restore ${experiment.name}`}
                    >
                      Restore
                    </button>
                  ) : (
                    <>
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => {
                          onAction({ kind: 'rename', experiment })
                        }}
                        aria-label={`Rename ${experiment.name}`}
                      >
                        Rename
                      </button>
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => {
                          onAction({ kind: 'describe', experiment })
                        }}
                        aria-label={`Edit the description of ${experiment.name}`}
                      >
                        Describe
                      </button>
                      <button
                        type="button"
                        className="button button-small button-danger"
                        onClick={() => {
                          onAction({ kind: 'delete', experiment })
                        }}
                        aria-label={`Delete ${experiment.name}`}
                      >
                        Delete
                      </button>
                    </>
                  )}
                </div>
              </div>
            )
          })}
        </div>
      </div>
      {hasMore && (
        <div className="table-footer">
          <button type="button" className="button" onClick={onLoadMore} disabled={loadingMore}>
            {loadingMore ? 'Loading more…' : 'Load more experiments'}
          </button>
        </div>
      )}
    </div>
  )
}

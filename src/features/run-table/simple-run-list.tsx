import { useInfiniteQuery } from '@tanstack/react-query'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, type ReactNode } from 'react'
import { describeError } from '@/api/describe-error'
import { runKey, runQueries } from '@/api/runs'
import { flattenPages } from '@/api/paging'
import { formatDuration } from '@/domain/format/format-time'
import { SYSTEM_TAGS, type Run } from '@/domain/runs/run'
import { EmptyState, ErrorState, Loading } from '@/ui/states'
import { Time } from '@/ui/time'

interface SimpleRunListProps {
  experimentId: string
  renderRunLink: (run: Run) => ReactNode
}

const ROW_HEIGHT = 36
const COLUMNS = 'minmax(14rem, 3fr) 7rem 9rem 7rem minmax(8rem, 1fr) minmax(10rem, 2fr)'

/**
 * The runs of an experiment, newest first, in a virtualised list that loads more as it scrolls.
 * A first slice: the runs-table issue replaces it with filters, columns and sorting.
 */
export function SimpleRunList({ experimentId, renderRunLink }: SimpleRunListProps) {
  const query = useInfiniteQuery({
    ...runQueries.searchPages({ experimentIds: [experimentId], maxResults: 200 }),
    select: (data) => flattenPages(data.pages, runKey),
  })
  const scroller = useRef<HTMLDivElement>(null)
  const runs = query.data ?? []
  const virtualizer = useVirtualizer({
    count: runs.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  })
  const items = virtualizer.getVirtualItems()
  const lastIndex = items[items.length - 1]?.index ?? -1
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= runs.length - 10) void fetchNextPage()
  }, [hasNextPage, isFetchingNextPage, lastIndex, runs.length, fetchNextPage])

  if (query.isPending) return <Loading label="Loading runs…" />
  if (query.isError) {
    const description = describeError(query.error)
    return (
      <ErrorState
        title={description.title}
        detail={description.detail}
        onRetry={() => void query.refetch()}
      />
    )
  }
  if (runs.length === 0) return <EmptyState title="This experiment has no runs yet." />
  return (
    <div className="grid-table" role="table" aria-label="Runs">
      <div role="rowgroup" className="grid-head">
        <div role="row" className="grid-row" style={{ gridTemplateColumns: COLUMNS }}>
          {['Run', 'Status', 'Started', 'Duration', 'User', 'Source'].map((label) => (
            <div key={label} role="columnheader" className="cell">
              {label}
            </div>
          ))}
        </div>
      </div>
      <div
        ref={scroller}
        role="rowgroup"
        className="grid-body"
        style={{ maxHeight: 'calc(100vh - 22rem)', minHeight: '12rem' }}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const run = runs[item.index]
            if (run === undefined) return null
            const { startTime, endTime } = run.info
            return (
              <div
                key={run.info.runId}
                role="row"
                className="grid-row"
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
                  {run.tags[SYSTEM_TAGS.parentRunId] !== undefined && (
                    <span className="muted" aria-label="child run">
                      ↳{' '}
                    </span>
                  )}
                  {renderRunLink(run)}
                </div>
                <div role="cell" className="cell">
                  <span className={`status status-${run.info.status.toLowerCase()}`}>
                    {run.info.status.toLowerCase()}
                  </span>
                </div>
                <div role="cell" className="cell">
                  <Time epochMs={startTime} />
                </div>
                <div role="cell" className="cell">
                  {startTime !== undefined && endTime !== undefined
                    ? formatDuration(endTime - startTime)
                    : '—'}
                </div>
                <div role="cell" className="cell cell-clip">
                  {run.tags[SYSTEM_TAGS.user] ?? run.info.userId ?? '—'}
                </div>
                <div role="cell" className="cell cell-clip">
                  {run.tags[SYSTEM_TAGS.sourceName] ?? '—'}
                </div>
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}

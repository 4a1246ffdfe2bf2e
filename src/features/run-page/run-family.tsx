import { useInfiniteQuery } from '@tanstack/react-query'
import { describeError } from '@/api/describe-error'
import { flattenPages } from '@/api/paging'
import { runKey, runQueries } from '@/api/runs'
import { SYSTEM_TAGS } from '@/domain/runs/run'
import { serializeRunFilter } from '@/domain/search-filter/serialize-filter'
import { ErrorState, Loading } from '@/ui/states'
import { Time } from '@/ui/time'
import type { RunLinks } from './run-facts'

/** Child runs are listed 25 at a time; "Load more" asks for the next 25. */
export const CHILD_PAGE_SIZE = 25

function childFilter(runId: string): string {
  const filter = serializeRunFilter([
    { entity: 'tag', key: SYSTEM_TAGS.parentRunId, comparator: '=', value: runId },
  ])
  if (!filter.ok) throw new Error(filter.error.message)
  return filter.value
}

/** The runs started inside this one (`mlflow.parentRunId`), newest first, paged. */
export function RunChildren({
  runId,
  experimentId,
  renderRunLink,
}: { runId: string; experimentId: string } & Pick<RunLinks, 'renderRunLink'>) {
  const query = useInfiniteQuery({
    ...runQueries.searchPages({
      experimentIds: [experimentId],
      filter: childFilter(runId),
      maxResults: CHILD_PAGE_SIZE,
    }),
    select: (data) => flattenPages(data.pages, runKey),
  })
  return (
    <section className="run-section" aria-labelledby="run-children-heading">
      <h2 id="run-children-heading">
        Child runs
        {query.data !== undefined && query.data.length > 0 && (
          <span className="badge section-count">
            {query.data.length}
            {query.hasNextPage ? '+' : ''}
          </span>
        )}
      </h2>
      {query.isPending ? (
        <Loading label="Loading child runs…" />
      ) : query.data === undefined ? (
        <ErrorState
          title="Could not load the child runs"
          detail={describeError(query.error).detail}
          onRetry={() => void query.refetch()}
        />
      ) : query.data.length === 0 ? (
        <p className="muted">No child runs.</p>
      ) : (
        <>
          <table className="kv-table run-children" aria-label="Child runs">
            <thead>
              <tr>
                <th scope="col">Run</th>
                <th scope="col">Status</th>
                <th scope="col">Started</th>
              </tr>
            </thead>
            <tbody>
              {query.data.map((child) => (
                <tr key={child.info.runId}>
                  <td>{renderRunLink(child.info.runId, child.info.runName || child.info.runId)}</td>
                  <td>
                    <span className={`status status-${child.info.status.toLowerCase()}`}>
                      {child.info.status.toLowerCase()}
                    </span>
                  </td>
                  <td>
                    <Time epochMs={child.info.startTime} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {query.isFetchNextPageError && (
            <p role="alert" className="field-problem">
              Could not load more child runs: {describeError(query.error).title}
            </p>
          )}
          {query.hasNextPage && (
            <button
              type="button"
              className="button"
              disabled={query.isFetchingNextPage}
              onClick={() => void query.fetchNextPage()}
            >
              {query.isFetchingNextPage ? 'Loading…' : 'Load more child runs'}
            </button>
          )}
        </>
      )}
    </section>
  )
}

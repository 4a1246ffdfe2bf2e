import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useEffect, useId, useMemo, useState } from 'react'
import { describeError } from '@/api/describe-error'
import { isNotFound } from '@/api/errors'
import { loggedModelQueries } from '@/api/logged-models'
import { flattenPages } from '@/api/paging'
import { runQueries } from '@/api/runs'
import {
  loggedModelMetricKeys,
  loggedModelNameFilter,
  loggedModelOrder,
  type LoggedModelListState,
  type LoggedModelSortKey,
} from '@/domain/models/logged-model-list'
import type { LoggedModel } from '@/domain/models/registry'
import { EmptyState, ErrorState, Loading } from '@/ui/states'
import { Time } from '@/ui/time'
import type { LoggedModelLinks } from './logged-model-links'
import { LoggedModelStatusBadge, MetricList, ParamList, RegistrationLinks } from './logged-model-parts'
import './logged-models.css'

const PAGE_SIZE = 50
/** How long typing pauses before the search is sent (and written to the URL). */
const SEARCH_DELAY_MS = 300

interface LoggedModelListProps extends LoggedModelLinks {
  experimentIds: readonly string[]
  view: LoggedModelListState
  /** `replace` for typing-driven changes. */
  onViewChange: (next: LoggedModelListState, options?: { replace?: boolean }) => void
}

const ATTRIBUTE_SORTS: readonly { key: LoggedModelSortKey; label: string }[] = [
  { key: 'creation_time', label: 'Created' },
  { key: 'last_updated_timestamp', label: 'Last updated' },
  { key: 'name', label: 'Name' },
]

function SearchBox({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const [draft, setDraft] = useState(value)
  // A change from outside (back button, a link) replaces what was typed.
  const [seen, setSeen] = useState(value)
  if (seen !== value) {
    setSeen(value)
    setDraft(value)
  }
  useEffect(() => {
    if (draft === value) return
    const timer = setTimeout(() => {
      onChange(draft)
    }, SEARCH_DELAY_MS)
    return () => {
      clearTimeout(timer)
    }
  }, [draft, value, onChange])
  return (
    <input
      type="search"
      className="input"
      aria-label="Filter models by name"
      placeholder="Filter by name"
      value={draft}
      onChange={(event) => {
        setDraft(event.target.value)
      }}
    />
  )
}

function SortControls({
  view,
  metricKeys,
  onViewChange,
}: {
  view: LoggedModelListState
  metricKeys: readonly string[]
  onViewChange: LoggedModelListProps['onViewChange']
}) {
  const id = useId()
  const metricSorts = metricKeys.map((key) => `metrics.${key}` as const)
  // A metric named in the link stays offered before its models have loaded.
  if (view.sort.startsWith('metrics.') && !metricSorts.some((sort) => sort === view.sort)) {
    metricSorts.push(`metrics.${view.sort.slice('metrics.'.length)}`)
  }
  return (
    <div className="toolbar-row">
      <label htmlFor={id} className="label-text">
        Sort by
      </label>
      <select
        id={id}
        className="input input-small"
        value={view.sort}
        onChange={(event) => {
          const sort = [...ATTRIBUTE_SORTS.map((option) => option.key), ...metricSorts].find(
            (candidate) => candidate === event.target.value,
          )
          if (sort !== undefined) onViewChange({ ...view, sort, descending: sort !== 'name' })
        }}
      >
        {ATTRIBUTE_SORTS.map((option) => (
          <option key={option.key} value={option.key}>
            {option.label}
          </option>
        ))}
        {metricSorts.length > 0 && (
          <optgroup label="Metrics">
            {metricSorts.map((sort) => (
              <option key={sort} value={sort}>
                {sort.slice('metrics.'.length)}
              </option>
            ))}
          </optgroup>
        )}
      </select>
      <button
        type="button"
        className="button button-small"
        aria-label={view.descending ? 'Descending: sort ascending' : 'Ascending: sort descending'}
        onClick={() => {
          onViewChange({ ...view, descending: !view.descending })
        }}
      >
        {view.descending ? '↓ Descending' : '↑ Ascending'}
      </button>
    </div>
  )
}

function ModelRow({
  model,
  runName,
  links,
}: {
  model: LoggedModel
  runName: string | undefined
  links: LoggedModelLinks
}) {
  return (
    <tr>
      <th scope="row">
        {links.renderModelLink(model.experimentId, model.modelId, model.name)}
        <div className="mono muted logged-model-id">{model.modelId}</div>
      </th>
      <td>
        <LoggedModelStatusBadge status={model.status} />
      </td>
      <td>
        {model.sourceRunId === undefined ? (
          <span className="muted">—</span>
        ) : (
          links.renderRunLink(model.experimentId, model.sourceRunId, runName ?? model.sourceRunId)
        )}
      </td>
      <td>
        <Time epochMs={model.creationTimestamp} />
      </td>
      <td>{model.modelType ?? <span className="muted">—</span>}</td>
      <td>
        <ParamList params={model.params} limit={4} />
      </td>
      <td>
        <MetricList model={model} limit={4} />
      </td>
      <td>
        <RegistrationLinks registrations={model.registrations} renderVersionLink={links.renderVersionLink} />
      </td>
    </tr>
  )
}

/**
 * The MLflow 3 logged models of one or several experiments: searched by name on the server, ordered
 * by any attribute or metric, 50 at a time with "Load more". A server older than MLflow 3 has no
 * logged models (its `logged-models/search` is a 404) and says so instead of failing.
 */
export function LoggedModelList({
  experimentIds,
  view,
  onViewChange,
  renderModelLink,
  renderRunLink,
  renderVersionLink,
}: LoggedModelListProps) {
  const query = useInfiniteQuery({
    ...loggedModelQueries.searchPages({
      experimentIds,
      filter: loggedModelNameFilter(view.search),
      orderBy: loggedModelOrder(view),
      maxResults: PAGE_SIZE,
    }),
    select: (data) => flattenPages(data.pages, (model) => model.modelId),
    // An older server's 404 will not change on a retry.
    retry: (count, error) => !isNotFound(error) && count < 2,
  })
  const models = useMemo(() => query.data ?? [], [query.data])
  const runIds = useMemo(
    () => [
      ...new Set(models.flatMap((model) => (model.sourceRunId === undefined ? [] : [model.sourceRunId]))),
    ],
    [models],
  )
  const runs = useQuery({ ...runQueries.byIds(experimentIds, runIds), enabled: runIds.length > 0 })
  const runNames = useMemo(
    () => new Map((runs.data ?? []).map((run) => [run.info.runId, run.info.runName || undefined])),
    [runs.data],
  )
  const metricKeys = useMemo(() => loggedModelMetricKeys(models), [models])
  const links = { renderModelLink, renderRunLink, renderVersionLink }

  if (query.isError && isNotFound(query.error)) {
    return (
      <EmptyState title="Logged models are not available on this server">
        <p className="muted">
          MLflow 3 records the models a run logs as logged models; this tracking server is older, so its
          models are among each run’s artifacts.
        </p>
      </EmptyState>
    )
  }
  const searching = view.search.trim() !== ''
  return (
    <section className="logged-model-list" aria-label="Logged models">
      <div className="toolbar">
        <div className="toolbar-row">
          <SearchBox
            value={view.search}
            onChange={(search) => {
              onViewChange({ ...view, search }, { replace: true })
            }}
          />
          <SortControls view={view} metricKeys={metricKeys} onViewChange={onViewChange} />
        </div>
      </div>
      {query.data === undefined ? (
        query.isError ? (
          <ErrorState
            title="Could not load the logged models"
            detail={describeError(query.error).detail}
            onRetry={() => void query.refetch()}
          />
        ) : (
          <Loading label="Loading logged models…" />
        )
      ) : models.length === 0 ? (
        <EmptyState title={searching ? 'No logged model matches this name' : 'No logged models'}>
          {!searching && (
            <p className="muted">
              Models logged with <code>mlflow.&lt;flavor&gt;.log_model</code> in this experiment’s runs appear
              here.
            </p>
          )}
        </EmptyState>
      ) : (
        <>
          <div className="logged-model-table-scroller">
            <table className="logged-model-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Status</th>
                  <th scope="col">Source run</th>
                  <th scope="col">Created</th>
                  <th scope="col">Type</th>
                  <th scope="col">Parameters</th>
                  <th scope="col">Metrics</th>
                  <th scope="col">Registered versions</th>
                </tr>
              </thead>
              <tbody>
                {models.map((model) => (
                  <ModelRow
                    key={model.modelId}
                    model={model}
                    runName={model.sourceRunId === undefined ? undefined : runNames.get(model.sourceRunId)}
                    links={links}
                  />
                ))}
              </tbody>
            </table>
          </div>
          <div className="table-footer">
            <span className="muted">
              {models.length} {models.length === 1 ? 'model' : 'models'}
              {query.hasNextPage ? ' shown' : ''}
            </span>
            {query.hasNextPage && (
              <button
                type="button"
                className="button button-small"
                disabled={query.isFetchingNextPage}
                onClick={() => void query.fetchNextPage()}
              >
                {query.isFetchingNextPage ? 'Loading…' : 'Load more'}
              </button>
            )}
            {query.isFetchNextPageError && (
              <span className="form-error" role="alert">
                Could not load more: {describeError(query.error).detail}
              </span>
            )}
          </div>
        </>
      )}
    </section>
  )
}

import { useInfiniteQuery } from '@tanstack/react-query'
import { useCallback, useMemo, useState, type ReactNode } from 'react'
import { describeError } from '@/api/describe-error'
import { experimentKey, experimentQueries } from '@/api/experiments'
import { flattenPages } from '@/api/paging'
import type { Experiment, ViewType } from '@/domain/experiments'
import { serializeExperimentFilter } from '@/domain/search-filter/serialize-filter'
import {
  DEFAULT_EXPERIMENT_SEARCH,
  experimentFilterClauses,
  experimentOrderBy,
  toggleAllShown,
  toggleSelected,
  withView,
  type ExperimentSearch,
} from '@/domain/experiment-search'
import { EmptyState, ErrorState, Loading } from '@/ui/states'
import {
  ConfirmLifecycleDialog,
  CreateExperimentDialog,
  DescribeExperimentDialog,
  RenameExperimentDialog,
  type DialogRequest,
} from './experiment-dialogs'
import { ExperimentSelectionBar } from './experiment-selection-bar'
import { ExperimentTable } from './experiment-table'
import { ExperimentToolbar } from './experiment-toolbar'
import { useExperimentEdits } from './use-experiment-edits'

const VIEW_TYPES: Record<ExperimentSearch['view'], ViewType> = {
  active: 'ACTIVE_ONLY',
  deleted: 'DELETED_ONLY',
  all: 'ALL',
}

interface ExperimentListProps {
  state: ExperimentSearch
  onStateChange: (next: ExperimentSearch, options?: { replace?: boolean }) => void
  renderLink: (experiment: Experiment) => ReactNode
  onCreated: (experimentId: string) => void
  /** Opens one runs table for the selected experiments, in the order they were picked. */
  onOpenRuns: (experimentIds: string[]) => void
}

export function ExperimentList({
  state,
  onStateChange,
  renderLink,
  onCreated,
  onOpenRuns,
}: ExperimentListProps) {
  const filter = useMemo(() => serializeExperimentFilter(experimentFilterClauses(state)), [state])
  const query = useInfiniteQuery({
    ...experimentQueries.searchPages({
      filter: filter.ok ? filter.value : '',
      orderBy: experimentOrderBy(state),
      viewType: VIEW_TYPES[state.view],
    }),
    enabled: filter.ok,
    select: (data) => flattenPages(data.pages, experimentKey),
  })
  const { edit, create, failure, dismissFailure } = useExperimentEdits()
  const [dialog, setDialog] = useState<DialogRequest | undefined>(undefined)
  const close = useCallback(() => {
    setDialog(undefined)
  }, [])
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage()
  }, [hasNextPage, isFetchingNextPage, fetchNextPage])
  const filtered = state.search !== '' || state.tags.length > 0 || state.view !== 'active'
  const shown = query.data
  const hiddenCount = useMemo(() => {
    if (shown === undefined) return 0
    const shownIds = new Set(shown.map((experiment) => experiment.experimentId))
    return state.selected.filter((id) => !shownIds.has(id)).length
  }, [shown, state.selected])

  let body: ReactNode
  if (!filter.ok) {
    body = <ErrorState title="This filter cannot be sent to MLflow" detail={filter.error.message} />
  } else if (query.isPending) {
    body = <Loading label="Loading experiments…" />
  } else if (query.isError) {
    const description = describeError(query.error)
    body = (
      <ErrorState
        title={description.title}
        detail={description.detail}
        onRetry={() => void query.refetch()}
      />
    )
  } else if (query.data.length === 0) {
    body = filtered ? (
      <EmptyState title="No experiment matches these filters.">
        <button
          type="button"
          className="button"
          onClick={() => {
            onStateChange({
              ...DEFAULT_EXPERIMENT_SEARCH,
              selected: withView(state, DEFAULT_EXPERIMENT_SEARCH.view).selected,
            })
          }}
        >
          Clear filters
        </button>
      </EmptyState>
    ) : (
      <EmptyState title="No experiments yet.">
        <p>Log a run with the MLflow client, or create an experiment here.</p>
      </EmptyState>
    )
  } else {
    body = (
      <ExperimentTable
        experiments={query.data}
        state={state}
        onSort={(sort) => {
          onStateChange({
            ...state,
            sort,
            descending: state.sort === sort ? !state.descending : sort !== 'name',
          })
        }}
        onToggleSelected={(experimentId) => {
          onStateChange({ ...state, selected: toggleSelected(state.selected, experimentId) })
        }}
        onToggleAllShown={() => {
          const shownIds = query.data.map((experiment) => experiment.experimentId)
          onStateChange({ ...state, selected: toggleAllShown(state.selected, shownIds) })
        }}
        renderLink={renderLink}
        onAction={setDialog}
        hasMore={query.hasNextPage}
        loadingMore={query.isFetchingNextPage}
        onLoadMore={loadMore}
      />
    )
  }

  return (
    <section aria-labelledby="experiments-heading">
      <div className="page-header">
        <h1 id="experiments-heading">Experiments</h1>
        {query.isSuccess && (
          <span className="muted" aria-live="polite">
            {query.data.length}
            {query.hasNextPage ? '+' : ''} shown
          </span>
        )}
      </div>
      <ExperimentToolbar
        state={state}
        onChange={onStateChange}
        onCreate={() => {
          setDialog({ kind: 'create' })
        }}
      />
      <ExperimentSelectionBar
        selected={state.selected}
        hiddenCount={hiddenCount}
        onOpenRuns={onOpenRuns}
        onClear={() => {
          onStateChange({ ...state, selected: [] })
        }}
      />
      {failure !== undefined && (
        <div className="alert alert-error" role="alert">
          <span>{failure}</span>
          <button type="button" className="button button-small" onClick={dismissFailure}>
            Dismiss
          </button>
        </div>
      )}
      {body}
      {dialog?.kind === 'create' && (
        <CreateExperimentDialog
          onClose={close}
          onCreate={async (values) => {
            try {
              const experimentId = await create.mutateAsync(values)
              onCreated(experimentId)
            } catch (error) {
              throw new Error(describeError(error).detail, { cause: error })
            }
          }}
        />
      )}
      {dialog?.kind === 'rename' && (
        <RenameExperimentDialog
          experiment={dialog.experiment}
          onClose={close}
          onSave={(name) => {
            edit.mutate({ kind: 'rename', experiment: dialog.experiment, name })
          }}
        />
      )}
      {dialog?.kind === 'describe' && (
        <DescribeExperimentDialog
          experiment={dialog.experiment}
          onClose={close}
          onSave={(description) => {
            edit.mutate({ kind: 'describe', experiment: dialog.experiment, description })
          }}
        />
      )}
      {(dialog?.kind === 'delete' || dialog?.kind === 'restore') && (
        <ConfirmLifecycleDialog
          request={dialog}
          onClose={close}
          onConfirm={() => {
            edit.mutate({ kind: dialog.kind, experiment: dialog.experiment })
          }}
        />
      )}
    </section>
  )
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useId, useMemo, useState, type ReactNode } from 'react'
import { mlflowClientOf } from '@/api/client-binding'
import { describeError } from '@/api/describe-error'
import { createRegisteredModel, modelQueries } from '@/api/model-registry'
import { isRegistryUnavailable } from '@/api/registry-availability'
import {
  DEFAULT_MODEL_LIST_SEARCH,
  isFiltered,
  modelListClauses,
  modelListOrderBy,
  modelListRawFilter,
  type ModelListSearch,
} from '@/domain/models/model-list-search'
import { serializeExperimentFilter } from '@/domain/search-filter/serialize-filter'
import { Dialog, DialogFooter } from '@/ui/dialog'
import { EmptyState, ErrorState, Loading } from '@/ui/states'
import { ModelListTable } from './model-list-table'
import { ModelListToolbar } from './model-list-toolbar'
import type { RegistryLinks } from './registered-model-links'
import { RegistryUnavailable } from './registered-model-unavailable'
import './registered-model.css'

interface ModelListProps {
  state: ModelListSearch
  onStateChange: (next: ModelListSearch, options?: { replace?: boolean }) => void
  links: RegistryLinks
  onCreated: (name: string) => void
}

/** `_validate_model_name`: not blank, no `/` or `:`. */
export function modelNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'Give the model a name.'
  if (name.includes('/') || name.includes(':')) return 'A model name cannot contain “/” or “:”.'
  return undefined
}

function CreateModelDialog({
  onClose,
  onCreated,
}: {
  onClose: () => void
  onCreated: (name: string) => void
}) {
  const queryClient = useQueryClient()
  const [name, setName] = useState('')
  const [description, setDescription] = useState('')
  const [touched, setTouched] = useState(false)
  const id = useId()
  const create = useMutation({
    mutationFn: () =>
      createRegisteredModel(mlflowClientOf(queryClient), {
        name: name.trim(),
        description: description === '' ? undefined : description,
      }),
    onSuccess: (model) => {
      void queryClient.invalidateQueries({ queryKey: modelQueries.all() })
      onClose()
      onCreated(model.name)
    },
  })
  const problem = modelNameProblem(name)
  const shownProblem = touched ? problem : undefined
  return (
    <Dialog
      open
      title="New registered model"
      onClose={onClose}
      onSubmit={() => {
        setTouched(true)
        if (problem === undefined && !create.isPending) create.mutate()
      }}
      footer={
        <DialogFooter
          submitLabel={create.isPending ? 'Creating…' : 'Create'}
          disabled={create.isPending}
          onCancel={onClose}
        />
      }
    >
      <label htmlFor={`${id}-name`}>Name</label>
      <input
        id={`${id}-name`}
        className="input"
        value={name}
        autoFocus
        aria-invalid={shownProblem !== undefined}
        onChange={(e) => {
          setName(e.target.value)
        }}
      />
      <label htmlFor={`${id}-description`}>Description (Markdown, optional)</label>
      <textarea
        id={`${id}-description`}
        className="input"
        rows={4}
        value={description}
        onChange={(e) => {
          setDescription(e.target.value)
        }}
      />
      {(shownProblem ?? create.error) && (
        <p className="form-error" role="alert">
          {shownProblem ?? describeError(create.error).detail}
        </p>
      )}
    </Dialog>
  )
}

/** The registered models, a page at a time, with search, tag filters and sort all in the URL. */
export function ModelList({ state, onStateChange, links, onCreated }: ModelListProps) {
  const [creating, setCreating] = useState(false)
  const filter = useMemo(() => {
    const raw = modelListRawFilter(state)
    const clauses = serializeExperimentFilter(modelListClauses(state))
    if (!clauses.ok || raw === undefined) return clauses
    return { ok: true as const, value: clauses.value === '' ? raw : `${raw} AND ${clauses.value}` }
  }, [state])
  const pageToken = state.pageTokens.at(-1)
  const query = useQuery({
    ...modelQueries.search({
      filter: filter.ok ? filter.value : '',
      orderBy: modelListOrderBy(state),
      maxResults: state.pageSize,
      pageToken,
    }),
    enabled: filter.ok,
    // The page being left stays on screen (dimmed) until the next one arrives.
    placeholderData: keepPreviousData,
  })
  const pageNumber = state.pageTokens.length + 1

  let body: ReactNode
  if (!filter.ok) {
    body = <ErrorState title="This filter cannot be sent to MLflow" detail={filter.error.message} />
  } else if (query.isPending) {
    body = <Loading label="Loading registered models…" />
  } else if (query.isError) {
    const description = describeError(query.error)
    body = isRegistryUnavailable(query.error) ? (
      <RegistryUnavailable detail={description.detail} />
    ) : (
      <>
        <ErrorState
          title={description.title}
          detail={description.detail}
          onRetry={() => void query.refetch()}
        />
        {(state.pageTokens.length > 0 || isFiltered(state)) && (
          <p className="state-actions">
            <button
              type="button"
              className="button"
              onClick={() => {
                onStateChange({ ...DEFAULT_MODEL_LIST_SEARCH, pageSize: state.pageSize })
              }}
            >
              Clear the search and go to the first page
            </button>
          </p>
        )}
      </>
    )
  } else if (query.data.items.length === 0 && pageNumber === 1) {
    body = isFiltered(state) ? (
      <EmptyState title="No registered model matches this search.">
        <button
          type="button"
          className="button"
          onClick={() => {
            onStateChange({ ...DEFAULT_MODEL_LIST_SEARCH, pageSize: state.pageSize, sort: state.sort })
          }}
        >
          Clear the search
        </button>
      </EmptyState>
    ) : (
      <EmptyState title="No registered models yet.">
        <p>
          Register a model from a run or a logged model (“Register model”), with{' '}
          <code>mlflow.register_model()</code>, or create an empty one here.
        </p>
      </EmptyState>
    )
  } else {
    const nextToken = query.data.nextPageToken
    body = (
      <div className={query.isPlaceholderData ? 'registry-stale' : undefined} aria-busy={query.isFetching}>
        <ModelListTable models={query.data.items} links={links} />
        <nav className="pager" aria-label="Pages">
          <button
            type="button"
            className="button button-small"
            disabled={pageNumber === 1}
            onClick={() => {
              onStateChange({ ...state, pageTokens: state.pageTokens.slice(0, -1) })
            }}
          >
            ← Previous
          </button>
          <span aria-live="polite">
            Page {pageNumber} · {query.data.items.length.toLocaleString('en-US')} model
            {query.data.items.length === 1 ? '' : 's'}
            {query.isPlaceholderData ? ' · loading…' : ''}
          </span>
          <button
            type="button"
            className="button button-small"
            disabled={nextToken === undefined || query.isPlaceholderData}
            onClick={() => {
              if (nextToken !== undefined)
                onStateChange({ ...state, pageTokens: [...state.pageTokens, nextToken] })
            }}
          >
            Next →
          </button>
        </nav>
      </div>
    )
  }

  return (
    <section className="model-list" aria-labelledby="models-heading">
      <div className="page-header">
        <h1 id="models-heading">Registered models</h1>
      </div>
      <ModelListToolbar
        state={state}
        onChange={onStateChange}
        onCreate={() => {
          setCreating(true)
        }}
      />
      {body}
      {creating && (
        <CreateModelDialog
          onClose={() => {
            setCreating(false)
          }}
          onCreated={onCreated}
        />
      )}
    </section>
  )
}

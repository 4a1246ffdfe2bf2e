import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useId, useState, type ReactNode } from 'react'
import { mlflowClientOf } from '@/api/client-binding'
import { describeError } from '@/api/describe-error'
import { isNotFound } from '@/api/errors'
import { deleteRegisteredModel, modelQueries, renameRegisteredModel } from '@/api/model-registry'
import { isRegistryUnavailable } from '@/api/registry-availability'
import { creatorOf, latestVersionOf } from '@/domain/models/model-list-search'
import type { RegisteredModel } from '@/domain/models/registry'
import { ConfirmDialog, Dialog, DialogFooter } from '@/ui/dialog'
import { EmptyState, ErrorState, Loading } from '@/ui/states'
import { Time } from '@/ui/time'
import { modelNameProblem } from './model-list'
import { CREATOR_EXPLANATION } from './model-list-table'
import { RegisteredModelDescription } from './registered-model-description'
import { failureMessage, useRegisteredModel } from './registered-model-edits'
import type { RegistryLinks } from './registered-model-links'
import { RegisteredModelTags } from './registered-model-tags'
import { RegistryUnavailable } from './registered-model-unavailable'
import { RegisteredModelVersions } from './registered-model-versions'
import './registered-model.css'

interface RegisteredModelPageProps {
  name: string
  links: RegistryLinks
  onCompare: (runIds: string[]) => void
  /** After the model is deleted: leave its page. */
  onDeleted: () => void
  /** After a rename: the page moves to the new name. */
  onRenamed: (newName: string) => void
}

function RenameDialog({
  name,
  onClose,
  onRenamed,
}: {
  name: string
  onClose: () => void
  onRenamed: (newName: string) => void
}) {
  const queryClient = useQueryClient()
  const [next, setNext] = useState(name)
  const id = useId()
  const rename = useMutation({
    mutationFn: (newName: string) => renameRegisteredModel(mlflowClientOf(queryClient), { name, newName }),
    onSuccess: (model) => {
      queryClient.removeQueries({ queryKey: modelQueries.get(name).queryKey })
      void queryClient.invalidateQueries({ queryKey: modelQueries.all() })
      onClose()
      onRenamed(model.name)
    },
  })
  const trimmed = next.trim()
  const problem = trimmed === name ? undefined : modelNameProblem(trimmed)
  return (
    <Dialog
      open
      title={`Rename ${name}`}
      onClose={onClose}
      onSubmit={() => {
        if (problem === undefined && trimmed !== name && !rename.isPending) rename.mutate(trimmed)
      }}
      footer={
        <DialogFooter
          submitLabel={rename.isPending ? 'Renaming…' : 'Rename'}
          disabled={rename.isPending || problem !== undefined || trimmed === name}
          onCancel={onClose}
        />
      }
    >
      <label htmlFor={`${id}-name`}>New name</label>
      <input
        id={`${id}-name`}
        className="input"
        value={next}
        autoFocus
        aria-invalid={problem !== undefined}
        onChange={(e) => {
          setNext(e.target.value)
        }}
      />
      <p className="muted">
        Versions, aliases and tags move with the model. Code that loads <code>models:/{name}/…</code> must use
        the new name.
      </p>
      {(problem ?? rename.error) && (
        <p className="form-error" role="alert">
          {problem ?? describeError(rename.error).detail}
        </p>
      )}
    </Dialog>
  )
}

function ModelFacts({
  model,
  versionCount,
  links,
}: {
  model: RegisteredModel
  versionCount: string
  links: RegistryLinks
}) {
  const latest = latestVersionOf(model)
  const creator = creatorOf(model)
  return (
    <dl className="registry-facts">
      <div>
        <dt>Created</dt>
        <dd>
          <Time epochMs={model.creationTimestamp} />
        </dd>
      </div>
      <div>
        <dt>Last modified</dt>
        <dd>
          <Time epochMs={model.lastUpdatedTimestamp} />
        </dd>
      </div>
      <div>
        <dt>Latest version</dt>
        <dd>
          {latest === undefined ? (
            <span className="muted">None</span>
          ) : (
            links.version(model.name, latest.version, `Version ${latest.version}`)
          )}
        </dd>
      </div>
      <div>
        <dt>Versions</dt>
        <dd>{versionCount}</dd>
      </div>
      <div>
        <dt title={CREATOR_EXPLANATION}>
          Created by{' '}
          <span className="info-mark" aria-hidden="true">
            i
          </span>
          <span className="visually-hidden"> ({CREATOR_EXPLANATION})</span>
        </dt>
        <dd>{creator ?? <span className="muted">—</span>}</dd>
      </div>
    </dl>
  )
}

/** One registered model: description, tags, aliases and versions, all editable in place. */
export function RegisteredModelPage({
  name,
  links,
  onCompare,
  onDeleted,
  onRenamed,
}: RegisteredModelPageProps) {
  const queryClient = useQueryClient()
  const { model, versions, edits } = useRegisteredModel(name)
  const [dialog, setDialog] = useState<'rename' | 'delete' | undefined>(undefined)
  const remove = useMutation({
    mutationFn: () => deleteRegisteredModel(mlflowClientOf(queryClient), name),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: modelQueries.get(name).queryKey })
      void queryClient.invalidateQueries({ queryKey: modelQueries.all() })
      onDeleted()
    },
  })
  const editable = !remove.isPending && !remove.isSuccess
  const { edit } = edits

  const heading = (
    <nav className="breadcrumb" aria-label="Breadcrumb">
      {links.models('Models')} <span aria-hidden="true">/</span>
    </nav>
  )
  let body: ReactNode
  if (model.isPending) {
    body = <Loading label={`Loading ${name}…`} />
  } else if (model.isError) {
    const description = describeError(model.error)
    body = isRegistryUnavailable(model.error) ? (
      <RegistryUnavailable detail={description.detail} />
    ) : isNotFound(model.error) ? (
      <EmptyState title={`There is no registered model named “${name}”.`}>
        <p>It may have been renamed or deleted. {links.models('See all registered models')}.</p>
      </EmptyState>
    ) : (
      <ErrorState
        title={description.title}
        detail={description.detail}
        onRetry={() => void model.refetch()}
      />
    )
  } else {
    const data = model.data
    const versionCount = versions.isSuccess
      ? `${versions.data.items.length.toLocaleString('en-US')}${versions.data.nextPageToken === undefined ? '' : '+'}`
      : '…'
    body = (
      <>
        <div className="page-header registry-header">
          <h1>{data.name}</h1>
          <span className="spacer" />
          <button
            type="button"
            className="button button-small"
            disabled={!editable}
            onClick={() => {
              setDialog('rename')
            }}
          >
            Rename
          </button>
          <button
            type="button"
            className="button button-small button-danger"
            disabled={!editable}
            onClick={() => {
              setDialog('delete')
            }}
          >
            Delete model
          </button>
        </div>
        {remove.isPending && (
          <p className="notice" role="status">
            Deleting {name}…
          </p>
        )}
        {remove.isError && (
          <div className="alert alert-error" role="alert">
            <span>{failureMessage(`delete the model “${name}”`, remove.error, false)}</span>
            <button
              type="button"
              className="button button-small"
              onClick={() => {
                remove.reset()
              }}
            >
              Dismiss
            </button>
          </div>
        )}
        {edits.failure !== undefined && (
          <div className="alert alert-error" role="alert">
            <span>{edits.failure}</span>
            <button type="button" className="button button-small" onClick={edits.dismissFailure}>
              Dismiss
            </button>
          </div>
        )}
        <ModelFacts model={data} versionCount={versionCount} links={links} />
        <div className="registry-columns">
          <RegisteredModelDescription
            description={data.description ?? ''}
            onSave={editable ? (description) => edit({ kind: 'describe', description }) : undefined}
          />
          <RegisteredModelTags
            tags={data.tags}
            onSet={editable ? (key, value) => edit({ kind: 'set-tag', key, value }) : undefined}
            onDelete={editable ? (key) => edit({ kind: 'delete-tag', key }) : undefined}
          />
        </div>
        {versions.isPending ? (
          <Loading label="Loading versions…" />
        ) : versions.isError ? (
          <ErrorState
            title={`The versions could not be loaded: ${describeError(versions.error).title}`}
            detail={describeError(versions.error).detail}
            onRetry={() => void versions.refetch()}
          />
        ) : (
          <RegisteredModelVersions
            name={name}
            versions={versions.data.items}
            aliases={data.aliases}
            links={links}
            truncated={versions.data.nextPageToken !== undefined}
            onSetAlias={
              editable ? (alias, version) => edit({ kind: 'set-alias', alias, version }) : undefined
            }
            onDeleteAlias={editable ? (alias) => edit({ kind: 'delete-alias', alias }) : undefined}
            onDeleteVersion={editable ? (version) => edit({ kind: 'delete-version', version }) : undefined}
            onCompare={onCompare}
          />
        )}
      </>
    )
  }

  return (
    <section className="registered-model" aria-label={`Registered model ${name}`}>
      {heading}
      {body}
      {dialog === 'rename' && (
        <RenameDialog
          name={name}
          onClose={() => {
            setDialog(undefined)
          }}
          onRenamed={onRenamed}
        />
      )}
      {dialog === 'delete' && (
        <ConfirmDialog
          title={`Delete ${name}?`}
          confirmLabel="Delete model"
          destructive
          onConfirm={() => {
            remove.mutate()
          }}
          onClose={() => {
            setDialog(undefined)
          }}
        >
          <p>
            “{name}” will be deleted for good, with all its versions, aliases and tags. The runs and logged
            models the versions came from stay. There is no undo.
          </p>
        </ConfirmDialog>
      )}
    </section>
  )
}

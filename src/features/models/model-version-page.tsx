import { useQuery } from '@tanstack/react-query'
import { useId, type ReactNode } from 'react'
import { describeError } from '@/api/describe-error'
import { isApiError } from '@/api/errors'
import { experimentQueries } from '@/api/experiments'
import { loggedModelQueries } from '@/api/logged-models'
import { isRegistryUnavailable } from '@/api/registry-availability'
import { runQueries } from '@/api/runs'
import type { ModelVersion } from '@/domain/models/registry'
import { EmptyState, ErrorState, Loading } from '@/ui/states'
import { Time } from '@/ui/time'
import { DeleteModelVersionButton, ModelVersionStageButton } from './model-version-actions'
import { ModelVersionAliases } from './model-version-aliases'
import { ModelVersionDescription } from './model-version-description'
import { PENDING_REFRESH_MS, useModelVersionEdits } from './model-version-edits'
import { ModelVersionTags } from './model-version-tags'
import { RegistryUnavailable } from './registered-model-unavailable'
import './model-version-page.css'

type RenderLink = (label: ReactNode) => ReactNode

export interface ModelVersionPageProps {
  name: string
  version: string
  renderModelsLink: RenderLink
  renderModelLink: RenderLink
  renderRunLink: (experimentId: string, runId: string, label: ReactNode) => ReactNode
  renderExperimentLink: (experimentId: string, label: ReactNode) => ReactNode
  renderLoggedModelLink: (experimentId: string, modelId: string, label: ReactNode) => ReactNode
  /** The version's files (the route mounts the artifact browser where they are). */
  renderFiles: (version: ModelVersion) => ReactNode
  /** Called once the server has deleted the version. */
  onDeleted: () => void
}

/** MLflow answers 404 `RESOURCE_DOES_NOT_EXIST` for an unknown model or version, 400 for a version that is not a number. */
function isNotFound(error: unknown, version: string): boolean {
  if (!isApiError(error)) return false
  if (error.status === 404 || error.errorCode === 'RESOURCE_DOES_NOT_EXIST') return true
  return !/^\d+$/.test(version) && error.errorCode === 'INVALID_PARAMETER_VALUE'
}

/** The server's message as a sentence: MLflow's often lack the final period. */
function sentence(text: string): string {
  const trimmed = text.trim()
  return trimmed === '' || /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`
}

/**
 * A registered model version: where it came from (run, experiment, LoggedModel), its status and
 * stage, aliases, tags and description (all editable, shown at once and undone with the server's
 * reason if refused), its files, and deleting it.
 */
export function ModelVersionPage(props: ModelVersionPageProps) {
  const { name, version, renderModelsLink } = props
  const { query, model, edits } = useModelVersionEdits(name, version)
  const title = `${name} version ${version}`

  // A failed refetch keeps showing the version it already had.
  if (query.data !== undefined) {
    return (
      <VersionView
        {...props}
        data={query.data}
        modelAliases={model.data?.aliases ?? {}}
        failure={edits.failure}
        onDismissFailure={edits.dismissFailure}
        edit={edits.edit}
      />
    )
  }
  if (query.isError) {
    if (isRegistryUnavailable(query.error)) {
      return <RegistryUnavailable detail={describeError(query.error).detail} />
    }
    if (isNotFound(query.error, version)) {
      return (
        <EmptyState title={`There is no ${title}`}>
          <p className="muted">
            {sentence(describeError(query.error).detail)} It may have been deleted, or the link has a typo.
          </p>
          <p>{renderModelsLink('See every registered model')}</p>
        </EmptyState>
      )
    }
    return (
      <ErrorState
        title={`Could not load ${title}`}
        detail={describeError(query.error).detail}
        onRetry={() => {
          void query.refetch()
        }}
      />
    )
  }
  return <Loading label={`Loading ${title}…`} />
}

interface VersionViewProps extends ModelVersionPageProps {
  data: ModelVersion
  modelAliases: Readonly<Record<string, string>>
  failure: string | undefined
  onDismissFailure: () => void
  edit: ReturnType<typeof useModelVersionEdits>['edits']['edit']
}

function VersionView({
  name,
  version,
  data,
  modelAliases,
  failure,
  onDismissFailure,
  edit,
  renderModelLink,
  renderRunLink,
  renderExperimentLink,
  renderLoggedModelLink,
  renderFiles,
  onDeleted,
}: VersionViewProps) {
  const filesHeadingId = useId()
  const stage = data.currentStage === undefined || data.currentStage === '' ? 'None' : data.currentStage
  return (
    <div className="mv-page">
      <header className="entity-header mv-header">
        <h1>
          {name} <span className="mv-version-number">version {version}</span>
        </h1>
        <div className="mv-header-badges">
          <StatusBadge status={data.status} />
          <span className="badge badge-muted" title="Stage (deprecated in MLflow: aliases replace it)">
            Stage: {stage}
          </span>
          {data.aliases.map((alias) => (
            <span key={alias} className="badge mv-alias-badge mono">
              @{alias}
            </span>
          ))}
        </div>
        <p className="muted">Registered model {renderModelLink(name)}</p>
      </header>

      <StatusNotice data={data} />
      {failure !== undefined && (
        <div className="alert alert-error" role="alert">
          <span>{failure}</span>
          <button type="button" className="button button-small" onClick={onDismissFailure}>
            Dismiss
          </button>
        </div>
      )}

      <VersionFacts
        data={data}
        renderRunLink={renderRunLink}
        renderExperimentLink={renderExperimentLink}
        renderLoggedModelLink={renderLoggedModelLink}
      />

      <div className="mv-actions mv-top-actions">
        <ModelVersionStageButton
          current={stage}
          onTransition={(next, archiveExisting) => {
            void edit({ kind: 'stage', stage: next, archiveExisting })
          }}
        />
        <DeleteModelVersionButton
          label={`${name} version ${version}`}
          aliases={data.aliases}
          onConfirm={() => {
            void edit({ kind: 'delete' }).then((ok) => {
              if (ok) onDeleted()
            })
          }}
        />
      </div>

      <div className="columns">
        <ModelVersionAliases
          version={version}
          aliases={data.aliases}
          modelAliases={modelAliases}
          onAdd={(alias) => edit({ kind: 'set-alias', alias })}
          onRemove={(alias) => edit({ kind: 'delete-alias', alias })}
        />
        <ModelVersionTags
          tags={data.tags}
          onSet={(key, value) => edit({ kind: 'set-tag', key, value })}
          onDelete={(key) => edit({ kind: 'delete-tag', key })}
        />
      </div>
      <ModelVersionDescription
        description={data.description ?? ''}
        onSave={(description) => edit({ kind: 'description', description })}
      />
      <section className="mv-section" aria-labelledby={filesHeadingId}>
        <div className="mv-section-header">
          <h2 id={filesHeadingId}>Model and files</h2>
        </div>
        {renderFiles(data)}
      </section>
    </div>
  )
}

const STATUS_LABELS = {
  READY: 'Ready',
  PENDING_REGISTRATION: 'Pending registration',
  FAILED_REGISTRATION: 'Registration failed',
} as const

function StatusBadge({ status }: { status: ModelVersion['status'] }) {
  if (status === undefined) return null
  const tone =
    status === 'READY'
      ? 'mv-status-ready'
      : status === 'PENDING_REGISTRATION'
        ? 'mv-status-pending'
        : 'mv-status-failed'
  return <span className={`badge mv-status ${tone}`}>{STATUS_LABELS[status]}</span>
}

/** A version that is not READY says why, with the server's status message; a pending one is watched. */
function StatusNotice({ data }: { data: ModelVersion }) {
  const message =
    data.statusMessage === undefined || data.statusMessage === '' ? undefined : data.statusMessage
  if (data.status === 'PENDING_REGISTRATION') {
    return (
      <div className="mv-status-notice mv-status-notice-pending" role="status">
        <span className="spinner" aria-hidden="true" />
        <span>
          <strong>Registration is still in progress.</strong> {message ?? 'The files are being copied.'} This
          page checks again every {PENDING_REFRESH_MS / 1000} seconds until it is done.
        </span>
      </div>
    )
  }
  if (data.status === 'FAILED_REGISTRATION') {
    return (
      <div className="mv-status-notice mv-status-notice-failed" role="alert">
        <strong>Registration failed.</strong> {message ?? 'The server gave no reason.'}
      </div>
    )
  }
  if (message === undefined) return null
  return <p className="muted">Status message: {message}</p>
}

interface VersionFactsProps {
  data: ModelVersion
  renderRunLink: ModelVersionPageProps['renderRunLink']
  renderExperimentLink: ModelVersionPageProps['renderExperimentLink']
  renderLoggedModelLink: ModelVersionPageProps['renderLoggedModelLink']
}

/** When and by whom, and where the version came from: its run, that run's experiment, its LoggedModel. */
function VersionFacts({
  data,
  renderRunLink,
  renderExperimentLink,
  renderLoggedModelLink,
}: VersionFactsProps) {
  const runId = data.runId === undefined || data.runId === '' ? undefined : data.runId
  const run = useQuery({ ...runQueries.get(runId ?? ''), enabled: runId !== undefined })
  const loggedModel = useQuery({
    ...loggedModelQueries.get(data.modelId ?? ''),
    enabled: data.modelId !== undefined,
  })
  const experimentId = run.data?.info.experimentId ?? loggedModel.data?.experimentId
  const experiment = useQuery({
    ...experimentQueries.get(experimentId ?? ''),
    enabled: experimentId !== undefined,
  })
  const runName = run.data?.info.runName
  return (
    <dl className="facts mv-facts">
      <div>
        <dt>Registered</dt>
        <dd>
          <Time epochMs={data.creationTimestamp} />
        </dd>
      </div>
      <div>
        <dt>Last updated</dt>
        <dd>
          <Time epochMs={data.lastUpdatedTimestamp} />
        </dd>
      </div>
      {data.userId !== undefined && data.userId !== '' && (
        <div>
          <dt>By</dt>
          <dd>{data.userId}</dd>
        </div>
      )}
      {runId !== undefined && (
        <div>
          <dt>Source run</dt>
          <dd>
            {experimentId !== undefined ? (
              renderRunLink(experimentId, runId, runName !== undefined && runName !== '' ? runName : runId)
            ) : run.isError ? (
              <span className="mono" title="The run could not be loaded">
                {runId}
              </span>
            ) : (
              <span className="mono">{runId}</span>
            )}
          </dd>
        </div>
      )}
      {experimentId !== undefined && (
        <div>
          <dt>Experiment</dt>
          <dd>{renderExperimentLink(experimentId, experiment.data?.name ?? `Experiment ${experimentId}`)}</dd>
        </div>
      )}
      {data.modelId !== undefined && (
        <div>
          <dt>Logged model</dt>
          <dd>
            {experimentId !== undefined ? (
              renderLoggedModelLink(experimentId, data.modelId, loggedModel.data?.name ?? data.modelId)
            ) : (
              <span className="mono">{data.modelId}</span>
            )}
          </dd>
        </div>
      )}
      <div className="mv-source">
        <dt>Source</dt>
        <dd className="mono">{data.source ?? '—'}</dd>
      </div>
    </dl>
  )
}

import { useQueries, useQuery } from '@tanstack/react-query'
import { useId, useMemo, useState, type ReactNode } from 'react'
import { artifactQueries } from '@/api/artifacts'
import { describeError } from '@/api/describe-error'
import { loggedModelQueries } from '@/api/logged-models'
import { modelQueries } from '@/api/model-registry'
import { loggedModelSource, runSource, type ArtifactSource } from '@/domain/artifacts/artifact-source'
import { parseMlmodel, pythonVersionOf } from '@/domain/artifacts/mlmodel'
import type { RegisterTarget } from '@/domain/models/logged-model-register'
import type { LoggedModel, LoggedModelStatus } from '@/domain/models/registry'
import type { Run } from '@/domain/runs/run'
import { runModels, type HistoryModel } from '@/domain/runs/run-models'
import { ErrorState, Loading } from '@/ui/states'
import { Time } from '@/ui/time'
import type { RunLinks } from './run-facts'

/**
 * What the route adds to each model: a link to a logged model's own page, and a control that
 * registers the model as a version (the route mounts the dialog; features do not import each other).
 */
export interface RunModelActions {
  renderLoggedModelLink?: (experimentId: string, modelId: string, label: string) => ReactNode
  renderRegisterAction?: (target: RegisterTarget, suggestedName: string) => ReactNode
}

type ModelLinks = Pick<RunLinks, 'renderArtifactsLink' | 'renderModelVersionLink'> & RunModelActions

/** Environment files are small; more than this is not read for the summary. */
const ENVIRONMENT_BYTES = 16 * 1024

const STATUS_LABELS: Record<LoggedModelStatus, string> = {
  LOGGED_MODEL_STATUS_UNSPECIFIED: 'unknown',
  LOGGED_MODEL_PENDING: 'pending',
  LOGGED_MODEL_READY: 'ready',
  LOGGED_MODEL_UPLOAD_FAILED: 'upload failed',
}

const STATUS_CLASSES: Record<LoggedModelStatus, string> = {
  LOGGED_MODEL_STATUS_UNSPECIFIED: 'status',
  LOGGED_MODEL_PENDING: 'status status-running',
  LOGGED_MODEL_READY: 'status status-finished',
  LOGGED_MODEL_UPLOAD_FAILED: 'status status-failed',
}

const decoder = new TextDecoder()

/** The non-comment lines of a requirements file. */
function requirementLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
}

function useEnvironmentFile(source: ArtifactSource, path: string, enabled: boolean) {
  return useQuery({
    ...artifactQueries.content({ source, path, range: { start: 0, end: ENVIRONMENT_BYTES - 1 } }),
    enabled,
    retry: false,
    select: (bytes) => ({ text: decoder.decode(bytes.bytes), partial: bytes.partial }),
  })
}

/** Python version and requirements of a model, read from its files only when asked for. */
function EnvironmentDetails({
  source,
  directory,
  label,
}: {
  source: ArtifactSource
  directory: string
  label: string
}) {
  const [open, setOpen] = useState(false)
  const panelId = useId()
  const environment = useEnvironmentFile(source, `${directory}python_env.yaml`, open)
  const requirements = useEnvironmentFile(source, `${directory}requirements.txt`, open)
  const python = environment.data === undefined ? undefined : pythonVersionOf(environment.data.text)
  const lines = requirements.data === undefined ? [] : requirementLines(requirements.data.text)
  return (
    <div className="model-environment">
      <button
        type="button"
        className="button button-small"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setOpen((value) => !value)
        }}
      >
        {open ? 'Hide environment' : 'Show environment'}
      </button>
      {open && (
        <div
          id={panelId}
          role="region"
          aria-label={`Environment of ${label}`}
          className="model-environment-panel"
        >
          {environment.isPending || requirements.isPending ? (
            <Loading label="Reading the environment files…" />
          ) : (
            <dl className="facts">
              <div>
                <dt>Python</dt>
                <dd>
                  {python ?? (
                    <span className="muted">{environment.isError ? 'no python_env.yaml' : 'not pinned'}</span>
                  )}
                </dd>
              </div>
              <div>
                <dt>Requirements</dt>
                <dd>
                  {requirements.isError ? (
                    <span className="muted">no requirements.txt</span>
                  ) : lines.length === 0 ? (
                    <span className="muted">none</span>
                  ) : (
                    <ul className="requirements-list mono">
                      {lines.map((line) => (
                        <li key={line}>{line}</li>
                      ))}
                      {requirements.data.partial && <li className="muted">…</li>}
                    </ul>
                  )}
                </dd>
              </div>
            </dl>
          )}
        </div>
      )}
    </div>
  )
}

function Flavors({ flavors }: { flavors: readonly string[] }) {
  if (flavors.length === 0) return null
  return (
    <div>
      <dt>Flavors</dt>
      <dd>{flavors.join(', ')}</dd>
    </div>
  )
}

/** The first 64 KB of a model's MLmodel hold its flavors; a larger MLmodel is not worth more here. */
const MLMODEL_HEAD = { start: 0, end: 64 * 1024 - 1 }

/**
 * A logged model's flavors: from `mlflow.log-model.history` when it names them, else from the
 * model's own `MLmodel` (MLflow 3's `log_model` writes no history entry). A model without one (its
 * upload failed) simply shows none.
 */
function LoggedModelFlavors({ modelId, known }: { modelId: string; known: readonly string[] }) {
  const query = useQuery({
    ...artifactQueries.content({ source: loggedModelSource(modelId), path: 'MLmodel', range: MLMODEL_HEAD }),
    enabled: known.length === 0,
    retry: false,
  })
  const flavors = useMemo(() => {
    if (known.length > 0 || query.data === undefined) return known
    const parsed = parseMlmodel(new TextDecoder().decode(query.data.bytes))
    return parsed.ok ? parsed.model.flavors.map((flavor) => flavor.name) : []
  }, [known, query.data])
  return <Flavors flavors={flavors} />
}

interface LoggedModelCardProps extends ModelLinks {
  modelId: string
  query: { data: LoggedModel | undefined; isPending: boolean; error: Error | null; refetch: () => unknown }
  history: HistoryModel | undefined
}

function LoggedModelCard({
  modelId,
  query,
  history,
  renderArtifactsLink,
  renderModelVersionLink,
  renderLoggedModelLink,
  renderRegisterAction,
}: LoggedModelCardProps) {
  const model = query.data
  const name = model?.name ?? history?.artifactPath ?? modelId
  let body: ReactNode
  if (model !== undefined) {
    body = (
      <dl className="facts run-card-facts">
        {model.modelType !== undefined && (
          <div>
            <dt>Type</dt>
            <dd>{model.modelType}</dd>
          </div>
        )}
        <LoggedModelFlavors modelId={modelId} known={history?.flavors ?? []} />
        <div>
          <dt>Logged</dt>
          <dd>
            <Time epochMs={model.creationTimestamp ?? history?.createdAt} />
          </dd>
        </div>
        {model.registrations.length > 0 && (
          <div>
            <dt>Registered as</dt>
            <dd>
              {model.registrations.map((registration, index) => (
                <span key={`${registration.name}/${registration.version}`}>
                  {index > 0 && ', '}
                  {renderModelVersionLink(
                    registration.name,
                    registration.version,
                    `${registration.name} v${registration.version}`,
                  )}
                </span>
              ))}
            </dd>
          </div>
        )}
      </dl>
    )
  } else if (query.isPending) {
    body = <Loading label={`Loading model ${modelId}…`} />
  } else {
    const description = describeError(query.error)
    body = (
      <ErrorState
        title={`Could not load the model ${modelId}`}
        detail={description.detail === '' ? description.title : description.detail}
        onRetry={() => void query.refetch()}
      />
    )
  }
  return (
    <li className="run-card" aria-label={`Model ${name}`}>
      <div className="run-card-title">
        <strong>
          {model !== undefined && renderLoggedModelLink !== undefined
            ? renderLoggedModelLink(model.experimentId, modelId, name)
            : name}
        </strong>
        {model?.status !== undefined && (
          <span className={STATUS_CLASSES[model.status]}>{STATUS_LABELS[model.status]}</span>
        )}
        <span className="mono muted">{modelId}</span>
        {renderArtifactsLink({ model: modelId }, 'Files')}
        {model !== undefined &&
          renderRegisterAction?.(
            { kind: 'logged-model', modelId, sourceRunId: model.sourceRunId },
            model.name,
          )}
      </div>
      {body}
      <EnvironmentDetails source={loggedModelSource(modelId)} directory="" label={name} />
    </li>
  )
}

function HistoryModelCard({
  runId,
  entry,
  renderArtifactsLink,
  renderRegisterAction,
}: { runId: string; entry: HistoryModel } & ModelLinks) {
  const path = entry.artifactPath ?? ''
  const name = path === '' ? 'model' : path
  return (
    <li className="run-card" aria-label={`Model ${name}`}>
      <div className="run-card-title">
        <strong className="mono">{name}</strong>
        <span className="badge badge-muted">run artifacts</span>
        {path !== '' && renderArtifactsLink({ path: `${path}/` }, 'Files')}
        {path !== '' &&
          renderRegisterAction?.(
            { kind: 'run-artifact', runId, artifactPath: path },
            entry.registeredModelName ?? path.split('/').pop() ?? path,
          )}
      </div>
      <dl className="facts run-card-facts">
        <Flavors flavors={entry.flavors} />
        <div>
          <dt>Logged</dt>
          <dd>
            <Time epochMs={entry.createdAt} />
          </dd>
        </div>
        {entry.registeredModelName !== undefined && (
          <div>
            <dt>Registered model</dt>
            <dd>{entry.registeredModelName}</dd>
          </div>
        )}
      </dl>
      {path !== '' && <EnvironmentDetails source={runSource(runId)} directory={`${path}/`} label={name} />}
    </li>
  )
}

interface VersionRef {
  name: string
  version: string
}

function RegisteredVersions({
  runId,
  fromLoggedModels,
  renderModelVersionLink,
}: { runId: string; fromLoggedModels: readonly VersionRef[] } & Pick<RunLinks, 'renderModelVersionLink'>) {
  // Run ids are hexadecimal; anything else is not put into a filter.
  const searchable = /^[\w-]+$/.test(runId)
  const query = useQuery({
    ...modelQueries.searchVersions({ filter: `run_id = '${runId}'`, maxResults: 1000 }),
    enabled: searchable,
  })
  const seen = new Set<string>()
  const versions: VersionRef[] = []
  for (const version of [...(query.data?.items ?? []), ...fromLoggedModels]) {
    const key = JSON.stringify([version.name, version.version])
    if (seen.has(key)) continue
    seen.add(key)
    versions.push({ name: version.name, version: version.version })
  }
  return (
    <div className="registered-versions">
      <h3>Registered versions</h3>
      {searchable && query.isPending ? (
        <Loading label="Loading registered versions…" />
      ) : (
        <>
          {query.isError && (
            <ErrorState
              title="Could not load the registered versions"
              detail={describeError(query.error).detail}
              onRetry={() => void query.refetch()}
            />
          )}
          {versions.length === 0 ? (
            !query.isError && <p className="muted">No registered versions come from this run.</p>
          ) : (
            <ul className="registered-versions-list" aria-label="Registered versions">
              {versions.map((version) => (
                <li key={`${version.name}/${version.version}`}>
                  {renderModelVersionLink(
                    version.name,
                    version.version,
                    `${version.name} v${version.version}`,
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  )
}

/** The models the run logged (MLflow 3 logged models and MLflow 2 `log_model`), and what was registered from them. */
export function RunModels({
  run,
  renderArtifactsLink,
  renderModelVersionLink,
  renderLoggedModelLink,
  renderRegisterAction,
}: { run: Run } & ModelLinks) {
  const models = runModels(run)
  const queries = useQueries({
    queries: models.loggedModelIds.map((modelId) => loggedModelQueries.get(modelId)),
  })
  const fromLoggedModels = queries.flatMap((query) => query.data?.registrations ?? [])
  const count = models.loggedModelIds.length + models.legacy.length
  return (
    <section className="run-section" aria-labelledby="run-models-heading">
      <h2 id="run-models-heading">Models</h2>
      {count === 0 ? (
        <p className="muted">No models logged.</p>
      ) : (
        <ul className="run-cards" aria-label="Logged models">
          {models.loggedModelIds.map((modelId, index) => {
            const query = queries[index]
            return query === undefined ? null : (
              <LoggedModelCard
                key={modelId}
                modelId={modelId}
                query={query}
                history={models.historyByModelId.get(modelId)}
                renderArtifactsLink={renderArtifactsLink}
                renderModelVersionLink={renderModelVersionLink}
                renderLoggedModelLink={renderLoggedModelLink}
                renderRegisterAction={renderRegisterAction}
              />
            )
          })}
          {models.legacy.map((entry, index) => (
            <HistoryModelCard
              key={`${index}:${entry.artifactPath ?? ''}`}
              runId={run.info.runId}
              entry={entry}
              renderArtifactsLink={renderArtifactsLink}
              renderModelVersionLink={renderModelVersionLink}
              renderRegisterAction={renderRegisterAction}
            />
          ))}
        </ul>
      )}
      <RegisteredVersions
        runId={run.info.runId}
        fromLoggedModels={fromLoggedModels}
        renderModelVersionLink={renderModelVersionLink}
      />
    </section>
  )
}

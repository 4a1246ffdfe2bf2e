import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { describeError } from '@/api/describe-error'
import { isNotFound } from '@/api/errors'
import { runQueries } from '@/api/runs'
import { latestLoggedModelMetrics, loggedModelMetricLabel } from '@/domain/models/logged-model-list'
import type { LoggedModel } from '@/domain/models/registry'
import { formatMetricValue } from '@/domain/format/format-number'
import { EmptyState, ErrorState, Loading } from '@/ui/states'
import { Time } from '@/ui/time'
import type { LoggedModelLinks } from './logged-model-links'
import { LoggedModelStatusBadge, RegistrationLinks } from './logged-model-parts'
import { LoggedModelTags } from './logged-model-tags'
import { useLoggedModelEdits } from './use-logged-model-edits'
import './logged-models.css'

interface LoggedModelOverviewProps extends Pick<LoggedModelLinks, 'renderRunLink' | 'renderVersionLink'> {
  modelId: string
  /** Buttons beside the name (registering a version), given the loaded model. */
  renderActions?: (model: LoggedModel) => ReactNode
}

/** The run's name once it has loaded (the id until then, or when the run is gone). */
function SourceRunLink({
  experimentId,
  runId,
  renderRunLink,
}: { experimentId: string; runId: string } & Pick<LoggedModelLinks, 'renderRunLink'>) {
  const run = useQuery({ ...runQueries.get(runId), retry: false })
  const name = run.data?.info.runName
  return <>{renderRunLink(experimentId, runId, name === undefined || name === '' ? runId : name)}</>
}

function Facts({ model, renderRunLink }: { model: LoggedModel } & Pick<LoggedModelLinks, 'renderRunLink'>) {
  return (
    <dl className="facts logged-model-facts">
      <div>
        <dt>Model ID</dt>
        <dd className="mono">{model.modelId}</dd>
      </div>
      <div>
        <dt>Status</dt>
        <dd>
          <LoggedModelStatusBadge status={model.status} />
        </dd>
      </div>
      <div>
        <dt>Source run</dt>
        <dd>
          {model.sourceRunId === undefined ? (
            <span className="muted">none</span>
          ) : (
            <SourceRunLink
              experimentId={model.experimentId}
              runId={model.sourceRunId}
              renderRunLink={renderRunLink}
            />
          )}
        </dd>
      </div>
      <div>
        <dt>Created</dt>
        <dd>
          <Time epochMs={model.creationTimestamp} />
        </dd>
      </div>
      <div>
        <dt>Last updated</dt>
        <dd>
          <Time epochMs={model.lastUpdatedTimestamp} />
        </dd>
      </div>
      {model.modelType !== undefined && (
        <div>
          <dt>Type</dt>
          <dd>{model.modelType}</dd>
        </div>
      )}
      {model.artifactUri !== undefined && (
        <div>
          <dt>Artifact location</dt>
          <dd className="mono">{model.artifactUri}</dd>
        </div>
      )}
    </dl>
  )
}

function ParamsTable({ params }: { params: LoggedModel['params'] }) {
  const entries = Object.entries(params).sort(([a], [b]) => a.localeCompare(b))
  return (
    <section className="logged-model-section" aria-labelledby="logged-model-params">
      <h2 id="logged-model-params">Parameters</h2>
      {entries.length === 0 ? (
        <p className="muted">No parameters.</p>
      ) : (
        <table className="kv-table" aria-label="Parameters">
          <tbody>
            {entries.map(([key, value]) => (
              <tr key={key}>
                <th scope="row">{key}</th>
                <td className="mono">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

function MetricsTable({ model }: { model: LoggedModel }) {
  const metrics = latestLoggedModelMetrics(model.metrics)
  return (
    <section className="logged-model-section" aria-labelledby="logged-model-metrics">
      <h2 id="logged-model-metrics">Metrics</h2>
      {metrics.length === 0 ? (
        <p className="muted">No metrics.</p>
      ) : (
        <table className="logged-model-table" aria-label="Metrics">
          <thead>
            <tr>
              <th scope="col">Metric</th>
              <th scope="col">Dataset</th>
              <th scope="col">Value</th>
              <th scope="col">Step</th>
              <th scope="col">Logged</th>
            </tr>
          </thead>
          <tbody>
            {metrics.map((metric) => (
              <tr key={`${metric.key}:${metric.datasetName ?? ''}:${metric.datasetDigest ?? ''}`}>
                <th scope="row" title={loggedModelMetricLabel(metric)}>
                  {metric.key}
                </th>
                <td>
                  {metric.datasetName ?? <span className="muted">—</span>}
                  {metric.datasetDigest !== undefined && (
                    <span className="mono muted"> {metric.datasetDigest}</span>
                  )}
                </td>
                <td className="numeric" title={String(metric.value)}>
                  {formatMetricValue(metric.value)}
                </td>
                <td className="numeric">{metric.step}</td>
                <td>
                  <Time epochMs={metric.timestamp} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

/**
 * One MLflow 3 logged model: status, source run, params, metrics (per dataset), the versions
 * registered from it, and its tags, which are edited in place.
 */
export function LoggedModelOverview({
  modelId,
  renderRunLink,
  renderVersionLink,
  renderActions,
}: LoggedModelOverviewProps) {
  const { query, edit, failure, dismissFailure } = useLoggedModelEdits(modelId)
  if (query.isPending) return <Loading label="Loading model…" />
  if (query.isError) {
    if (isNotFound(query.error)) {
      return (
        <EmptyState title="No such logged model">
          <p className="muted">
            The server has no logged model <span className="mono">{modelId}</span>: it may have been deleted,
            or the server is older than MLflow 3.
          </p>
        </EmptyState>
      )
    }
    const description = describeError(query.error)
    return (
      <ErrorState
        title={description.title}
        detail={description.detail}
        onRetry={() => void query.refetch()}
      />
    )
  }
  const model = query.data
  return (
    <article className="logged-model-overview">
      {failure !== undefined && (
        <div className="alert alert-error" role="alert">
          <span>{failure}</span>
          <button type="button" className="button button-small" onClick={dismissFailure}>
            Dismiss
          </button>
        </div>
      )}
      <div className="page-header">
        <h1>{model.name}</h1>
        <LoggedModelStatusBadge status={model.status} />
        {renderActions?.(model)}
      </div>
      <Facts model={model} renderRunLink={renderRunLink} />
      <section className="logged-model-section" aria-labelledby="logged-model-versions">
        <h2 id="logged-model-versions">Registered versions</h2>
        <RegistrationLinks
          registrations={model.registrations}
          renderVersionLink={renderVersionLink}
          empty={<p className="muted">Not registered yet.</p>}
        />
      </section>
      <ParamsTable params={model.params} />
      <MetricsTable model={model} />
      <LoggedModelTags
        tags={model.tags}
        onSet={(key, value) => edit({ kind: 'set-tag', key, value })}
        onDelete={(key) => edit({ kind: 'delete-tag', key })}
      />
    </article>
  )
}

import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { describeError } from '@/api/describe-error'
import { runQueries } from '@/api/runs'
import { formatDuration } from '@/domain/format/format-time'
import { SYSTEM_TAGS, type Run } from '@/domain/runs/run'
import { ErrorState, Loading } from '@/ui/states'
import { Markdown } from '@/ui/markdown'
import { Time } from '@/ui/time'

interface RunOverviewProps {
  runId: string
  /**
   * The same run in the tracking server's own UI, for what Runboard does not show yet (traces,
   * GenAI evaluations); absent when that UI is not reachable from the browser.
   */
  mlflowUiHref?: string
  renderExperimentLink: (experimentId: string) => ReactNode
  renderRunLink: (runId: string, label: string) => ReactNode
}

function formatMetric(value: number): string {
  if (Number.isNaN(value)) return 'NaN'
  if (!Number.isFinite(value) || Math.abs(value) >= 1e300) return value > 0 ? '∞' : '−∞'
  return Number.isInteger(value) ? String(value) : value.toPrecision(6).replace(/\.?0+$/, '')
}

function KeyValueTable({ label, rows }: { label: string; rows: [string, ReactNode][] }) {
  if (rows.length === 0) return <p className="muted">No {label.toLowerCase()}.</p>
  return (
    <table className="kv-table" aria-label={label}>
      <tbody>
        {rows.map(([key, value]) => (
          <tr key={key}>
            <th scope="row">{key}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function Facts({ run, renderExperimentLink, renderRunLink }: { run: Run } & Omit<RunOverviewProps, 'runId'>) {
  const { info, tags } = run
  const parent = tags[SYSTEM_TAGS.parentRunId]
  const commit = tags[SYSTEM_TAGS.gitCommit]
  return (
    <dl className="facts">
      <div>
        <dt>Run ID</dt>
        <dd className="mono">{info.runId}</dd>
      </div>
      <div>
        <dt>Experiment</dt>
        <dd>{renderExperimentLink(info.experimentId)}</dd>
      </div>
      <div>
        <dt>Status</dt>
        <dd>
          <span className={`status status-${info.status.toLowerCase()}`}>{info.status.toLowerCase()}</span>
        </dd>
      </div>
      <div>
        <dt>Started</dt>
        <dd>
          <Time epochMs={info.startTime} />
        </dd>
      </div>
      <div>
        <dt>Duration</dt>
        <dd>
          {info.startTime !== undefined && info.endTime !== undefined
            ? formatDuration(info.endTime - info.startTime)
            : '—'}
        </dd>
      </div>
      <div>
        <dt>User</dt>
        <dd>{tags[SYSTEM_TAGS.user] ?? info.userId ?? '—'}</dd>
      </div>
      <div>
        <dt>Source</dt>
        <dd className="mono">{tags[SYSTEM_TAGS.sourceName] ?? '—'}</dd>
      </div>
      {commit !== undefined && (
        <div>
          <dt>Git commit</dt>
          <dd className="mono" title={commit}>
            {commit.slice(0, 10)}
            {tags[SYSTEM_TAGS.gitBranch] !== undefined && ` (${tags[SYSTEM_TAGS.gitBranch]})`}
          </dd>
        </div>
      )}
      {parent !== undefined && (
        <div>
          <dt>Parent run</dt>
          <dd>{renderRunLink(parent, parent.slice(0, 8))}</dd>
        </div>
      )}
    </dl>
  )
}

/** One run at a glance: facts, description, parameters, latest metrics and tags. */
export function RunOverview({ runId, mlflowUiHref, renderExperimentLink, renderRunLink }: RunOverviewProps) {
  const query = useQuery(runQueries.get(runId))
  if (query.isPending) return <Loading label="Loading run…" />
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
  const run = query.data
  const note = run.tags[SYSTEM_TAGS.note]
  const userTags = Object.entries(run.tags).filter(([key]) => !key.startsWith('mlflow.'))
  return (
    <article className="run-overview">
      <div className="page-header">
        <h1>{run.info.runName || run.info.runId}</h1>
        {run.info.lifecycleStage === 'deleted' && <span className="badge badge-muted">Deleted</span>}
        {mlflowUiHref !== undefined && (
          <a className="header-link" href={mlflowUiHref} target="_blank" rel="noopener noreferrer">
            Open in MLflow's UI (traces, evaluations)
          </a>
        )}
      </div>
      <Facts run={run} renderExperimentLink={renderExperimentLink} renderRunLink={renderRunLink} />
      {note !== undefined && note.trim() !== '' && (
        <section aria-label="Description">
          <h2>Description</h2>
          <Markdown source={note} />
        </section>
      )}
      <div className="columns">
        <section>
          <h2>Parameters</h2>
          <KeyValueTable
            label="Parameters"
            rows={Object.entries(run.params).map(([key, value]) => [
              key,
              <span className="mono">{value}</span>,
            ])}
          />
        </section>
        <section>
          <h2>Metrics</h2>
          <KeyValueTable
            label="Metrics"
            rows={Object.values(run.metrics).map((metric) => [
              metric.key,
              <span className="mono" title={`step ${metric.step}`}>
                {formatMetric(metric.value)}
              </span>,
            ])}
          />
        </section>
      </div>
      <section>
        <h2>Tags</h2>
        <KeyValueTable label="Tags" rows={userTags.map(([key, value]) => [key, value])} />
      </section>
    </article>
  )
}

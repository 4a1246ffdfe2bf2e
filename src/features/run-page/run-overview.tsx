import type { ReactNode } from 'react'
import { describeError } from '@/api/describe-error'
import { SYSTEM_TAGS } from '@/domain/runs/run'
import { ErrorState, Loading } from '@/ui/states'
import { RunFacts, type RunLinks } from './run-facts'
import { DeletedRunBanner, DeleteRunButton } from './run-lifecycle'
import { RunMetricsTable, type RenderMetricLink } from './run-metrics-table'
import { RunDatasets } from './run-datasets'
import { RunChildren } from './run-family'
import { RunModels, type RunModelActions } from './run-models'
import { RunNote } from './run-note'
import { ChangedElsewhere, EditFailure } from './run-notices'
import { RunParamsTable } from './run-params-table'
import { RunTags } from './run-tags'
import { RunTitle } from './run-title'
import { useRunEdits } from './use-run-edits'
import './run-page.css'

interface RunOverviewProps extends RunLinks, RunModelActions {
  runId: string
  /**
   * The same run in the tracking server's own UI, for what Runboard does not show yet (traces,
   * GenAI evaluations); absent when that UI is not reachable from the browser.
   */
  mlflowUiHref?: string
  /** A link to a metric's chart on the Metrics tab. */
  renderMetricLink: RenderMetricLink
}

function HeaderLink({ href }: { href: string }): ReactNode {
  return (
    <a className="header-link" href={href} target="_blank" rel="noopener noreferrer">
      Open in MLflow's UI (traces, evaluations)
    </a>
  )
}

/**
 * One run at a glance: facts, description, parameters, latest metrics and tags; the name, the
 * description and user tags are edited in place, and the run is deleted and restored from here.
 */
export function RunOverview({
  runId,
  mlflowUiHref,
  renderExperimentLink,
  renderRunLink,
  renderMetricLink,
  renderArtifactsLink,
  renderModelVersionLink,
  renderLoggedModelLink,
  renderRegisterAction,
}: RunOverviewProps) {
  const { query, edits } = useRunEdits(runId)
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
  const { edit } = edits
  const deleted = run.info.lifecycleStage === 'deleted'
  const runLabel = run.info.runName || run.info.runId
  // MLflow refuses every edit of a deleted run (400), so only restoring is offered.
  const editable = !deleted
  return (
    <article className="run-overview">
      {edits.failure !== undefined && (
        <EditFailure message={edits.failure} onDismiss={edits.dismissFailure} />
      )}
      {edits.changedElsewhere.length > 0 && (
        <ChangedElsewhere changes={edits.changedElsewhere} onDismiss={edits.dismissChangedElsewhere} />
      )}
      <div className="page-header">
        <RunTitle
          name={run.info.runName}
          fallback={run.info.runId}
          onRename={editable ? (name) => edit({ kind: 'rename', name }) : undefined}
        />
        {deleted && <span className="badge badge-muted">Deleted</span>}
        {!deleted && <DeleteRunButton runLabel={runLabel} onConfirm={() => void edit({ kind: 'delete' })} />}
        {mlflowUiHref !== undefined && <HeaderLink href={mlflowUiHref} />}
      </div>
      {deleted && <DeletedRunBanner runLabel={runLabel} onConfirm={() => void edit({ kind: 'restore' })} />}
      <RunFacts run={run} renderExperimentLink={renderExperimentLink} renderRunLink={renderRunLink} />
      <RunNote
        note={run.tags[SYSTEM_TAGS.note] ?? ''}
        onSave={editable ? (note) => edit({ kind: 'note', note }) : undefined}
      />
      <RunParamsTable params={run.params} />
      <RunMetricsTable runId={run.info.runId} metrics={run.metrics} renderMetricLink={renderMetricLink} />
      <RunDatasets datasets={run.datasets} />
      <RunModels
        run={run}
        renderArtifactsLink={renderArtifactsLink}
        renderModelVersionLink={renderModelVersionLink}
        renderLoggedModelLink={renderLoggedModelLink}
        renderRegisterAction={renderRegisterAction}
      />
      <RunChildren
        runId={run.info.runId}
        experimentId={run.info.experimentId}
        renderRunLink={renderRunLink}
      />
      <RunTags
        tags={run.tags}
        onSet={editable ? (key, value) => edit({ kind: 'set-tag', key, value }) : undefined}
        onDelete={editable ? (key) => edit({ kind: 'delete-tag', key }) : undefined}
      />
    </article>
  )
}

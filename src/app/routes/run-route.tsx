import { useQuery } from '@tanstack/react-query'
import { Link, useParams } from 'react-router'
import { experimentQueries } from '@/api/experiments'
import { runQueries } from '@/api/runs'
import type { ArtifactsTarget } from '@/features/run-page/run-facts'
import { RunOverview } from '@/features/run-page/run-overview'
import { RegisterModelButton } from '@/features/register-model/register-model-button'
import { parseCompareState, serializeCompareState } from '@/url-state/compare-state'
import { NotFound } from './route-error'
import { RunArtifactsTab } from './run-artifacts-tab'
import { RunMetricsTab } from './run-metrics-tab'
import { paths, RUN_TABS } from '../paths'
import { useRuntimeConfig } from '../runtime-config-context'
import type { RuntimeConfig } from '../runtime-config'

/**
 * The run in MLflow's own UI, when the browser can reach the tracking server itself (proxy mode with
 * an http(s) URI); a local store's server listens on a private port, and the demo has none.
 */
function mlflowUiRunHref(config: RuntimeConfig, experimentId: string, runId: string): string | undefined {
  if (
    config.mode !== 'proxy' ||
    config.trackingUri === undefined ||
    !/^https?:\/\//.test(config.trackingUri)
  ) {
    return undefined
  }
  return `${config.trackingUri.replace(/\/$/, '')}/#/experiments/${encodeURIComponent(experimentId)}/runs/${encodeURIComponent(runId)}`
}

/** The run's Metrics tab charting only `metricKey` (`metrics=<key>`, as the compare page selects metrics). */
export function metricChartHref(experimentId: string, runId: string, metricKey: string): string {
  const view = parseCompareState(new URLSearchParams())
  const search = serializeCompareState({ ...view, charts: { ...view.charts, metrics: [metricKey] } })
  return `${paths.run(experimentId, runId, 'metrics')}?${search.toString()}`
}

/** The run's Artifacts tab opened at a logged model's files (`?model=`) or at a directory (`…/artifacts/<dir>/`). */
function runArtifactsHref(experimentId: string, runId: string, target: ArtifactsTarget): string {
  if ('model' in target) {
    return `${paths.run(experimentId, runId, 'artifacts')}?${new URLSearchParams({ model: target.model }).toString()}`
  }
  const dir = target.path.replace(/\/+$/, '')
  return paths.runArtifact(experimentId, runId, dir, true)
}

export function RunRoute() {
  const config = useRuntimeConfig()
  const { experimentId = '', runId = '', tab: tabParam, '*': artifactPath } = useParams()
  // `…/artifacts/<path>` is the Artifacts tab with a file or directory selected.
  const tab = artifactPath !== undefined ? 'artifacts' : (tabParam ?? 'overview')
  // Both are the queries the page itself makes: the breadcrumb costs no request of its own.
  const experimentName = useQuery(experimentQueries.get(experimentId)).data?.name
  const runName = useQuery(runQueries.get(runId)).data?.info.runName
  const known = RUN_TABS.find((candidate) => candidate === tab)
  if (known === undefined) return <NotFound />
  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={paths.experiments()}>Experiments</Link>
        <span aria-hidden="true"> / </span>
        <Link to={paths.experiment(experimentId)}>{experimentName ?? `Experiment ${experimentId}`}</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{runName !== undefined && runName !== '' ? runName : runId}</span>
      </nav>
      <nav aria-label="Run sections" className="tabs">
        {RUN_TABS.map((name) => (
          <Link
            key={name}
            to={paths.run(experimentId, runId, name)}
            aria-current={name === known ? 'page' : undefined}
            className="tab"
          >
            {name[0]?.toUpperCase()}
            {name.slice(1)}
          </Link>
        ))}
      </nav>
      {known === 'overview' ? (
        <RunOverview
          runId={runId}
          mlflowUiHref={mlflowUiRunHref(config, experimentId, runId)}
          renderExperimentLink={(id, label) => <Link to={paths.experiment(id)}>{label}</Link>}
          renderRunLink={(id, label) => <Link to={paths.directRun(id)}>{label}</Link>}
          renderArtifactsLink={(target, label) => (
            <Link to={runArtifactsHref(experimentId, runId, target)}>{label}</Link>
          )}
          renderModelVersionLink={(name, version, label) => (
            <Link to={paths.modelVersion(name, version)}>{label}</Link>
          )}
          renderLoggedModelLink={(id, modelId, label) => (
            <Link to={paths.loggedModel(id, modelId)}>{label}</Link>
          )}
          renderRegisterAction={(target, suggestedName) => (
            <RegisterModelButton
              small
              target={target}
              suggestedName={suggestedName}
              renderVersionLink={(name, version, label) => (
                <Link to={paths.modelVersion(name, version)}>{label}</Link>
              )}
            />
          )}
          renderMetricLink={(key, label) => (
            <Link to={metricChartHref(experimentId, runId, key)} title={`Chart ${key}`}>
              {label}
            </Link>
          )}
        />
      ) : known === 'metrics' ? (
        <RunMetricsTab runId={runId} />
      ) : (
        <RunArtifactsTab experimentId={experimentId} runId={runId} pathInUrl={artifactPath ?? ''} />
      )}
    </div>
  )
}

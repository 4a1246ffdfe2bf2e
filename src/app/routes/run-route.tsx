import { Link, useParams } from 'react-router'
import { RunOverview } from '@/features/run-page/run-overview'
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

export function RunRoute() {
  const config = useRuntimeConfig()
  const { experimentId = '', runId = '', tab = 'overview' } = useParams()
  const known = RUN_TABS.find((candidate) => candidate === tab)
  if (known === undefined) return <NotFound />
  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={paths.experiments()}>Experiments</Link>
        <span aria-hidden="true"> / </span>
        <Link to={paths.experiment(experimentId)}>Experiment {experimentId}</Link>
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
          renderExperimentLink={(id) => <Link to={paths.experiment(id)}>Experiment {id}</Link>}
          renderRunLink={(id, label) => <Link to={paths.directRun(id)}>{label}</Link>}
        />
      ) : known === 'metrics' ? (
        <RunMetricsTab runId={runId} />
      ) : (
        <RunArtifactsTab runId={runId} />
      )}
    </div>
  )
}

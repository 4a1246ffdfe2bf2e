import { useCallback, type MouseEvent } from 'react'
import { Link, useHref, useNavigate, useParams } from 'react-router'
import type { Run } from '@/domain/runs/run'
import { ExperimentHeader } from '@/features/experiment-header/experiment-header'
import { MultiExperimentHeader } from '@/features/experiment-header/multi-experiment-header'
import { RunTable } from '@/features/run-table/run-table'
import { useRunTableStateWithSweep } from '@/url-state/use-sweep-state'
import type { ModelCellLinks } from '@/features/run-table/models-cell'
import { ExperimentTabs } from './experiment-tabs'
import { paths } from '../paths'
import { ExperimentSweep } from './experiment-sweep'

/** `/experiments/1` or, for several experiments in one table, `/experiments/1,2,3`. */
export function experimentIdsOf(param: string): string[] {
  return [...new Set(param.split(',').map((id) => id.trim()))].filter((id) => id !== '')
}

/**
 * Run links are plain anchors (a router <Link> costs a handful of hooks each, and the grid renders
 * hundreds); one click handler on the table navigates in the app for a plain left click, and the
 * browser handles the rest (new tab, copy link).
 */
function useRunLinks() {
  const navigate = useNavigate()
  const base = useHref('/')
  const prefix = base.endsWith('/') ? base.slice(0, -1) : base
  const renderRunLink = useCallback(
    (run: Run) => (
      <a
        href={`${prefix}${paths.run(run.info.experimentId, run.info.runId)}`}
        data-route={paths.run(run.info.experimentId, run.info.runId)}
      >
        {run.info.runName || run.info.runId}
      </a>
    ),
    [prefix],
  )
  const onClick = useCallback(
    (event: MouseEvent<HTMLElement>) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
      if (!(event.target instanceof Element)) return
      const route = event.target.closest('a[data-route]')?.getAttribute('data-route')
      if (route === null || route === undefined) return
      event.preventDefault()
      void navigate(route)
    },
    [navigate],
  )
  return { renderRunLink, onClick }
}

/** The runs table's models column links each logged model and registered version to its page. */
const MODEL_CELL_LINKS: ModelCellLinks = {
  renderLoggedModelLink: (experimentId, modelId, label) => (
    <Link to={paths.loggedModel(experimentId, modelId)}>{label}</Link>
  ),
  renderModelVersionLink: (name, version, label) => (
    <Link to={paths.modelVersion(name, version)}>{label}</Link>
  ),
}

export function ExperimentRoute() {
  const { experimentId = '' } = useParams()
  const experimentIds = experimentIdsOf(experimentId)
  // The sweep view's parameters share the URL: the table's setter keeps them.
  const [view, setView] = useRunTableStateWithSweep()
  const navigate = useNavigate()
  const runLinks = useRunLinks()
  const [single] = experimentIds
  return (
    <div className="page page-wide">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={paths.experiments()}>Experiments</Link>
      </nav>
      {experimentIds.length === 1 && single !== undefined ? (
        <ExperimentHeader experimentId={single} />
      ) : (
        <MultiExperimentHeader
          experimentIds={experimentIds}
          renderLink={(id, name) => <Link to={paths.experiment(id)}>{name}</Link>}
        />
      )}
      <ExperimentTabs experimentIds={experimentIds} current="runs" />
      {/* Clicks on run links bubble here; keyboard users open runs with Enter on the grid. */}
      <section aria-labelledby="runs-heading" onClick={runLinks.onClick}>
        <h2 id="runs-heading">Runs</h2>
        <ExperimentSweep
          renderTable={(sweep) => (
            <RunTable
              {...sweep}
              experimentIds={experimentIds}
              view={view}
              onViewChange={setView}
              modelLinks={MODEL_CELL_LINKS}
              renderRunLink={(run) => (
                <Link to={paths.run(run.info.experimentId, run.info.runId)}>
                  {run.info.runName || run.info.runId}
                </Link>
              )}
              onOpenRun={(run) => {
                void navigate(paths.run(run.info.experimentId, run.info.runId))
              }}
              onCompare={(runIds) => {
                void navigate(paths.compare(runIds))
              }}
            />
          )}
        />
      </section>
    </div>
  )
}

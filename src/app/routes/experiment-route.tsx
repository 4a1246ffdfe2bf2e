import { Link, useNavigate, useParams } from 'react-router'
import { ExperimentHeader } from '@/features/experiment-header/experiment-header'
import { MultiExperimentHeader } from '@/features/experiment-header/multi-experiment-header'
import { RunTable } from '@/features/run-table/run-table'
import { useRunTableState } from '@/url-state/use-run-table-state'
import { paths } from '../paths'

/** `/experiments/1` or, for several experiments in one table, `/experiments/1,2,3`. */
export function experimentIdsOf(param: string): string[] {
  return [...new Set(param.split(',').map((id) => id.trim()))].filter((id) => id !== '')
}

export function ExperimentRoute() {
  const { experimentId = '' } = useParams()
  const experimentIds = experimentIdsOf(experimentId)
  const [view, setView] = useRunTableState()
  const navigate = useNavigate()
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
      <section aria-labelledby="runs-heading">
        <h2 id="runs-heading">Runs</h2>
        <RunTable
          experimentIds={experimentIds}
          view={view}
          onViewChange={setView}
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
      </section>
    </div>
  )
}

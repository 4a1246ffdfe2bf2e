import { Link, useParams } from 'react-router'
import { ExperimentHeader } from '@/features/experiment-header/experiment-header'
import { SimpleRunList } from '@/features/run-table/simple-run-list'
import { paths } from '../paths'

export function ExperimentRoute() {
  const { experimentId = '' } = useParams()
  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={paths.experiments()}>Experiments</Link>
      </nav>
      <ExperimentHeader experimentId={experimentId} />
      <section aria-labelledby="runs-heading">
        <h2 id="runs-heading">Runs</h2>
        <SimpleRunList
          experimentId={experimentId}
          renderRunLink={(run) => (
            <Link to={paths.run(run.info.experimentId, run.info.runId)}>
              {run.info.runName || run.info.runId}
            </Link>
          )}
        />
      </section>
    </div>
  )
}

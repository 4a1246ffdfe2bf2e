import { Link, useNavigate } from 'react-router'
import { ExperimentList } from '@/features/experiment-list/experiment-list'
import { useExperimentListState } from '@/url-state/use-experiment-list-state'
import { paths } from '../paths'

export function ExperimentsRoute() {
  const [state, setState] = useExperimentListState()
  const navigate = useNavigate()
  return (
    <div className="page">
      <ExperimentList
        state={state}
        onStateChange={setState}
        renderLink={(experiment) => (
          <Link to={paths.experiment(experiment.experimentId)}>{experiment.name}</Link>
        )}
        onCreated={(experimentId) => {
          void navigate(paths.experiment(experimentId))
        }}
        onOpenRuns={(experimentIds) => {
          void navigate(paths.experimentsRuns(experimentIds))
        }}
      />
    </div>
  )
}

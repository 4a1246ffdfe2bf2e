import { useCallback, useMemo } from 'react'
import { Link, useNavigate, useParams, useSearchParams } from 'react-router'
import {
  parseLoggedModelList,
  serializeLoggedModelList,
  type LoggedModelListState,
} from '@/domain/models/logged-model-list'
import { ExperimentHeader } from '@/features/experiment-header/experiment-header'
import { MultiExperimentHeader } from '@/features/experiment-header/multi-experiment-header'
import { LoggedModelList } from '@/features/logged-models/logged-model-list'
import { experimentIdsOf } from './experiment-route'
import { ExperimentTabs } from './experiment-tabs'
import { paths } from '../paths'

/** The Models tab's view (`?q=&sort=&dir=`), from the URL and back; typing replaces the entry. */
function useLoggedModelListState(): [
  LoggedModelListState,
  (next: LoggedModelListState, options?: { replace?: boolean }) => void,
] {
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const state = useMemo(() => parseLoggedModelList(params), [params])
  const setState = useCallback(
    (next: LoggedModelListState, options?: { replace?: boolean }) => {
      const search = serializeLoggedModelList(next).toString()
      void navigate(search === '' ? '.' : `?${search}`, { replace: options?.replace ?? false })
    },
    [navigate],
  )
  return [state, setState]
}

/** `/experiments/1/models`: the MLflow 3 logged models of the experiment's runs. */
export function ExperimentModelsRoute() {
  const { experimentId = '' } = useParams()
  const experimentIds = experimentIdsOf(experimentId)
  const [view, setView] = useLoggedModelListState()
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
      <ExperimentTabs experimentIds={experimentIds} current="models" />
      <LoggedModelList
        experimentIds={experimentIds}
        view={view}
        onViewChange={setView}
        renderModelLink={(id, modelId, label) => <Link to={paths.loggedModel(id, modelId)}>{label}</Link>}
        renderRunLink={(id, runId, label) => <Link to={paths.run(id, runId)}>{label}</Link>}
        renderVersionLink={(name, version, label) => (
          <Link to={paths.modelVersion(name, version)}>{label}</Link>
        )}
      />
    </div>
  )
}

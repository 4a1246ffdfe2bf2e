import { useNavigate, useParams, Link } from 'react-router'
import { ModelVersionPage } from '@/features/models/model-version-page'
import { paths } from '../paths'
import { ModelVersionFiles } from './model-version-route-files'

/** `/models/:name/versions/:version`: one registered model version, its actions and its files. */
export function ModelVersionRoute() {
  const { name = '', version = '' } = useParams()
  const navigate = useNavigate()
  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={paths.models()}>Models</Link>
        <span aria-hidden="true"> / </span>
        <Link to={paths.model(name)}>{name}</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">Version {version}</span>
      </nav>
      <ModelVersionPage
        // A fresh page for each version: no editor or dialog carries over.
        key={`${name}\u0000${version}`}
        name={name}
        version={version}
        renderModelsLink={(label) => <Link to={paths.models()}>{label}</Link>}
        renderModelLink={(label) => <Link to={paths.model(name)}>{label}</Link>}
        renderRunLink={(experimentId, runId, label) => (
          <Link to={paths.run(experimentId, runId)}>{label}</Link>
        )}
        renderExperimentLink={(experimentId, label) => (
          <Link to={paths.experiment(experimentId)}>{label}</Link>
        )}
        renderLoggedModelLink={(experimentId, modelId, label) => (
          <Link to={paths.loggedModel(experimentId, modelId)}>{label}</Link>
        )}
        renderFiles={(data) => <ModelVersionFiles version={data} />}
        onDeleted={() => {
          void navigate(paths.model(name))
        }}
      />
    </div>
  )
}

import { Link, useParams } from 'react-router'
import { paths } from '../paths'

/**
 * Routes whose screens are still being built (models). They exist so that links and
 * bookmarks resolve, and say plainly what is coming instead of pretending.
 */
export function ModelsRoute() {
  const { name, version } = useParams()
  return (
    <div className="page">
      <h1>{name === undefined ? 'Models' : version === undefined ? name : `${name} version ${version}`}</h1>
      <p className="notice">The model registry pages are not built yet.</p>
      <p>
        <Link to={paths.experiments()}>Back to the experiments</Link>
      </p>
    </div>
  )
}

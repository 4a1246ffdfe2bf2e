import { Link, useParams, useSearchParams } from 'react-router'
import { paths } from '../paths'

/**
 * Routes whose screens are still being built (compare, models). They exist so that links and
 * bookmarks resolve, and say plainly what is coming instead of pretending.
 */
export function CompareRoute() {
  const [params] = useSearchParams()
  const runIds = (params.get('runs') ?? '').split(',').filter((id) => id !== '')
  return (
    <div className="page">
      <h1>Compare runs</h1>
      <p className="notice">Side-by-side comparison is not built yet. The selected runs are:</p>
      <ul>
        {runIds.map((runId) => (
          <li key={runId}>
            <Link to={paths.directRun(runId)} className="mono">
              {runId}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  )
}

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

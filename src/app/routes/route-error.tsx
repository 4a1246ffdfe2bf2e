import { isRouteErrorResponse, Link, useRouteError } from 'react-router'
import { describeError } from '@/api/describe-error'
import { ErrorState } from '@/ui/states'
import { paths } from '../paths'

/** One route's failure stays in that route: the header and navigation keep working. */
export function RouteError() {
  const error = useRouteError()
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />
  const description = describeError(error)
  return (
    <div className="page">
      <ErrorState
        title={description.title}
        detail={description.detail}
        onRetry={() => {
          window.location.reload()
        }}
      />
    </div>
  )
}

export function NotFound() {
  return (
    <div className="page">
      <h1>Page not found</h1>
      <p>There is nothing at this address.</p>
      <p>
        <Link to={paths.experiments()}>Go to the experiments</Link>
      </p>
    </div>
  )
}

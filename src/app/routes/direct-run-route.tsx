import { useQuery } from '@tanstack/react-query'
import { Navigate, useParams } from 'react-router'
import { describeError } from '@/api/describe-error'
import { runQueries } from '@/api/runs'
import { ErrorState, Loading } from '@/ui/states'
import { paths } from '../paths'

/** `/runs/:runId`: a link that knows only the run finds its experiment, then shows the run page. */
export function DirectRunRoute() {
  const { runId = '' } = useParams()
  const query = useQuery(runQueries.get(runId))
  if (query.isPending) return <Loading label="Finding the run…" />
  if (query.isError) {
    const description = describeError(query.error)
    return (
      <div className="page">
        <ErrorState
          title={description.title}
          detail={description.detail}
          onRetry={() => void query.refetch()}
        />
      </div>
    )
  }
  return <Navigate to={paths.run(query.data.info.experimentId, runId)} replace />
}

import { useQuery } from '@tanstack/react-query'
import { describeError } from '@/api/describe-error'
import { experimentQueries } from '@/api/experiments'
import { NOTE_TAG } from '@/domain/experiments'
import { ErrorState, Loading } from '@/ui/states'
import { Markdown } from '@/ui/markdown'
import { Time } from '@/ui/time'

/** An experiment's name, id, times, description and tags, above its runs. */
export function ExperimentHeader({ experimentId }: { experimentId: string }) {
  const query = useQuery(experimentQueries.get(experimentId))
  if (query.isPending) return <Loading label="Loading experiment…" />
  if (query.isError) {
    const description = describeError(query.error)
    return (
      <ErrorState
        title={description.title}
        detail={description.detail}
        onRetry={() => void query.refetch()}
      />
    )
  }
  const experiment = query.data
  const note = experiment.tags[NOTE_TAG]
  const tags = Object.entries(experiment.tags).filter(([key]) => !key.startsWith('mlflow.'))
  return (
    <header className="entity-header">
      <div className="page-header">
        <h1>{experiment.name}</h1>
        {experiment.lifecycleStage === 'deleted' && <span className="badge badge-muted">Deleted</span>}
      </div>
      <dl className="facts">
        <div>
          <dt>Experiment ID</dt>
          <dd>{experiment.experimentId}</dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>
            <Time epochMs={experiment.creationTime} />
          </dd>
        </div>
        <div>
          <dt>Last updated</dt>
          <dd>
            <Time epochMs={experiment.lastUpdateTime} />
          </dd>
        </div>
        <div>
          <dt>Artifact location</dt>
          <dd className="mono">{experiment.artifactLocation ?? '—'}</dd>
        </div>
      </dl>
      {note !== undefined && note.trim() !== '' && <Markdown source={note} />}
      {tags.length > 0 && (
        <ul className="tag-list" aria-label="Tags">
          {tags.map(([key, value]) => (
            <li key={key} className="tag" title={value}>
              {key}: {value.length > 60 ? `${value.slice(0, 60)}…` : value}
            </li>
          ))}
        </ul>
      )}
    </header>
  )
}

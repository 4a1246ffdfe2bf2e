import type { ReactNode } from 'react'
import { formatDuration } from '@/domain/format/format-time'
import { formatMetricValue } from '@/domain/format/format-number'
import { SYSTEM_TAGS, type Run } from '@/domain/runs/run'
import { cellValue, type ColumnRef } from '@/domain/runs/run-columns'
import { staleFor } from '@/domain/runs/run-liveness'
import type { RunClause } from '@/domain/search-filter/parse-filter'
import { Time } from '@/ui/time'
import { ModelsCell, type ModelCellLinks } from './models-cell'

export interface CellContext {
  renderRunLink: (run: Run) => ReactNode
  /** Adds `<column> = <value>` to the filter (a click on a param, tag, user or dataset value). */
  onAddFilter: (clause: RunClause) => void
  now: number
  /** Links from the models column to logged models and registered versions. */
  modelLinks?: ModelCellLinks | undefined
}

function FilterValue({ text, clause, context }: { text: string; clause: RunClause; context: CellContext }) {
  return (
    <button
      type="button"
      className="cell-value-button"
      title={`${text}\nClick to filter by this value`}
      onClick={(event) => {
        event.stopPropagation()
        context.onAddFilter(clause)
      }}
    >
      {text}
    </button>
  )
}

function StatusCell({ run, now }: { run: Run; now: number }) {
  const status = run.info.status
  const silent = staleFor(run, now)
  return (
    <>
      <span className={`status status-${status.toLowerCase()}`}>{status.toLowerCase()}</span>
      {silent !== undefined && (
        <span
          className="stale-flag"
          title={`RUNNING, but no metric logged for ${formatDuration(silent)}: the process may have died`}
        >
          ⚠ silent
        </span>
      )}
    </>
  )
}

function SourceCell({ run }: { run: Run }) {
  const source = run.tags[SYSTEM_TAGS.sourceName]
  const commit = run.tags[SYSTEM_TAGS.gitCommit]
  if (source === undefined && commit === undefined) return <Missing />
  const name = source?.split(/[\\/]/).pop() ?? ''
  return (
    <span title={[source, commit].filter((part) => part !== undefined).join('\n')}>
      {name}
      {commit !== undefined && <code className="commit"> @{commit.slice(0, 7)}</code>}
    </span>
  )
}

function DatasetsCell({ run, context }: { run: Run; context: CellContext }) {
  if (run.datasets.length === 0) return <Missing />
  return (
    <span className="dataset-chips">
      {run.datasets.map((dataset) => {
        const usage = dataset.tags['mlflow.data.context']
        return (
          <FilterValue
            key={`${dataset.name}:${dataset.digest}:${usage ?? ''}`}
            text={usage === undefined ? dataset.name : `${dataset.name} (${usage})`}
            clause={{ entity: 'dataset', key: 'name', comparator: '=', value: dataset.name }}
            context={context}
          />
        )
      })}
    </span>
  )
}

function Missing() {
  return (
    <span className="missing" aria-label="missing">
      —
    </span>
  )
}

/** One cell's content; `ref` says which column. */
export function RunCell({ run, column, context }: { run: Run; column: ColumnRef; context: CellContext }) {
  if (column.group === 'attributes') {
    switch (column.key) {
      case 'run_name':
        return <>{context.renderRunLink(run)}</>
      case 'status':
        return <StatusCell run={run} now={context.now} />
      case 'start_time':
        return <Time epochMs={run.info.startTime} />
      case 'source':
        return <SourceCell run={run} />
      case 'datasets':
        return <DatasetsCell run={run} context={context} />
      case 'models':
        return <ModelsCell run={run} links={context.modelLinks} />
      case 'user': {
        const user = cellValue(run, column)
        if (typeof user !== 'string') return <Missing />
        return (
          <FilterValue
            text={user}
            clause={{ entity: 'attribute', key: 'user_id', comparator: '=', value: user }}
            context={context}
          />
        )
      }
      case 'duration': {
        const duration = cellValue(run, column)
        return typeof duration === 'number' ? <>{formatDuration(duration)}</> : <Missing />
      }
      default: {
        const value = cellValue(run, column)
        return value === undefined || value === '' ? (
          <Missing />
        ) : (
          <span title={String(value)}>{String(value)}</span>
        )
      }
    }
  }
  const value = cellValue(run, column)
  if (value === undefined) return <Missing />
  if (column.group === 'metrics' && typeof value === 'number') {
    return (
      <span className="numeric" title={String(value)}>
        {formatMetricValue(value)}
      </span>
    )
  }
  const text = String(value)
  return (
    <FilterValue
      text={text}
      clause={{
        entity: column.group === 'params' ? 'param' : 'tag',
        key: column.key,
        comparator: '=',
        value: text,
      }}
      context={context}
    />
  )
}

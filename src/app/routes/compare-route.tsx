import { useQueries } from '@tanstack/react-query'
import { useMemo } from 'react'
import { Link, useSearchParams } from 'react-router'
import { describeError } from '@/api/describe-error'
import { runQueries } from '@/api/runs'
import type { Run } from '@/domain/runs/run'
import { diffRuns } from '@/domain/runs/run-diff'
import { RunDiffTable } from '@/features/compare/run-diff-table'
import { ErrorState, Loading } from '@/ui/states'
import { paths } from '../paths'

const MAX_RUNS = 100

function renderRunLink(run: Run) {
  return (
    <Link to={paths.run(run.info.experimentId, run.info.runId)}>{run.info.runName || run.info.runId}</Link>
  )
}

/**
 * `/compare?runs=a,b,c`: the parameter diff of up to 100 runs. `?diff=all` shows identical rows too;
 * by default they fold away when more than two runs are compared.
 */
export function CompareRoute() {
  const [params, setParams] = useSearchParams()
  const runIds = [...new Set((params.get('runs') ?? '').split(',').filter((id) => id !== ''))].slice(
    0,
    MAX_RUNS,
  )
  const queries = useQueries({ queries: runIds.map((runId) => runQueries.get(runId)) })
  const runs = queries.flatMap((query) => (query.data === undefined ? [] : [query.data]))
  const failed = queries.flatMap((query, index) =>
    query.isError ? [{ runId: runIds[index], error: query.error }] : [],
  )
  const pending = queries.some((query) => query.isPending)
  const diffParam = params.get('diff')
  const onlyDifferences = diffParam === 'changed' || (diffParam !== 'all' && runIds.length > 2)
  const runsKey = runs.map((run) => run.info.runId).join(',')
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the runs change identity each render; their ids do not
  const rows = useMemo(() => diffRuns(runs), [runsKey])

  return (
    <div className="page page-wide">
      <h1>Compare {runIds.length} runs</h1>
      {runIds.length < 2 && <p className="notice">Pick at least two runs in a runs table to compare them.</p>}
      {failed.map(({ runId, error }) => {
        const description = describeError(error)
        return (
          <ErrorState
            key={runId}
            title={`Run ${runId ?? ''}: ${description.title}`}
            detail={description.detail}
          />
        )
      })}
      {pending && <Loading label="Loading runs…" />}
      {!pending && runs.length > 0 && (
        <>
          <label className="checkbox-label">
            <input
              type="checkbox"
              checked={onlyDifferences}
              onChange={(event) => {
                const next = new URLSearchParams(params)
                next.set('diff', event.target.checked ? 'changed' : 'all')
                setParams(next, { replace: true })
              }}
            />{' '}
            Only differences
          </label>
          <RunDiffTable
            runs={runs}
            rows={rows}
            onlyDifferences={onlyDifferences}
            renderRunLink={renderRunLink}
          />
          <p className="muted">Metric charts for these runs are coming next.</p>
        </>
      )}
    </div>
  )
}

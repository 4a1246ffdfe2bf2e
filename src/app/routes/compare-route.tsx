import { useQueries } from '@tanstack/react-query'
import { lazy, Suspense, useCallback, useMemo, useState } from 'react'
import { Link } from 'react-router'
import { describeError } from '@/api/describe-error'
import { runQueries } from '@/api/runs'
import { chartedMetrics } from '@/domain/metrics/chart-defaults'
import type { ChartView } from '@/domain/metrics/chart-view'
import type { Run } from '@/domain/runs/run'
import { assignRunColors } from '@/domain/runs/run-colors'
import { diffRuns } from '@/domain/runs/run-diff'
import { RunDiffTable } from '@/features/compare/run-diff-table'
import type { MetricRange } from '@/features/metric-charts/metric-chart-card'
import { useCompareState } from '@/url-state/use-compare-state'
import { ErrorState, Loading } from '@/ui/states'
import { paths } from '../paths'
import { CompareArtifacts } from './compare-artifacts'

/** Recharts is most of the page's code: the diff shows while the charts' chunk loads. */
const MetricCharts = lazy(() =>
  import('@/features/metric-charts/metric-charts').then((module) => ({ default: module.MetricCharts })),
)

function renderRunLink(run: Run) {
  return (
    <Link to={paths.run(run.info.experimentId, run.info.runId)}>{run.info.runName || run.info.runId}</Link>
  )
}

type RangesByMetric = ReadonlyMap<string, ReadonlyMap<string, MetricRange>>

function sameRanges(
  a: ReadonlyMap<string, MetricRange> | undefined,
  b: ReadonlyMap<string, MetricRange>,
): boolean {
  if (a === undefined || a.size !== b.size) return false
  for (const [runId, range] of b) {
    const other = a.get(runId)
    if (other?.min !== range.min || other.max !== range.max || other.sampled !== range.sampled) return false
  }
  return true
}

/**
 * `/compare?runs=a,b,c`: the parameter diff of up to 100 runs and their metric charts. Every
 * setting lives in the URL (see url-state/compare-state.ts).
 */
export function CompareRoute() {
  const [view, setView] = useCompareState()
  const runIds = view.runIds
  const queries = useQueries({ queries: runIds.map((runId) => runQueries.get(runId)) })
  const failed = queries.flatMap((query, index) =>
    query.isError ? [{ runId: runIds[index], error: query.error }] : [],
  )
  const pending = queries.some((query) => query.isPending)
  const runsKey = queries.map((query) => query.dataUpdatedAt).join()
  const runs = useMemo(
    () => queries.flatMap((query) => (query.data === undefined ? [] : [query.data])),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the results change identity each render; their update times do not
    [runsKey],
  )
  const onlyDifferences = view.diff === 'changed' || (view.diff !== 'all' && runIds.length > 2)
  const rows = useMemo(() => diffRuns(runs), [runs])
  const colors = useMemo(() => assignRunColors(runs), [runs])
  const [ranges, setRanges] = useState<RangesByMetric>(new Map())
  const onRanges = useCallback((metricKey: string, next: ReadonlyMap<string, MetricRange>) => {
    setRanges((current) =>
      sameRanges(current.get(metricKey), next) ? current : new Map(current).set(metricKey, next),
    )
  }, [])
  // Charted metrics get min/max rows at once (marked loading), so the diff does not grow under the
  // charts when their data lands.
  const charted = useMemo(() => chartedMetrics(runs, view.charts.metrics), [runs, view.charts.metrics])
  const metricRanges = useMemo(
    (): RangesByMetric =>
      new Map(charted.map((key) => [key, ranges.get(key) ?? new Map<string, MetricRange>()])),
    [charted, ranges],
  )
  const flipped = useMemo(() => new Set(view.flipped), [view.flipped])
  const onBaselineChange = useCallback(
    (runId: string) => {
      setView((current) => ({ ...current, baseline: runId === current.runIds[0] ? undefined : runId }))
    },
    [setView],
  )
  const onFlipDirection = useCallback(
    (metricKey: string) => {
      setView((current) => ({
        ...current,
        flipped: current.flipped.includes(metricKey)
          ? current.flipped.filter((key) => key !== metricKey)
          : [...current.flipped, metricKey],
      }))
    },
    [setView],
  )
  const onChartViewChange = useCallback(
    (update: (charts: ChartView) => ChartView) => {
      setView((current) => ({ ...current, charts: update(current.charts) }))
    },
    [setView],
  )

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
          <h2>Differences</h2>
          <label className="checkbox-label">
            <input
              type="checkbox"
              checked={onlyDifferences}
              onChange={(event) => {
                const checked = event.target.checked
                setView((current) => ({ ...current, diff: checked ? 'changed' : 'all' }))
              }}
            />{' '}
            Only differences
          </label>
          <RunDiffTable
            runs={runs}
            rows={rows}
            onlyDifferences={onlyDifferences}
            renderRunLink={renderRunLink}
            colors={colors}
            baselineId={view.baseline}
            onBaselineChange={onBaselineChange}
            flipped={flipped}
            onFlipDirection={onFlipDirection}
            metricRanges={metricRanges}
          />
          <h2>Metrics</h2>
          <Suspense fallback={<Loading label="Loading charts…" />}>
            <MetricCharts
              runs={runs}
              colors={colors}
              view={view.charts}
              onViewChange={onChartViewChange}
              onRanges={onRanges}
            />
          </Suspense>
          <h2>Artifacts</h2>
          <CompareArtifacts runs={runs} colors={colors} view={view} setView={setView} />
        </>
      )}
    </div>
  )
}

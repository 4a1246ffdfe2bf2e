import { useQuery } from '@tanstack/react-query'
import { lazy, Suspense, useCallback, useMemo } from 'react'
import { describeError } from '@/api/describe-error'
import { runQueries } from '@/api/runs'
import { chartableMetrics } from '@/domain/metrics/chart-defaults'
import type { ChartView } from '@/domain/metrics/chart-view'
import { assignRunColors } from '@/domain/runs/run-colors'
import { useCompareState } from '@/url-state/use-compare-state'
import { ErrorState, Loading } from '@/ui/states'

const MetricCharts = lazy(() =>
  import('@/features/metric-charts/metric-charts').then((module) => ({ default: module.MetricCharts })),
)

/**
 * The run page's Metrics tab: the compare page's charts for one run, every metric by default (they
 * draw as they scroll into view), narrowed by a search over metric names (`find=`). Chart settings
 * use the same URL parameters as the compare page.
 */
export function RunMetricsTab({ runId }: { runId: string }) {
  const query = useQuery(runQueries.get(runId))
  const [view, setView] = useCompareState()
  const runs = useMemo(() => (query.data === undefined ? [] : [query.data]), [query.data])
  const colors = useMemo(() => assignRunColors(runs), [runs])
  const filter = view.chartFilter ?? ''
  const charts = useMemo((): ChartView => {
    const metrics = view.charts.metrics ?? chartableMetrics(runs)
    const needle = filter.trim().toLowerCase()
    return {
      ...view.charts,
      metrics: needle === '' ? metrics : metrics.filter((key) => key.toLowerCase().includes(needle)),
    }
  }, [view.charts, runs, filter])
  const onViewChange = useCallback(
    (update: (charts: ChartView) => ChartView) => {
      const all = chartableMetrics(runs)
      setView((current) => {
        const next = update({ ...current.charts, metrics: current.charts.metrics ?? all })
        // Every metric is the default here: leave it out of the URL.
        const metrics = next.metrics?.join('\n') === all.join('\n') ? undefined : next.metrics
        return { ...current, charts: { ...next, metrics } }
      })
    },
    [setView, runs],
  )
  if (query.isPending) return <Loading label="Loading run…" />
  if (query.isError) {
    const description = describeError(query.error)
    return <ErrorState title={`Could not load the run: ${description.title}`} detail={description.detail} />
  }
  const shown = charts.metrics?.length ?? 0
  return (
    <>
      <div className="run-metrics-find">
        <input
          type="search"
          className="input"
          aria-label="Find charts by metric name"
          placeholder="Find charts by metric name"
          value={filter}
          onChange={(event) => {
            const text = event.target.value
            setView((current) => ({ ...current, chartFilter: text === '' ? undefined : text }))
          }}
        />
        {filter.trim() !== '' && (
          <span className="muted" role="status">
            {shown === 0 ? `No metric matches “${filter.trim()}”.` : `${shown} matching`}
          </span>
        )}
      </div>
      <Suspense fallback={<Loading label="Loading charts…" />}>
        <MetricCharts runs={runs} colors={colors} view={charts} onViewChange={onViewChange} />
      </Suspense>
    </>
  )
}

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
 * draw as they scroll into view). Chart settings use the same URL parameters as the compare page.
 */
export function RunMetricsTab({ runId }: { runId: string }) {
  const query = useQuery(runQueries.get(runId))
  const [view, setView] = useCompareState()
  const runs = useMemo(() => (query.data === undefined ? [] : [query.data]), [query.data])
  const colors = useMemo(() => assignRunColors(runs), [runs])
  const charts = useMemo(
    (): ChartView => ({ ...view.charts, metrics: view.charts.metrics ?? chartableMetrics(runs) }),
    [view.charts, runs],
  )
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
  return (
    <Suspense fallback={<Loading label="Loading charts…" />}>
      <MetricCharts runs={runs} colors={colors} view={charts} onViewChange={onViewChange} />
    </Suspense>
  )
}

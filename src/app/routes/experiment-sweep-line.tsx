import { lazy, Suspense, useMemo, useState } from 'react'
import { DEFAULT_CHART_VIEW, type ChartView } from '@/domain/metrics/chart-view'
import type { Run } from '@/domain/runs/run'
import type { LineConfig } from '@/features/sweep-charts/sweep-panel-body'
import { Loading } from '@/ui/states'

/** Recharts is most of the charts' code: loaded when a line chart first shows. */
const MetricCharts = lazy(() =>
  import('@/features/metric-charts/metric-charts').then((module) => ({ default: module.MetricCharts })),
)

/** Metric histories are fetched per run: a line chart draws the first this many visible runs. */
export const MAX_LINE_RUNS = 100

/**
 * The sweep view's line chart: the compare page's metric charts over the visible runs. The metrics
 * live in the URL (the chart's config); x axis, smoothing and the rest are this panel's own.
 */
export function SweepLineChart({
  config,
  runs,
  colors,
  onChange,
}: {
  config: LineConfig
  runs: readonly Run[]
  colors: ReadonlyMap<string, string>
  onChange: (config: LineConfig) => void
}) {
  const [settings, setSettings] = useState<ChartView>({ ...DEFAULT_CHART_VIEW, metrics: [] })
  const view: ChartView = { ...settings, metrics: config.metricKeys }
  const shown = useMemo(() => (runs.length > MAX_LINE_RUNS ? runs.slice(0, MAX_LINE_RUNS) : runs), [runs])
  return (
    <>
      {runs.length > MAX_LINE_RUNS && (
        <p className="muted sweep-line-note">
          Histories of the first {MAX_LINE_RUNS} of {runs.length.toLocaleString('en')} visible runs (pin or
          brush to choose others).
        </p>
      )}
      <Suspense fallback={<Loading label="Loading charts…" />}>
        <MetricCharts
          runs={shown}
          colors={colors}
          view={view}
          onViewChange={(update) => {
            const next = update(view)
            setSettings(next)
            const metricKeys = next.metrics ?? []
            if (metricKeys.join('\n') !== config.metricKeys.join('\n')) onChange({ ...config, metricKeys })
          }}
        />
      </Suspense>
    </>
  )
}

import { useCallback, useMemo, useState } from 'react'
import type { RunLabel } from '@/domain/metrics/chart-lines'
import { NO_GROUP } from '@/domain/metrics/chart-lines'
import { chartableMetrics, defaultChartMetrics } from '@/domain/metrics/chart-defaults'
import type { ChartView, XRange } from '@/domain/metrics/chart-view'
import type { Run } from '@/domain/runs/run'
import { RUN_PALETTE } from '@/domain/runs/run-colors'
import {
  cellValue,
  collectRunKeys,
  columnId,
  compareCellValues,
  constantColumnIds,
  parseColumnId,
  type ColumnRef,
} from '@/domain/runs/run-columns'
import { EmptyState } from '@/ui/states'
import { ChartLegend, HighlightStyle } from './chart-legend'
import { ChartToolbar } from './chart-toolbar'
import { createHighlightStore, HighlightContext } from './highlight-store'
import { MetricChartCard, type MetricRange } from './metric-chart-card'
import './metric-charts.css'

export interface MetricChartsProps {
  runs: readonly Run[]
  /** run id -> colour, shared with the rest of the page. */
  colors: ReadonlyMap<string, string>
  view: ChartView
  onViewChange: (update: (view: ChartView) => ChartView) => void
  /** Each chart reports the min and max it loaded per run, for the diff. */
  onRanges?: ((metricKey: string, ranges: ReadonlyMap<string, MetricRange>) => void) | undefined
}

function groupText(run: Run, ref: ColumnRef | undefined): string | undefined {
  if (ref === undefined) return undefined
  const value = cellValue(run, ref)
  return value === undefined ? NO_GROUP : String(value)
}

/**
 * The compare page's charts: settings, legend, and one chart per metric (or one for all). Each
 * chart fetches only when it nears the viewport; hover highlights a run on every chart at once.
 */
export function MetricCharts({ runs, colors, view, onViewChange, onRanges }: MetricChartsProps) {
  const [highlight] = useState(createHighlightStore)
  const keys = useMemo(() => collectRunKeys(runs), [runs])
  const availableMetrics = useMemo(() => chartableMetrics(runs), [runs])
  const metrics = useMemo(
    () => view.metrics ?? defaultChartMetrics(runs, availableMetrics),
    [view.metrics, runs, availableMetrics],
  )
  const groupOptions = useMemo(() => {
    const refs: ColumnRef[] = [
      ...keys.params.map((key): ColumnRef => ({ group: 'params', key })),
      ...keys.tags.map((key): ColumnRef => ({ group: 'tags', key })),
    ]
    const constant = constantColumnIds(runs, refs)
    return refs.map(columnId).filter((id) => !constant.has(id))
  }, [keys, runs])
  const groupRef = view.groupBy === undefined ? undefined : parseColumnId(view.groupBy)

  const labels = useMemo(() => {
    const map = new Map<string, RunLabel>()
    for (const run of runs)
      map.set(run.info.runId, {
        name: run.info.runName || run.info.runId,
        color: colors.get(run.info.runId) ?? RUN_PALETTE[0] ?? '#4e79a7',
        group: groupText(run, groupRef),
      })
    return map
  }, [runs, colors, groupRef])
  const groupColors = useMemo(() => {
    const values = [...new Set([...labels.values()].map((label) => label.group ?? NO_GROUP))].sort(
      compareCellValues,
    )
    return new Map(
      values.map((value, index) => [value, RUN_PALETTE[index % RUN_PALETTE.length] ?? '#4e79a7']),
    )
  }, [labels])

  const onZoom = useCallback(
    (range: XRange | undefined) => {
      onViewChange((current) => ({
        ...current,
        zoom:
          range === undefined
            ? undefined
            : current.xAxis === 'step'
              ? {
                  start: Math.floor(range.start),
                  end: Math.max(Math.ceil(range.end), Math.floor(range.start) + 1),
                }
              : { start: Math.round(range.start), end: Math.round(range.end) },
      }))
    },
    [onViewChange],
  )

  const charts = useMemo(
    (): (readonly string[])[] => (view.combined ? [metrics] : metrics.map((key) => [key])),
    [view.combined, metrics],
  )

  return (
    <HighlightContext value={highlight}>
      <section className="metric-charts" aria-label="Metric charts">
        <HighlightStyle />
        <ChartToolbar
          view={view}
          metrics={metrics}
          availableMetrics={availableMetrics}
          groupOptions={groupOptions}
          onViewChange={onViewChange}
        />
        <ChartLegend
          runs={runs}
          labels={labels}
          groupColors={view.groupBy === undefined ? undefined : groupColors}
        />
        {availableMetrics.length === 0 ? (
          <EmptyState title="No metrics">These runs logged no metrics to chart.</EmptyState>
        ) : metrics.length === 0 ? (
          <EmptyState title="No metrics chosen">Pick metrics to chart with the Metrics button.</EmptyState>
        ) : (
          <div className={view.combined ? 'chart-grid is-combined' : 'chart-grid'}>
            {charts.map((metricKeys) => (
              <MetricChartCard
                key={metricKeys.join('\n')}
                metricKeys={metricKeys}
                runs={runs}
                labels={labels}
                groupColors={groupColors}
                view={view}
                onZoom={onZoom}
                onRanges={onRanges}
              />
            ))}
          </div>
        )}
      </section>
    </HighlightContext>
  )
}

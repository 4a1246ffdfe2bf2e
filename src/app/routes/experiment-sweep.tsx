import { useCallback, useMemo, useState, type ReactNode } from 'react'
import { useNavigate } from 'react-router'
import type { Run } from '@/domain/runs/run'
import { assignRunColors } from '@/domain/runs/run-colors'
import { defaultSweepCharts, mainMetricKey, prefersLogScale } from '@/domain/sweep/default-charts'
import type { SweepBrushes, SweepChartConfig } from '@/domain/sweep/sweep-chart'
import { sweepVisibility } from '@/domain/sweep/visibility'
import type { RunListMode, RunTableProps } from '@/features/run-table/run-table'
import type { LineConfig, SweepPanelData } from '@/features/sweep-charts/sweep-panel-body'
import { SweepView } from '@/features/sweep-charts/sweep-view'
import { SweepListControls } from '@/features/sweep-charts/sweep-view-controls'
import { useSweepState } from '@/url-state/use-sweep-state'
import { paths } from '../paths'
import { SweepLineChart } from './experiment-sweep-line'

/** What the sweep view adds to the runs table. */
export type SweepTableProps = Pick<
  RunTableProps,
  'runList' | 'onRunsChange' | 'highlightedRunId' | 'onHoverRun'
>

function sameRuns(a: readonly Run[], b: readonly Run[]): boolean {
  return a.length === b.length && a.every((run, index) => run === b[index])
}

function toggled(ids: readonly string[], id: string): string[] {
  return ids.includes(id) ? ids.filter((other) => other !== id) : [...ids, id]
}

/**
 * The experiment page's runs: the table, and with `charts=1` the sweep view beside it (the table
 * shrinks to a run list with eyes and pins; the charts draw the runs it lists). The runs come from
 * the table's own loading, with its filter; the view lives in the URL (url-state/sweep-state.ts).
 */
export function ExperimentSweep({ renderTable }: { renderTable: (sweep: SweepTableProps) => ReactNode }) {
  const [sweep, setSweep] = useSweepState()
  const navigate = useNavigate()
  const [runs, setAllRuns] = useState<readonly Run[]>([])
  // The table reports its runs after each change; the same runs again must not re-render the page.
  const setRuns = useCallback((next: readonly Run[]) => {
    setAllRuns((current) => (sameRuns(current, next) ? current : next))
  }, [])
  const [highlightedRunId, setHighlightedRunId] = useState<string | undefined>(undefined)
  const hidden = useMemo(() => new Set(sweep.hidden), [sweep.hidden])
  const pinned = useMemo(() => new Set(sweep.pinned), [sweep.pinned])
  const { first, hideFinished, brushes } = sweep
  const visibility = useMemo(
    () => sweepVisibility(runs, { first, hideFinished, hidden, pinned, brushes }),
    [runs, first, hideFinished, hidden, pinned, brushes],
  )
  const colors = useMemo(() => assignRunColors(runs), [runs])
  const defaults = useMemo(
    () => (sweep.charts === undefined && sweep.open ? defaultSweepCharts(runs) : undefined),
    [sweep.charts, sweep.open, runs],
  )
  const charts = useMemo(() => sweep.charts ?? defaults ?? [], [sweep.charts, defaults])
  const mainMetric = useMemo(() => mainMetricKey(runs), [runs])

  const onToggleHidden = useCallback(
    (runId: string) => {
      setSweep((current) => ({ ...current, hidden: toggled(current.hidden, runId) }), { replace: true })
    },
    [setSweep],
  )
  const onTogglePinned = useCallback(
    (runId: string) => {
      setSweep((current) => ({ ...current, pinned: toggled(current.pinned, runId) }), { replace: true })
    },
    [setSweep],
  )
  const onBrushesChange = useCallback(
    (next: SweepBrushes) => {
      setSweep((current) => ({ ...current, brushes: next }), { replace: true })
    },
    [setSweep],
  )
  const onChartsChange = useCallback(
    (next: SweepChartConfig[]) => {
      setSweep((current) => ({ ...current, charts: next }))
    },
    [setSweep],
  )
  const runsById = useMemo(() => new Map(runs.map((run) => [run.info.runId, run])), [runs])
  const onOpenRun = useCallback(
    (runId: string) => {
      const run = runsById.get(runId)
      if (run !== undefined) void navigate(paths.run(run.info.experimentId, runId))
    },
    [runsById, navigate],
  )
  const onInspectParam = useCallback(
    (paramKey: string, metricKey: string) => {
      const x = `params.${paramKey}`
      onChartsChange([
        ...charts,
        {
          type: 'scatter',
          id: 'new',
          x,
          y: `metrics.${metricKey}`,
          xLog: prefersLogScale(runs, x),
          yLog: false,
          trend: true,
        },
      ])
    },
    [charts, runs, onChartsChange],
  )
  const renderLineChart = useCallback(
    (config: LineConfig, lineRuns: readonly Run[], onChange: (config: LineConfig) => void) => (
      <SweepLineChart config={config} runs={lineRuns} colors={colors} onChange={onChange} />
    ),
    [colors],
  )

  const runList = useMemo(
    (): RunListMode => ({
      runs: visibility.listed,
      columns: mainMetric === undefined ? ['attributes.status'] : [`metrics.${mainMetric}`],
      hidden,
      pinned,
      colors,
      onToggleHidden,
      onTogglePinned,
    }),
    [visibility.listed, mainMetric, hidden, pinned, colors, onToggleHidden, onTogglePinned],
  )
  const data: SweepPanelData = {
    runs: visibility.visible,
    unbrushed: visibility.unbrushed,
    colors,
    highlightedRunId,
    onHoverRun: setHighlightedRunId,
    brushes,
    onBrushesChange,
    onOpenRun,
    onInspectParam,
    renderLineChart,
  }

  const table = renderTable(
    sweep.open
      ? { runList, onRunsChange: setRuns, highlightedRunId, onHoverRun: setHighlightedRunId }
      : { onRunsChange: setRuns },
  )
  return (
    <>
      <button
        type="button"
        className="button button-small sweep-toggle"
        aria-pressed={sweep.open}
        onClick={() => {
          setSweep((current) => ({ ...current, open: !current.open }))
        }}
      >
        {sweep.open ? 'Hide charts' : 'Charts'}
      </button>
      <div className={sweep.open ? 'sweep-layout' : undefined}>
        <div className="sweep-list">
          {sweep.open && (
            <SweepListControls
              matching={runs.length}
              listed={visibility.listed.length}
              first={first}
              onFirstChange={(next) => {
                setSweep((current) => ({ ...current, first: next }), { replace: true })
              }}
              hideFinished={hideFinished}
              onHideFinishedChange={(hide) => {
                setSweep((current) => ({ ...current, hideFinished: hide }), { replace: true })
              }}
              hiddenCount={sweep.hidden.length}
              onShowAll={() => {
                setSweep((current) => ({ ...current, hidden: [] }))
              }}
              pinnedCount={sweep.pinned.length}
              onUnpinAll={() => {
                setSweep((current) => ({ ...current, pinned: [] }))
              }}
              brushes={brushes}
              onClearBrushes={() => {
                setSweep((current) => ({ ...current, brushes: {} }))
              }}
            />
          )}
          {table}
        </div>
        {sweep.open && (
          <SweepView allRuns={runs} charts={charts} onChartsChange={onChartsChange} data={data} />
        )}
      </div>
    </>
  )
}

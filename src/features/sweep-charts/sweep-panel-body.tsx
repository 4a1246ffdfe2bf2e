import type { ReactNode } from 'react'
import type { Run } from '@/domain/runs/run'
import type { SweepBrushes, SweepChartConfig, SweepChartInput } from '@/domain/sweep/sweep-chart'
import { BarChartPanel } from './bar-chart-panel'
import { BoxPlotPanel } from './box-plot-panel'
import { ImportancePanel } from './importance-panel'
import { ParallelCoordinates } from './parallel-coordinates'
import { ScatterChart } from './scatter-chart'

export type LineConfig = Extract<SweepChartConfig, { type: 'line' }>

/** What every panel's chart draws from, and the page-wide callbacks. */
export interface SweepPanelData extends SweepChartInput {
  /** The runs before the brushes (eyes applied): the parallel coordinates draw the others faint. */
  unbrushed: readonly Run[]
  brushes: SweepBrushes
  onBrushesChange: (brushes: SweepBrushes) => void
  onOpenRun: (runId: string) => void
  /** An importance bar's "inspect": add a scatter of that param against the metric. */
  onInspectParam: (paramKey: string, metricKey: string) => void
  /**
   * The line chart is the compare page's metric charts, which only the app may mount (features do
   * not import each other).
   */
  renderLineChart: (
    config: LineConfig,
    runs: readonly Run[],
    onChange: (config: LineConfig) => void,
  ) => ReactNode
}

/** Height of every chart's drawing, in CSS pixels. */
export const PANEL_CHART_HEIGHT = 300

/** The chart of one panel. */
export function SweepPanelBody({
  config,
  data,
  onConfigChange,
}: {
  config: SweepChartConfig
  data: SweepPanelData
  onConfigChange: (config: SweepChartConfig) => void
}) {
  const input: SweepChartInput = {
    runs: data.runs,
    colors: data.colors,
    highlightedRunId: data.highlightedRunId,
    onHoverRun: data.onHoverRun,
  }
  switch (config.type) {
    case 'scatter':
      return (
        <ScatterChart {...input} config={config} height={PANEL_CHART_HEIGHT} onOpenRun={data.onOpenRun} />
      )
    case 'parallel':
      return (
        <ParallelCoordinates
          {...input}
          runs={data.unbrushed}
          config={config}
          brushes={data.brushes}
          onBrushesChange={data.onBrushesChange}
          height={PANEL_CHART_HEIGHT}
        />
      )
    case 'bar':
      return <BarChartPanel {...input} config={config} onConfigChange={onConfigChange} />
    case 'line':
      return data.renderLineChart(config, data.runs, onConfigChange)
    case 'box':
      return <BoxPlotPanel {...input} config={config} onConfigChange={onConfigChange} />
    case 'importance': {
      const { metricKey } = config
      return (
        <ImportancePanel
          {...input}
          config={config}
          onConfigChange={onConfigChange}
          onInspect={(paramKey) => {
            data.onInspectParam(paramKey, metricKey)
          }}
        />
      )
    }
  }
}

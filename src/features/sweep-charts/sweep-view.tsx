import { useMemo } from 'react'
import type { Run } from '@/domain/runs/run'
import { collectRunKeys } from '@/domain/runs/run-columns'
import { newSweepChart } from '@/domain/sweep/default-charts'
import type { SweepChartConfig, SweepChartType } from '@/domain/sweep/sweep-chart'
import { EmptyState } from '@/ui/states'
import { SweepAddChart } from './sweep-panel-add'
import type { SweepPanelData } from './sweep-panel-body'
import { SweepPanel } from './sweep-panel-frame'
import './sweep-charts.css'

export interface SweepViewProps {
  /** Every run matching the table's filter: the field pickers and new charts read these. */
  allRuns: readonly Run[]
  charts: readonly SweepChartConfig[]
  onChartsChange: (charts: SweepChartConfig[]) => void
  data: SweepPanelData
}

function moved<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items]
  const [item] = next.splice(from, 1)
  if (item === undefined) return next
  next.splice(Math.min(Math.max(to, 0), next.length), 0, item)
  return next
}

/** The grid of chart panels beside the run list, and "Add chart". */
export function SweepView({ allRuns, charts, onChartsChange, data }: SweepViewProps) {
  const fields = useMemo(() => {
    const keys = collectRunKeys(allRuns)
    return { params: keys.params, metrics: keys.metrics }
  }, [allRuns])
  const draftFor = (type: SweepChartType) => newSweepChart(type, allRuns, 'new')
  const onConfigChange = (index: number, config: SweepChartConfig) => {
    onChartsChange(charts.map((chart, position) => (position === index ? config : chart)))
  }
  const onMove = (from: number, to: number) => {
    if (to < 0 || to >= charts.length) return
    onChartsChange(moved(charts, from, to))
  }
  const onRemove = (index: number) => {
    onChartsChange(charts.filter((_, position) => position !== index))
  }
  return (
    <section className="sweep-view" aria-label="Charts">
      <div className="sweep-view-toolbar">
        <span className="muted" role="status" aria-label="Charted runs">
          {data.runs.length === 1
            ? '1 run on the charts'
            : `${data.runs.length.toLocaleString('en')} runs on the charts`}
        </span>
        <SweepAddChart
          fields={fields}
          draftFor={draftFor}
          onAdd={(config) => {
            onChartsChange([...charts, config])
          }}
        />
      </div>
      {charts.length === 0 ? (
        <EmptyState title="No charts">
          <p className="muted">Add one with “Add chart”.</p>
        </EmptyState>
      ) : (
        <div className="sweep-grid">
          {charts.map((config, index) => (
            <SweepPanel
              key={config.id}
              config={config}
              index={index}
              count={charts.length}
              fields={fields}
              data={data}
              onConfigChange={onConfigChange}
              onMove={onMove}
              onRemove={onRemove}
            />
          ))}
        </div>
      )}
    </section>
  )
}

import { useRef, useState, type DragEvent } from 'react'
import { parallelCsv, scatterCsv } from '@/domain/sweep/sweep-csv'
import type { SweepChartConfig } from '@/domain/sweep/sweep-chart'
import { parallelSvg, scatterSvg } from '@/domain/sweep/sweep-svg'
import { PANEL_CHART_HEIGHT, SweepPanelBody, type SweepPanelData } from './sweep-panel-body'
import { SweepPanelBoundary } from './sweep-panel-boundary'
import { SweepChartConfigForm, sweepChartTitle, type SweepFields } from './sweep-panel-config'
import { SweepChartExport } from './sweep-export-menu'

/** The drag payload's type: a panel's index. */
const DRAG_TYPE = 'application/x-runboard-sweep-chart'

export interface SweepPanelProps {
  config: SweepChartConfig
  index: number
  count: number
  fields: SweepFields
  data: SweepPanelData
  onConfigChange: (index: number, config: SweepChartConfig) => void
  onMove: (from: number, to: number) => void
  onRemove: (index: number) => void
}

/**
 * One chart in the grid: its title, configure, move (buttons, or drag the title bar), remove, its
 * export buttons (scatter and parallel coordinates; the other charts carry their own), and the chart
 * inside its own error boundary.
 */
export function SweepPanel({
  config,
  index,
  count,
  fields,
  data,
  onConfigChange,
  onMove,
  onRemove,
}: SweepPanelProps) {
  const [configuring, setConfiguring] = useState(false)
  const [dropTarget, setDropTarget] = useState(false)
  const body = useRef<HTMLDivElement>(null)
  const title = sweepChartTitle(config)
  const change = (next: SweepChartConfig) => {
    onConfigChange(index, next)
  }
  const csv =
    config.type === 'scatter'
      ? () => scatterCsv(data.runs, config.x, config.y)
      : config.type === 'parallel'
        ? () => parallelCsv(data.runs, config.axes)
        : undefined
  const size = () => ({ width: Math.max(body.current?.clientWidth ?? 0, 200), height: PANEL_CHART_HEIGHT })
  const svg =
    config.type === 'scatter'
      ? () => scatterSvg(data.runs, data.colors, config, size())
      : config.type === 'parallel'
        ? () => parallelSvg(data.unbrushed, data.colors, config, data.brushes, size())
        : undefined
  const onDrop = (event: DragEvent<HTMLElement>) => {
    setDropTarget(false)
    const from = Number(event.dataTransfer.getData(DRAG_TYPE))
    if (event.dataTransfer.types.includes(DRAG_TYPE) && Number.isInteger(from) && from !== index) {
      event.preventDefault()
      onMove(from, index)
    }
  }
  return (
    <section
      className={`sweep-panel sweep-panel-${config.type}${dropTarget ? ' is-drop-target' : ''}${config.type === 'parallel' || config.type === 'line' ? ' is-wide' : ''}`}
      aria-label={title}
      data-chart-type={config.type}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes(DRAG_TYPE)) return
        event.preventDefault()
        setDropTarget(true)
      }}
      onDragLeave={() => {
        setDropTarget(false)
      }}
      onDrop={onDrop}
    >
      <header
        className="sweep-panel-header"
        draggable
        title="Drag to move this chart"
        onDragStart={(event) => {
          event.dataTransfer.setData(DRAG_TYPE, String(index))
          event.dataTransfer.effectAllowed = 'move'
        }}
      >
        <span className="sweep-panel-grip" aria-hidden="true">
          ⠿
        </span>
        <h3 className="sweep-panel-title">{title}</h3>
        <span className="sweep-panel-actions">
          <button
            type="button"
            className="button button-small button-ghost"
            aria-expanded={configuring}
            aria-label={`Configure ${title}`}
            title="Configure this chart"
            onClick={() => {
              setConfiguring((open) => !open)
            }}
          >
            ⚙
          </button>
          <button
            type="button"
            className="button button-small button-ghost"
            aria-label={`Move ${title} up`}
            title="Move up"
            disabled={index === 0}
            onClick={() => {
              onMove(index, index - 1)
            }}
          >
            ↑
          </button>
          <button
            type="button"
            className="button button-small button-ghost"
            aria-label={`Move ${title} down`}
            title="Move down"
            disabled={index === count - 1}
            onClick={() => {
              onMove(index, index + 1)
            }}
          >
            ↓
          </button>
          <button
            type="button"
            className="button button-small button-ghost"
            aria-label={`Remove ${title}`}
            title="Remove this chart"
            onClick={() => {
              onRemove(index)
            }}
          >
            ✕
          </button>
        </span>
      </header>
      {configuring && <SweepChartConfigForm config={config} fields={fields} onChange={change} />}
      {csv !== undefined && (
        <div className="sweep-panel-tools">
          <SweepChartExport
            title={title}
            csv={csv}
            svg={svg}
            target={body}
            disabled={data.runs.length === 0}
          />
        </div>
      )}
      <div ref={body} className="sweep-panel-body">
        <SweepPanelBoundary key={config.id} title={title}>
          <SweepPanelBody config={config} data={data} onConfigChange={change} />
        </SweepPanelBoundary>
      </div>
    </section>
  )
}

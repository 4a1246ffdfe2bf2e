import type { RunLabel } from '@/domain/metrics/chart-lines'
import type { Run } from '@/domain/runs/run'
import { useHighlighted, useSetHighlight } from './highlight-store'
import { cssId } from './metric-chart'

interface ChartLegendProps {
  runs: readonly Run[]
  labels: ReadonlyMap<string, RunLabel>
  /** Set when runs are grouped: the legend lists the groups instead. */
  groupColors: ReadonlyMap<string, string> | undefined
}

/** Runs (or groups) with their colours; pointing at one highlights it on every chart. */
export function ChartLegend({ runs, labels, groupColors }: ChartLegendProps) {
  const setHighlight = useSetHighlight()
  const highlighted = useHighlighted()
  const entries =
    groupColors === undefined
      ? runs.map((run) => {
          const label = labels.get(run.info.runId)
          return {
            id: run.info.runId,
            name: label?.name ?? run.info.runId,
            color: label?.color ?? '#888888',
            count: undefined,
          }
        })
      : [...groupColors].map(([value, color]) => ({
          id: `group:${value}`,
          name: value,
          color,
          count: [...labels.values()].filter((label) => label.group === value).length,
        }))
  return (
    <ul className="chart-legend" aria-label={groupColors === undefined ? 'Runs' : 'Groups'}>
      {entries.map((entry) => (
        <li key={entry.id}>
          <button
            type="button"
            className={entry.id === highlighted ? 'chart-legend-item is-highlighted' : 'chart-legend-item'}
            aria-pressed={entry.id === highlighted}
            onMouseEnter={() => {
              setHighlight(entry.id)
            }}
            onMouseLeave={() => {
              setHighlight(undefined)
            }}
            onFocus={() => {
              setHighlight(entry.id)
            }}
            onBlur={() => {
              setHighlight(undefined)
            }}
          >
            <span className="swatch" style={{ background: entry.color }} aria-hidden="true" />
            {entry.name}
            {entry.count !== undefined && (
              <>
                {' '}
                <span className="muted">({entry.count})</span>
              </>
            )}
          </button>
        </li>
      ))}
    </ul>
  )
}

/** Dims every line but the highlighted one's, on every chart, without re-rendering a chart. */
export function HighlightStyle() {
  const highlighted = useHighlighted()
  if (highlighted === undefined) return null
  const line = `line-${cssId(highlighted)}`
  return (
    <style>
      {`.metric-charts .chart-line:not(.${line}) path { stroke-opacity: 0.15; }
.metric-charts .chart-band:not(.${line}) path { fill-opacity: 0.05; }
.metric-charts .chart-line.${line} path { stroke-width: 2.5px; }`}
    </style>
  )
}

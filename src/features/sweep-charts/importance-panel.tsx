/**
 * Which params go with a metric: every param the visible runs vary, ranked by a 0..1 score (see
 * domain/sweep/importance.ts), with the statistic behind each score and how many runs it rests on.
 */

import { useMemo, useRef, type KeyboardEvent } from 'react'
import { collectRunKeys } from '@/domain/runs/run-columns'
import { paramImportance, type ParamImportance } from '@/domain/sweep/importance'
import type { SweepChartConfig, SweepChartInput } from '@/domain/sweep/sweep-chart'
import { importanceCsv, importanceMethod, type ImportanceMethod } from '@/domain/sweep/sweep-csv'
import { EmptyState } from '@/ui/states'
import { useElementWidth } from '@/ui/use-element-width'
import { SweepChartExport } from './sweep-export-menu'
import { SweepStatSelect } from './sweep-stat-panel'

export type ImportanceConfig = Extract<SweepChartConfig, { type: 'importance' }>

export interface ImportancePanelProps extends SweepChartInput {
  config: ImportanceConfig
  onConfigChange: (config: ImportanceConfig) => void
  /** Clicking a param asks the page for a scatter of that param against the metric. */
  onInspect?: (paramKey: string) => void
}

export const METHOD_LABELS: Record<ImportanceMethod, string> = {
  pearson: 'Pearson |r|',
  spearman: 'Spearman |ρ|',
  eta: 'η',
}

export const IMPORTANCE_NOTE =
  'Score 0–1: how strongly the latest value of the metric goes with the param over the visible runs. ' +
  'Numeric params: the larger of Pearson’s |r| (a straight line) and Spearman’s |ρ| (any rise or fall, so a log-spaced learning rate counts fully); ' +
  'text params: the correlation ratio η (how much of the spread the groups explain). ' +
  'A correlation, not a cause: params varied together share credit, and small n is noisy. Params with a single value are left out.'

const ROW = 22
const BAR = 14
const DETAIL_WIDTH = 190

function clipped(text: string, width: number): string {
  const fits = Math.max(Math.floor(width / 6.5), 4)
  return text.length <= fits ? text : `${text.slice(0, fits - 1)}…`
}

function trend(row: ParamImportance, metricKey: string): string {
  if (row.kind === 'categorical' || row.direction === 0) return ''
  return row.direction > 0 ? `${metricKey} rises with it` : `${metricKey} falls as it rises`
}

function rowText(row: ParamImportance, metricKey: string): string {
  const direction = trend(row, metricKey)
  return (
    `${row.param}: ${row.score.toFixed(2)} (${METHOD_LABELS[importanceMethod(row)]}, n ${row.n}` +
    `${direction === '' ? '' : `, ${direction}`})`
  )
}

interface RowsSvgProps {
  rows: readonly ParamImportance[]
  width: number
  metricKey: string
  onInspect: ((paramKey: string) => void) | undefined
}

function RowsSvg({ rows, width, metricKey, onInspect }: RowsSvgProps) {
  const labelWidth = Math.min(150, Math.round(width * 0.3))
  const left = labelWidth + 8
  const right = Math.max(width - DETAIL_WIDTH, left + 40)
  const height = rows.length * ROW + 4
  const inspect = (param: string) => {
    onInspect?.(param)
  }
  return (
    <svg
      data-sweep-chart="importance"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="list"
      aria-label={`Param importance for ${metricKey}`}
    >
      {rows.map((row, index) => {
        const y = index * ROW
        const text = rowText(row, metricKey)
        const method = METHOD_LABELS[importanceMethod(row)]
        const arrow = row.kind === 'numeric' && row.direction !== 0 ? (row.direction > 0 ? ' ↗' : ' ↘') : ''
        return (
          <g
            key={row.param}
            role="listitem"
            tabIndex={0}
            aria-label={
              onInspect === undefined ? text : `${text}. Press Enter to plot it against ${metricKey}.`
            }
            data-param={row.param}
            className={
              onInspect === undefined ? 'sweep-importance-row' : 'sweep-importance-row is-inspectable'
            }
            onClick={() => {
              inspect(row.param)
            }}
            onKeyDown={(event: KeyboardEvent<SVGGElement>) => {
              if (event.key !== 'Enter' && event.key !== ' ') return
              event.preventDefault()
              inspect(row.param)
            }}
          >
            <title>{text}</title>
            <rect x={0} y={y} width={width} height={ROW} fill="transparent" />
            <text x={labelWidth} y={y + ROW / 2 + 4} textAnchor="end" fontSize={12} fill="var(--text)">
              {clipped(row.param, labelWidth)}
            </text>
            <rect
              x={left}
              y={y + (ROW - BAR) / 2}
              width={right - left}
              height={BAR}
              fill="var(--surface-2)"
            />
            <rect
              x={left}
              y={y + (ROW - BAR) / 2}
              width={Math.max((right - left) * row.score, 1)}
              height={BAR}
              fill="var(--accent)"
            />
            <text x={right + 6} y={y + ROW / 2 + 4} fontSize={11} fill="var(--text)">
              {row.score.toFixed(2)}
              <tspan fill="var(--muted)">{` ${method} · n=${row.n}${arrow}`}</tspan>
            </text>
          </g>
        )
      })}
    </svg>
  )
}

/** Params of the visible runs ranked by how strongly they go with one metric. */
export function ImportancePanel({ runs, config, onConfigChange, onInspect }: ImportancePanelProps) {
  const { metricKey } = config
  const body = useRef<HTMLDivElement>(null)
  const width = useElementWidth(body)
  const metricKeys = useMemo(() => collectRunKeys(runs).metrics, [runs])
  const rows = useMemo(
    () => (metricKey === '' ? undefined : paramImportance(runs, metricKey)),
    [runs, metricKey],
  )
  /** How many visible runs have a finite value of the metric, and how many distinct values. */
  const spread = useMemo(() => {
    const values = new Set<number>()
    let count = 0
    for (const run of runs) {
      const value = run.metrics[metricKey]?.value
      if (value === undefined || !Number.isFinite(value)) continue
      count++
      values.add(value)
    }
    return { count, distinct: values.size }
  }, [runs, metricKey])
  const title = `Param importance for ${metricKey}`

  let content
  if (rows === undefined) content = <EmptyState title="Choose a metric to rank the params by." />
  else if (spread.count === 0) content = <EmptyState title={`No visible run has a finite ${metricKey}.`} />
  else if (spread.distinct === 1)
    content = (
      <EmptyState
        title={`${metricKey} is the same in all ${spread.count} visible runs that have it: no param can explain it.`}
      />
    )
  else if (rows.length === 0)
    content = (
      <EmptyState title={`No param varies among the ${spread.count} visible runs with ${metricKey}.`} />
    )
  else if (width > 0)
    content = <RowsSvg rows={rows} width={width} metricKey={metricKey} onInspect={onInspect} />

  return (
    <section
      className="sweep-stat-panel sweep-importance-panel"
      aria-label={rows === undefined ? 'Param importance' : title}
    >
      <div className="sweep-stat-controls">
        <SweepStatSelect
          label="Metric"
          value={metricKey}
          options={metricKeys}
          onChange={(next) => {
            onConfigChange({ ...config, metricKey: next })
          }}
        />
        <SweepChartExport
          title={title}
          target={body}
          disabled={rows === undefined || rows.length === 0 || spread.distinct < 2}
          csv={() => importanceCsv(rows ?? [])}
        />
      </div>
      <div className="sweep-stat-plot" ref={body}>
        {content}
      </div>
      {rows !== undefined && rows.length > 0 && spread.distinct > 1 && (
        <details className="sweep-stat-note muted">
          <summary>
            What the score means{onInspect !== undefined && ' · click a param to plot it against the metric'}
          </summary>
          {IMPORTANCE_NOTE}
        </details>
      )}
    </section>
  )
}

/**
 * One bar per visible run: a metric's latest value, or the min or max of its sampled history
 * (fetched on demand, a hundred runs per request). Thousands of runs are capped to the best or
 * worst {@link MAX_BARS}, and the panel says so.
 */

import { useQueries, type UseQueryResult } from '@tanstack/react-query'
import { useId, useMemo, useRef, useState } from 'react'
import { describeError } from '@/api/describe-error'
import { DEFAULT_SAMPLED_POINTS, MAX_RUNS_PER_SAMPLED_REQUEST, metricQueries } from '@/api/metrics'
import { makeScale, niceTicks } from '@/domain/metrics/chart-scale'
import type { RunMetricPoint } from '@/domain/metrics/metric-point'
import { metricDirection } from '@/domain/metrics/metric-direction'
import { formatMetricValue } from '@/domain/format/format-number'
import type { Run } from '@/domain/runs/run'
import { collectRunKeys } from '@/domain/runs/run-columns'
import type { BarAggregate, SweepChartConfig, SweepChartInput } from '@/domain/sweep/sweep-chart'
import { barCsv } from '@/domain/sweep/sweep-csv'
import { formatTick } from '@/domain/sweep/sweep-scale'
import { EmptyState, ErrorState, Loading } from '@/ui/states'
import { useElementWidth } from '@/ui/use-element-width'
import { SweepChartExport } from './sweep-export-menu'
import { SweepStatSelect } from './sweep-stat-panel'

export type BarChartConfig = Extract<SweepChartConfig, { type: 'bar' }>

export interface BarChartPanelProps extends SweepChartInput {
  config: BarChartConfig
  onConfigChange: (config: BarChartConfig) => void
}

/** More bars than this are capped to the best (or worst) this many. */
export const MAX_BARS = 50

/**
 * Points fetched over all runs for min/max: 1,000 runs get the 320 points per run MLflow's UI asks
 * for; more runs get fewer each (5,000 runs: 64), so thousands of runs stay a few megabytes.
 */
export const SAMPLED_POINT_BUDGET = 320_000
const MIN_POINTS_PER_RUN = 10

/** Points per run to sample for `runCount` runs. */
export function sampledPointsPerRun(runCount: number): number {
  return Math.max(
    MIN_POINTS_PER_RUN,
    Math.min(DEFAULT_SAMPLED_POINTS, Math.floor(SAMPLED_POINT_BUDGET / Math.max(runCount, 1))),
  )
}

export function sampledNote(pointsPerRun: number): string {
  return `Sampled: the server returns up to ${pointsPerRun} evenly spaced points of each history (always the first and last), so min and max can miss a true extreme between them.`
}

const AGGREGATE_LABELS: Record<BarAggregate, string> = {
  latest: 'Latest',
  min: 'Min (sampled)',
  max: 'Max (sampled)',
}

export interface BarValue {
  run: Run
  value: number
}

export interface BarValues {
  /** Finite values, in table order. */
  bars: BarValue[]
  /** Runs without the metric (or, for min/max, without a sampled point). */
  missing: number
  /** Runs whose value is NaN or infinite: no bar can show it. */
  nonFinite: number
}

/** Min or max over each run's finite sampled points; NaN when a run has points but none finite. */
export function extremesByRun(
  points: readonly RunMetricPoint[],
  aggregate: 'min' | 'max',
): Map<string, number> {
  const extremes = new Map<string, number>()
  for (const { runId, value } of points) {
    const current = extremes.get(runId)
    if (!Number.isFinite(value)) {
      if (current === undefined) extremes.set(runId, value)
      continue
    }
    if (current === undefined || !Number.isFinite(current)) extremes.set(runId, value)
    else extremes.set(runId, aggregate === 'min' ? Math.min(current, value) : Math.max(current, value))
  }
  return extremes
}

/** Each run's bar value: its latest value, or its entry in `extremes` (min/max). */
export function barValues(
  runs: readonly Run[],
  metricKey: string,
  extremes: ReadonlyMap<string, number> | undefined,
): BarValues {
  const bars: BarValue[] = []
  let missing = 0
  let nonFinite = 0
  for (const run of runs) {
    const value = extremes === undefined ? run.metrics[metricKey]?.value : extremes.get(run.info.runId)
    if (value === undefined) missing++
    else if (!Number.isFinite(value)) nonFinite++
    else bars.push({ run, value })
  }
  return { bars, missing, nonFinite }
}

export type BarOrder = 'value' | 'table'
export type BarCap = 'best' | 'worst'

/**
 * The bars drawn: at most `MAX_BARS`, the best (or worst) when there are more, "best" by the
 * metric's direction (`val_loss` lower, `accuracy` higher; unknown: higher). Sorted best first, or
 * kept in table order.
 */
export function barsToDraw(
  bars: readonly BarValue[],
  metricKey: string,
  order: BarOrder,
  cap: BarCap,
  maxBars: number = MAX_BARS,
): BarValue[] {
  const lowerIsBetter = metricDirection(metricKey) === 'lower'
  const position = new Map(bars.map((bar, index) => [bar, index]))
  const bestFirst = [...bars].sort((a, b) => (lowerIsBetter ? a.value - b.value : b.value - a.value))
  const kept =
    bars.length <= maxBars
      ? bestFirst
      : cap === 'best'
        ? bestFirst.slice(0, maxBars)
        : bestFirst.slice(bestFirst.length - maxBars)
  if (order === 'table') return kept.sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0))
  return kept
}

/**
 * Run ids in groups of `size`, in table order: runs loaded page by page are appended, so the groups
 * already fetched keep their runs (and their cache entries) and only the last one changes.
 */
function chunked(ids: readonly string[], size: number): string[][] {
  const unique = [...new Set(ids)]
  const chunks: string[][] = []
  for (let index = 0; index < unique.length; index += size) chunks.push(unique.slice(index, index + size))
  return chunks
}

function combineExtremes(results: readonly UseQueryResult<RunMetricPoint[]>[]) {
  return {
    points: results.every((result) => result.isSuccess)
      ? results.flatMap((result) => result.data)
      : undefined,
    done: results.filter((result) => !result.isPending).length,
    total: results.length,
    error: results.find((result) => result.error !== null)?.error ?? null,
    retry: () => {
      for (const result of results) if (result.isError) void result.refetch()
    },
  }
}

/**
 * Min or max of every run's sampled history, a hundred runs per request; nothing is fetched for
 * the latest value or without a metric.
 */
function useRunExtremes(runs: readonly Run[], metricKey: string, aggregate: BarAggregate) {
  const runIds = useMemo(
    () =>
      aggregate === 'latest' || metricKey === ''
        ? []
        : runs.filter((run) => run.metrics[metricKey] !== undefined).map((run) => run.info.runId),
    [runs, metricKey, aggregate],
  )
  const chunks = useMemo(() => chunked(runIds, MAX_RUNS_PER_SAMPLED_REQUEST), [runIds])
  const pointsPerRun = sampledPointsPerRun(runIds.length)
  const extremes = useQueries({
    queries: chunks.map((chunk) =>
      metricQueries.sampled({ runIds: chunk, metricKey, maxResults: pointsPerRun }),
    ),
    combine: combineExtremes,
  })
  return { extremes, pointsPerRun }
}

const ROW = 20
const BAR = 13
const AXIS = 22
const VALUE_WIDTH = 64

function clipped(text: string, width: number): string {
  const fits = Math.max(Math.floor(width / 6.5), 4)
  return text.length <= fits ? text : `${text.slice(0, fits - 1)}…`
}

/**
 * The value axis: from zero (bars' lengths compare), or zoomed to the values with a little room
 * (small differences show); the bars start at zero when it is inside, else at the near edge.
 */
export function barDomain(
  values: readonly number[],
  fromZero: boolean,
): { domain: [number, number]; baseline: number } {
  let low = Math.min(...values)
  let high = Math.max(...values)
  if (fromZero) {
    low = Math.min(low, 0)
    high = Math.max(high, 0)
  } else {
    const pad = high > low ? (high - low) * 0.05 : Math.abs(high) * 0.1 || 1
    low -= pad
    high += pad
  }
  if (!(high > low)) high = low + 1
  return { domain: [low, high], baseline: Math.min(Math.max(0, low), high) }
}

interface BarsSvgProps {
  fromZero: boolean
  bars: readonly BarValue[]
  width: number
  colors: ReadonlyMap<string, string>
  highlightedRunId: string | undefined
  onHoverRun: (runId: string | undefined) => void
  label: string
  sampled: boolean
}

function BarsSvg({
  bars,
  width,
  colors,
  highlightedRunId,
  onHoverRun,
  label,
  sampled,
  fromZero,
}: BarsSvgProps) {
  const labelWidth = Math.min(160, Math.round(width * 0.3))
  const left = labelWidth + 8
  const right = Math.max(width - VALUE_WIDTH, left + 20)
  const values = bars.map((bar) => bar.value)
  const { domain, baseline } = barDomain(values, fromZero)
  const ticks = niceTicks(domain, Math.max(Math.floor((right - left) / 80), 2))
  const scale = makeScale(domain, [left, right])
  const zero = scale.toPixel(baseline)
  const height = bars.length * ROW + AXIS
  const someHighlighted = bars.some((bar) => bar.run.info.runId === highlightedRunId)
  return (
    <svg
      data-sweep-chart="bar"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="list"
      aria-label={`Bars: ${label}`}
      className="sweep-bars-svg"
      onMouseLeave={() => {
        onHoverRun(undefined)
      }}
    >
      {ticks.map((tick) => (
        <g key={tick} aria-hidden="true">
          <line
            x1={scale.toPixel(tick)}
            x2={scale.toPixel(tick)}
            y1={AXIS}
            y2={height}
            stroke="var(--border)"
          />
          <text x={scale.toPixel(tick)} y={14} textAnchor="middle" fontSize={11} fill="var(--muted)">
            {formatTick(tick)}
          </text>
        </g>
      ))}
      {bars.map(({ run, value }, index) => {
        const runId = run.info.runId
        const name = run.info.runName === '' ? runId : run.info.runName
        const y = AXIS + index * ROW
        const end = scale.toPixel(value)
        const highlighted = runId === highlightedRunId
        const text = `${name}: ${formatMetricValue(value)}${sampled ? ' (sampled)' : ''}`
        return (
          <g
            key={runId}
            role="listitem"
            tabIndex={0}
            aria-label={text}
            data-run-id={runId}
            className={highlighted ? 'sweep-bar is-highlighted' : 'sweep-bar'}
            opacity={someHighlighted && !highlighted ? 0.4 : 1}
            onMouseEnter={() => {
              onHoverRun(runId)
            }}
            onFocus={() => {
              onHoverRun(runId)
            }}
            onBlur={() => {
              onHoverRun(undefined)
            }}
          >
            <title>{text}</title>
            <text x={labelWidth} y={y + ROW / 2 + 4} textAnchor="end" fontSize={12} fill="var(--text)">
              {clipped(name, labelWidth)}
            </text>
            <rect
              x={Math.min(zero, end)}
              y={y + (ROW - BAR) / 2}
              width={Math.max(Math.abs(end - zero), 1)}
              height={BAR}
              fill={colors.get(runId) ?? 'var(--accent)'}
              stroke={highlighted ? 'var(--text)' : 'none'}
              strokeWidth={highlighted ? 2 : 0}
            />
            <text x={right + 4} y={y + ROW / 2 + 4} fontSize={11} fill="var(--muted)">
              {formatMetricValue(value)}
            </text>
          </g>
        )
      })}
      <line x1={zero} x2={zero} y1={AXIS} y2={height} stroke="var(--muted)" aria-hidden="true" />
    </svg>
  )
}

/** A bar chart of one metric over the visible runs. */
export function BarChartPanel({
  runs,
  colors,
  highlightedRunId,
  onHoverRun,
  config,
  onConfigChange,
}: BarChartPanelProps) {
  const { metricKey, aggregate } = config
  const [order, setOrder] = useState<BarOrder>('value')
  const [cap, setCap] = useState<BarCap>('best')
  const [fromZero, setFromZero] = useState(true)
  const body = useRef<HTMLDivElement>(null)
  const width = useElementWidth(body)
  const id = useId()

  const metricKeys = useMemo(() => collectRunKeys(runs).metrics, [runs])
  const { extremes, pointsPerRun } = useRunExtremes(runs, metricKey, aggregate)
  const values = useMemo(() => {
    if (metricKey === '') return undefined
    if (aggregate === 'latest') return barValues(runs, metricKey, undefined)
    if (extremes.points === undefined) return undefined
    return barValues(runs, metricKey, extremesByRun(extremes.points, aggregate))
  }, [runs, metricKey, aggregate, extremes.points])
  const drawn = useMemo(
    () => (values === undefined ? [] : barsToDraw(values.bars, metricKey, order, cap)),
    [values, metricKey, order, cap],
  )
  const allSorted = useMemo(
    () => (values === undefined ? [] : barsToDraw(values.bars, metricKey, order, 'best', Infinity)),
    [values, metricKey, order],
  )

  const sampled = aggregate !== 'latest'
  const label = sampled ? `${aggregate}(${metricKey}), sampled` : metricKey
  const title = sampled ? `${metricKey} ${aggregate} (sampled)` : metricKey
  const direction = metricDirection(metricKey)
  const capped = values !== undefined && values.bars.length > MAX_BARS
  const bestWord = direction === undefined ? 'Highest' : 'Best'
  const worstWord = direction === undefined ? 'Lowest' : 'Worst'

  let content
  if (metricKey === '') content = <EmptyState title="Choose a metric to chart." />
  else if (extremes.error !== null) {
    const description = describeError(extremes.error)
    content = (
      <ErrorState
        title={`Could not load the ${aggregate} of ${metricKey}: ${description.title}`}
        detail={description.detail}
        onRetry={extremes.retry}
      />
    )
  } else if (values === undefined)
    content = (
      <Loading
        label={`Loading the ${aggregate} of ${metricKey} for ${runs.length.toLocaleString('en')} runs…${
          extremes.total > 1 ? ` (${extremes.done} of ${extremes.total} requests)` : ''
        }`}
      />
    )
  else if (values.bars.length === 0)
    content = (
      <EmptyState
        title={
          values.nonFinite > 0
            ? `Every visible run's ${metricKey} is NaN or infinite.`
            : `No visible run has ${metricKey}.`
        }
      />
    )
  else if (width > 0)
    content = (
      <BarsSvg
        bars={drawn}
        width={width}
        colors={colors}
        highlightedRunId={highlightedRunId}
        onHoverRun={onHoverRun}
        label={label}
        sampled={sampled}
        fromZero={fromZero}
      />
    )

  const notes: string[] = []
  if (values !== undefined && capped)
    notes.push(
      `Showing the ${(cap === 'best' ? bestWord : worstWord).toLowerCase()} ${MAX_BARS} of ${values.bars.length.toLocaleString('en')} runs.`,
    )
  if (values !== undefined && values.nonFinite > 0)
    notes.push(`${values.nonFinite} with NaN or infinite values not shown.`)
  if (values !== undefined && values.missing > 0 && values.bars.length > 0)
    notes.push(`${values.missing} without ${metricKey}.`)

  return (
    <section className="sweep-stat-panel sweep-bar-panel" aria-label={`Bar chart: ${title || 'no metric'}`}>
      <div className="sweep-stat-controls">
        <SweepStatSelect
          label="Metric"
          value={metricKey}
          options={metricKeys}
          onChange={(next) => {
            onConfigChange({ ...config, metricKey: next })
          }}
        />
        <label>
          <span className="label-text">Value</span>
          <select
            className="input input-small"
            value={aggregate}
            aria-describedby={sampled ? `${id}-sampled` : undefined}
            onChange={(event) => {
              const next = event.target.value
              if (next === 'latest' || next === 'min' || next === 'max')
                onConfigChange({ ...config, aggregate: next })
            }}
          >
            {(['latest', 'min', 'max'] as const).map((option) => (
              <option key={option} value={option}>
                {AGGREGATE_LABELS[option]}
              </option>
            ))}
          </select>
        </label>
        {sampled && (
          <span id={`${id}-sampled`} className="badge badge-muted" title={sampledNote(pointsPerRun)}>
            sampled
            <span className="visually-hidden">: {sampledNote(pointsPerRun)}</span>
          </span>
        )}
        <button
          type="button"
          className="button button-small"
          aria-pressed={order === 'value'}
          title={
            order === 'value'
              ? 'Bars sorted best first; press for table order'
              : 'Bars in table order; press to sort by value'
          }
          onClick={() => {
            setOrder(order === 'value' ? 'table' : 'value')
          }}
        >
          Sort by value
        </button>
        <button
          type="button"
          className="button button-small"
          aria-pressed={fromZero}
          title={
            fromZero
              ? 'Bars start at zero; press to zoom to the values'
              : 'Zoomed to the values; press to start the bars at zero'
          }
          onClick={() => {
            setFromZero(!fromZero)
          }}
        >
          From zero
        </button>
        {capped && (
          <label>
            <span className="label-text">Show</span>
            <select
              className="input input-small"
              value={cap}
              onChange={(event) => {
                setCap(event.target.value === 'worst' ? 'worst' : 'best')
              }}
            >
              <option value="best">
                {bestWord} {MAX_BARS}
              </option>
              <option value="worst">
                {worstWord} {MAX_BARS}
              </option>
            </select>
          </label>
        )}
        <SweepChartExport
          title={title || 'bar chart'}
          target={body}
          disabled={drawn.length === 0}
          csv={() => barCsv(allSorted, label)}
        />
      </div>
      <div className="sweep-stat-plot" ref={body}>
        {content}
      </div>
      {notes.length > 0 && <p className="sweep-stat-note muted">{notes.join(' ')}</p>}
    </section>
  )
}

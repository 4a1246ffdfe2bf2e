import { useQueries, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { describeError } from '@/api/describe-error'
import { metricQueries } from '@/api/metrics'
import { formatMetricValue } from '@/domain/format/format-number'
import type { MetricColumns, RunMetricPoint } from '@/domain/metrics/metric-point'
import {
  chooseFullHistories,
  describeNonFinite,
  estimateHistorySize,
  RUN_PAGE_HISTORY_BUDGET,
  summarizeHistory,
  type MetricSummary,
  type StepValue,
} from '@/domain/metrics/metric-summary'
import type { LatestMetric } from '@/domain/runs/run'
import { Sparkline } from './sparkline'

/** Rows shown (and histories fetched) per group at first, and added by "Show more". */
export const METRIC_ROWS_PAGE = 50
/** Points of the sampled history each row starts from; a shorter answer is the whole history. */
export const METRIC_SAMPLE_POINTS = 200
/** System metrics start folded when there are more than this many. */
const SYSTEM_OPEN_LIMIT = 10
const SYSTEM_PREFIX = 'system/'

const SAMPLED_EXPLANATION =
  'Sampled: min, max and the line come from an evenly spaced sample of the history (too long to load in full here), which can step over the true extremes. The Metrics tab charts every point.'

/** Stable selectors: react-query reuses a selector's result while the data is unchanged. */
function summarizeSample(points: readonly RunMetricPoint[]): MetricSummary {
  return summarizeHistory({
    steps: points.map((point) => point.step),
    values: points.map((point) => point.value),
    timestamps: points.map((point) => point.timestamp),
  })
}

function summarizeColumns(columns: MetricColumns): MetricSummary {
  return summarizeHistory(columns)
}

type RowData =
  | { state: 'loading' }
  | { state: 'error'; message: string; retry: () => void }
  | {
      state: 'ready'
      summary: MetricSummary
      /** 'full': every point; 'sampled': a sample of about `estimate` points. */
      fidelity: 'full' | 'sampled'
      estimate: number
      /** The full history is on its way. */
      refining: boolean
      /** The full history failed: the row stays sampled until a retry works. */
      fullFailed: (() => void) | undefined
    }

/**
 * A running run logs on: when a refetch of the run shows a metric's latest point moved, that
 * metric's histories (sampled and full) are fetched again, and only that metric's.
 */
function useRefreshWhenLatestMoves(
  runId: string,
  keys: readonly string[],
  metrics: Readonly<Record<string, LatestMetric>>,
): void {
  const queryClient = useQueryClient()
  const seen = useRef(new Map<string, string>())
  const signature = keys
    .map((key) => `${key}\u0000${metrics[key]?.step ?? ''}\u0000${metrics[key]?.timestamp ?? ''}`)
    .join('\u0001')
  useEffect(() => {
    const moved: string[] = []
    for (const part of signature === '' ? [] : signature.split('\u0001')) {
      const key = part.slice(0, part.indexOf('\u0000'))
      const before = seen.current.get(key)
      if (before !== undefined && before !== part) moved.push(key)
      seen.current.set(key, part)
    }
    for (const metricKey of moved) {
      const sampledKey = metricQueries.sampled({
        runIds: [runId],
        metricKey,
        maxResults: METRIC_SAMPLE_POINTS,
      }).queryKey
      void queryClient.invalidateQueries({ queryKey: sampledKey, exact: true })
      void queryClient.invalidateQueries({
        queryKey: metricQueries.columns({ runId, metricKey }).queryKey,
        exact: true,
      })
    }
  }, [signature, runId, queryClient])
}

/**
 * The histories behind the rows on screen. Each starts from a sampled history of
 * METRIC_SAMPLE_POINTS points; one that came back shorter is the whole history. Longer ones are
 * fetched in full, in table order, while their estimated sizes fit RUN_PAGE_HISTORY_BUDGET; the
 * rest stay sampled. Rows after one whose sample is still loading wait, so that a late answer
 * cannot change what was chosen for the rows below it.
 */
function useMetricRows(
  runId: string,
  keys: readonly string[],
  metrics: Readonly<Record<string, LatestMetric>>,
): RowData[] {
  useRefreshWhenLatestMoves(runId, keys, metrics)
  const sampled = useQueries({
    queries: keys.map((metricKey) => ({
      ...metricQueries.sampled({ runIds: [runId], metricKey, maxResults: METRIC_SAMPLE_POINTS }),
      select: summarizeSample,
    })),
  })
  const firstPending = sampled.findIndex((query) => query.isPending)
  const decided = firstPending === -1 ? keys.length : firstPending
  const estimates = keys.map((metricKey, index) => {
    const summary = sampled[index]?.data
    if (summary === undefined || summary.points < METRIC_SAMPLE_POINTS) return 0
    return estimateHistorySize(summary, metrics[metricKey]?.step)
  })
  const full = chooseFullHistories(estimates.slice(0, decided), RUN_PAGE_HISTORY_BUDGET)
  const columns = useQueries({
    queries: keys.map((metricKey, index) => ({
      ...metricQueries.columns({ runId, metricKey }),
      select: summarizeColumns,
      enabled: full[index] === true && (estimates[index] ?? 0) > 0,
    })),
  })
  return keys.map((_, index): RowData => {
    const sample = sampled[index]
    const whole = columns[index]
    if (sample === undefined || sample.isPending) return { state: 'loading' }
    if (sample.isError) {
      return {
        state: 'error',
        message: describeError(sample.error).title,
        retry: () => void sample.refetch(),
      }
    }
    const estimate = estimates[index] ?? 0
    if (whole?.data !== undefined)
      return {
        state: 'ready',
        summary: whole.data,
        fidelity: 'full',
        estimate,
        refining: false,
        fullFailed: undefined,
      }
    const complete = estimate === 0
    return {
      state: 'ready',
      summary: sample.data,
      fidelity: complete ? 'full' : 'sampled',
      estimate,
      refining: !complete && whole?.isFetching === true,
      fullFailed: whole?.isError === true ? () => void whole.refetch() : undefined,
    }
  })
}

function StepValueCell({ extreme, sampled }: { extreme: StepValue | undefined; sampled: boolean }) {
  if (extreme === undefined) return <span className="muted">—</span>
  return (
    <>
      <span className="mono">{formatMetricValue(extreme.value)}</span>{' '}
      <span className="muted metric-step">(step {extreme.step.toLocaleString('en')})</span>
      {sampled && (
        <span className="metric-sampled-mark" title={SAMPLED_EXPLANATION}>
          †<span className="visually-hidden"> sampled</span>
        </span>
      )}
    </>
  )
}

function MetricRow({
  metricKey,
  latest,
  data,
  renderMetricLink,
}: {
  metricKey: string
  latest: LatestMetric | undefined
  data: RowData
  renderMetricLink: RenderMetricLink
}) {
  const sampled = data.state === 'ready' && data.fidelity === 'sampled'
  return (
    <tr>
      <th scope="row" className="mono metric-key">
        {renderMetricLink(metricKey, metricKey)}
      </th>
      <td>
        {latest === undefined ? (
          <span className="muted">—</span>
        ) : (
          <>
            <span className="mono" title={`step ${latest.step}`}>
              {formatMetricValue(latest.value)}
            </span>{' '}
            <span className="muted metric-step">(step {latest.step.toLocaleString('en')})</span>
          </>
        )}
      </td>
      {data.state === 'loading' && (
        <td colSpan={4} className="muted">
          Loading history…
        </td>
      )}
      {data.state === 'error' && (
        <td colSpan={4}>
          <span className="metric-row-error" role="alert">
            Could not load the history: {data.message}
          </span>{' '}
          <button type="button" className="button button-small" onClick={data.retry}>
            Retry
          </button>
        </td>
      )}
      {data.state === 'ready' && (
        <>
          <td>
            <StepValueCell extreme={data.summary.min} sampled={sampled} />
          </td>
          <td>
            <StepValueCell extreme={data.summary.max} sampled={sampled} />
          </td>
          <td>
            {sampled ? (
              <span
                title={`Estimated from the first and latest step; a sample of ${data.summary.points} points was loaded.`}
              >
                ≈ {data.estimate.toLocaleString('en')}{' '}
                <span className="badge badge-muted" title={SAMPLED_EXPLANATION}>
                  sampled
                </span>
              </span>
            ) : (
              <span title={`${data.summary.points.toLocaleString('en')} logged values`}>
                {data.summary.steps.toLocaleString('en')}
              </span>
            )}
            {describeNonFinite(data.summary) !== '' && (
              <span
                className="metric-nonfinite"
                title={`Min and max leave these out${sampled ? '; counted in the sample only' : ''}.`}
              >
                {' '}
                {describeNonFinite(data.summary)}
                {sampled && ' in sample'}
              </span>
            )}
            {data.refining && <span className="muted"> loading all points…</span>}
            {data.fullFailed !== undefined && (
              <>
                {' '}
                <span className="muted">full history failed</span>{' '}
                <button type="button" className="button button-small" onClick={data.fullFailed}>
                  Retry
                </button>
              </>
            )}
          </td>
          <td>
            <Sparkline
              points={data.summary.sparkline}
              label={`${metricKey}: ${sampled ? 'sampled ' : ''}line of ${data.summary.points.toLocaleString('en')} points`}
            />
          </td>
        </>
      )}
    </tr>
  )
}

export type RenderMetricLink = (metricKey: string, label: string) => ReactNode

interface MetricGroup {
  id: 'model' | 'system'
  title: string
  keys: readonly string[]
  shown: readonly string[]
}

function GroupTable({
  group,
  rows,
  metrics,
  renderMetricLink,
}: {
  group: MetricGroup
  rows: ReadonlyMap<string, RowData>
  metrics: Readonly<Record<string, LatestMetric>>
  renderMetricLink: RenderMetricLink
}) {
  return (
    <table className="kv-table run-metrics-table" aria-label={group.title}>
      <thead>
        <tr>
          <th scope="col">Metric</th>
          <th scope="col">Latest</th>
          <th scope="col">Min (step)</th>
          <th scope="col">Max (step)</th>
          <th scope="col">Steps</th>
          <th scope="col">Trend</th>
        </tr>
      </thead>
      <tbody>
        {group.shown.map((metricKey) => (
          <MetricRow
            key={metricKey}
            metricKey={metricKey}
            latest={metrics[metricKey]}
            data={rows.get(metricKey) ?? { state: 'loading' }}
            renderMetricLink={renderMetricLink}
          />
        ))}
      </tbody>
    </table>
  )
}

function byKey(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

interface RunMetricsTableProps {
  runId: string
  metrics: Readonly<Record<string, LatestMetric>>
  /** A link to the metric's chart; `label` is its text. */
  renderMetricLink: RenderMetricLink
}

/**
 * The run's metrics: per metric the latest value, min and max with their steps, the number of steps
 * and a sparkline, searchable by key, model metrics and `system/` metrics apart. Only the rows on
 * screen fetch their histories (METRIC_ROWS_PAGE per group, more on demand).
 */
export function RunMetricsTable({ runId, metrics, renderMetricLink }: RunMetricsTableProps) {
  const [search, setSearch] = useState('')
  const [limits, setLimits] = useState({ model: METRIC_ROWS_PAGE, system: METRIC_ROWS_PAGE })
  const allKeys = Object.keys(metrics).sort(byKey)
  const systemKeys = allKeys.filter((key) => key.startsWith(SYSTEM_PREFIX))
  const modelKeys = allKeys.filter((key) => !key.startsWith(SYSTEM_PREFIX))
  const [systemOpen, setSystemOpen] = useState(systemKeys.length <= SYSTEM_OPEN_LIMIT)
  const needle = search.trim().toLowerCase()
  const searching = needle !== ''
  const match = (key: string) => key.toLowerCase().includes(needle)
  const groups: MetricGroup[] = [
    { id: 'model', title: 'Model metrics', keys: modelKeys.filter(match) },
    { id: 'system', title: 'System metrics', keys: systemKeys.filter(match) },
  ].map((group) => {
    const id = group.id === 'model' ? 'model' : 'system'
    const open = id === 'model' || systemOpen || searching
    return { ...group, id, shown: open ? group.keys.slice(0, limits[id]) : [] }
  })
  const fetched = groups.flatMap((group) => group.shown)
  const data = useMetricRows(runId, fetched, metrics)
  const rows = new Map(fetched.map((key, index) => [key, data[index] ?? { state: 'loading' as const }]))
  const anySampled = data.some((row) => row.state === 'ready' && row.fidelity === 'sampled')
  const matching = groups.reduce((sum, group) => sum + group.keys.length, 0)
  return (
    <section className="run-table-section" aria-labelledby="run-metrics-heading">
      <div className="section-header">
        <h2 id="run-metrics-heading">Metrics</h2>
        {allKeys.length > 0 && <span className="muted">{allKeys.length}</span>}
      </div>
      {allKeys.length === 0 ? (
        <p className="muted">No metrics logged.</p>
      ) : (
        <>
          <input
            type="search"
            className="run-table-search"
            aria-label="Search metrics"
            placeholder="Search metrics by key"
            value={search}
            onChange={(event) => {
              setSearch(event.target.value)
            }}
          />
          {searching && matching === 0 && (
            <p className="muted" role="status">
              No metric matches “{search.trim()}”.
            </p>
          )}
          {groups.map((group) => {
            if (group.keys.length === 0) return null
            const hidden = group.keys.length - group.shown.length
            const folded = group.id === 'system' && group.shown.length === 0
            return (
              <div key={group.id} className="metric-group">
                <div className="metric-group-header">
                  <h3>
                    {group.title} <span className="muted">({group.keys.length})</span>
                  </h3>
                  {group.id === 'system' && !searching && (
                    <button
                      type="button"
                      className="button button-small"
                      aria-expanded={systemOpen}
                      onClick={() => {
                        setSystemOpen((open) => !open)
                      }}
                    >
                      {systemOpen ? 'Hide system metrics' : 'Show system metrics'}
                    </button>
                  )}
                </div>
                {!folded && (
                  <GroupTable
                    group={group}
                    rows={rows}
                    metrics={metrics}
                    renderMetricLink={renderMetricLink}
                  />
                )}
                {!folded && hidden > 0 && (
                  <button
                    type="button"
                    className="button button-small metric-more"
                    onClick={() => {
                      setLimits((current) => ({
                        ...current,
                        [group.id]: current[group.id] + METRIC_ROWS_PAGE,
                      }))
                    }}
                  >
                    Show {Math.min(hidden, METRIC_ROWS_PAGE)} more of {hidden.toLocaleString('en')}
                  </button>
                )}
              </div>
            )
          })}
          {anySampled && (
            <p className="muted metric-legend">
              † {SAMPLED_EXPLANATION} Rows marked “sampled” hold more points than the page loads in full.
            </p>
          )}
        </>
      )}
    </section>
  )
}

/**
 * A metric by the values of a param: one box per value (or per bin of values), with quartiles,
 * Tukey whiskers, outliers as dots, and n per box.
 */

import { useMemo, useRef } from 'react'
import { makeScale, niceTicks } from '@/domain/metrics/chart-scale'
import { formatMetricValue } from '@/domain/format/format-number'
import type { Run } from '@/domain/runs/run'
import { collectRunKeys } from '@/domain/runs/run-columns'
import { boxGroups, type BoxGroup } from '@/domain/sweep/box-stats'
import type { SweepChartConfig, SweepChartInput } from '@/domain/sweep/sweep-chart'
import { boxCsv } from '@/domain/sweep/sweep-csv'
import { formatTick } from '@/domain/sweep/sweep-scale'
import { EmptyState } from '@/ui/states'
import { useElementWidth } from '@/ui/use-element-width'
import { SweepChartExport } from './sweep-export-menu'
import { SweepStatSelect } from './sweep-stat-panel'

export type BoxPlotConfig = Extract<SweepChartConfig, { type: 'box' }>

export interface BoxPlotPanelProps extends SweepChartInput {
  config: BoxPlotConfig
  onConfigChange: (config: BoxPlotConfig) => void
}

const HEIGHT = 280
const LEFT = 56
const RIGHT = 12
const TOP = 10
/** Room under the plot for each box's label and n. */
const BOTTOM = 40

function clipped(text: string, width: number): string {
  const fits = Math.max(Math.floor(width / 6.5), 3)
  return text.length <= fits ? text : `${text.slice(0, fits - 1)}…`
}

function boxText(group: BoxGroup, paramKey: string): string {
  const { n, median, q1, q3, lowerWhisker, upperWhisker } = group.stats
  const outliers = group.outliers.length
  return (
    `${paramKey} ${group.label}: n ${n}, median ${formatMetricValue(median)}, ` +
    `quartiles ${formatMetricValue(q1)} to ${formatMetricValue(q3)}, ` +
    `whiskers ${formatMetricValue(lowerWhisker)} to ${formatMetricValue(upperWhisker)}` +
    (outliers > 0 ? `, ${outliers} outlier${outliers === 1 ? '' : 's'}` : '')
  )
}

interface BoxesSvgProps extends Pick<SweepChartInput, 'colors' | 'highlightedRunId' | 'onHoverRun'> {
  groups: readonly BoxGroup[]
  width: number
  metricKey: string
  paramKey: string
  names: ReadonlyMap<string, string>
}

function BoxesSvg({
  groups,
  width,
  metricKey,
  paramKey,
  names,
  colors,
  highlightedRunId,
  onHoverRun,
}: BoxesSvgProps) {
  let low = Infinity
  let high = -Infinity
  for (const { stats } of groups) {
    low = Math.min(low, stats.min)
    high = Math.max(high, stats.max)
  }
  const pad = high > low ? (high - low) * 0.05 : Math.abs(high) * 0.1 || 1
  const domain: [number, number] = [low - pad, high + pad]
  const plotBottom = HEIGHT - BOTTOM
  const y = makeScale(domain, [plotBottom, TOP])
  const ticks = niceTicks(domain, 5)
  const band = (width - LEFT - RIGHT) / groups.length
  const boxWidth = Math.min(Math.max(band * 0.5, 6), 48)
  const dot = (runId: string, value: number, cx: number, outlier: boolean) => {
    const highlighted = runId === highlightedRunId
    const name = names.get(runId) ?? runId
    return (
      <circle
        key={`${outlier ? 'o' : 'h'}-${runId}`}
        className={highlighted ? 'sweep-box-dot is-highlighted' : 'sweep-box-dot'}
        data-run-id={runId}
        cx={cx}
        cy={y.toPixel(value)}
        r={highlighted ? 5 : 3}
        fill={colors.get(runId) ?? 'var(--accent)'}
        stroke={highlighted ? 'var(--text)' : 'none'}
        strokeWidth={highlighted ? 2 : 0}
        onMouseEnter={() => {
          onHoverRun(runId)
        }}
      >
        <title>{`${name}: ${metricKey} ${formatMetricValue(value)}`}</title>
      </circle>
    )
  }
  return (
    <svg
      data-sweep-chart="box"
      width={width}
      height={HEIGHT}
      viewBox={`0 0 ${width} ${HEIGHT}`}
      role="list"
      aria-label={`Boxes: ${metricKey} by ${paramKey}`}
      onMouseLeave={() => {
        onHoverRun(undefined)
      }}
    >
      {ticks.map((tick) => (
        <g key={tick} aria-hidden="true">
          <line
            x1={LEFT}
            x2={width - RIGHT}
            y1={y.toPixel(tick)}
            y2={y.toPixel(tick)}
            stroke="var(--border)"
          />
          <text x={LEFT - 6} y={y.toPixel(tick) + 4} textAnchor="end" fontSize={11} fill="var(--muted)">
            {formatTick(tick)}
          </text>
        </g>
      ))}
      {groups.map((group, index) => {
        const { stats } = group
        const center = LEFT + band * (index + 0.5)
        const left = center - boxWidth / 2
        const highlightedMember = group.members.find((member) => member.runId === highlightedRunId)
        const highlightedInside =
          highlightedMember !== undefined && !group.outliers.some((o) => o.runId === highlightedRunId)
        return (
          <g
            key={group.key}
            role="listitem"
            tabIndex={0}
            aria-label={boxText(group, paramKey)}
            className="sweep-box"
          >
            <title>{boxText(group, paramKey)}</title>
            <line
              x1={center}
              x2={center}
              y1={y.toPixel(stats.lowerWhisker)}
              y2={y.toPixel(stats.upperWhisker)}
              stroke="var(--muted)"
            />
            {[stats.lowerWhisker, stats.upperWhisker].map((whisker, end) => (
              <line
                key={end}
                x1={center - boxWidth / 4}
                x2={center + boxWidth / 4}
                y1={y.toPixel(whisker)}
                y2={y.toPixel(whisker)}
                stroke="var(--muted)"
              />
            ))}
            <rect
              x={left}
              y={y.toPixel(stats.q3)}
              width={boxWidth}
              height={Math.max(y.toPixel(stats.q1) - y.toPixel(stats.q3), 1)}
              fill="var(--accent)"
              fillOpacity={0.25}
              stroke="var(--accent)"
            />
            <line
              x1={left}
              x2={left + boxWidth}
              y1={y.toPixel(stats.median)}
              y2={y.toPixel(stats.median)}
              stroke="var(--text)"
              strokeWidth={2}
            />
            {group.outliers.map((outlier) => dot(outlier.runId, outlier.value, center, true))}
            {highlightedInside && dot(highlightedMember.runId, highlightedMember.value, center, false)}
            <text x={center} y={plotBottom + 16} textAnchor="middle" fontSize={11} fill="var(--text)">
              {clipped(group.label, band)}
            </text>
            <text x={center} y={plotBottom + 30} textAnchor="middle" fontSize={10} fill="var(--muted)">
              n={stats.n}
            </text>
          </g>
        )
      })}
    </svg>
  )
}

/** Box plots of one metric over the visible runs, grouped by one param. */
export function BoxPlotPanel({
  runs,
  colors,
  highlightedRunId,
  onHoverRun,
  config,
  onConfigChange,
}: BoxPlotPanelProps) {
  const { metricKey, paramKey } = config
  const body = useRef<HTMLDivElement>(null)
  const width = useElementWidth(body)
  const keys = useMemo(() => collectRunKeys(runs), [runs])
  const data = useMemo(
    () => (metricKey === '' || paramKey === '' ? undefined : boxGroups(runs, metricKey, paramKey)),
    [runs, metricKey, paramKey],
  )
  const names = useMemo(
    () =>
      new Map(
        runs.map((run: Run) => [run.info.runId, run.info.runName === '' ? run.info.runId : run.info.runName]),
      ),
    [runs],
  )
  const title = `${metricKey} by ${paramKey}`
  const hasMetric = data !== undefined && data.groups.length > 0

  let content
  if (data === undefined) content = <EmptyState title="Choose a metric and a param to group it by." />
  else if (!hasMetric)
    content = (
      <EmptyState
        title={
          data.skipped > 0 && runs.some((run) => run.metrics[metricKey] !== undefined)
            ? `Every visible run's ${metricKey} is NaN or infinite.`
            : `No visible run has ${metricKey}.`
        }
      />
    )
  else if (width > 0)
    content = (
      <BoxesSvg
        groups={data.groups}
        width={width}
        metricKey={metricKey}
        paramKey={paramKey}
        names={names}
        colors={colors}
        highlightedRunId={highlightedRunId}
        onHoverRun={onHoverRun}
      />
    )

  const notes: string[] = []
  if (data?.binned === true)
    notes.push(
      `${paramKey} has many values: grouped into ${data.groups.filter((g) => g.kind === 'bin').length} bins of about equal run counts.`,
    )
  if (hasMetric && data.skipped > 0)
    notes.push(`${data.skipped} run${data.skipped === 1 ? '' : 's'} without a finite ${metricKey} left out.`)
  if (hasMetric) notes.push('Boxes: quartiles and median; whiskers reach 1.5 × IQR; dots are outliers.')

  return (
    <section
      className="sweep-stat-panel sweep-box-panel"
      aria-label={`Box plot: ${data === undefined ? 'nothing chosen' : title}`}
    >
      <div className="sweep-stat-controls">
        <SweepStatSelect
          label="Metric"
          value={metricKey}
          options={keys.metrics}
          onChange={(next) => {
            onConfigChange({ ...config, metricKey: next })
          }}
        />
        <SweepStatSelect
          label="Group by"
          value={paramKey}
          options={keys.params}
          onChange={(next) => {
            onConfigChange({ ...config, paramKey: next })
          }}
        />
        <SweepChartExport
          title={title}
          target={body}
          disabled={!hasMetric}
          csv={() => boxCsv(data?.groups ?? [], `params.${paramKey}`)}
        />
      </div>
      <div className="sweep-stat-plot" ref={body}>
        {content}
      </div>
      {notes.length > 0 && <p className="sweep-stat-note muted">{notes.join(' ')}</p>}
    </section>
  )
}

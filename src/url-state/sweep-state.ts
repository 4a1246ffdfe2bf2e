/**
 * The experiment page's chart view (the sweep view) in the URL, readable and short:
 * `charts=1&chart=scatter:params.lr:metrics.acc:logx:trend&chart=parallel:params.lr,metrics.acc`
 * `&brush=metrics.acc:0.8:0.95&hidden=<run ids>&pinned=<run ids>&first=50&finished=hide`.
 *
 * Charts, one `chart=` each, in order:
 * - `line:<metric key>,<metric key>`
 * - `bar:<metric key>[:min|:max]`
 * - `scatter:<x column id>:<y column id>[:logx][:logy][:trend]`
 * - `parallel:<column id>,<column id>,…[:color=<column id>]`
 * - `box:<metric key>:<param key>`
 * - `importance:<metric key>`
 * - `none`: the user removed every chart (no `chart=` at all means the default set).
 *
 * Brushes, one `brush=` each: `<column id>:<min>:<max>` or `<column id>:in:<value>,<value>`.
 * Keys may hold `:` and `,` (MLflow allows both in param and metric names): inside a field they are
 * written `%3A` and `%2C` (and `%` as `%25`). Parsing never fails: a bad part falls back to its
 * default, a bad chart or brush is left out.
 */

import type {
  BarAggregate,
  SweepBrush,
  SweepBrushes,
  SweepChartConfig,
  SweepChartType,
} from '@/domain/sweep/sweep-chart'

export interface SweepView {
  /** The chart view is open beside the runs table. */
  open: boolean
  /** The charts, in order; undefined: the default set for the runs (see domain/sweep/default-charts.ts). */
  charts: readonly SweepChartConfig[] | undefined
  brushes: SweepBrushes
  /** Run ids whose eye is off: listed, but left out of every chart. */
  hidden: readonly string[]
  /** Run ids kept at the top of the run list, whatever "first N" and "hide finished" say. */
  pinned: readonly string[]
  /** Only the first N runs of the table (in its order); undefined: all. */
  first: number | undefined
  hideFinished: boolean
}

export const DEFAULT_SWEEP_VIEW: SweepView = {
  open: false,
  charts: undefined,
  brushes: {},
  hidden: [],
  pinned: [],
  first: undefined,
  hideFinished: false,
}

/** Every URL parameter this state owns; the runs table owns the others. */
export const SWEEP_PARAMS = ['charts', 'chart', 'brush', 'hidden', 'pinned', 'first', 'finished'] as const

const COLUMN_ID = /^(attributes|params|metrics|tags)\..+/s
const CHART_TYPES: readonly SweepChartType[] = ['line', 'bar', 'scatter', 'parallel', 'box', 'importance']
const AGGREGATES: readonly BarAggregate[] = ['latest', 'min', 'max']
const MAX_FIRST = 1_000_000

/** A field inside a `:`/`,`-separated value. */
export function escapeField(text: string): string {
  return text.replaceAll('%', '%25').replaceAll(':', '%3A').replaceAll(',', '%2C')
}

export function unescapeField(text: string): string {
  return text.replace(/%(25|3A|2C)/gi, (_, code: string) =>
    code === '25' ? '%' : code.toUpperCase() === '3A' ? ':' : ',',
  )
}

function fields(text: string, separator: string): string[] {
  return text.split(separator).map(unescapeField)
}

function list(items: readonly string[]): string {
  return items.map(escapeField).join(',')
}

function isChartType(text: string | undefined): text is SweepChartType {
  return CHART_TYPES.some((type) => type === text)
}

function isAggregate(text: string | undefined): text is BarAggregate {
  return AGGREGATES.some((aggregate) => aggregate === text)
}

type ChartWithoutId = SweepChartConfig extends infer C
  ? C extends SweepChartConfig
    ? Omit<C, 'id'>
    : never
  : never

/** One `chart=` value, without its id; undefined when it names no valid chart. */
function parseChart(text: string): ChartWithoutId | undefined {
  const [type, ...rest] = text.split(':')
  if (!isChartType(type)) return undefined
  switch (type) {
    case 'line': {
      const metricKeys = unique(fields(rest[0] ?? '', ',').filter((key) => key !== ''))
      return metricKeys.length === 0 ? undefined : { type, metricKeys }
    }
    case 'bar': {
      const metricKey = unescapeField(rest[0] ?? '')
      const aggregate = isAggregate(rest[1]) ? rest[1] : 'latest'
      return { type, metricKey, aggregate }
    }
    case 'scatter': {
      const x = unescapeField(rest[0] ?? '')
      const y = unescapeField(rest[1] ?? '')
      if (!COLUMN_ID.test(x) || !COLUMN_ID.test(y)) return undefined
      const flags = new Set(rest.slice(2))
      return { type, x, y, xLog: flags.has('logx'), yLog: flags.has('logy'), trend: flags.has('trend') }
    }
    case 'parallel': {
      const axes = unique(fields(rest[0] ?? '', ',').filter((id) => COLUMN_ID.test(id)))
      const color = rest.slice(1).find((part) => part.startsWith('color='))
      const colorBy = color === undefined ? undefined : unescapeField(color.slice('color='.length))
      return { type, axes, colorBy: colorBy !== undefined && COLUMN_ID.test(colorBy) ? colorBy : undefined }
    }
    case 'box':
      return { type, metricKey: unescapeField(rest[0] ?? ''), paramKey: unescapeField(rest[1] ?? '') }
    case 'importance':
      return { type, metricKey: unescapeField(rest[0] ?? '') }
  }
}

/** The `chart=` value of a chart. */
export function serializeChart(chart: SweepChartConfig | ChartWithoutId): string {
  switch (chart.type) {
    case 'line':
      return `line:${list(chart.metricKeys)}`
    case 'bar':
      return `bar:${escapeField(chart.metricKey)}${chart.aggregate === 'latest' ? '' : `:${chart.aggregate}`}`
    case 'scatter':
      return [
        'scatter',
        escapeField(chart.x),
        escapeField(chart.y),
        ...(chart.xLog ? ['logx'] : []),
        ...(chart.yLog ? ['logy'] : []),
        ...(chart.trend ? ['trend'] : []),
      ].join(':')
    case 'parallel':
      return `parallel:${list(chart.axes)}${chart.colorBy === undefined ? '' : `:color=${escapeField(chart.colorBy)}`}`
    case 'box':
      return `box:${escapeField(chart.metricKey)}:${escapeField(chart.paramKey)}`
    case 'importance':
      return `importance:${escapeField(chart.metricKey)}`
  }
}

/**
 * Charts get ids from what they show (the same chart twice gets `#2`), so a chart keeps its id when
 * the charts around it move, and its panel is not rebuilt.
 */
export function withChartIds(charts: readonly (SweepChartConfig | ChartWithoutId)[]): SweepChartConfig[] {
  const seen = new Map<string, number>()
  return charts.map((chart) => {
    const base = serializeChart(chart)
    const count = (seen.get(base) ?? 0) + 1
    seen.set(base, count)
    const id = count === 1 ? base : `${base}#${count}`
    // Spread keeps the union member: the id is the one field every member shares.
    return { ...chart, id } satisfies SweepChartConfig
  })
}

function parseBrush(text: string): [string, SweepBrush] | undefined {
  const parts = text.split(':')
  if (parts.length !== 3) return undefined
  const [rawColumn = '', first = '', second = ''] = parts
  const column = unescapeField(rawColumn)
  if (!COLUMN_ID.test(column)) return undefined
  if (first === 'in') {
    const values = unique(fields(second, ','))
    return second === '' ? undefined : [column, { kind: 'categories', values }]
  }
  if (first.trim() === '' || second.trim() === '') return undefined
  const min = Number(first)
  const max = Number(second)
  if (!Number.isFinite(min) || !Number.isFinite(max)) return undefined
  return [column, { kind: 'range', min: Math.min(min, max), max: Math.max(min, max) }]
}

function serializeBrush(column: string, brush: SweepBrush): string {
  return brush.kind === 'range'
    ? `${escapeField(column)}:${brush.min}:${brush.max}`
    : `${escapeField(column)}:in:${list(brush.values)}`
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)]
}

function runIds(params: URLSearchParams, name: string): string[] {
  return unique(
    params
      .getAll(name)
      .flatMap((value) => value.split(','))
      .map((id) => id.trim())
      .filter((id) => id !== ''),
  )
}

export function parseSweepState(params: URLSearchParams): SweepView {
  const chartTexts = params.getAll('chart')
  const charts =
    chartTexts.length === 0
      ? undefined
      : withChartIds(chartTexts.flatMap((text) => (text === 'none' ? [] : (parseChart(text) ?? []))))
  const brushes: Record<string, SweepBrush> = {}
  for (const text of params.getAll('brush')) {
    const brush = parseBrush(text)
    if (brush !== undefined) brushes[brush[0]] = brush[1]
  }
  const firstText = params.get('first')
  const first = firstText === null ? Number.NaN : Number(firstText)
  return {
    open: params.get('charts') === '1',
    // A URL whose every chart is bad falls back to the defaults rather than to no charts.
    charts: charts !== undefined && charts.length === 0 && !chartTexts.includes('none') ? undefined : charts,
    brushes,
    hidden: runIds(params, 'hidden'),
    pinned: runIds(params, 'pinned'),
    first: Number.isInteger(first) && first > 0 && first <= MAX_FIRST ? first : undefined,
    hideFinished: params.get('finished') === 'hide',
  }
}

/** The inverse of parse; defaults are left out to keep links short. */
export function serializeSweepState(view: SweepView): URLSearchParams {
  const params = new URLSearchParams()
  if (view.open) params.set('charts', '1')
  if (view.charts !== undefined) {
    if (view.charts.length === 0) params.append('chart', 'none')
    for (const chart of view.charts) params.append('chart', serializeChart(chart))
  }
  for (const [column, brush] of Object.entries(view.brushes))
    params.append('brush', serializeBrush(column, brush))
  if (view.hidden.length > 0) params.set('hidden', view.hidden.join(','))
  if (view.pinned.length > 0) params.set('pinned', view.pinned.join(','))
  if (view.first !== undefined) params.set('first', String(view.first))
  if (view.hideFinished) params.set('finished', 'hide')
  return params
}

/** `current` with the sweep's parameters replaced by `view`'s, every other parameter kept. */
export function mergeSweepState(current: URLSearchParams, view: SweepView): URLSearchParams {
  const next = new URLSearchParams(current)
  for (const name of SWEEP_PARAMS) next.delete(name)
  for (const [name, value] of serializeSweepState(view)) next.append(name, value)
  return next
}

/** `next` (another state's serialization) with the sweep's parameters of `current` carried over. */
export function keepSweepParams(current: URLSearchParams, next: URLSearchParams): URLSearchParams {
  const merged = new URLSearchParams(next)
  for (const name of SWEEP_PARAMS) {
    merged.delete(name)
    for (const value of current.getAll(name)) merged.append(name, value)
  }
  return merged
}

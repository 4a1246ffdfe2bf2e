/**
 * The compare page's state in the URL:
 * `/compare?runs=a,b,c&base=b&flip=lr&metrics=loss,val_loss&x=relative&y=log&outliers=ignore&smooth=0.6&group=params.lr&band=std&zoom=100-900&artifact=images/x.png&step=12`.
 * Defaults are left out. Parsing never fails: a bad parameter falls back to its default.
 */

import { CHART_X_AXES, DEFAULT_CHART_VIEW, type ChartView, type XRange } from '@/domain/metrics/chart-view'

export const MAX_COMPARED_RUNS = 100

export interface CompareView {
  runIds: readonly string[]
  /** 'all' shows identical rows; 'changed' folds them; undefined = by run count. */
  diff: 'all' | 'changed' | undefined
  /** The run others are compared with; undefined = the first. */
  baseline: string | undefined
  /** Metric keys whose better direction the user flipped. */
  flipped: readonly string[]
  charts: ChartView
  /** The artifact path shown side by side for every run (`artifact=<path>`); undefined = none. */
  artifact: string | undefined
  /** The step of a per-step logged image shown side by side (`step=12`); undefined = the last. */
  artifactStep: number | undefined
  /** Only charts whose metric key contains this text (`find=loss`, case-insensitive); undefined = all. */
  chartFilter: string | undefined
}

const COLUMN_ID = /^(attributes|params|metrics|tags)\..+/s

/** Metric keys may contain commas: such a list is written newline-separated (both forms parse). */
function readList(params: URLSearchParams, name: string): string[] {
  const value = params.get(name)
  if (value === null) return []
  return [
    ...new Set((value.includes('\n') ? value.split('\n') : value.split(',')).filter((item) => item !== '')),
  ]
}

function writeList(params: URLSearchParams, name: string, items: readonly string[]): void {
  if (items.length === 0) return
  params.set(name, items.join(items.some((item) => item.includes(',')) ? '\n' : ','))
}

function readZoom(text: string | null): XRange | undefined {
  // Negative steps exist, so the separator is the first '~' (or the '-' that follows a digit).
  const match = text === null ? null : /^(-?[\d.e+]+)(?:~|(?<=\d)-)(-?[\d.e+]+)$/.exec(text)
  if (match?.[1] === undefined || match[2] === undefined) return undefined
  const start = Number(match[1])
  const end = Number(match[2])
  return Number.isFinite(start) && Number.isFinite(end) && start < end ? { start, end } : undefined
}

function emptyToUndefined(text: string | null): string | undefined {
  return text === null || text === '' ? undefined : text
}

function readStep(text: string | null): number | undefined {
  const step = text === null || text.trim() === '' ? NaN : Number(text)
  return Number.isSafeInteger(step) ? step : undefined
}

export function parseCompareState(params: URLSearchParams): CompareView {
  const diff = params.get('diff')
  const smoothing = Number(params.get('smooth') ?? '0')
  const group = params.get('group')
  const x = CHART_X_AXES.find((axis) => axis === params.get('x'))
  return {
    runIds: readList(params, 'runs').slice(0, MAX_COMPARED_RUNS),
    diff: diff === 'all' || diff === 'changed' ? diff : undefined,
    baseline: params.get('base') ?? undefined,
    flipped: readList(params, 'flip'),
    charts: {
      // `metrics=` (empty) means none; no `metrics` at all means the defaults.
      metrics: params.get('metrics') === null ? undefined : readList(params, 'metrics'),
      combined: params.get('layout') === 'combined',
      xAxis: x ?? DEFAULT_CHART_VIEW.xAxis,
      yScale: params.get('y') === 'log' ? 'log' : 'linear',
      ignoreOutliers: params.get('outliers') === 'ignore',
      smoothing: Number.isFinite(smoothing) ? Math.min(Math.max(smoothing, 0), 0.99) : 0,
      groupBy: group !== null && COLUMN_ID.test(group) ? group : undefined,
      band: params.get('band') === 'std' ? 'std' : 'minmax',
      zoom: readZoom(params.get('zoom')),
    },
    artifact: emptyToUndefined(params.get('artifact')),
    artifactStep: readStep(params.get('step')),
    chartFilter: emptyToUndefined(params.get('find')),
  }
}

/** The inverse of parse, in a fixed order; defaults are left out to keep links short. */
export function serializeCompareState(view: CompareView): URLSearchParams {
  const params = new URLSearchParams()
  writeList(params, 'runs', view.runIds)
  if (view.diff !== undefined) params.set('diff', view.diff)
  if (view.baseline !== undefined) params.set('base', view.baseline)
  writeList(params, 'flip', view.flipped)
  const charts = view.charts
  if (charts.metrics !== undefined) {
    if (charts.metrics.length === 0) params.set('metrics', '')
    else writeList(params, 'metrics', charts.metrics)
  }
  if (charts.combined) params.set('layout', 'combined')
  if (charts.xAxis !== 'step') params.set('x', charts.xAxis)
  if (charts.yScale === 'log') params.set('y', 'log')
  if (charts.ignoreOutliers) params.set('outliers', 'ignore')
  if (charts.smoothing > 0) params.set('smooth', String(Math.round(charts.smoothing * 100) / 100))
  if (charts.groupBy !== undefined) params.set('group', charts.groupBy)
  if (charts.band !== 'minmax') params.set('band', charts.band)
  if (charts.zoom !== undefined) params.set('zoom', `${charts.zoom.start}~${charts.zoom.end}`)
  if (view.artifact !== undefined && view.artifact !== '') {
    params.set('artifact', view.artifact)
    if (view.artifactStep !== undefined) params.set('step', String(view.artifactStep))
  }
  if (view.chartFilter !== undefined && view.chartFilter !== '') params.set('find', view.chartFilter)
  return params
}

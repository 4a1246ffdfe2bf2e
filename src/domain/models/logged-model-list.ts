/**
 * The experiment Models tab's view state, in the URL so a link reproduces it
 * (`?q=classifier&sort=metrics.accuracy&dir=desc`), and how it becomes a `logged-models/search`
 * filter and order. Parsing never fails: a bad parameter falls back to its default.
 */

import type { LoggedModelMetric, LoggedModelStatus } from './registry'

/** Columns the server orders by (its SQL attributes and aliases), or `metrics.<key>`. */
export type LoggedModelSortKey = 'creation_time' | 'last_updated_timestamp' | 'name' | `metrics.${string}`

export interface LoggedModelListState {
  /** Part of the model name, case-insensitive. */
  search: string
  sort: LoggedModelSortKey
  descending: boolean
}

export const DEFAULT_LOGGED_MODEL_LIST: LoggedModelListState = {
  search: '',
  sort: 'creation_time',
  descending: true,
}

const ATTRIBUTE_SORTS: readonly LoggedModelSortKey[] = ['creation_time', 'last_updated_timestamp', 'name']

function parseSort(text: string | null): LoggedModelSortKey | undefined {
  if (text === null) return undefined
  const attribute = ATTRIBUTE_SORTS.find((candidate) => candidate === text)
  if (attribute !== undefined) return attribute
  if (text.startsWith('metrics.') && text.length > 'metrics.'.length) {
    return `metrics.${text.slice('metrics.'.length)}`
  }
  return undefined
}

/** Names read naturally A→Z; times and metrics start with the newest or largest. */
function defaultDescending(sort: LoggedModelSortKey): boolean {
  return sort !== 'name'
}

export function parseLoggedModelList(params: URLSearchParams): LoggedModelListState {
  const sort = parseSort(params.get('sort')) ?? DEFAULT_LOGGED_MODEL_LIST.sort
  const dir = params.get('dir')
  return {
    search: params.get('q') ?? '',
    sort,
    descending: dir === 'asc' ? false : dir === 'desc' ? true : defaultDescending(sort),
  }
}

/** The inverse of parse; defaults are left out to keep links short. */
export function serializeLoggedModelList(state: LoggedModelListState): URLSearchParams {
  const params = new URLSearchParams()
  if (state.search !== '') params.set('q', state.search)
  if (state.sort !== DEFAULT_LOGGED_MODEL_LIST.sort) params.set('sort', state.sort)
  if (state.descending !== defaultDescending(state.sort)) params.set('dir', state.descending ? 'desc' : 'asc')
  return params
}

/**
 * `name ILIKE '%<text>%'`, or none for blank text. MLflow's logged-model filter strips the quotes
 * around a value and unescapes nothing, so a quote or backslash in the text cannot be written; each
 * becomes `_` (any one character), which still matches it. `%` and `_` typed by the user stay
 * wildcards (the server has no LIKE escape).
 */
export function loggedModelNameFilter(text: string): string | undefined {
  const trimmed = text.trim()
  if (trimmed === '') return undefined
  return `name ILIKE '%${trimmed.replace(/['\\]/g, '_')}%'`
}

/** The `order_by` of a search: the server adds creation time (newest first) and model id as tie-breaks. */
export function loggedModelOrder(state: LoggedModelListState): { field: string; ascending: boolean }[] {
  return [{ field: state.sort, ascending: !state.descending }]
}

export const LOGGED_MODEL_STATUS_LABELS: Readonly<Record<LoggedModelStatus, string>> = {
  LOGGED_MODEL_STATUS_UNSPECIFIED: 'unknown',
  LOGGED_MODEL_PENDING: 'pending',
  LOGGED_MODEL_READY: 'ready',
  LOGGED_MODEL_UPLOAD_FAILED: 'upload failed',
}

/** The run-status class each model status looks like (pending as running, failed as failed). */
export const LOGGED_MODEL_STATUS_CLASSES: Readonly<Record<LoggedModelStatus, string>> = {
  LOGGED_MODEL_STATUS_UNSPECIFIED: 'status',
  LOGGED_MODEL_PENDING: 'status status-running',
  LOGGED_MODEL_READY: 'status status-finished',
  LOGGED_MODEL_UPLOAD_FAILED: 'status status-failed',
}

/** `accuracy`, or `accuracy (eval)` for a metric computed on a named dataset. */
export function loggedModelMetricLabel(metric: Pick<LoggedModelMetric, 'key' | 'datasetName'>): string {
  return metric.datasetName === undefined ? metric.key : `${metric.key} (${metric.datasetName})`
}

/**
 * The latest value of each metric per dataset (a model may log one metric at several steps and on
 * several datasets): the one with the latest timestamp, then the highest step. Ordered by key, then
 * dataset (none first).
 */
export function latestLoggedModelMetrics(metrics: readonly LoggedModelMetric[]): LoggedModelMetric[] {
  const latest = new Map<string, LoggedModelMetric>()
  for (const metric of metrics) {
    const id = JSON.stringify([metric.key, metric.datasetName ?? null, metric.datasetDigest ?? null])
    const current = latest.get(id)
    if (
      current === undefined ||
      metric.timestamp > current.timestamp ||
      (metric.timestamp === current.timestamp && metric.step >= current.step)
    ) {
      latest.set(id, metric)
    }
  }
  return [...latest.values()].sort(
    (a, b) =>
      a.key.localeCompare(b.key) ||
      (a.datasetName ?? '').localeCompare(b.datasetName ?? '') ||
      (a.datasetDigest ?? '').localeCompare(b.datasetDigest ?? ''),
  )
}

/** Metric keys the models of a page have, for the sort menu. */
export function loggedModelMetricKeys(
  models: readonly { metrics: readonly LoggedModelMetric[] }[],
): string[] {
  const keys = new Set<string>()
  for (const model of models) for (const metric of model.metrics) keys.add(metric.key)
  return [...keys].sort((a, b) => a.localeCompare(b))
}

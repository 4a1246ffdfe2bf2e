/**
 * The runs table's view state in the URL, so a link reproduces what you see:
 * `?filter=metrics.acc%20%3E%200.9&sort=metrics.acc&desc=1&show=tags.team&hide=attributes.user&group=params.optimizer&sel=a1,b2`.
 * Columns are stored as a change from the defaults (`show`, `hide`, and `order` only once the user
 * reorders), so a link stays short and new keys still appear by default. Parsing never fails: a bad
 * parameter falls back to its default.
 */

import { RUN_VIEWS, type RunTableView } from '@/domain/runs/run-table-view'

const COLUMN_ID = /^(attributes|params|metrics|tags)\..+/s

/**
 * Lists read best comma-separated, but column ids can contain commas (`params.a,b` is a legal MLflow
 * key): a list with such an id is written newline-separated instead. Both forms parse.
 */
function readList(params: URLSearchParams, name: string): string[] {
  return params
    .getAll(name)
    .flatMap((value) => (value.includes('\n') ? value.split('\n') : value.split(',')))
    .filter((item) => item !== '')
}

function writeList(params: URLSearchParams, name: string, items: readonly string[]): void {
  if (items.length === 0) return
  if (items.some((item) => item.includes(','))) params.set(name, items.join('\n'))
  else params.set(name, items.join(','))
}

function columnIds(params: URLSearchParams, name: string): string[] {
  return unique(readList(params, name).filter((id) => COLUMN_ID.test(id)))
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)]
}

function readWidths(params: URLSearchParams): Record<string, number> {
  const widths: Record<string, number> = {}
  for (const entry of readList(params, 'w')) {
    const match = /^(.+):(\d{2,4})$/s.exec(entry)
    if (match?.[1] === undefined || match[2] === undefined || !COLUMN_ID.test(match[1])) continue
    widths[match[1]] = Math.min(Math.max(Number(match[2]), 40), 2000)
  }
  return widths
}

export function parseRunTableState(params: URLSearchParams): RunTableView {
  const sort = params.get('sort')
  const group = params.get('group')
  const limitText = params.get('limit')
  const limit = limitText === 'all' ? Number.POSITIVE_INFINITY : Number(limitText)
  const expand = readList(params, 'expand')
  const view = RUN_VIEWS.find((candidate) => candidate === params.get('view'))
  return {
    filter: params.get('filter') ?? '',
    view: view ?? 'active',
    sortColumn: sort !== null && COLUMN_ID.test(sort) ? sort : undefined,
    descending: params.get('desc') !== '0',
    shown: columnIds(params, 'show'),
    hidden: columnIds(params, 'hide'),
    order: columnIds(params, 'order'),
    pinned: columnIds(params, 'pin'),
    widths: readWidths(params),
    hideConstant: params.get('same') === 'hide',
    groupBy: group !== null && COLUMN_ID.test(group) ? group : undefined,
    collapsedGroups: unique(params.getAll('fold')),
    selected: unique(readList(params, 'sel')),
    selectAll: params.get('selall') === '1',
    expandAll: expand[0] === 'all',
    expanded: unique(expand[0] === 'all' ? expand.slice(1) : expand),
    limit:
      limitText !== null && (limit === Number.POSITIVE_INFINITY || (Number.isInteger(limit) && limit > 0))
        ? limit
        : undefined,
  }
}

/** The inverse of parse; defaults are left out to keep links short. */
export function serializeRunTableState(state: RunTableView): URLSearchParams {
  const params = new URLSearchParams()
  if (state.filter !== '') params.set('filter', state.filter)
  if (state.view !== 'active') params.set('view', state.view)
  if (state.sortColumn !== undefined) {
    params.set('sort', state.sortColumn)
    if (!state.descending) params.set('desc', '0')
  }
  writeList(params, 'show', state.shown)
  writeList(params, 'hide', state.hidden)
  writeList(params, 'order', state.order)
  writeList(params, 'pin', state.pinned)
  writeList(
    params,
    'w',
    Object.entries(state.widths).map(([id, width]) => `${id}:${Math.round(width)}`),
  )
  if (state.hideConstant) params.set('same', 'hide')
  if (state.groupBy !== undefined) params.set('group', state.groupBy)
  for (const id of state.collapsedGroups) params.append('fold', id)
  if (state.selectAll) params.set('selall', '1')
  else writeList(params, 'sel', state.selected)
  writeList(params, 'expand', state.expandAll ? ['all', ...state.expanded] : state.expanded)
  if (state.limit !== undefined)
    params.set('limit', state.limit === Number.POSITIVE_INFINITY ? 'all' : String(state.limit))
  return params
}

/**
 * Sorting the runs table in the browser, and the order_by that asks the server for the same order
 * (as far as the server can give it).
 */

import { parseRunOrderBy } from '../search-filter/parse-order-by'
import { cellSortKeys, cellValue, parseColumnId, sortKeyComparator, type ColumnRef } from './run-columns'
import type { Run } from './run'

export interface RunSort {
  /** A column id (`metrics.loss`). */
  readonly column: string
  readonly descending: boolean
}

/**
 * The runs in the column's order (see `compareCellValues`), stable, NaN after every value and
 * missing values after that whatever the direction. An unknown column or no sort keeps the order.
 * Values are read and parsed once per run, not per comparison.
 */
export function sortRuns(runs: readonly Run[], sort: RunSort | undefined): Run[] {
  const ref = sort === undefined ? undefined : parseColumnId(sort.column)
  if (sort === undefined || ref === undefined) return [...runs]
  const keys = cellSortKeys(runs.map((run) => cellValue(run, ref)))
  // Array.prototype.sort is stable, and the positions start in order.
  const order = Array.from({ length: runs.length }, (_, index) => index)
  order.sort(sortKeyComparator(keys, sort.descending))
  return order.map((index) => runs[index]).filter((run) => run !== undefined)
}

/** Keys that need no quoting in filter and order_by text. */
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/

const ENTITY_PREFIX = { params: 'params', metrics: 'metrics', tags: 'tags' } as const

const ENTITY_OF = { params: 'param', metrics: 'metric', tags: 'tag' } as const

/** The server names for the attribute columns it can order by. */
const SERVER_ATTRIBUTES: ReadonlyMap<string, string> = new Map([
  ['run_name', 'run_name'],
  ['status', 'status'],
  ['start_time', 'start_time'],
  ['user', 'user_id'],
])

/**
 * An order_by entry for a param, metric or tag key: bare when it is a plain identifier, else in
 * backticks (or double, then single quotes when the key holds a backtick). Each form is checked by
 * reading it back as the server does; undefined when no form reads back as the same key.
 */
export function orderByEntry(ref: ColumnRef, descending: boolean): string | undefined {
  const direction = descending ? 'DESC' : 'ASC'
  if (ref.group === 'attributes') {
    const name = SERVER_ATTRIBUTES.get(ref.key)
    return name === undefined ? undefined : `attributes.${name} ${direction}`
  }
  const { key } = ref
  const forms = [`\`${key}\``, `"${key}"`, `'${key}'`]
  if (PLAIN_KEY.test(key)) forms.unshift(key)
  for (const form of forms) {
    const entry = `${ENTITY_PREFIX[ref.group]}.${form} ${direction}`
    const back = parseRunOrderBy([entry])
    const [order] = back.ok ? back.value : []
    if (order?.entity === ENTITY_OF[ref.group] && order.key === key && order.ascending === !descending) {
      return entry
    }
  }
  return undefined
}

/**
 * MLflow order_by for the server: one entry, keys backtick-quoted when they need it. `[]` when
 * there is no sort (the server's own order); undefined when the server cannot sort by the column
 * (duration, source, version, models, datasets, experiment, description, or an unknown column).
 */
export function serverOrderBy(sort: RunSort | undefined): string[] | undefined {
  if (sort === undefined) return []
  const ref = parseColumnId(sort.column)
  if (ref === undefined) return undefined
  const entry = orderByEntry(ref, sort.descending)
  return entry === undefined ? undefined : [entry]
}

/**
 * Whether the server's order can differ from ours for this column: params and tags (text on the
 * server, numbers and natural order here), and the run name and user (case-sensitive binary text
 * order on the server, natural order here). Metrics, start time and status sort alike.
 */
export function serverSortsAsText(sort: RunSort | undefined): boolean {
  const ref = sort === undefined ? undefined : parseColumnId(sort.column)
  if (ref === undefined) return false
  if (ref.group === 'params' || ref.group === 'tags') return true
  return ref.group === 'attributes' && (ref.key === 'run_name' || ref.key === 'user')
}

/** The runs table's view: what a link to it reproduces (`url-state/run-table-state.ts` reads and writes it). */

export type RunView = 'active' | 'deleted' | 'all'

export interface RunTableView {
  /** The filter box's text (Runboard's filter language: MLflow's plus OR, status IN and free text). */
  filter: string
  view: RunView
  /** A column id (`metrics.loss`); undefined = the server's default order (newest first). */
  sortColumn: string | undefined
  descending: boolean
  /** Column ids shown in addition to the defaults, in the order they were added. */
  shown: string[]
  /** Default column ids hidden by the user. */
  hidden: string[]
  /** The full order of visible columns once the user has reordered them; [] = natural order. */
  order: string[]
  pinned: string[]
  /** Column widths in px the user set by resizing. */
  widths: Record<string, number>
  /** Hide columns whose value is the same in every loaded run. */
  hideConstant: boolean
  /** Group rows by this column id (a param, tag or `attributes.datasets`). */
  groupBy: string | undefined
  /** Collapsed group ids. */
  collapsedGroups: string[]
  /** Selected run ids. */
  selected: string[]
  /** Every run that matches the filter is selected (stored as the filter, not as ids). */
  selectAll: boolean
  /** Nested runs: `all` expands every parent; `ids` are the exceptions to that default. */
  expandAll: boolean
  expanded: string[]
  /** How many runs to load before asking; undefined = the configured default. */
  limit: number | undefined
}

export const DEFAULT_RUN_TABLE_VIEW: RunTableView = {
  filter: '',
  view: 'active',
  sortColumn: undefined,
  descending: true,
  shown: [],
  hidden: [],
  order: [],
  pinned: [],
  widths: {},
  hideConstant: false,
  groupBy: undefined,
  collapsedGroups: [],
  selected: [],
  selectAll: false,
  expandAll: false,
  expanded: [],
  limit: undefined,
}

export const RUN_VIEWS: readonly RunView[] = ['active', 'deleted', 'all']

function unique(items: readonly string[]): string[] {
  return [...new Set(items)]
}

/**
 * The visible columns in display order: pinned first, then the user's order if any, else the
 * defaults (minus hidden) followed by the shown ones. Unknown ids in `order` are kept: a column whose
 * key has not loaded yet appears once it does.
 */
export function visibleColumnIds(state: RunTableView, defaults: readonly string[]): string[] {
  const hidden = new Set(state.hidden)
  const natural =
    state.order.length > 0
      ? state.order
      : unique([...defaults.filter((id) => !hidden.has(id)), ...state.shown])
  const pinned = state.pinned.filter((id) => natural.includes(id))
  return unique([...pinned, ...natural])
}

/**
 * Writes a new visible column list back as a change from the defaults. `order` is kept only when the
 * natural order (defaults, then additions) differs from what was asked for.
 */
export function withVisibleColumns(
  state: RunTableView,
  defaults: readonly string[],
  visible: readonly string[],
  pinned: readonly string[],
): RunTableView {
  const visibleSet = new Set(visible)
  const defaultSet = new Set(defaults)
  const hidden = defaults.filter((id) => !visibleSet.has(id))
  const shown = visible.filter((id) => !defaultSet.has(id))
  const pinnedVisible = pinned.filter((id) => visibleSet.has(id))
  const draft = { ...state, hidden, shown, order: [], pinned: pinnedVisible }
  const natural = visibleColumnIds(draft, defaults)
  const sameOrder = natural.length === visible.length && natural.every((id, index) => id === visible[index])
  return sameOrder ? draft : { ...draft, order: [...visible] }
}

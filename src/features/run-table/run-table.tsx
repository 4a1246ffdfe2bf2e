import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react'
import { describeError } from '@/api/describe-error'
import { isApiError } from '@/api/errors'
import { SYSTEM_TAGS, type Run } from '@/domain/runs/run'
import {
  ATTRIBUTE_COLUMNS,
  cellValue,
  collectRunKeys,
  columnId,
  constantColumnIds,
  defaultColumnIds,
  parseColumnId,
  type ColumnRef,
  type RunKeys,
} from '@/domain/runs/run-columns'
import { serverOrderBy, serverSortsAsText, type RunSort } from '@/domain/runs/run-sort'
import { visibleColumnIds, withVisibleColumns, type RunTableView } from '@/domain/runs/run-table-view'
import type { RunRow } from '@/domain/runs/run-tree'
import { addFilterClause } from '@/domain/search-filter/filter-clauses'
import type { RunClause } from '@/domain/search-filter/parse-filter'
import { parseRunQuery, planRunQuery } from '@/domain/search-filter/run-query'
import { EmptyState, ErrorState, Loading } from '@/ui/states'
import { useNow } from '@/ui/time'
import { ColumnPicker } from './column-picker'
import { FilterBar } from './filter-bar'
import { LoadingStatus } from './loading-status'
import { RunActions } from './run-actions'
import { RunGrid, type GridRunList } from './run-grid'
import { TableTools } from './table-tools'
import { useFilterVocabulary } from './use-filter-vocabulary'
import { DEFAULT_RUN_LIMIT, useRunLoading } from './use-run-loading'
import { useTableRows } from './use-table-rows'
import type { ModelCellLinks } from './models-cell'

export type RunTableUpdate = (
  update: (view: RunTableView) => RunTableView,
  options?: { replace?: boolean },
) => void

export interface RunTableProps {
  experimentIds: readonly string[]
  view: RunTableView
  onViewChange: RunTableUpdate
  renderRunLink: (run: Run) => ReactNode
  /** Links from the models column (logged models, registered versions); plain text without them. */
  modelLinks?: ModelCellLinks | undefined
  onOpenRun: (run: Run) => void
  onCompare: (runIds: string[]) => void
  /** Auto-loading stops at this many runs and asks (default 20,000). */
  runLimit?: number
  /** How often RUNNING runs and new runs are polled; 0 turns it off. */
  liveIntervalMs?: number
  /** The run-list mode beside the sweep charts; undefined: the full table. */
  runList?: RunListMode | undefined
  /** Receives the runs matching the filter, in table order, whenever they change. */
  onRunsChange?: ((runs: readonly Run[]) => void) | undefined
  /** The run hovered anywhere on the page; its row is highlighted (run-list mode). */
  highlightedRunId?: string | undefined
  onHoverRun?: ((runId: string | undefined) => void) | undefined
}

/**
 * The runs table shrunk to a run list: the name and a few columns, an eye (on the charts or not,
 * separate from the selection) and a pin per row, and only the runs the page lists.
 */
export interface RunListMode {
  /** The runs to list, a subset of the matching runs, in list order (pinned first). */
  runs: readonly Run[]
  /** Column ids shown after the run name. */
  columns: readonly string[]
  hidden: ReadonlySet<string>
  pinned: ReadonlySet<string>
  colors: ReadonlyMap<string, string>
  onToggleHidden: (runId: string) => void
  onTogglePinned: (runId: string) => void
}

const NAME_COLUMN = 'attributes.run_name'

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b
  return a.length === b.length && a.every((item, index) => item === b[index])
}

/**
 * The runs of one or several experiments: progressive loading, the filter box, columns, sorting,
 * nesting, grouping, selection and bulk actions. All view state comes from and goes to `view` (the
 * URL); only transient things (the active row, a running load) live here.
 */
export function RunTable(props: RunTableProps) {
  const { view, onViewChange, experimentIds } = props
  const now = useNow()
  const parsed = useMemo(() => parseRunQuery(view.filter), [view.filter])
  const plan = useMemo(() => (parsed.ok ? planRunQuery(parsed.value) : undefined), [parsed])
  // One object per sort, so the rows (and the runs handed to onRunsChange) keep their identity.
  const sort = useMemo(
    (): RunSort | undefined =>
      view.sortColumn === undefined ? undefined : { column: view.sortColumn, descending: view.descending },
    [view.sortColumn, view.descending],
  )
  const orderBy = serverOrderBy(sort)

  const loading = useRunLoading({
    experimentIds,
    serverFilter: plan?.serverFilter ?? '',
    view: view.view,
    orderBy,
    limit: view.limit ?? props.runLimit ?? DEFAULT_RUN_LIMIT,
    liveIntervalMs: props.liveIntervalMs ?? 15_000,
  })
  const sortInBrowser =
    sort !== undefined &&
    (loading.complete || orderBy === undefined || !sameList(loading.loadedOrderBy, orderBy))
  const table = useTableRows({
    experimentIds,
    runs: loading.runs,
    clientQuery: plan?.clientQuery,
    sort,
    sortInBrowser,
    groupBy: view.groupBy,
    collapsedGroups: view.collapsedGroups,
    expandAll: view.expandAll,
    expanded: view.expanded,
    settled: loading.state !== 'loading',
    restrictTo: props.runList?.runs,
  })
  const { onRunsChange } = props
  useEffect(() => {
    onRunsChange?.(table.matches)
  }, [onRunsChange, table.matches])

  // Columns: defaults from the keys the loaded runs have, changed by the view.
  const keys = useMemo(() => collectRunKeys(loading.runs), [loading.runs])
  const defaults = useMemo(
    () =>
      defaultColumnIds(keys, {
        multiExperiment: experimentIds.length > 1,
        ...columnHints(loading.runs, keys),
      }),
    [keys, experimentIds.length, loading.runs],
  )
  const available = useMemo<ColumnRef[]>(
    () => [
      ...ATTRIBUTE_COLUMNS.map((key) => ({ group: 'attributes' as const, key })),
      ...keys.metrics.map((key) => ({ group: 'metrics' as const, key })),
      ...keys.params.map((key) => ({ group: 'params' as const, key })),
      ...keys.tags.map((key) => ({ group: 'tags' as const, key })),
    ],
    [keys],
  )
  const listColumns = props.runList?.columns
  const chosen = useMemo(
    () =>
      listColumns === undefined
        ? visibleColumnIds(view, defaults)
        : [NAME_COLUMN, ...listColumns.filter((id) => id !== NAME_COLUMN)],
    [view, defaults, listColumns],
  )
  const chosenRefs = useMemo(() => chosen.flatMap((id) => parseColumnId(id) ?? []), [chosen])
  const constant = useMemo(() => constantColumnIds(table.matches, chosenRefs), [table.matches, chosenRefs])
  const pinned = useMemo(
    () =>
      [...new Set([NAME_COLUMN, ...(listColumns === undefined ? view.pinned : [])])].filter((id) =>
        chosen.includes(id),
      ),
    [view.pinned, chosen, listColumns],
  )
  const columns = useMemo(() => {
    const shown = chosenRefs.filter(
      (ref) => !view.hideConstant || columnId(ref) === NAME_COLUMN || !constant.has(columnId(ref)),
    )
    const pinnedSet = new Set(pinned)
    return [
      ...pinned.flatMap((id) => shown.find((ref) => columnId(ref) === id) ?? []),
      ...shown.filter((ref) => !pinnedSet.has(columnId(ref))),
    ]
  }, [chosenRefs, view.hideConstant, constant, pinned])

  const hasNested = useMemo(
    () => loading.runs.some((run) => run.tags[SYSTEM_TAGS.parentRunId] !== undefined),
    [loading.runs],
  )

  // Selection: explicit ids, or "every matching run" kept as the filter itself.
  const selected = useMemo(
    () => (view.selectAll ? new Set(table.matches.map((run) => run.info.runId)) : new Set(view.selected)),
    [view.selectAll, view.selected, table.matches],
  )
  const selectedRuns = useMemo(
    () => table.matches.filter((run) => selected.has(run.info.runId)),
    [table.matches, selected],
  )
  const [anchor, setAnchor] = useState<number | undefined>(undefined)
  const { rows } = table
  const toggleSelect = useCallback(
    (runId: string, options: { range: boolean; rowIndex: number }) => {
      setAnchor(options.rowIndex)
      onViewChange(
        (current) => {
          const ids = current.selectAll
            ? new Set(table.matches.map((run) => run.info.runId))
            : new Set(current.selected)
          if (options.range && anchor !== undefined) {
            const [from, to] =
              anchor < options.rowIndex ? [anchor, options.rowIndex] : [options.rowIndex, anchor]
            for (const row of rows.slice(from, to + 1)) if (row.kind === 'run') ids.add(row.run.info.runId)
          } else if (ids.has(runId)) ids.delete(runId)
          else ids.add(runId)
          return { ...current, selectAll: false, selected: [...ids] }
        },
        { replace: true },
      )
    },
    [onViewChange, table.matches, rows, anchor],
  )
  const allSelected =
    view.selectAll || (table.matches.length > 0 && selectedRuns.length === table.matches.length)
  const headerSelection = allSelected ? 'all' : selectedRuns.length > 0 ? 'some' : 'none'

  const setFilter = useCallback(
    (filter: string, options: { replace: boolean }) => {
      onViewChange((current) => ({ ...current, filter, selectAll: false }), options)
    },
    [onViewChange],
  )
  const addFilter = useCallback(
    (clause: RunClause) => {
      onViewChange((current) => ({ ...current, filter: addFilterClause(current.filter, clause) }))
    },
    [onViewChange],
  )
  const vocabulary = useFilterVocabulary(loading.runs, keys)

  const onSort = useCallback(
    (id: string) => {
      onViewChange((current) => {
        if (current.sortColumn !== id) return { ...current, sortColumn: id, descending: true }
        if (current.descending) return { ...current, descending: false }
        return { ...current, sortColumn: undefined, descending: true }
      })
    },
    [onViewChange],
  )

  const serverError =
    loading.error !== undefined && isApiError(loading.error) && loading.error.status === 400
      ? loading.error.message
      : undefined

  const { onOpenRun: openRun, renderRunLink } = props
  const onOpenRun = useCallback(
    (row: RunRow) => {
      openRun(row.run)
    },
    [openRun],
  )
  const toggleExpand = useCallback(
    (runId: string) => {
      onViewChange(
        (current) => ({
          ...current,
          expanded: current.expanded.includes(runId)
            ? current.expanded.filter((id) => id !== runId)
            : [...current.expanded, runId],
        }),
        { replace: true },
      )
    },
    [onViewChange],
  )
  const toggleGroup = useCallback(
    (groupId: string) => {
      onViewChange(
        (current) => ({
          ...current,
          collapsedGroups: current.collapsedGroups.includes(groupId)
            ? current.collapsedGroups.filter((id) => id !== groupId)
            : [...current.collapsedGroups, groupId],
        }),
        { replace: true },
      )
    },
    [onViewChange],
  )
  const { modelLinks } = props
  const cellContext = useMemo(
    () => ({ renderRunLink, onAddFilter: addFilter, now, modelLinks }),
    [renderRunLink, addFilter, now, modelLinks],
  )
  const { runList, highlightedRunId, onHoverRun } = props
  const gridRunList = useMemo(
    (): GridRunList | undefined =>
      runList === undefined
        ? undefined
        : {
            hidden: runList.hidden,
            pinned: runList.pinned,
            colors: runList.colors,
            highlightedRunId,
            onToggleHidden: runList.onToggleHidden,
            onTogglePinned: runList.onTogglePinned,
            onHoverRun: onHoverRun ?? ignoreHover,
          },
    [runList, highlightedRunId, onHoverRun],
  )

  return (
    <div className={runList === undefined ? 'run-table' : 'run-table is-run-list'}>
      <FilterBar
        filter={view.filter}
        onFilterChange={setFilter}
        vocabulary={vocabulary}
        view={view.view}
        onViewChange={(next) => {
          onViewChange((current) => ({ ...current, view: next, selected: [], selectAll: false }))
        }}
        plan={plan}
        serverError={serverError}
        now={now}
      />
      <div className="run-table-toolbar">
        <LoadingStatus
          state={loading.state}
          loaded={loading.runs.length}
          matching={table.matches.length}
          browserFiltered={plan?.clientQuery !== undefined}
          refreshing={loading.isRefreshing}
          onStop={loading.stop}
          onResume={loading.resume}
          pageError={loading.pageError}
          onRetry={loading.retry}
          sortNote={sortNote(sort, loading.complete, orderBy)}
        />
        {runList === undefined && (
          <>
            <TableTools
              view={view}
              onViewChange={onViewChange}
              keys={keys}
              hasDatasets={vocabulary.datasets.length > 0}
              matches={table.matches}
              columns={columns}
              available={available}
              hasNested={hasNested}
            />
            <ColumnPicker
              available={available}
              visible={chosen}
              pinned={pinned}
              constantIds={constant}
              hideConstant={view.hideConstant}
              onChange={(next) => {
                onViewChange((current) => withVisibleColumns(current, defaults, next.visible, next.pinned))
              }}
              onHideConstantChange={(hideConstant) => {
                onViewChange((current) => ({ ...current, hideConstant }))
              }}
              onReset={() => {
                onViewChange((current) => ({
                  ...current,
                  shown: [],
                  hidden: [],
                  order: [],
                  pinned: [],
                  widths: {},
                }))
              }}
            />
          </>
        )}
      </div>
      {/* Always mounted: a bulk write in progress outlives the selection it started from. */}
      <RunActions
        selected={selectedRuns}
        loaded={loading.runs}
        view={view.view}
        onCompare={props.onCompare}
        onClearSelection={() => {
          onViewChange((current) => ({ ...current, selected: [], selectAll: false }), { replace: true })
        }}
      />
      <TableBody
        loading={loading}
        isEmpty={rows.length === 0}
        filtered={view.filter !== '' || view.view !== 'active'}
      >
        <RunGrid
          rows={rows}
          columns={columns}
          pinnedCount={pinned.length}
          widths={view.widths}
          onWidthsChange={(widths) => {
            onViewChange((current) => ({ ...current, widths: { ...current.widths, ...widths } }), {
              replace: true,
            })
          }}
          sort={sort}
          onSort={onSort}
          selected={selected}
          onToggleSelect={toggleSelect}
          headerSelection={headerSelection}
          onToggleSelectAll={() => {
            onViewChange((current) => ({ ...current, selectAll: headerSelection !== 'all', selected: [] }), {
              replace: true,
            })
          }}
          onToggleExpand={toggleExpand}
          onToggleGroup={toggleGroup}
          onOpenRun={onOpenRun}
          cellContext={cellContext}
          label="Runs"
          runList={gridRunList}
        />
      </TableBody>
    </div>
  )
}

function ignoreHover() {}

/** Runs the default columns are judged on: the first pages, so defaults settle early and stay put. */
const DEFAULTS_SAMPLE = 1_050
const OPTIONAL_ATTRIBUTES = ['user', 'source', 'models', 'datasets'] as const

/** Which attribute columns are empty and which params never change, among the first loaded runs. */
function columnHints(runs: readonly Run[], keys: RunKeys) {
  const sample = runs.slice(0, DEFAULTS_SAMPLE)
  const emptyAttributes = new Set<string>(
    OPTIONAL_ATTRIBUTES.filter((key) =>
      sample.every((run) => cellValue(run, { group: 'attributes', key }) === undefined),
    ),
  )
  const constant = constantColumnIds(
    sample,
    keys.params.map((key) => ({ group: 'params' as const, key })),
  )
  const constantParams = new Set(
    keys.params.filter((key) => constant.has(columnId({ group: 'params', key }))),
  )
  return { emptyAttributes, constantParams }
}

function sortNote(sort: RunSort | undefined, complete: boolean, orderBy: readonly string[] | undefined) {
  if (sort === undefined || complete) return undefined
  if (orderBy === undefined)
    return 'Sorted among the runs loaded so far; the full order arrives with the last page.'
  if (serverSortsAsText(sort))
    return 'The server sorts this column as text; the natural order (numbers as numbers) arrives with the last page.'
  return undefined
}

function TableBody({
  loading,
  isEmpty,
  filtered,
  children,
}: {
  loading: ReturnType<typeof useRunLoading>
  isEmpty: boolean
  filtered: boolean
  children: ReactNode
}) {
  // The empty grid is already mounted (and measured) while the first page loads, so that when it
  // arrives only the rows render: the table model and the virtualizers are set up by then.
  if (loading.isPending)
    return (
      <div className="run-table-pending">
        {children}
        <div className="run-table-pending-note">
          <Loading label="Loading runs…" />
        </div>
      </div>
    )
  if (loading.error !== undefined && loading.runs.length === 0) {
    const description = describeError(loading.error)
    return <ErrorState title={description.title} detail={description.detail} onRetry={loading.retry} />
  }
  if (isEmpty && loading.state === 'done') {
    return (
      <EmptyState title={filtered ? 'No runs match this filter.' : 'This experiment has no runs yet.'}>
        <p className="muted">
          {filtered
            ? 'Loosen the filter, or look at deleted runs with State: All.'
            : 'Runs appear here as soon as a script logs them, e.g. with mlflow.start_run() and mlflow.log_metric().'}
        </p>
      </EmptyState>
    )
  }
  return <>{children}</>
}

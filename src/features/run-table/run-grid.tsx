import {
  columnResizingFeature,
  columnSizingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type ColumnSizingState,
  type Updater,
} from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  type RefObject,
} from 'react'
import { formatMetricValue } from '@/domain/format/format-number'
import { columnId, columnLabel, type ColumnRef } from '@/domain/runs/run-columns'
import type { GroupRow, TableRow } from '@/domain/runs/run-groups'
import type { RunSort } from '@/domain/runs/run-sort'
import type { RunRow } from '@/domain/runs/run-tree'
import { RunCell, type CellContext } from './run-cells'
import './run-table.css'

export const ROW_HEIGHT = 34
const HEADER_HEIGHT = 58
const CHECKBOX_WIDTH = 40
/** The run list's eye and pin buttons. */
const RUN_LIST_WIDTH = 60
const DEFAULT_WIDTHS: Record<string, number> = {
  'attributes.run_name': 240,
  'attributes.status': 170,
  'attributes.start_time': 145,
  'attributes.duration': 90,
  'attributes.source': 180,
  'attributes.datasets': 180,
  'attributes.models': 160,
  'attributes.description': 220,
}
const DEFAULT_WIDTH = 130

const features = tableFeatures({ columnSizingFeature, columnResizingFeature })

export interface RunGridProps {
  rows: readonly TableRow[]
  /** Visible columns in display order, pinned ones first. */
  columns: readonly ColumnRef[]
  pinnedCount: number
  widths: Readonly<Record<string, number>>
  onWidthsChange: (widths: Record<string, number>) => void
  sort: RunSort | undefined
  onSort: (columnId: string) => void
  selected: ReadonlySet<string>
  /** `range`: shift-click, select from the last toggled row to this one. */
  onToggleSelect: (runId: string, options: { range: boolean; rowIndex: number }) => void
  headerSelection: 'all' | 'some' | 'none'
  onToggleSelectAll: () => void
  onToggleExpand: (runId: string) => void
  onToggleGroup: (groupId: string) => void
  onOpenRun: (row: RunRow) => void
  cellContext: CellContext
  /** Rows the grid has focus on can be moved with the arrow keys; the filter box focuses on `/`. */
  label: string
  /** The sweep view's run list: an eye and a pin per row, and the hovered run highlighted. */
  runList?: GridRunList | undefined
}

/** What the run-list mode adds to every row. */
export interface GridRunList {
  /** Run ids whose eye is off (left out of the charts). */
  hidden: ReadonlySet<string>
  pinned: ReadonlySet<string>
  /** run id -> the colour its marks have on the charts. */
  colors: ReadonlyMap<string, string>
  highlightedRunId: string | undefined
  onToggleHidden: (runId: string) => void
  onTogglePinned: (runId: string) => void
  onHoverRun: (runId: string | undefined) => void
}

/** The run list's callbacks, one stable object, so memoised rows do not re-render on hover. */
interface RunListActions {
  onToggleHidden: (runId: string) => void
  onTogglePinned: (runId: string) => void
  onHoverRun: (runId: string | undefined) => void
}

const rowSize = () => ROW_HEIGHT

/**
 * Scroll anchoring for rows that arrive above the viewport (a live sweep adds runs at the top):
 * the first row in view stays where it was instead of being pushed down.
 */
function useScrollAnchor(
  scroller: RefObject<HTMLDivElement | null>,
  rows: readonly TableRow[],
  firstIndex: number | undefined,
) {
  const anchor = useRef<{ key: string; index: number } | undefined>(undefined)
  useLayoutEffect(() => {
    const element = scroller.current
    const previous = anchor.current
    if (element !== null && previous !== undefined && element.scrollTop > 0) {
      const row = rows[previous.index]
      if (row === undefined || rowKey(row) !== previous.key) {
        const moved = rows.findIndex((candidate) => rowKey(candidate) === previous.key)
        if (moved >= 0) element.scrollBy(0, (moved - previous.index) * ROW_HEIGHT)
      }
    }
  }, [scroller, rows])
  useEffect(() => {
    const row = firstIndex === undefined ? undefined : rows[firstIndex]
    anchor.current =
      row === undefined || firstIndex === undefined ? undefined : { key: rowKey(row), index: firstIndex }
  })
}

function rowKey(row: TableRow): string {
  return row.kind === 'group' ? `group:${row.groupId}` : `run:${row.run.info.runId}`
}

function Aggregate({ row, column }: { row: GroupRow; column: ColumnRef }) {
  if (column.group !== 'metrics') return null
  const aggregate = row.aggregates[column.key]
  if (aggregate === undefined) return <span className="missing">—</span>
  return (
    <span
      className="aggregate numeric"
      title={`mean ${aggregate.mean}\nmin ${aggregate.min}\nmax ${aggregate.max}\nover ${aggregate.count} runs`}
    >
      <strong>{formatMetricValue(aggregate.mean)}</strong>{' '}
      <small className="muted">
        {formatMetricValue(aggregate.min)}–{formatMetricValue(aggregate.max)}
      </small>
    </span>
  )
}

/**
 * The runs grid: one scroller in both directions, a sticky header, virtualised rows and (when there
 * are many) virtualised columns, with the pinned columns sticky at the left. Keyboard: the grid is
 * one tab stop; arrows move the active row, Enter opens it, Space selects it, Left/Right collapse and
 * expand nested runs and groups.
 */
export function RunGrid(props: RunGridProps) {
  const { rows, columns, pinnedCount, widths } = props
  const scroller = useRef<HTMLDivElement>(null)
  // The active row is kept by key, so rows arriving above it (live updates) do not move it.
  const [activeKey, setActiveKey] = useState<string | number | undefined>(undefined)
  const getScrollElement = useCallback(() => scroller.current, [])

  const columnDefs = useMemo<ColumnDef<typeof features, TableRow>[]>(
    () =>
      columns.map((column) => {
        const id = columnId(column)
        return {
          id,
          header: columnLabel(column),
          size: DEFAULT_WIDTHS[id] ?? DEFAULT_WIDTH,
          minSize: 60,
          maxSize: 1200,
        }
      }),
    [columns],
  )
  const sizing = useMemo<ColumnSizingState>(() => ({ ...widths }), [widths])
  const { onWidthsChange } = props
  const table = useTable({
    features,
    columns: columnDefs,
    data: rows,
    state: { columnSizing: sizing },
    onColumnSizingChange: (updater: Updater<ColumnSizingState>) => {
      const next = typeof updater === 'function' ? updater(sizing) : updater
      onWidthsChange(Object.fromEntries(Object.entries(next).map(([id, width]) => [id, Math.round(width)])))
    },
    columnResizeMode: 'onEnd',
  })
  const headers = table.getFlatHeaders()
  const pinnedHeaders = headers.slice(0, pinnedCount)
  const scrollingHeaders = headers.slice(pinnedCount)
  const { runList } = props
  const checkWidth = CHECKBOX_WIDTH + (runList === undefined ? 0 : RUN_LIST_WIDTH)
  const pinnedWidth = checkWidth + pinnedHeaders.reduce((sum, header) => sum + header.getSize(), 0)
  const scrollingOffsets = useMemo(() => {
    const offsets: number[] = []
    let x = 0
    for (const header of scrollingHeaders) {
      offsets.push(x)
      x += header.getSize()
    }
    offsets.push(x)
    return offsets
  }, [scrollingHeaders])
  const scrollingWidth = scrollingOffsets[scrollingOffsets.length - 1] ?? 0
  const totalWidth = pinnedWidth + scrollingWidth

  // Stable callbacks: the virtualizer recomputes every row's position whenever they change.
  const rowKeyAt = useCallback(
    (index: number) => {
      const row = rows[index]
      return row === undefined ? index : rowKey(row)
    },
    [rows],
  )
  const rowVirtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement,
    estimateSize: rowSize,
    overscan: 5,
    scrollMargin: HEADER_HEIGHT,
    getItemKey: rowKeyAt,
  })
  const sizesKey = scrollingHeaders.map((header) => header.getSize()).join(',')
  const columnSize = useCallback(
    (index: number) => Number(sizesKey.split(',')[index] ?? DEFAULT_WIDTH),
    [sizesKey],
  )
  const columnVirtualizer = useVirtualizer({
    horizontal: true,
    count: scrollingHeaders.length,
    getScrollElement,
    estimateSize: columnSize,
    overscan: 2,
    scrollMargin: pinnedWidth,
  })
  const widthsKey = scrollingHeaders.map((header) => `${header.id}:${header.getSize()}`).join('|')
  useEffect(() => {
    columnVirtualizer.measure()
  }, [columnVirtualizer, widthsKey])

  const virtualColumns = columnVirtualizer.getVirtualItems()
  const firstColumn = virtualColumns[0]?.index ?? 0
  const lastColumn = virtualColumns[virtualColumns.length - 1]?.index ?? -1
  const shownHeaders = scrollingHeaders.slice(firstColumn, lastColumn + 1)
  const leftSpacer = scrollingOffsets[firstColumn] ?? 0

  const activeIndex = useMemo(() => {
    if (activeKey === undefined) return 0
    const index = rows.findIndex((row) => rowKey(row) === activeKey)
    return index < 0 ? 0 : index
  }, [rows, activeKey])
  const setActive = useCallback(
    (index: number) => {
      setActiveKey(rowKeyAt(index))
    },
    [rowKeyAt],
  )
  const move = (index: number) => {
    const next = Math.min(Math.max(index, 0), rows.length - 1)
    setActive(next)
    rowVirtualizer.scrollToIndex(next, { align: 'auto' })
  }
  useScrollAnchor(scroller, rows, rowVirtualizer.getVirtualItems()[0]?.index)
  const activeRow = rows[activeIndex]
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return
    const page = Math.max(Math.floor((scroller.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1, 1)
    const keys: Record<string, () => void> = {
      ArrowDown: () => {
        move(activeIndex + 1)
      },
      ArrowUp: () => {
        move(activeIndex - 1)
      },
      PageDown: () => {
        move(activeIndex + page)
      },
      PageUp: () => {
        move(activeIndex - page)
      },
      Home: () => {
        move(0)
      },
      End: () => {
        move(rows.length - 1)
      },
      Enter: () => {
        if (activeRow?.kind === 'run') props.onOpenRun(activeRow)
        else if (activeRow?.kind === 'group') props.onToggleGroup(activeRow.groupId)
      },
      ' ': () => {
        if (activeRow?.kind === 'run')
          props.onToggleSelect(activeRow.run.info.runId, { range: event.shiftKey, rowIndex: activeIndex })
      },
      ArrowRight: () => {
        if (activeRow?.kind === 'run' && activeRow.childCount > 0 && !activeRow.expanded)
          props.onToggleExpand(activeRow.run.info.runId)
        if (activeRow?.kind === 'group' && !activeRow.expanded) props.onToggleGroup(activeRow.groupId)
      },
      ArrowLeft: () => {
        if (activeRow?.kind === 'run' && activeRow.childCount > 0 && activeRow.expanded)
          props.onToggleExpand(activeRow.run.info.runId)
        if (activeRow?.kind === 'group' && activeRow.expanded) props.onToggleGroup(activeRow.groupId)
      },
    }
    // The run list's eye and pin, for the active row.
    if (runList !== undefined && activeRow?.kind === 'run') {
      const runId = activeRow.run.info.runId
      keys.e = () => {
        runList.onToggleHidden(runId)
      }
      keys.p = () => {
        runList.onTogglePinned(runId)
      }
    }
    const action = keys[event.key]
    if (action === undefined) return
    event.preventDefault()
    action()
  }

  const pinnedSizes = pinnedHeaders.map((header) => header.getSize()).join(',')
  const shownSizes = shownHeaders.map((header) => header.getSize()).join(',')
  const layout = useMemo<RowLayout>(
    () => ({
      pinned: columns.slice(0, pinnedCount),
      pinnedWidths: pinnedSizes === '' ? [] : pinnedSizes.split(',').map(Number),
      scrolling: columns.slice(pinnedCount + firstColumn, pinnedCount + lastColumn + 1),
      scrollingWidths: shownSizes === '' ? [] : shownSizes.split(',').map(Number),
      pinnedWidth,
      leftSpacer,
      totalWidth,
    }),
    [
      columns,
      pinnedCount,
      firstColumn,
      lastColumn,
      pinnedSizes,
      shownSizes,
      pinnedWidth,
      leftSpacer,
      totalWidth,
    ],
  )
  const bands = groupBands(columns.slice(pinnedCount), firstColumn, lastColumn, scrollingOffsets)
  const resizing = table.state.columnResizing
  const onToggleHidden = runList?.onToggleHidden
  const onTogglePinned = runList?.onTogglePinned
  const onHoverRun = runList?.onHoverRun
  const listActions = useMemo(
    (): RunListActions | undefined =>
      onToggleHidden === undefined || onTogglePinned === undefined || onHoverRun === undefined
        ? undefined
        : { onToggleHidden, onTogglePinned, onHoverRun },
    [onToggleHidden, onTogglePinned, onHoverRun],
  )

  return (
    <div
      ref={scroller}
      className="run-grid"
      data-testid="runs-scroller"
      role="grid"
      aria-label={props.label}
      aria-rowcount={rows.length + 1}
      aria-colcount={columns.length + 1}
      aria-multiselectable="true"
      tabIndex={0}
      aria-activedescendant={rows.length > 0 ? `run-grid-row-${activeIndex}` : undefined}
      onKeyDown={onKeyDown}
    >
      <div className="run-grid-head" role="rowgroup" style={{ width: totalWidth, height: HEADER_HEIGHT }}>
        <div className="run-grid-bands" aria-hidden="true">
          <div className="run-grid-pinned" style={{ width: pinnedWidth }} />
          <div style={{ width: leftSpacer, flex: 'none' }} />
          {bands.map((band) => (
            <div key={`${band.group}-${band.start}`} className="run-grid-band" style={{ width: band.width }}>
              {band.label}
            </div>
          ))}
        </div>
        <div role="row" aria-rowindex={1} className="run-grid-row run-grid-header-row">
          <div className="run-grid-pinned">
            {runList !== undefined && (
              <div
                role="columnheader"
                className="run-grid-cell run-grid-check run-list-header"
                style={{ width: RUN_LIST_WIDTH }}
                title="The eye shows or hides a run on the charts; the pin keeps it at the top of the list"
              >
                Shown
              </div>
            )}
            <div
              role="columnheader"
              className="run-grid-cell run-grid-check"
              style={{ width: CHECKBOX_WIDTH }}
            >
              <input
                type="checkbox"
                aria-label="Select all matching runs"
                checked={props.headerSelection === 'all'}
                ref={(input) => {
                  if (input !== null) input.indeterminate = props.headerSelection === 'some'
                }}
                onChange={props.onToggleSelectAll}
              />
            </div>
            {pinnedHeaders.map((header, index) => (
              <HeaderCell
                key={header.id}
                column={columns[index]}
                width={header.getSize()}
                sort={props.sort}
                onSort={props.onSort}
                onResizeStart={header.getResizeHandler()}
                resizingDelta={resizing.isResizingColumn === header.id ? resizing.deltaOffset : undefined}
              />
            ))}
          </div>
          <div style={{ width: leftSpacer, flex: 'none' }} />
          {shownHeaders.map((header, index) => (
            <HeaderCell
              key={header.id}
              column={columns[pinnedCount + firstColumn + index]}
              width={header.getSize()}
              sort={props.sort}
              onSort={props.onSort}
              onResizeStart={header.getResizeHandler()}
              resizingDelta={resizing.isResizingColumn === header.id ? resizing.deltaOffset : undefined}
            />
          ))}
        </div>
      </div>
      <div
        role="rowgroup"
        className="run-grid-body"
        style={{ height: rowVirtualizer.getTotalSize(), width: totalWidth, position: 'relative' }}
        onMouseLeave={
          onHoverRun === undefined
            ? undefined
            : () => {
                onHoverRun(undefined)
              }
        }
      >
        {rowVirtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index]
          if (row === undefined) return null
          const runId = row.kind === 'run' ? row.run.info.runId : undefined
          return (
            <GridRow
              key={item.key}
              row={row}
              index={item.index}
              top={item.start - HEADER_HEIGHT}
              selected={runId !== undefined && props.selected.has(runId)}
              active={item.index === activeIndex}
              layout={layout}
              onActivate={setActive}
              onToggleSelect={props.onToggleSelect}
              onToggleExpand={props.onToggleExpand}
              onToggleGroup={props.onToggleGroup}
              cellContext={props.cellContext}
              listActions={listActions}
              eyeOff={runId !== undefined && runList?.hidden.has(runId) === true}
              runPinned={runId !== undefined && runList?.pinned.has(runId) === true}
              highlighted={runId !== undefined && runId === runList?.highlightedRunId}
              color={runId === undefined ? undefined : runList?.colors.get(runId)}
            />
          )
        })}
      </div>
    </div>
  )
}

/** What every row needs to lay out its cells; one object, so rows re-render only when it changes. */
interface RowLayout {
  pinned: readonly ColumnRef[]
  pinnedWidths: readonly number[]
  /** The scrolling columns currently rendered (the horizontal window). */
  scrolling: readonly ColumnRef[]
  scrollingWidths: readonly number[]
  pinnedWidth: number
  leftSpacer: number
  totalWidth: number
}

interface GridRowProps {
  row: TableRow
  index: number
  top: number
  selected: boolean
  active: boolean
  layout: RowLayout
  onActivate: (index: number) => void
  onToggleSelect: RunGridProps['onToggleSelect']
  onToggleExpand: (runId: string) => void
  onToggleGroup: (groupId: string) => void
  cellContext: CellContext
  /** Run-list mode only. */
  listActions: RunListActions | undefined
  eyeOff: boolean
  runPinned: boolean
  highlighted: boolean
  color: string | undefined
}

/**
 * One row, memoised: while scrolling only the rows that come into view render, which keeps
 * frames under 17 ms with thousands of runs.
 */
const GridRow = memo(function GridRow(props: GridRowProps) {
  const { row, index, selected, layout } = props
  const runId = row.kind === 'run' ? row.run.info.runId : undefined
  const cells = (list: readonly ColumnRef[], widths: readonly number[]) =>
    list.map((column, position) => (
      <div
        key={columnId(column)}
        role="gridcell"
        className={`run-grid-cell${column.group === 'metrics' ? ' cell-number' : ''}`}
        style={{ width: widths[position] ?? DEFAULT_WIDTH }}
      >
        {row.kind === 'run' ? (
          column.group === 'attributes' && column.key === 'run_name' ? (
            <NameCell row={row} onToggleExpand={props.onToggleExpand}>
              <RunCell run={row.run} column={column} context={props.cellContext} />
            </NameCell>
          ) : (
            <RunCell run={row.run} column={column} context={props.cellContext} />
          )
        ) : column.group === 'attributes' && column.key === 'run_name' ? (
          <GroupLabel row={row} onToggle={props.onToggleGroup} />
        ) : (
          <Aggregate row={row} column={column} />
        )}
      </div>
    ))
  return (
    <div
      id={`run-grid-row-${index}`}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={row.kind === 'run' ? selected : undefined}
      aria-level={row.kind === 'run' ? row.depth + 1 : 1}
      aria-expanded={row.kind === 'group' ? row.expanded : row.childCount > 0 ? row.expanded : undefined}
      data-run-id={runId}
      className={[
        'run-grid-row',
        row.kind === 'group' ? 'run-grid-group' : '',
        row.kind === 'run' && row.context ? 'run-grid-context' : '',
        selected ? 'is-selected' : '',
        props.active ? 'is-active' : '',
        props.highlighted ? 'is-highlighted' : '',
        props.eyeOff ? 'is-eye-off' : '',
      ].join(' ')}
      style={{ transform: `translateY(${props.top}px)`, width: layout.totalWidth }}
      onClick={() => {
        props.onActivate(index)
      }}
      onMouseEnter={
        props.listActions === undefined || runId === undefined
          ? undefined
          : () => {
              props.listActions?.onHoverRun(runId)
            }
      }
    >
      <div className="run-grid-pinned" style={{ width: layout.pinnedWidth }}>
        {props.listActions !== undefined && (
          <div role="gridcell" className="run-grid-cell run-list-cell" style={{ width: RUN_LIST_WIDTH }}>
            {row.kind === 'run' && (
              <RunListButtons
                row={row}
                actions={props.listActions}
                eyeOff={props.eyeOff}
                pinned={props.runPinned}
                color={props.color}
              />
            )}
          </div>
        )}
        <div role="gridcell" className="run-grid-cell run-grid-check" style={{ width: CHECKBOX_WIDTH }}>
          {row.kind === 'run' && (
            <input
              type="checkbox"
              aria-label={`Select ${row.run.info.runName || row.run.info.runId}`}
              checked={selected}
              tabIndex={-1}
              onClick={(event: MouseEvent<HTMLInputElement>) => {
                event.stopPropagation()
                props.onActivate(index)
                props.onToggleSelect(row.run.info.runId, { range: event.shiftKey, rowIndex: index })
              }}
              readOnly
            />
          )}
        </div>
        {cells(layout.pinned, layout.pinnedWidths)}
      </div>
      <div style={{ width: layout.leftSpacer, flex: 'none' }} />
      {cells(layout.scrolling, layout.scrollingWidths)}
    </div>
  )
})

function EyeIcon({ off }: { off: boolean }) {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
      <path
        d="M1 8s2.5-5 7-5 7 5 7 5-2.5 5-7 5-7-5-7-5z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
      />
      <circle cx="8" cy="8" r="2.4" fill={off ? 'none' : 'currentColor'} stroke="currentColor" />
      {off && <path d="M2 14 14 2" stroke="currentColor" strokeWidth="1.5" />}
    </svg>
  )
}

/** The eye (shown on the charts, in the run's colour) and the pin of one run of the run list. */
function RunListButtons({
  row,
  actions,
  eyeOff,
  pinned,
  color,
}: {
  row: RunRow
  actions: RunListActions
  eyeOff: boolean
  pinned: boolean
  color: string | undefined
}) {
  const runId = row.run.info.runId
  const name = row.run.info.runName || runId
  return (
    <>
      <button
        type="button"
        className="run-eye"
        tabIndex={-1}
        aria-pressed={!eyeOff}
        aria-label={eyeOff ? `Show ${name} on the charts` : `Hide ${name} from the charts`}
        title={eyeOff ? 'Hidden from the charts: click to show' : 'On the charts: click to hide'}
        style={eyeOff || color === undefined ? undefined : { color }}
        onClick={(event) => {
          event.stopPropagation()
          actions.onToggleHidden(runId)
        }}
      >
        <EyeIcon off={eyeOff} />
      </button>
      <button
        type="button"
        className={pinned ? 'run-pin is-pinned' : 'run-pin'}
        tabIndex={-1}
        aria-pressed={pinned}
        aria-label={pinned ? `Unpin ${name}` : `Pin ${name}`}
        title={pinned ? 'Pinned to the top of the list: click to unpin' : 'Pin to the top of the list'}
        onClick={(event) => {
          event.stopPropagation()
          actions.onTogglePinned(runId)
        }}
      >
        <PinIcon pinned={pinned} />
      </button>
    </>
  )
}

/** A drawn pin: an emoji depends on the system's fonts, and some (Debian's Chromium) have none. */
function PinIcon({ pinned }: { pinned: boolean }) {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
      <path
        d="M5.5 1.5h5l-1 4 2.5 2.5v1.5H4V8l2.5-2.5z"
        fill={pinned ? 'currentColor' : 'none'}
        stroke="currentColor"
        strokeWidth="1.3"
        strokeLinejoin="round"
      />
      <path d="M8 9.5v5" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
    </svg>
  )
}

interface Band {
  group: ColumnRef['group']
  label: string
  start: number
  width: number
}

const BAND_LABELS: Record<ColumnRef['group'], string> = {
  attributes: 'Attributes',
  params: 'Params',
  metrics: 'Metrics',
  tags: 'Tags',
}

/** Runs of adjacent columns of one group among the rendered ones get a band above their headers. */
function groupBands(
  columns: readonly ColumnRef[],
  first: number,
  last: number,
  offsets: readonly number[],
): Band[] {
  const bands: Band[] = []
  for (let index = first; index <= last; index++) {
    const column = columns[index]
    if (column === undefined) continue
    const width = (offsets[index + 1] ?? 0) - (offsets[index] ?? 0)
    const previous = bands[bands.length - 1]
    if (previous?.group === column.group) previous.width += width
    else bands.push({ group: column.group, label: BAND_LABELS[column.group], start: index, width })
  }
  return bands
}

function HeaderCell({
  column,
  width,
  sort,
  onSort,
  onResizeStart,
  resizingDelta,
}: {
  column: ColumnRef | undefined
  width: number
  sort: RunSort | undefined
  onSort: (columnId: string) => void
  onResizeStart: (event: unknown) => void
  resizingDelta: number | null | undefined
}) {
  if (column === undefined) return null
  const id = columnId(column)
  const label = columnLabel(column)
  const sorted = sort?.column === id
  return (
    <div
      role="columnheader"
      className={`run-grid-cell run-grid-header${column.group === 'metrics' ? ' is-number' : ''}`}
      style={{ width }}
      aria-sort={sorted ? (sort.descending ? 'descending' : 'ascending') : 'none'}
      title={id}
    >
      {/* Not a tab stop of its own: the grid is one; keyboard users sort from the Sort menu. */}
      <button
        type="button"
        className="sort-button"
        tabIndex={-1}
        onClick={() => {
          onSort(id)
        }}
        aria-label={`Sort by ${label}${column.group === 'attributes' ? '' : ` (${column.group})`}`}
      >
        <span className="header-label">{label}</span>
        <span aria-hidden="true">{sorted ? (sort.descending ? ' ↓' : ' ↑') : ''}</span>
      </button>
      <div
        className={`resize-handle${resizingDelta != null ? ' is-resizing' : ''}`}
        role="separator"
        aria-orientation="vertical"
        aria-label={`Resize ${label}`}
        onMouseDown={onResizeStart}
        onTouchStart={onResizeStart}
        style={resizingDelta != null ? { transform: `translateX(${resizingDelta}px)` } : undefined}
      />
    </div>
  )
}

function NameCell({
  row,
  onToggleExpand,
  children,
}: {
  row: RunRow
  onToggleExpand: (runId: string) => void
  children: ReactNode
}) {
  const name = row.run.info.runName || row.run.info.runId
  return (
    <span className="name-cell" style={{ paddingLeft: row.depth * 16 }}>
      {row.childCount > 0 ? (
        <button
          type="button"
          className="expander"
          tabIndex={-1}
          aria-label={`${row.expanded ? 'Collapse' : 'Expand'} ${name} (${row.childCount} child run${row.childCount === 1 ? '' : 's'})`}
          onClick={(event) => {
            event.stopPropagation()
            onToggleExpand(row.run.info.runId)
          }}
        >
          {row.expanded ? '▾' : '▸'}
        </button>
      ) : (
        <span className="expander-space" aria-hidden="true" />
      )}
      {children}
      {row.childCount > 0 && !row.expanded && <span className="child-count">{row.childCount}</span>}
      {row.context && <span className="context-note"> (parent)</span>}
    </span>
  )
}

function GroupLabel({ row, onToggle }: { row: GroupRow; onToggle: (groupId: string) => void }) {
  const label = `${columnLabel(row.column)} = ${row.value ?? '(none)'}`
  return (
    <button
      type="button"
      className="group-toggle"
      tabIndex={-1}
      aria-label={`${row.expanded ? 'Collapse' : 'Expand'} group ${label} (${row.runs.length} runs)`}
      onClick={(event) => {
        event.stopPropagation()
        onToggle(row.groupId)
      }}
    >
      {row.expanded ? '▾' : '▸'} {label} <span className="child-count">{row.runs.length}</span>
    </button>
  )
}

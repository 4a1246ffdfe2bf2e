/**
 * The diff table's pointer and keyboard behaviour, delegated from the <table> so that 30,000 cells
 * carry no handlers of their own:
 * - the hovered or focused cell shows a copy button (only those cells render one). The hovered
 *   cell is not forgotten when the pointer leaves the table: CSS shows a cell's button only while
 *   the cell is hovered or holds focus, which also keeps a click landing on the button it aimed at;
 * - the table is one tab stop: arrow keys, Home and End move between cells (scrolling a column
 *   that is not rendered into view first), Tab leaves (or enters the focused cell's buttons), and
 *   the last focused cell is where Tab comes back to;
 * - Enter or Ctrl/⌘+C on a focused cell copies its value, as does its copy button;
 * - clicks on a metric row's direction toggle reach `onFlip`.
 */

import {
  useEffect,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
} from 'react'

export interface CellAddress {
  readonly rowId: string
  /** 0 = the key column; i + 1 = run i. */
  readonly col: number
}

export interface CopyResult extends CellAddress {
  readonly ok: boolean
}

/** How long a copy button says "Copied". */
const COPIED_MS = 1500

function sameAddress(a: CellAddress | undefined, b: CellAddress | undefined): boolean {
  return a?.rowId === b?.rowId && a?.col === b?.col
}

function cellElement(target: EventTarget | null): HTMLTableCellElement | undefined {
  if (!(target instanceof Element)) return undefined
  const cell = target.closest('td[data-col], th[data-col]')
  return cell instanceof HTMLTableCellElement ? cell : undefined
}

function addressOf(cell: HTMLTableCellElement | undefined): CellAddress | undefined {
  const rowId = cell?.parentElement?.dataset.rowId
  const col = Number(cell?.dataset.col)
  return rowId === undefined || !Number.isInteger(col) ? undefined : { rowId, col }
}

/** The next row that holds values, skipping section titles, folded counts and spacers. */
function dataRowFrom(row: Element | null, step: 'up' | 'down'): HTMLTableRowElement | undefined {
  let next = row
  do next = step === 'up' ? (next?.previousElementSibling ?? null) : (next?.nextElementSibling ?? null)
  while (next !== null && !(next instanceof HTMLTableRowElement && next.dataset.rowId !== undefined))
  return next ?? undefined
}

function cellIn(row: HTMLTableRowElement, col: number): HTMLTableCellElement | undefined {
  for (const cell of row.cells) if (cell.dataset.col === String(col)) return cell
  return undefined
}

function findCell(table: HTMLTableElement, { rowId, col }: CellAddress): HTMLTableCellElement | undefined {
  for (const body of table.tBodies)
    for (const row of body.rows) if (row.dataset.rowId === rowId) return cellIn(row, col)
  return undefined
}

/** Where a navigation key moves from a cell; undefined for other keys or past an edge. */
function destination(
  cell: HTMLTableCellElement,
  key: string,
  lastColumn: number,
): { row: HTMLTableRowElement; col: number } | undefined {
  const row = cell.parentElement
  const col = Number(cell.dataset.col)
  if (!(row instanceof HTMLTableRowElement)) return undefined
  const across = (next: number) => (next >= 0 && next <= lastColumn ? { row, col: next } : undefined)
  if (key === 'ArrowLeft') return across(col - 1)
  if (key === 'ArrowRight') return across(col + 1)
  if (key === 'Home') return across(0)
  if (key === 'End') return across(lastColumn)
  if (key !== 'ArrowUp' && key !== 'ArrowDown') return undefined
  const next = dataRowFrom(row, key === 'ArrowUp' ? 'up' : 'down')
  return next === undefined ? undefined : { row: next, col }
}

function hasTextSelection(): boolean {
  const selection = window.getSelection()
  return selection !== null && !selection.isCollapsed
}

export interface RunDiffInteraction {
  hover: CellAddress | undefined
  focus: CellAddress | undefined
  /** The cell that was focused last, the table's tab stop; undefined = the first cell. */
  tabStop: CellAddress | undefined
  copied: CopyResult | undefined
  handlers: {
    onPointerOver: (event: PointerEvent<HTMLTableElement>) => void
    onFocus: (event: FocusEvent<HTMLTableElement>) => void
    onBlur: (event: FocusEvent<HTMLTableElement>) => void
    onKeyDown: (event: KeyboardEvent<HTMLTableElement>) => void
    onClick: (event: MouseEvent<HTMLTableElement>) => void
  }
}

export interface RunDiffInteractionOptions {
  /** What copying a cell puts on the clipboard; undefined: nothing to copy. */
  copyText: (cell: CellAddress) => string | undefined
  /** Toggles a metric's better direction. */
  onFlip: ((metricKey: string) => void) | undefined
  /** The last column (the number of runs). */
  lastColumn: number
  /** Brings a run's column into the rendered window. */
  scrollToRun: (run: number) => void
}

export function useRunDiffInteraction({
  copyText,
  onFlip,
  lastColumn,
  scrollToRun,
}: RunDiffInteractionOptions): RunDiffInteraction {
  const [hover, setHover] = useState<CellAddress>()
  const [focus, setFocus] = useState<CellAddress>()
  const [tabStop, setTabStop] = useState<CellAddress>()
  const [copied, setCopied] = useState<CopyResult>()
  // A cell keyboard focus is heading for whose column is not rendered yet: focused once it is.
  const pendingFocus = useRef<{ table: HTMLTableElement; cell: CellAddress }>(undefined)

  useEffect(() => {
    const pending = pendingFocus.current
    if (pending === undefined) return
    const cell = findCell(pending.table, pending.cell)
    if (cell === undefined) return
    pendingFocus.current = undefined
    cell.focus()
  })

  useEffect(() => {
    if (copied === undefined) return
    const timer = setTimeout(() => {
      setCopied(undefined)
    }, COPIED_MS)
    return () => {
      clearTimeout(timer)
    }
  }, [copied])

  const copy = async (cell: CellAddress) => {
    const text = copyText(cell)
    if (text === undefined) return
    try {
      await navigator.clipboard.writeText(text)
      setCopied({ ...cell, ok: true })
    } catch {
      // No clipboard (an insecure origin) or permission refused.
      setCopied({ ...cell, ok: false })
    }
  }

  const handlers: RunDiffInteraction['handlers'] = {
    onPointerOver: (event) => {
      const next = addressOf(cellElement(event.target))
      setHover((current) => (sameAddress(current, next) ? current : next))
    },
    onFocus: (event) => {
      const next = addressOf(cellElement(event.target))
      if (next === undefined) return
      setFocus((current) => (sameAddress(current, next) ? current : next))
      setTabStop((current) => (sameAddress(current, next) ? current : next))
    },
    onBlur: (event) => {
      const to = event.relatedTarget
      if (to instanceof Node && event.currentTarget.contains(to) && cellElement(to) !== undefined) return
      setFocus(undefined)
    },
    onKeyDown: (event) => {
      const cell = cellElement(event.target)
      // Keys typed on a cell's own buttons keep their usual meaning.
      if (cell === undefined || cell !== event.target) return
      const to = destination(cell, event.key, lastColumn)
      if (to !== undefined) {
        event.preventDefault()
        const target = cellIn(to.row, to.col)
        const rowId = to.row.dataset.rowId
        if (target !== undefined) target.focus()
        else if (rowId !== undefined && to.col > 0) {
          pendingFocus.current = { table: event.currentTarget, cell: { rowId, col: to.col } }
          scrollToRun(to.col - 1)
        }
        return
      }
      const address = addressOf(cell)
      const copyKey =
        event.key === 'Enter' ||
        ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'c' && !hasTextSelection())
      if (address !== undefined && copyKey) {
        event.preventDefault()
        void copy(address)
      }
    },
    onClick: (event) => {
      if (!(event.target instanceof Element)) return
      const button = event.target.closest('button[data-copy], button[data-flip]')
      if (!(button instanceof HTMLButtonElement)) return
      const flip = button.dataset.flip
      if (flip !== undefined) {
        onFlip?.(flip)
        return
      }
      const address = addressOf(cellElement(button))
      if (address !== undefined) void copy(address)
    },
  }

  return { hover, focus, tabStop, copied, handlers }
}

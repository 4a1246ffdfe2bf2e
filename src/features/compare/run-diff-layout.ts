/**
 * The diff table's geometry, virtualised both ways: a hundred runs by a few hundred keys would be
 * 30,000 cells to lay out, so only the rows and run columns near the viewport are rendered, with
 * spacers standing in for the rest. Sizes are fixed (no measuring): rows by their kind, run columns
 * all one width (sharing the viewport when few runs fit, scrolling across when many).
 */

import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect } from 'react'

/** px; run-diff.css sizes cells to fit one line of 14px text, or two where a delta sits under the value. */
export const HEADER_HEIGHT = 52
export const ROW_HEIGHT = 30
export const TWO_LINE_ROW_HEIGHT = 46
export const KEY_WIDTH = 240
const MIN_RUN_WIDTH = 160
/** Rendered beyond the viewport on each side: arrow keys always find the next cell in the DOM. */
const ROW_OVERSCAN = 12
const COLUMN_OVERSCAN = 2

export interface RowWindow {
  /** Indexes into the body's items, in order. */
  readonly indexes: readonly number[]
  readonly sizes: readonly number[]
  readonly spaceAbove: number
  readonly spaceBelow: number
}

export interface ColumnWindow {
  /** The run columns rendered: runs first..last (inclusive); last < first when none. */
  readonly first: number
  readonly last: number
  readonly spaceLeft: number
  readonly spaceRight: number
  readonly runWidth: number
  readonly tableWidth: number
}

function runWidthFor(viewport: number | undefined, runCount: number): number {
  if (viewport === undefined || runCount === 0) return MIN_RUN_WIDTH
  return Math.max(Math.floor((viewport - KEY_WIDTH) / runCount), MIN_RUN_WIDTH)
}

export function useRunDiffLayout(
  scroller: HTMLDivElement | null,
  itemCount: number,
  itemHeight: (index: number) => number,
  itemKey: (index: number) => string,
  runCount: number,
): { rows: RowWindow; columns: ColumnWindow; scrollToRun: (run: number) => void } {
  const rowVirtualizer = useVirtualizer({
    count: itemCount,
    getScrollElement: () => scroller,
    estimateSize: itemHeight,
    getItemKey: itemKey,
    overscan: ROW_OVERSCAN,
    scrollMargin: HEADER_HEIGHT,
  })
  const runWidth = runWidthFor(rowVirtualizer.scrollRect?.width, runCount)
  const columnVirtualizer = useVirtualizer({
    horizontal: true,
    count: runCount,
    getScrollElement: () => scroller,
    estimateSize: () => runWidth,
    overscan: COLUMN_OVERSCAN,
    scrollMargin: KEY_WIDTH,
  })
  // Sizes are estimates the virtualiser caches: drop them when the heights or the width change.
  useEffect(() => {
    rowVirtualizer.measure()
  }, [rowVirtualizer, itemHeight])
  useEffect(() => {
    columnVirtualizer.measure()
  }, [columnVirtualizer, runWidth])

  const rowItems = rowVirtualizer.getVirtualItems()
  const top = rowItems[0]
  const bottom = rowItems[rowItems.length - 1]
  const columnItems = columnVirtualizer.getVirtualItems()
  const first = columnItems[0]?.index ?? 0
  const last = columnItems[columnItems.length - 1]?.index ?? -1
  return {
    rows: {
      indexes: rowItems.map((item) => item.index),
      sizes: rowItems.map((item) => item.size),
      spaceAbove: top === undefined ? 0 : top.start - HEADER_HEIGHT,
      spaceBelow: bottom === undefined ? 0 : rowVirtualizer.getTotalSize() - (bottom.end - HEADER_HEIGHT),
    },
    columns: {
      first,
      last,
      spaceLeft: first * runWidth,
      spaceRight: Math.max(runCount - 1 - last, 0) * runWidth,
      runWidth,
      tableWidth: KEY_WIDTH + runCount * runWidth,
    },
    scrollToRun: (run) => {
      columnVirtualizer.scrollToIndex(run, { align: 'auto' })
    },
  }
}

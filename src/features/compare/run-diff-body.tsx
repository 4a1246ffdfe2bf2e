import {
  compareRow,
  DIFF_SECTION_TITLES,
  DIFF_SECTIONS,
  rowDirection,
  type DiffRow,
  type DiffSection,
} from '@/domain/runs/run-diff'
import type { CellAddress, CopyResult } from './run-diff-interaction'
import { ROW_HEIGHT, TWO_LINE_ROW_HEIGHT, type ColumnWindow, type RowWindow } from './run-diff-layout'
import { RunDiffRow } from './run-diff-row'

/** What the body lists, top to bottom: each section's title, its rows, and the count of rows folded. */
export type BodyItem =
  | {
      readonly type: 'section'
      readonly key: string
      readonly section: DiffSection
      readonly total: number
      readonly differing: number
    }
  | { readonly type: 'row'; readonly key: string; readonly index: number }
  | { readonly type: 'folded'; readonly key: string; readonly hidden: number }

export function bodyItems(
  rows: readonly DiffRow[],
  rowIds: readonly string[],
  onlyDifferences: boolean,
): BodyItem[] {
  return DIFF_SECTIONS.flatMap((section): BodyItem[] => {
    const indexes = rows.flatMap((row, index) => (row.section === section ? [index] : []))
    if (indexes.length === 0) return []
    const differing = indexes.filter((index) => rows[index]?.differs === true)
    const shown = onlyDifferences ? differing : indexes
    const hidden = indexes.length - shown.length
    const items: BodyItem[] = [
      {
        type: 'section',
        key: `section:${section}`,
        section,
        total: indexes.length,
        differing: differing.length,
      },
      ...shown.map((index): BodyItem => ({ type: 'row', key: rowIds[index] ?? String(index), index })),
    ]
    if (hidden > 0) items.push({ type: 'folded', key: `folded:${section}`, hidden })
    return items
  })
}

/** px: metric and duration rows show deltas under their values; a param row may say "same value". */
export function rowHeight(row: DiffRow, baseline: number): number {
  if (row.values.length < 2) return ROW_HEIGHT
  const twoLines =
    row.kind === 'metric' ||
    row.kind === 'duration' ||
    (row.kind === 'text' && compareRow(row, baseline, undefined).some((cell) => cell?.sameNumber === true))
  return twoLines ? TWO_LINE_ROW_HEIGHT : ROW_HEIGHT
}

interface RunDiffBodyProps {
  items: readonly BodyItem[]
  rows: readonly DiffRow[]
  window: RowWindow
  columns: ColumnWindow
  baseline: number
  flipped: ReadonlySet<string>
  canFlip: boolean
  runNames: readonly string[]
  idPrefix: string
  hover: CellAddress | undefined
  focus: CellAddress | undefined
  tabStop: CellAddress | undefined
  copied: CopyResult | undefined
}

/** The rendered window of the diff's items, with spacer rows standing in for the others. */
export function RunDiffBody({
  items,
  rows,
  window,
  columns,
  baseline,
  flipped,
  canFlip,
  runNames,
  idPrefix,
  hover,
  focus,
  tabStop,
  copied,
}: RunDiffBodyProps) {
  const gapLeft = columns.spaceLeft > 0
  const gapRight = columns.spaceRight > 0
  const colSpan = 1 + Math.max(columns.last - columns.first + 1, 0) + (gapLeft ? 1 : 0) + (gapRight ? 1 : 0)

  // The table's one tab stop: the cell focused last while it is rendered, else the first value
  // cell rendered.
  const rendered = window.indexes.flatMap((position) => {
    const item = items[position]
    return item?.type === 'row' ? [item.key] : []
  })
  const stopCol = tabStop?.col ?? 0
  const tabStopCell: CellAddress | undefined =
    tabStop !== undefined &&
    rendered.includes(tabStop.rowId) &&
    (stopCol === 0 || (stopCol - 1 >= columns.first && stopCol - 1 <= columns.last))
      ? tabStop
      : rendered[0] === undefined
        ? undefined
        : { rowId: rendered[0], col: columns.last >= columns.first ? columns.first + 1 : 0 }
  const colIn = (cell: CellAddress | undefined, rowId: string) =>
    cell?.rowId === rowId ? cell.col : undefined

  return (
    <tbody>
      {window.spaceAbove > 0 && <Spacer height={window.spaceAbove} colSpan={colSpan} />}
      {window.indexes.map((position, offset) => {
        const item = items[position]
        if (item === undefined) return null
        const height = window.sizes[offset] ?? ROW_HEIGHT
        if (item.type === 'section')
          return (
            <tr key={item.key} className="run-diff-section" style={{ height }}>
              <th scope="rowgroup" colSpan={colSpan}>
                <span className="run-diff-section-title">
                  {DIFF_SECTION_TITLES[item.section]}{' '}
                  <span className="muted">
                    {item.differing} of {item.total} differ
                  </span>
                </span>
              </th>
            </tr>
          )
        if (item.type === 'folded')
          return (
            <tr key={item.key} className="run-diff-folded" style={{ height }}>
              <td colSpan={colSpan} className="muted">
                <span className="run-diff-section-title">
                  {item.hidden} identical {item.hidden === 1 ? 'row' : 'rows'} hidden
                </span>
              </td>
            </tr>
          )
        const row = rows[item.index]
        if (row === undefined) return null
        return (
          <RunDiffRow
            key={item.key}
            row={row}
            rowId={item.key}
            height={height}
            firstRun={columns.first}
            lastRun={columns.last}
            gapLeft={gapLeft}
            gapRight={gapRight}
            idPrefix={`${idPrefix}-${item.index}`}
            baseline={baseline}
            direction={rowDirection(row, flipped)}
            canFlip={canFlip}
            showStatus={runNames.length === 2}
            runNames={runNames}
            hoverCol={colIn(hover, item.key)}
            focusCol={colIn(focus, item.key)}
            tabStopCol={colIn(tabStopCell, item.key)}
            copiedCol={colIn(copied, item.key)}
            copyFailed={copied?.rowId === item.key && !copied.ok}
          />
        )
      })}
      {window.spaceBelow > 0 && <Spacer height={window.spaceBelow} colSpan={colSpan} />}
    </tbody>
  )
}

function Spacer({ height, colSpan }: { height: number; colSpan: number }) {
  return (
    <tr className="run-diff-spacer" aria-hidden="true" style={{ height }}>
      <td colSpan={colSpan} />
    </tr>
  )
}

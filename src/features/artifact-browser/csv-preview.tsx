import { useVirtualizer } from '@tanstack/react-virtual'
import { useMemo, useRef, useState } from 'react'
import { parseDelimited, type Delimiter } from '@/domain/artifacts/parse-delimited'
import { cellSortKeys, sortKeyComparator } from '@/domain/runs/run-columns'
import './previews.css'

const ROW_HEIGHT = 28

export function CsvPreview({ text, delimiter }: { text: string; delimiter: Delimiter }) {
  const table = useMemo(() => parseDelimited(text, delimiter), [text, delimiter])
  return <TablePreview columns={table.columns} rows={table.rows} warning={table.warning} />
}

export interface TablePreviewProps {
  columns: readonly string[]
  rows: readonly (readonly string[])[]
  /** Shown above the table, for input that was not read cleanly. */
  warning?: string | undefined
}

interface Sort {
  column: number
  descending: boolean
}

/** A read-only, virtualised table with a sticky header; clicking a header sorts by it. */
export function TablePreview({ columns, rows, warning }: TablePreviewProps) {
  const [sort, setSort] = useState<Sort | undefined>(undefined)
  const order = useMemo(() => sortedOrder(rows, sort), [rows, sort])
  const scroller = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: order.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]
  const last = items[items.length - 1]
  const paddingTop = first?.start ?? 0
  const paddingBottom = last === undefined ? 0 : virtualizer.getTotalSize() - last.end

  const toggle = (column: number) => {
    setSort((current) =>
      current?.column !== column
        ? { column, descending: false }
        : current.descending
          ? undefined
          : { column, descending: true },
    )
  }

  return (
    <div className="table-preview">
      <p className="preview-meta">
        {countLabel(rows.length, 'row')} × {countLabel(columns.length, 'column')}
      </p>
      {warning !== undefined && (
        <p className="preview-warning" role="status">
          {warning}
        </p>
      )}
      <div
        ref={scroller}
        className="table-preview-scroller"
        tabIndex={0}
        role="region"
        aria-label="Table contents"
      >
        <table className="table-preview-table">
          <thead>
            <tr>
              {columns.map((name, index) => {
                const active = sort?.column === index
                const direction = active ? (sort.descending ? 'descending' : 'ascending') : undefined
                return (
                  <th key={index} scope="col" aria-sort={direction ?? 'none'}>
                    <button
                      type="button"
                      className="table-preview-sort"
                      onClick={() => {
                        toggle(index)
                      }}
                      title={`Sort by ${name}`}
                    >
                      {name === '' ? <span className="preview-muted">(unnamed)</span> : name}
                      <span aria-hidden="true" className="table-preview-arrow">
                        {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : ''}
                      </span>
                    </button>
                  </th>
                )
              })}
            </tr>
          </thead>
          <tbody>
            {paddingTop > 0 && (
              <tr aria-hidden="true">
                <td colSpan={columns.length} style={{ height: paddingTop, padding: 0, border: 0 }} />
              </tr>
            )}
            {items.map((item) => {
              const row = rows[order[item.index] ?? 0]
              return (
                <tr key={item.key} style={{ height: ROW_HEIGHT }}>
                  {columns.map((_name, c) => (
                    <td key={c}>{row?.[c] ?? ''}</td>
                  ))}
                </tr>
              )
            })}
            {paddingBottom > 0 && (
              <tr aria-hidden="true">
                <td colSpan={columns.length} style={{ height: paddingBottom, padding: 0, border: 0 }} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  )
}

/** Row positions in display order: file order, or sorted by one column (empty cells last). */
function sortedOrder(rows: readonly (readonly string[])[], sort: Sort | undefined): number[] {
  const order = rows.map((_row, index) => index)
  if (sort === undefined) return order
  const keys = cellSortKeys(
    rows.map((row) => {
      const value = row[sort.column]
      return value === undefined || value.trim() === '' ? undefined : value
    }),
  )
  const compare = sortKeyComparator(keys, sort.descending)
  // Equal values keep file order (Array.prototype.sort is stable).
  return order.sort(compare)
}

function countLabel(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`
}

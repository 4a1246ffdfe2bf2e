/** What a chart shows, as CSV: for spreadsheets and pandas (`pd.read_csv(...).pivot(...)`). */

import { csvTextField } from '../runs/runs-csv'
import type { XY } from './chart-series'

const CRLF = '\r\n'

/**
 * Long format: a header `series,<xLabel>,value`, then one record per point in the given order.
 * RFC 4180 like the runs export (CRLF after every record, fields with `,` `"` or line breaks
 * quoted, quotes doubled; names starting with = + - @ defused against formula injection). Numbers
 * as JavaScript prints them: `NaN`, `Infinity`, `-Infinity` spelled out, never left empty.
 */
export function chartCsv(lines: readonly { name: string; points: readonly XY[] }[], xLabel: string): string {
  const records: string[] = [`series,${csvTextField(xLabel)},value`]
  for (const { name, points } of lines) {
    const field = csvTextField(name)
    for (const { x, y } of points) records.push(`${field},${x},${y}`)
  }
  return records.join(CRLF) + CRLF
}

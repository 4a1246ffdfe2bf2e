/**
 * Delimited text (CSV, TSV) and MLflow's `log_table` JSON, shaped as one table for preview.
 * The parser follows RFC 4180: quoted fields, `""` inside quotes for a quote, delimiters and line
 * breaks inside quotes, CRLF or LF line ends. It never throws: malformed input yields what parsed
 * plus a message.
 */

/** A table ready to show: the first row of a file is its header. */
export interface DelimitedTable {
  readonly columns: readonly string[]
  readonly rows: readonly (readonly string[])[]
  /** Why the input was not read cleanly, if it was not; the rows are still what could be read. */
  readonly warning?: string
}

export type Delimiter = ',' | '\t'

const QUOTE = 34
const CR = 13
const LF = 10

/** Splits text into records of fields; `warning` is set when a quoted field never closes. */
export function parseDelimitedRecords(
  text: string,
  delimiter: Delimiter,
): { records: string[][]; warning?: string } {
  const records: string[][] = []
  const delim = delimiter.charCodeAt(0)
  const length = text.length
  let record: string[] = []
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  let warning: string | undefined
  let strayQuoteLine: number | undefined

  while (i < length) {
    let field: string
    if (text.charCodeAt(i) === QUOTE) {
      // Quoted field: read up to the closing quote, turning `""` into `"`.
      let value = ''
      let start = i + 1
      let closed = false
      let j = start
      while (j < length) {
        const next = text.indexOf('"', j)
        if (next < 0) break
        if (text.charCodeAt(next + 1) === QUOTE) {
          value += text.slice(start, next + 1)
          j = next + 2
          start = j
          continue
        }
        value += text.slice(start, next)
        j = next + 1
        closed = true
        break
      }
      if (!closed) {
        value += text.slice(start)
        warning = `A quoted field in record ${String(records.length + 1)} never closes; the rest of the file was read into it.`
        record.push(value)
        records.push(record)
        return { records, warning }
      }
      // Text between the closing quote and the next delimiter is kept, as most readers do.
      let end = j
      while (end < length) {
        const c = text.charCodeAt(end)
        if (c === delim || c === LF || c === CR) break
        end++
      }
      if (end > j) strayQuoteLine ??= records.length + 1
      field = value + text.slice(j, end)
      i = end
    } else {
      let end = i
      while (end < length) {
        const c = text.charCodeAt(end)
        if (c === delim || c === LF || c === CR) break
        end++
      }
      field = text.slice(i, end)
      i = end
    }
    record.push(field)
    if (i >= length) break
    const c = text.charCodeAt(i)
    if (c === delim) {
      i++
      // A delimiter at the very end means one more, empty, field.
      if (i >= length) record.push('')
      continue
    }
    // Line end: CRLF, LF, or a lone CR.
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1
    records.push(record)
    record = []
  }
  if (record.length > 0) records.push(record)
  if (strayQuoteLine !== undefined && warning === undefined) {
    warning = `Text follows a closing quote in record ${String(strayQuoteLine)}; it was kept as part of the field.`
  }
  return warning === undefined ? { records } : { records, warning }
}

/**
 * Parses CSV or TSV with a header row into a table. Blank lines are skipped; rows shorter than the
 * header are padded, longer ones widen the table with unnamed columns.
 */
export function parseDelimited(text: string, delimiter: Delimiter): DelimitedTable {
  const { records, warning } = parseDelimitedRecords(text, delimiter)
  const nonBlank = records.filter((r) => !(r.length === 1 && r[0] === ''))
  const [header, ...body] = nonBlank
  if (header === undefined) return withWarning({ columns: [], rows: [] }, warning)
  let width = header.length
  let ragged = 0
  for (const row of body) {
    if (row.length !== header.length) ragged++
    if (row.length > width) width = row.length
  }
  const columns = [...header]
  for (let c = header.length; c < width; c++) columns.push(`column ${String(c + 1)}`)
  const rows = body.map((row) => (row.length < width ? padRow(row, width) : row))
  const messages = [warning]
  if (ragged > 0) {
    messages.push(
      `${ragged.toLocaleString('en-US')} ${ragged === 1 ? 'row has' : 'rows have'} a different number of fields than the header.`,
    )
  }
  return withWarning({ columns, rows }, joinMessages(messages))
}

/**
 * Reads MLflow's `log_table` JSON (pandas "split" orient: `{"columns": [...], "data": [[...]]}`)
 * into a table; `undefined` when the value does not have that shape.
 */
export function tableFromLoggedJson(json: unknown): DelimitedTable | undefined {
  if (!isRecord(json)) return undefined
  const { columns, data } = json
  if (!Array.isArray(columns) || !Array.isArray(data)) return undefined
  const names = columns.map(cellText)
  let skipped = 0
  const rows: string[][] = []
  for (const row of data) {
    if (!Array.isArray(row)) {
      skipped++
      continue
    }
    const cells = row.map(cellText)
    rows.push(cells.length < names.length ? padRow(cells, names.length) : cells)
  }
  const width = rows.reduce((w, r) => Math.max(w, r.length), names.length)
  for (let c = names.length; c < width; c++) names.push(`column ${String(c + 1)}`)
  return withWarning(
    { columns: names, rows },
    skipped > 0 ? `${String(skipped)} entries in "data" were not rows and were skipped.` : undefined,
  )
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value)
  return JSON.stringify(value)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function padRow(row: readonly string[], width: number): string[] {
  const padded = [...row]
  while (padded.length < width) padded.push('')
  return padded
}

function joinMessages(messages: readonly (string | undefined)[]): string | undefined {
  const present = messages.filter((m): m is string => m !== undefined)
  return present.length === 0 ? undefined : present.join(' ')
}

function withWarning(table: DelimitedTable, warning: string | undefined): DelimitedTable {
  return warning === undefined ? table : { ...table, warning }
}

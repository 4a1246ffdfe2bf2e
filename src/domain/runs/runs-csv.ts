/** The runs table as CSV, for spreadsheets and pandas. */

import { cellValue, columnId, columnLabel, finiteNumberText, type ColumnRef } from './run-columns'
import type { Run } from './run'

const CRLF = '\r\n'
const NEEDS_QUOTES = /[",\r\n]/
/** Spreadsheets read a cell starting with one of these as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/
/** `Date` only holds ±8.64e15 ms. */
const MAX_DATE_MS = 8.64e15

/** RFC 4180 quoting. */
function quoted(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** A text field: formulas defused (unless the text is a number), then quoted. */
export function csvTextField(text: string): string {
  return quoted(FORMULA_START.test(text) && finiteNumberText(text) === undefined ? `'${text}` : text)
}

/** ISO 8601 duration: `PT1H2M3.5S`, `PT0.25S`, `-PT5S`. */
export function isoDuration(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms)
  const sign = ms < 0 ? '-' : ''
  const total = Math.round(Math.abs(ms))
  const hours = Math.floor(total / 3_600_000)
  const minutes = Math.floor((total % 3_600_000) / 60_000)
  const seconds = (total % 60_000) / 1000
  let text = 'PT'
  if (hours > 0) text += `${hours}H`
  if (minutes > 0) text += `${minutes}M`
  if (seconds > 0 || text === 'PT') text += `${seconds}S`
  return sign + text
}

function isoTime(ms: number): string {
  return Number.isFinite(ms) && Math.abs(ms) <= MAX_DATE_MS ? new Date(ms).toISOString() : String(ms)
}

/** Text from the run defused and quoted; numbers as JavaScript prints them (NaN, Infinity, -Infinity). */
function textField(text: string | undefined): string {
  return text === undefined ? '' : csvTextField(text)
}

/** One field writer per column, chosen once rather than per cell. */
function fieldWriter(ref: ColumnRef): (run: Run) => string {
  const { group, key } = ref
  switch (group) {
    case 'params':
      return (run) => textField(run.params[key])
    case 'tags':
      return (run) => textField(run.tags[key])
    case 'metrics':
      return (run) => {
        const metric = run.metrics[key]
        return metric === undefined ? '' : String(metric.value)
      }
    case 'attributes':
      return (run) => {
        const value = cellValue(run, ref)
        if (value === undefined) return ''
        if (typeof value === 'string') return csvTextField(value)
        if (key === 'start_time') return isoTime(value)
        if (key === 'duration') return isoDuration(value)
        return String(value)
      }
  }
}

/** Attribute labels as in the table; params, metrics and tags as `params.lr` so keys never clash. */
function headerText(ref: ColumnRef): string {
  return ref.group === 'attributes' ? columnLabel(ref) : columnId(ref)
}

/**
 * RFC 4180 (CRLF after every record, quotes doubled), a header row, times as ISO 8601 (start as
 * `2026-01-05T09:00:00.000Z`, duration as `PT1H2M3S`), NaN/Infinity spelled out, and text that
 * starts with = + - @ (tab, CR) and is not a number prefixed with ' against formula injection.
 */
export function runsToCsv(runs: readonly Run[], columns: readonly ColumnRef[]): string {
  const lines: string[] = [columns.map((ref) => csvTextField(headerText(ref))).join(',')]
  const writers = columns.map(fieldWriter)
  const fields = new Array<string>(writers.length)
  for (const run of runs) {
    for (let index = 0; index < writers.length; index++) fields[index] = writers[index]?.(run) ?? ''
    lines.push(fields.join(','))
  }
  return lines.join(CRLF) + CRLF
}

/**
 * The values a sweep chart plots: a column id (`params.lr`, `metrics.val_loss`,
 * `attributes.start_time`) read per run with the runs table's own `cellValue`, and whether the column
 * is numeric or categorical. Params are strings on the wire, so a param whose every value spells a
 * number (`0.001`, `1e-4`, `64`) is numeric.
 */

import type { Run } from '../runs/run'
import {
  cellValue,
  columnLabel,
  compareCellValues,
  finiteNumberText,
  parseColumnId,
  type CellValue,
} from '../runs/run-columns'

export type SweepAxisKind = 'numeric' | 'categorical'

/** The value each run has in a column (undefined for an unknown column id or a run without one). */
export function columnValues(runs: readonly Run[], id: string): CellValue[] {
  const ref = parseColumnId(id)
  if (ref === undefined) return runs.map(() => undefined)
  return runs.map((run) => cellValue(run, ref))
}

/** The value of one run in a column. */
export function runColumnValue(run: Run, id: string): CellValue {
  const ref = parseColumnId(id)
  return ref === undefined ? undefined : cellValue(run, ref)
}

/** A finite number, or text spelling one; undefined otherwise (NaN, ±Infinity, other text, missing). */
export function numericValue(value: CellValue): number | undefined {
  if (value === undefined) return undefined
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined
  return finiteNumberText(value)
}

/** The text a categorical axis shows for a value (numbers as written, NaN as `NaN`). */
export function categoryOf(value: CellValue): string | undefined {
  return value === undefined ? undefined : String(value)
}

/**
 * Numeric when every present value is a number or spells one (NaN and infinities, which metrics may
 * hold, do not make a column categorical); categorical as soon as one value is other text. A column
 * with no values at all is categorical (there is nothing to scale).
 */
export function detectAxisKind(values: readonly CellValue[]): SweepAxisKind {
  let numbers = 0
  for (const value of values) {
    if (value === undefined) continue
    if (typeof value === 'number') {
      numbers += 1
      continue
    }
    if (finiteNumberText(value) === undefined) return 'categorical'
    numbers += 1
  }
  return numbers > 0 ? 'numeric' : 'categorical'
}

export interface NumericAxis {
  readonly kind: 'numeric'
  readonly id: string
  readonly label: string
  /** Over the finite values; undefined when there are none. */
  readonly min: number | undefined
  readonly max: number | undefined
  /** Smallest value above zero (what a log axis can start at). */
  readonly minPositive: number | undefined
}

export interface CategoricalAxis {
  readonly kind: 'categorical'
  readonly id: string
  readonly label: string
  /** Distinct values in natural order (numbers numerically, then text). */
  readonly categories: readonly string[]
}

export type SweepAxis = NumericAxis | CategoricalAxis

/** An axis over the values of one column (its label as the runs table shows it). */
export function buildAxis(id: string, values: readonly CellValue[]): SweepAxis {
  const ref = parseColumnId(id)
  const label = ref === undefined ? id : columnLabel(ref)
  if (detectAxisKind(values) === 'categorical') {
    const distinct = new Set<string>()
    for (const value of values) {
      const category = categoryOf(value)
      if (category !== undefined) distinct.add(category)
    }
    return {
      kind: 'categorical',
      id,
      label,
      categories: [...distinct].sort(compareCellValues),
    }
  }
  let min: number | undefined
  let max: number | undefined
  let minPositive: number | undefined
  for (const value of values) {
    const number = numericValue(value)
    if (number === undefined) continue
    if (min === undefined || number < min) min = number
    if (max === undefined || number > max) max = number
    if (number > 0 && (minPositive === undefined || number < minPositive)) minPositive = number
  }
  return { kind: 'numeric', id, label, min, max, minPositive }
}

/**
 * A value's position on an axis: the number itself on a numeric axis, the category's index on a
 * categorical one; undefined when it has no place there.
 */
export function axisPosition(axis: SweepAxis, value: CellValue): number | undefined {
  if (axis.kind === 'numeric') return numericValue(value)
  const category = categoryOf(value)
  if (category === undefined) return undefined
  const index = axis.categories.indexOf(category)
  return index === -1 ? undefined : index
}

/** Category index lookups for many runs: a Map instead of indexOf per value. */
export function categoryIndex(axis: CategoricalAxis): ReadonlyMap<string, number> {
  return new Map(axis.categories.map((category, index) => [category, index]))
}

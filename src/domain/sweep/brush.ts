/**
 * Brushes filter runs: a run passes when its value on every brushed column is inside that brush (a
 * numeric interval, inclusive, or a set of categories). A run without a value on a brushed column, or
 * with a brush on a column id that names nothing, does not pass.
 */

import type { Run } from '../runs/run'
import { cellValue, parseColumnId, type CellValue } from '../runs/run-columns'
import type { SweepBrush, SweepBrushes } from './sweep-chart'
import { categoryOf, numericValue } from './sweep-values'

/** Whether one value is inside one brush. */
export function brushContains(brush: SweepBrush, value: CellValue): boolean {
  if (brush.kind === 'range') {
    const number = numericValue(value)
    return number !== undefined && number >= brush.min && number <= brush.max
  }
  const category = categoryOf(value)
  return category !== undefined && brush.values.includes(category)
}

/** A predicate for many runs, with the column ids parsed once. */
export function compileBrushes(brushes: SweepBrushes): (run: Run) => boolean {
  const checks = Object.entries(brushes).map(([id, brush]) => {
    const ref = parseColumnId(id)
    const categories = brush.kind === 'categories' ? new Set(brush.values) : undefined
    return (run: Run): boolean => {
      if (ref === undefined) return false
      const value = cellValue(run, ref)
      if (categories === undefined) return brushContains(brush, value)
      const category = categoryOf(value)
      return category !== undefined && categories.has(category)
    }
  })
  return (run) => checks.every((check) => check(run))
}

export function runPassesBrushes(run: Run, brushes: SweepBrushes): boolean {
  return compileBrushes(brushes)(run)
}

/** The runs that pass every brush, in their order (the same array when there is no brush). */
export function filterRunsByBrushes(runs: readonly Run[], brushes: SweepBrushes): readonly Run[] {
  if (Object.keys(brushes).length === 0) return runs
  return runs.filter(compileBrushes(brushes))
}

/** The brushes without the one on `id` (clearing one axis). */
export function withoutBrush(brushes: SweepBrushes, id: string): SweepBrushes {
  return Object.fromEntries(Object.entries(brushes).filter(([key]) => key !== id))
}

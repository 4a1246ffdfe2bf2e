/**
 * One colour per run, the same on every chart, in the diff and in the legend. A run's
 * `mlflow.runColor` tag (set by MLflow's UI colour picker, `#rrggbb`) wins; the others take the
 * palette in the order given, skipping colours already claimed by a tag while any remain.
 */

import { SYSTEM_TAGS, type Run } from './run'

/** Tableau 10, distinguishable in light and dark mode, then ten more of similar weight. */
export const RUN_PALETTE: readonly string[] = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#17becf',
  '#bcbd22',
  '#7f7f7f',
  '#ff7f0e',
]

const HEX_COLOR = /^#[0-9a-f]{6}$/i

export function runColorTag(run: Run): string | undefined {
  const tag = run.tags[SYSTEM_TAGS.runColor]?.trim()
  return tag !== undefined && HEX_COLOR.test(tag) ? tag.toLowerCase() : undefined
}

/** runId -> colour, for runs in display order. */
export function assignRunColors(runs: readonly Run[]): Map<string, string> {
  const colors = new Map<string, string>()
  const claimed = new Set<string>()
  for (const run of runs) {
    const tag = runColorTag(run)
    if (tag !== undefined) {
      colors.set(run.info.runId, tag)
      claimed.add(tag)
    }
  }
  const free = RUN_PALETTE.filter((color) => !claimed.has(color))
  const palette = free.length > 0 ? free : RUN_PALETTE
  let next = 0
  for (const run of runs) {
    if (colors.has(run.info.runId)) continue
    colors.set(run.info.runId, palette[next % palette.length] ?? '#4e79a7')
    next++
  }
  return colors
}

/**
 * Which runs the sweep view lists and charts. In order: the table's filter (the runs come filtered
 * and in table order), the first N, hide finished, then pins (a pinned run stays, first, whatever N
 * and "hide finished" say) and eyes (a run whose eye is off stays listed but leaves the charts), then
 * the brushes (which filter the list and every chart).
 */

import type { Run } from '../runs/run'
import { compileBrushes } from './brush'
import type { SweepBrushes } from './sweep-chart'

export interface VisibilityOptions {
  /** Keep only the first N runs of the table; undefined: all. */
  first: number | undefined
  /** Leave out runs whose status is FINISHED. */
  hideFinished: boolean
  /** Run ids whose eye is off. */
  hidden: ReadonlySet<string>
  /** Run ids pinned to the top of the list. */
  pinned: ReadonlySet<string>
  brushes: SweepBrushes
}

export interface SweepVisibility {
  /** The run list: pinned runs first, then the rest in table order, brushes applied. */
  listed: readonly Run[]
  /** What the parallel coordinates draw: listed before the brushes, without the eye-hidden runs. */
  unbrushed: readonly Run[]
  /** What every other chart draws: `unbrushed` with the brushes applied. */
  visible: readonly Run[]
}

export function sweepVisibility(runs: readonly Run[], options: VisibilityOptions): SweepVisibility {
  const { first, hideFinished, hidden, pinned } = options
  const head = first === undefined ? runs : runs.slice(0, first)
  const kept = hideFinished ? head.filter((run) => run.info.status !== 'FINISHED') : head
  const pinnedRuns = pinned.size === 0 ? [] : runs.filter((run) => pinned.has(run.info.runId))
  const inList =
    pinnedRuns.length === 0 ? kept : [...pinnedRuns, ...kept.filter((run) => !pinned.has(run.info.runId))]
  const unbrushed = hidden.size === 0 ? inList : inList.filter((run) => !hidden.has(run.info.runId))
  if (Object.keys(options.brushes).length === 0) return { listed: inList, unbrushed, visible: unbrushed }
  const passes = compileBrushes(options.brushes)
  const listed = inList.filter(passes)
  const visible = hidden.size === 0 ? listed : listed.filter((run) => !hidden.has(run.info.runId))
  return { listed, unbrushed, visible }
}

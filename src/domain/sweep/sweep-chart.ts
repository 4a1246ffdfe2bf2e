/**
 * The sweep view's charts: what each chart shows, as the URL keeps it. Fields are run-table column
 * ids (`params.lr`, `metrics.val_loss`, `attributes.start_time`; see runs/run-columns.ts), so the
 * charts and the table speak of the same values.
 */

import type { Run } from '../runs/run'

export type SweepChartType = 'line' | 'bar' | 'scatter' | 'parallel' | 'box' | 'importance'

/** Which value of a metric a bar shows: the latest logged, or min or max of its sampled history. */
export type BarAggregate = 'latest' | 'min' | 'max'

export type SweepChartConfig =
  | { type: 'line'; id: string; metricKeys: readonly string[] }
  | { type: 'bar'; id: string; metricKey: string; aggregate: BarAggregate }
  | {
      type: 'scatter'
      id: string
      /** A column id: a param, metric or attribute. */
      x: string
      /** A column id, usually a metric. */
      y: string
      xLog: boolean
      yLog: boolean
      trend: boolean
    }
  | {
      type: 'parallel'
      id: string
      /** Column ids, left to right. */
      axes: readonly string[]
      /** The column id whose value colours each line; undefined: run colours. */
      colorBy: string | undefined
    }
  | { type: 'box'; id: string; metricKey: string; paramKey: string }
  | { type: 'importance'; id: string; metricKey: string }

/**
 * A brush on one axis of the parallel coordinates (or any chart that filters): a numeric interval,
 * inclusive, or a set of category values. Keyed by column id. A run passes when it passes every brush;
 * a run without a value on a brushed axis does not pass.
 */
export type SweepBrush =
  { kind: 'range'; min: number; max: number } | { kind: 'categories'; values: readonly string[] }

export type SweepBrushes = Readonly<Record<string, SweepBrush>>

/**
 * What every sweep chart component receives. `runs` are the visible runs (the table's filter, the
 * visibility eyes and the brushes already applied), in table order.
 */
export interface SweepChartInput {
  runs: readonly Run[]
  /** run id -> colour, the same as the table's swatches. */
  colors: ReadonlyMap<string, string>
  /** The run hovered anywhere on the page (a table row or a chart mark). */
  highlightedRunId: string | undefined
  onHoverRun: (runId: string | undefined) => void
}

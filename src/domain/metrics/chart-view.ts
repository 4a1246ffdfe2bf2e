/**
 * What the compare page's charts show, as plain values the URL holds (see `url-state/compare-state.ts`).
 */

/** Step: the logged step. Relative: seconds since the run's first point of that metric. Wall: the clock. */
export type ChartXAxis = 'step' | 'relative' | 'wall'
export const CHART_X_AXES: readonly ChartXAxis[] = ['step', 'relative', 'wall']

export type ChartYScale = 'linear' | 'log'

/** How a group's spread is drawn around its mean line. */
export type GroupBand = 'minmax' | 'std'

/** An x range the user zoomed to, in the units of the x axis (steps, ms since start, epoch ms). */
export interface XRange {
  start: number
  end: number
}

export interface ChartView {
  /** Metric keys to chart, in order; undefined = the page's defaults, empty = none. */
  metrics: readonly string[] | undefined
  /** All picked metrics on one chart instead of one chart each. */
  combined: boolean
  xAxis: ChartXAxis
  yScale: ChartYScale
  /** Scale the y axis to the bulk of the data (outliers may leave the plot). */
  ignoreOutliers: boolean
  /** EMA weight in [0, 0.99]; 0 = off. */
  smoothing: number
  /** A run column id (`params.lr`, `tags.team`) to aggregate runs by; undefined = one line per run. */
  groupBy: string | undefined
  band: GroupBand
  /** Shared by every chart; undefined = the whole range. */
  zoom: XRange | undefined
}

export const DEFAULT_CHART_VIEW: ChartView = {
  metrics: undefined,
  combined: false,
  xAxis: 'step',
  yScale: 'linear',
  ignoreOutliers: false,
  smoothing: 0,
  groupBy: undefined,
  band: 'minmax',
  zoom: undefined,
}

/**
 * One logged value of a metric. `step` is the user's x-axis position (an epoch, a batch index);
 * values logged without a step land on step 0. `value` may be NaN or ±Infinity.
 */
export interface MetricPoint {
  step: number
  /** Epoch milliseconds when the value was logged. */
  timestamp: number
  value: number
}

/** A point of a sampled multi-run history, which says which run it belongs to. */
export interface RunMetricPoint extends MetricPoint {
  runId: string
}

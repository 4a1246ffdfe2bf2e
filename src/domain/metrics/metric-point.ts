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

/**
 * A whole metric history in columns: 24 bytes a point instead of a ~60-byte object, so ten
 * 100,000-step histories stay near 24 MB and move to a worker without copying.
 */
export interface MetricColumns {
  steps: Float64Array
  timestamps: Float64Array
  values: Float64Array
}

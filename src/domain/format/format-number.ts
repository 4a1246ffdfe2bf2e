/**
 * A metric value for a table cell: up to 6 significant digits, exponent notation for very large or
 * small magnitudes, and NaN and the infinities spelled out (MLflow logs them).
 */
export function formatMetricValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN'
  if (value === Number.POSITIVE_INFINITY) return '∞'
  if (value === Number.NEGATIVE_INFINITY) return '−∞'
  if (value === 0) return '0'
  const magnitude = Math.abs(value)
  if (magnitude >= 1e7 || magnitude < 1e-4) return value.toExponential(3)
  if (Number.isInteger(value)) return String(value)
  return String(Number(value.toPrecision(6)))
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'] as const

/**
 * A file size for people: `512 B`, `1.2 MB`, `20 MB`. Units are powers of 1024 (what MLflow's
 * 50 MiB preview limit and most file browsers count in) with the short, familiar names. One decimal
 * below 10 of a unit, whole numbers above; a size that rounds up to 1024 moves to the next unit.
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—'
  if (bytes < 1024) return `${Math.round(bytes)} B`
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024
    unit += 1
  }
  let shown = value < 10 ? Math.round(value * 10) / 10 : Math.round(value)
  if (shown >= 1024 && unit < UNITS.length - 1) {
    shown = 1
    unit += 1
  }
  return `${String(shown)} ${UNITS[unit] ?? 'B'}`
}

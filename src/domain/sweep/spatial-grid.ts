/**
 * A uniform grid over points in pixel space, for hover hit-testing: the nearest point to the pointer
 * within a radius looks only at the cells the radius touches, so thousands of points cost a handful
 * of comparisons per pointer move.
 */

export interface SpatialGrid {
  /** Index of the nearest point within `radius` of (x, y), or -1. Ties go to the later point (drawn on top). */
  nearest(x: number, y: number, radius: number): number
  readonly size: number
}

/**
 * Indexes points (xs[i], ys[i]); a point with a non-finite coordinate is left out. `cellSize` about
 * the hover radius keeps lookups to the 3×3 cells around the pointer.
 */
export function buildSpatialGrid(xs: ArrayLike<number>, ys: ArrayLike<number>, cellSize = 16): SpatialGrid {
  const count = Math.min(xs.length, ys.length)
  const cell = cellSize > 0 ? cellSize : 16
  let minX = Number.POSITIVE_INFINITY
  let minY = Number.POSITIVE_INFINITY
  let maxX = Number.NEGATIVE_INFINITY
  let maxY = Number.NEGATIVE_INFINITY
  for (let index = 0; index < count; index++) {
    const x = xs[index] ?? Number.NaN
    const y = ys[index] ?? Number.NaN
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue
    if (x < minX) minX = x
    if (x > maxX) maxX = x
    if (y < minY) minY = y
    if (y > maxY) maxY = y
  }
  if (minX > maxX) return { nearest: () => -1, size: 0 }
  const columns = Math.floor((maxX - minX) / cell) + 1
  const rows = Math.floor((maxY - minY) / cell) + 1
  // Counting sort into cells: `starts[c]..starts[c + 1]` are the cell's entries in `entries`.
  const cellOf = new Int32Array(count).fill(-1)
  const starts = new Int32Array(columns * rows + 1)
  let size = 0
  for (let index = 0; index < count; index++) {
    const x = xs[index] ?? Number.NaN
    const y = ys[index] ?? Number.NaN
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue
    const c = Math.floor((y - minY) / cell) * columns + Math.floor((x - minX) / cell)
    cellOf[index] = c
    starts[c + 1] = (starts[c + 1] ?? 0) + 1
    size += 1
  }
  for (let c = 0; c < columns * rows; c++) starts[c + 1] = (starts[c + 1] ?? 0) + (starts[c] ?? 0)
  const fill = starts.slice(0, columns * rows)
  const entries = new Int32Array(size)
  for (let index = 0; index < count; index++) {
    const c = cellOf[index] ?? -1
    if (c === -1) continue
    const at = fill[c] ?? 0
    entries[at] = index
    fill[c] = at + 1
  }
  return {
    size,
    nearest(x, y, radius) {
      const c0 = Math.max(0, Math.floor((x - radius - minX) / cell))
      const c1 = Math.min(columns - 1, Math.floor((x + radius - minX) / cell))
      const r0 = Math.max(0, Math.floor((y - radius - minY) / cell))
      const r1 = Math.min(rows - 1, Math.floor((y + radius - minY) / cell))
      let best = -1
      let bestDistance = radius * radius
      for (let row = r0; row <= r1; row++) {
        for (let column = c0; column <= c1; column++) {
          const c = row * columns + column
          const end = starts[c + 1] ?? 0
          for (let at = starts[c] ?? 0; at < end; at++) {
            const index = entries[at] ?? 0
            const dx = (xs[index] ?? 0) - x
            const dy = (ys[index] ?? 0) - y
            const distance = dx * dx + dy * dy
            if (distance < bestDistance || (distance === bestDistance && index > best)) {
              best = index
              bestDistance = distance
            }
          }
        }
      }
      return best
    },
  }
}

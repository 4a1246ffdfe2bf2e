/**
 * A sequential colour scale (viridis, readable on light and dark backgrounds) for colouring lines by
 * a value, quantised to a few steps so that a chart strokes one path per colour.
 */

const VIRIDIS: readonly (readonly [number, number, number])[] = [
  [68, 1, 84],
  [72, 40, 120],
  [62, 74, 137],
  [49, 104, 142],
  [38, 130, 142],
  [31, 158, 137],
  [53, 183, 121],
  [109, 205, 89],
  [180, 222, 44],
  [253, 231, 37],
]

/** How many distinct colours the scale hands out. */
export const COLOR_STEPS = 16

function hex(value: number): string {
  return Math.round(Math.max(0, Math.min(255, value)))
    .toString(16)
    .padStart(2, '0')
}

/** The colour at t in 0..1 (clamped; NaN gives the low end). */
export function sequentialColor(t: number): string {
  const clamped = Number.isFinite(t) ? Math.max(0, Math.min(1, t)) : 0
  const position = clamped * (VIRIDIS.length - 1)
  const index = Math.min(Math.floor(position), VIRIDIS.length - 2)
  const fraction = position - index
  const low = VIRIDIS[index] ?? [0, 0, 0]
  const high = VIRIDIS[index + 1] ?? low
  return `#${hex(low[0] + (high[0] - low[0]) * fraction)}${hex(low[1] + (high[1] - low[1]) * fraction)}${hex(low[2] + (high[2] - low[2]) * fraction)}`
}

const QUANTISED = Array.from({ length: COLOR_STEPS }, (_, step) => sequentialColor(step / (COLOR_STEPS - 1)))

/** The nearest of the COLOR_STEPS colours to t. */
export function quantisedColor(t: number): string {
  const clamped = Number.isFinite(t) ? Math.max(0, Math.min(1, t)) : 0
  return QUANTISED[Math.round(clamped * (COLOR_STEPS - 1))] ?? sequentialColor(clamped)
}

/** Stops for a CSS gradient legend, low to high. */
export function colorStops(count = 6): string[] {
  return Array.from({ length: count }, (_, index) => sequentialColor(index / Math.max(count - 1, 1)))
}

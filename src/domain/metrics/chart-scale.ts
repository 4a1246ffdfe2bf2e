/**
 * Maps data values to pixels and back, the same way the chart library does for a linear or log
 * axis with an explicit domain, so an overlay drawn by us (hover, zoom box, NaN markers) lines up
 * with the lines it draws.
 */

import type { ChartYScale } from './chart-view'

export interface PixelScale {
  toPixel: (value: number) => number
  fromPixel: (pixel: number) => number
}

export function makeScale(
  domain: readonly [number, number],
  range: readonly [number, number],
  kind: ChartYScale = 'linear',
): PixelScale {
  const forward = kind === 'log' ? Math.log10 : (value: number) => value
  const inverse = kind === 'log' ? (value: number) => 10 ** value : (value: number) => value
  const d0 = forward(domain[0])
  const d1 = forward(domain[1])
  const span = d1 - d0 === 0 ? 1 : d1 - d0
  const [r0, r1] = range
  return {
    toPixel: (value) => r0 + ((forward(value) - d0) / span) * (r1 - r0),
    fromPixel: (pixel) => inverse(d0 + ((pixel - r0) / (r1 - r0 === 0 ? 1 : r1 - r0)) * span),
  }
}

/**
 * About `count` round tick values inside the domain (1, 2 or 5 times a power of ten apart); on a
 * log scale, the powers of ten inside it (or the nice linear ticks when it spans less than one).
 */
export function niceTicks(
  domain: readonly [number, number],
  count = 5,
  kind: ChartYScale = 'linear',
): number[] {
  const [low, high] = domain[0] <= domain[1] ? domain : [domain[1], domain[0]]
  if (!Number.isFinite(low) || !Number.isFinite(high)) return []
  if (kind === 'log' && low > 0) {
    const ticks: number[] = []
    for (let power = Math.ceil(Math.log10(low)); power <= Math.floor(Math.log10(high)); power++)
      ticks.push(10 ** power)
    if (ticks.length >= 2) return ticks
  }
  if (high === low) return [low]
  const rough = (high - low) / Math.max(count, 1)
  const magnitude = 10 ** Math.floor(Math.log10(rough))
  const step =
    [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough) ?? rough
  const ticks: number[] = []
  for (let tick = Math.ceil(low / step) * step; tick <= high + step * 1e-9; tick += step)
    // Rounded to the step's precision, so 0.1 + 0.2 prints as 0.3.
    ticks.push(Number(tick.toPrecision(12)))
  return ticks
}

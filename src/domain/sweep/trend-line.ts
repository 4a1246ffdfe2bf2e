/**
 * A least-squares line through scatter points. On a log axis the fit is made in log10 space, so the
 * line is straight on the chart as drawn (a power law on log-log axes). r² says how much of the
 * variance of y (in that space) the line explains.
 */

export interface TrendLine {
  /** y' = slope · x' + intercept, where x' and y' are log10 of the values on log axes. */
  readonly slope: number
  readonly intercept: number
  /** Coefficient of determination, 0..1 (1 when every point is on the line). */
  readonly r2: number
  /** Points used (those with a place on both axes). */
  readonly n: number
  /** The line's y at an x (both in data units). */
  predict(x: number): number
}

export interface TrendOptions {
  xLog?: boolean
  yLog?: boolean
}

/**
 * The fit through the points (xs[i], ys[i]); points with a non-finite value, or ≤ 0 on a log axis,
 * are left out. Undefined with fewer than two points or when every x is the same.
 */
export function fitTrendLine(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  options: TrendOptions = {},
): TrendLine | undefined {
  const xLog = options.xLog === true
  const yLog = options.yLog === true
  const count = Math.min(xs.length, ys.length)
  let n = 0
  let sumX = 0
  let sumY = 0
  const tx: number[] = []
  const ty: number[] = []
  for (let index = 0; index < count; index++) {
    let x = xs[index] ?? Number.NaN
    let y = ys[index] ?? Number.NaN
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue
    if (xLog) {
      if (x <= 0) continue
      x = Math.log10(x)
    }
    if (yLog) {
      if (y <= 0) continue
      y = Math.log10(y)
    }
    tx.push(x)
    ty.push(y)
    sumX += x
    sumY += y
    n += 1
  }
  if (n < 2) return undefined
  const meanX = sumX / n
  const meanY = sumY / n
  let sxx = 0
  let sxy = 0
  let syy = 0
  for (let index = 0; index < n; index++) {
    const dx = (tx[index] ?? 0) - meanX
    const dy = (ty[index] ?? 0) - meanY
    sxx += dx * dx
    sxy += dx * dy
    syy += dy * dy
  }
  if (sxx === 0) return undefined
  const slope = sxy / sxx
  const intercept = meanY - slope * meanX
  // With every y equal the line is exact.
  const r2 = syy === 0 ? 1 : Math.min(1, Math.max(0, (sxy * sxy) / (sxx * syy)))
  return {
    slope,
    intercept,
    r2,
    n,
    predict: (x) => {
      const xt = xLog ? Math.log10(x) : x
      const yt = slope * xt + intercept
      return yLog ? 10 ** yt : yt
    },
  }
}

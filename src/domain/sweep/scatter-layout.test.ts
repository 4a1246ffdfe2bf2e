import { describe, expect, it } from 'vitest'
import { makeRun } from '@/testing/make-run'
import { JITTER_SPREAD, layoutScatter } from './scatter-layout'

const MARGIN = { top: 0, right: 0, bottom: 0, left: 0 }
const runs = [
  makeRun({ runId: 'a', params: { lr: '0.001', opt: 'adam' }, metrics: { acc: 0.5 } }),
  makeRun({ runId: 'b', params: { lr: '0.01', opt: 'sgd' }, metrics: { acc: 0.7 } }),
  makeRun({ runId: 'c', params: { lr: '0.1', opt: 'adam' }, metrics: { acc: 0.9 } }),
  makeRun({ runId: 'd', params: { opt: 'sgd' }, metrics: { acc: 0.1 } }),
]
const base = { x: 'params.lr', y: 'metrics.acc', xLog: false, yLog: false, trend: false }

describe('layoutScatter', () => {
  it('places the runs that have both values, leaving out the others', () => {
    const layout = layoutScatter(runs, base, { width: 100, height: 100, margin: MARGIN })
    expect(layout.runIds).toEqual(['a', 'b', 'c'])
    expect(layout.omitted).toBe(1)
    expect([...layout.runIndex]).toEqual([0, 1, 2])
    // Higher values sit higher (smaller y).
    expect(layout.ys[2]).toBeLessThan(layout.ys[0] ?? 0)
    expect(layout.xAxis).toMatchObject({ kind: 'numeric', label: 'lr' })
  })

  it('spaces log-spaced values evenly on a log axis', () => {
    const layout = layoutScatter(runs, { ...base, xLog: true }, { width: 100, height: 100, margin: MARGIN })
    expect(layout.xScale.kind).toBe('log')
    const [a = 0, b = 0, c = 0] = layout.xs
    expect(b - a).toBeCloseTo(c - b, 3)
  })

  it('jitters categorical points inside their band, the same way every time', () => {
    const config = { ...base, x: 'params.opt' }
    const layout = layoutScatter(runs, config, { width: 200, height: 100, margin: MARGIN })
    expect(layout.xAxis).toMatchObject({ kind: 'categorical', categories: ['adam', 'sgd'] })
    const adam = [layout.xs[0] ?? 0, layout.xs[2] ?? 0]
    for (const x of adam) expect(Math.abs(x - 50)).toBeLessThanOrEqual((JITTER_SPREAD * 100) / 2)
    expect(layout.xs[3]).toBeGreaterThan(100)
    expect([...layoutScatter(runs, config, { width: 200, height: 100, margin: MARGIN }).xs]).toEqual([
      ...layout.xs,
    ])
  })

  it('draws the trend line across the x domain, fitted in log space on a log axis', () => {
    const layout = layoutScatter(
      runs,
      { ...base, xLog: true, trend: true },
      { width: 100, height: 100, margin: MARGIN },
    )
    expect(layout.trend?.line.r2).toBeCloseTo(1)
    expect(layout.trend?.line.n).toBe(3)
    expect(layout.trend?.x1).toBeCloseTo(0)
    expect(layout.trend?.x2).toBeCloseTo(100)
  })

  it('has no trend line over a categorical axis', () => {
    const layout = layoutScatter(runs, { ...base, x: 'params.opt', trend: true }, { width: 100, height: 100 })
    expect(layout.trend).toBeUndefined()
  })
})

import { describe, expect, it } from 'vitest'
import { DEFAULT_CHART_VIEW } from '@/domain/metrics/chart-view'
import { parseCompareState, serializeCompareState, type CompareView } from './compare-state'

const parse = (query: string) => parseCompareState(new URLSearchParams(query))

describe('compare state', () => {
  it('round-trips every setting', () => {
    const view: CompareView = {
      runIds: ['a', 'b', 'c'],
      diff: 'all',
      baseline: 'b',
      flipped: ['lr'],
      charts: {
        metrics: ['loss', 'val,loss'],
        combined: true,
        xAxis: 'relative',
        yScale: 'log',
        ignoreOutliers: true,
        smoothing: 0.6,
        groupBy: 'params.lr',
        band: 'std',
        zoom: { start: -5, end: 900.5 },
      },
      artifact: 'images/sample+step+3+timestamp+1+a.png',
      artifactStep: -2,
      chartFilter: 'val loss',
    }
    expect(parseCompareState(serializeCompareState(view))).toEqual(view)
  })

  it('leaves defaults out of the URL', () => {
    const view = parse('runs=a,b')
    expect(view.charts).toEqual(DEFAULT_CHART_VIEW)
    expect(serializeCompareState(view).toString()).toBe('runs=a%2Cb')
  })

  it('falls back to defaults for bad values', () => {
    const view = parse('x=sideways&y=sqrt&smooth=5&group=lr&band=x&zoom=9~1&diff=maybe')
    expect(view.charts.xAxis).toBe('step')
    expect(view.charts.yScale).toBe('linear')
    expect(view.charts.smoothing).toBe(0.99)
    expect(view.charts.groupBy).toBeUndefined()
    expect(view.charts.band).toBe('minmax')
    expect(view.charts.zoom).toBeUndefined()
    expect(view.diff).toBeUndefined()
  })

  it('tells no metrics (an empty list) from the defaults (no list)', () => {
    expect(parse('runs=a').charts.metrics).toBeUndefined()
    expect(parse('runs=a&metrics=').charts.metrics).toEqual([])
    expect(serializeCompareState(parse('runs=a&metrics=')).toString()).toBe('runs=a&metrics=')
  })

  it('reads a zoom written with a dash, including negative starts', () => {
    expect(parse('zoom=10-20').charts.zoom).toEqual({ start: 10, end: 20 })
    expect(parse('zoom=-10~20').charts.zoom).toEqual({ start: -10, end: 20 })
  })

  it('keeps the artifact compared side by side, and its image step only with it', () => {
    const view = parse('runs=a,b&artifact=config%2Fparams.yaml&step=12')
    expect([view.artifact, view.artifactStep]).toEqual(['config/params.yaml', 12])
    expect(serializeCompareState(view).toString()).toBe('runs=a%2Cb&artifact=config%2Fparams.yaml&step=12')
    expect(parse('artifact=&step=x')).toMatchObject({ artifact: undefined, artifactStep: undefined })
    expect(parse('step=1.5').artifactStep).toBeUndefined()
    expect(serializeCompareState({ ...view, artifact: undefined }).toString()).toBe('runs=a%2Cb')
  })

  it('keeps at most 100 distinct runs', () => {
    const ids = Array.from({ length: 120 }, (_, i) => `r${i}`)
    expect(parse(`runs=${ids.join(',')},r0`).runIds).toHaveLength(100)
  })
})

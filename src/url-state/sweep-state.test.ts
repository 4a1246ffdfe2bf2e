import { describe, expect, it } from 'vitest'
import type { SweepChartConfig } from '@/domain/sweep/sweep-chart'
import {
  DEFAULT_SWEEP_VIEW,
  keepSweepParams,
  mergeSweepState,
  parseSweepState,
  serializeSweepState,
  withChartIds,
  type SweepView,
} from './sweep-state'

const parse = (query: string) => parseSweepState(new URLSearchParams(query))

type Chart = SweepChartConfig extends infer C ? (C extends SweepChartConfig ? Omit<C, 'id'> : never) : never
const charts = (...list: Chart[]) => withChartIds(list)

describe('sweep view URL state', () => {
  it.each<[string, Partial<SweepView>]>([
    ['', {}],
    ['charts=1', { open: true }],
    ['charts=yes&first=0&first=-2&finished=show', {}],
    ['first=abc', {}],
    ['first=2.5', {}],
    ['first=50', { first: 50 }],
    ['finished=hide', { hideFinished: true }],
    ['hidden=a1,b2,,a1&pinned=c3', { hidden: ['a1', 'b2'], pinned: ['c3'] }],
    [
      'chart=scatter:params.lr:metrics.acc:logx:trend',
      {
        charts: charts({
          type: 'scatter',
          x: 'params.lr',
          y: 'metrics.acc',
          xLog: true,
          yLog: false,
          trend: true,
        }),
      },
    ],
    [
      'chart=parallel:params.lr,params.opt,metrics.acc:color=metrics.acc',
      {
        charts: charts({
          type: 'parallel',
          axes: ['params.lr', 'params.opt', 'metrics.acc'],
          colorBy: 'metrics.acc',
        }),
      },
    ],
    ['chart=line:val_loss,acc', { charts: charts({ type: 'line', metricKeys: ['val_loss', 'acc'] }) }],
    ['chart=bar:acc:max', { charts: charts({ type: 'bar', metricKey: 'acc', aggregate: 'max' }) }],
    ['chart=bar:acc:median', { charts: charts({ type: 'bar', metricKey: 'acc', aggregate: 'latest' }) }],
    ['chart=box:acc:optimizer', { charts: charts({ type: 'box', metricKey: 'acc', paramKey: 'optimizer' }) }],
    ['chart=importance:acc', { charts: charts({ type: 'importance', metricKey: 'acc' }) }],
    ['chart=none', { charts: [] }],
    // Every chart bad: the defaults, not an empty view.
    ['chart=pie:acc&chart=scatter:lr:acc&chart=line:', {}],
    ['chart=pie:acc&chart=importance:acc', { charts: charts({ type: 'importance', metricKey: 'acc' }) }],
    ['brush=metrics.acc:0.8:0.95', { brushes: { 'metrics.acc': { kind: 'range', min: 0.8, max: 0.95 } } }],
    ['brush=metrics.acc:0.95:0.8', { brushes: { 'metrics.acc': { kind: 'range', min: 0.8, max: 0.95 } } }],
    [
      'brush=params.opt:in:adam,sgd',
      { brushes: { 'params.opt': { kind: 'categories', values: ['adam', 'sgd'] } } },
    ],
    ['brush=metrics.acc:x:1&brush=lr:0:1&brush=metrics.acc:1&brush=metrics.a::1&brush=params.o:in:', {}],
  ])('parses %s', (query, expected) => {
    expect(parse(query)).toEqual({ ...DEFAULT_SWEEP_VIEW, ...expected })
  })

  it.each<Partial<SweepView>>([
    {},
    { open: true, first: 20, hideFinished: true, hidden: ['a', 'b'], pinned: ['c'] },
    {
      charts: charts(
        { type: 'parallel', axes: ['params.a:b', 'params.c,d', 'metrics.100%'], colorBy: 'metrics.x:y' },
        { type: 'scatter', x: 'params.lr', y: 'metrics.val: loss', xLog: false, yLog: true, trend: false },
        { type: 'line', metricKeys: ['a,b', 'c'] },
        { type: 'bar', metricKey: 'a:b', aggregate: 'min' },
        { type: 'box', metricKey: 'acc', paramKey: 'opt:1' },
        { type: 'importance', metricKey: 'acc' },
      ),
    },
    { charts: [] },
    {
      brushes: {
        'metrics.a:b': { kind: 'range', min: -1e-5, max: 3 },
        'params.o,p': { kind: 'categories', values: ['x,y', 'z:w', '100%'] },
      },
    },
  ])('round-trips %j', (change) => {
    const view = { ...DEFAULT_SWEEP_VIEW, ...change }
    expect(parseSweepState(serializeSweepState(view))).toEqual(view)
  })

  it('writes a readable URL, defaults left out', () => {
    const view: SweepView = {
      ...DEFAULT_SWEEP_VIEW,
      open: true,
      charts: charts({
        type: 'scatter',
        x: 'params.lr',
        y: 'metrics.acc',
        xLog: true,
        yLog: false,
        trend: true,
      }),
      brushes: { 'metrics.acc': { kind: 'range', min: 0.8, max: 0.95 } },
      first: 50,
      hideFinished: true,
    }
    expect(decodeURIComponent(serializeSweepState(view).toString())).toBe(
      'charts=1&chart=scatter:params.lr:metrics.acc:logx:trend&brush=metrics.acc:0.8:0.95&first=50&finished=hide',
    )
    expect(serializeSweepState(DEFAULT_SWEEP_VIEW).toString()).toBe('')
  })

  it('gives charts ids from what they show, so moving one keeps the others', () => {
    const list = charts(
      { type: 'importance', metricKey: 'acc' },
      { type: 'importance', metricKey: 'acc' },
      { type: 'line', metricKeys: ['acc'] },
    )
    expect(list.map((chart) => chart.id)).toEqual(['importance:acc', 'importance:acc#2', 'line:acc'])
  })

  it('leaves the runs table parameters alone, and they leave its own', () => {
    const current = new URLSearchParams('filter=metrics.acc>0.5&hide=params.seed&charts=1&hidden=r1')
    const merged = mergeSweepState(current, { ...DEFAULT_SWEEP_VIEW, open: true, first: 10 })
    expect(merged.toString()).toBe('filter=metrics.acc%3E0.5&hide=params.seed&charts=1&first=10')
    const table = new URLSearchParams('filter=x')
    expect(keepSweepParams(current, table).toString()).toBe('filter=x&charts=1&hidden=r1')
  })
})

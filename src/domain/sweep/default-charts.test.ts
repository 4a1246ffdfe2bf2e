import { describe, expect, it } from 'vitest'
import { makeRun } from '@/testing/make-run'
import {
  defaultSweepCharts,
  mainMetricKey,
  MAX_DEFAULT_AXES,
  newSweepChart,
  prefersLogScale,
  varyingParams,
} from './default-charts'

function runsWith(metricKeys: readonly string[]) {
  return [makeRun({ metrics: Object.fromEntries(metricKeys.map((key) => [key, 1])) })]
}

describe('main metric', () => {
  it.each<[string[], string | undefined]>([
    [['accuracy', 'loss', 'val_loss'], 'val_loss'],
    [['loss', 'train_accuracy'], 'train_accuracy'],
    [['epoch_time', 'loss'], 'loss'],
    [['b_score', 'a_score'], 'a_score'],
    [['system/cpu_utilization_percentage', 'throughput'], 'throughput'],
    [['validation/f1', 'accuracy'], 'validation/f1'],
    [[], undefined],
  ])('%j -> %s', (keys, expected) => {
    expect(mainMetricKey(runsWith(keys))).toBe(expected)
  })
})

describe('default sweep charts', () => {
  // lr drives val_loss; seed is noise; optimizer is constant.
  const runs = Array.from({ length: 12 }, (_, index) =>
    makeRun({
      runId: `r${index}`,
      params: { lr: String(10 ** -(1 + (index % 4))), seed: String((index * 7) % 5), optimizer: 'adam' },
      metrics: { val_loss: 1 + (index % 4) + ((index * 7) % 5) / 100, train_loss: 2 },
    }),
  )

  it('varying params leave out the constant ones', () => {
    expect(varyingParams(runs)).toEqual(['lr', 'seed'])
  })

  it('parallel coordinates, scatter of the top param, importance, line of the main metric', () => {
    const charts = defaultSweepCharts(runs)
    expect(charts.map((chart) => chart.type)).toEqual(['parallel', 'scatter', 'importance', 'line'])
    expect(charts[0]).toMatchObject({
      axes: ['params.lr', 'params.seed', 'metrics.val_loss'],
      colorBy: 'metrics.val_loss',
    })
    // lr spans three decades: a log axis.
    expect(charts[1]).toMatchObject({ x: 'params.lr', y: 'metrics.val_loss', xLog: true, yLog: false })
    expect(charts[2]).toMatchObject({ metricKey: 'val_loss' })
    expect(charts[3]).toMatchObject({ metricKeys: ['val_loss'] })
    expect(new Set(charts.map((chart) => chart.id)).size).toBe(charts.length)
  })

  it('takes the most important params when too many vary', () => {
    const wide = Array.from({ length: 20 }, (_, index) =>
      makeRun({
        runId: `w${index}`,
        params: Object.fromEntries(
          Array.from({ length: 12 }, (_, p) => [
            `p${String(p).padStart(2, '0')}`,
            String((index * (p + 3)) % 7),
          ]),
        ),
        metrics: { acc: index },
      }),
    )
    const [parallel] = defaultSweepCharts(wide)
    expect(parallel?.type).toBe('parallel')
    if (parallel?.type !== 'parallel') return
    expect(parallel.axes).toHaveLength(MAX_DEFAULT_AXES + 1)
    expect(parallel.axes.at(-1)).toBe('metrics.acc')
  })

  it('without metrics: only the params; without anything: no charts', () => {
    const paramsOnly = [makeRun({ params: { a: '1', b: 'x' } }), makeRun({ params: { a: '2', b: 'y' } })]
    expect(defaultSweepCharts(paramsOnly).map((chart) => chart.type)).toEqual(['parallel'])
    expect(defaultSweepCharts([])).toEqual([])
  })

  it('with one varying param and a metric, no parallel axes to speak of beyond two', () => {
    const two = [
      makeRun({ params: { a: '1' }, metrics: { loss: 1 } }),
      makeRun({ params: { a: '2' }, metrics: { loss: 2 } }),
    ]
    expect(defaultSweepCharts(two).map((chart) => chart.type)).toEqual([
      'parallel',
      'scatter',
      'importance',
      'line',
    ])
  })
})

describe('log scale preference', () => {
  it.each<[string[], boolean]>([
    [['0.1', '0.001'], true],
    [['1', '50'], false],
    [['0', '100'], false],
    [['adam', 'sgd'], false],
  ])('%j -> %s', (values, expected) => {
    expect(
      prefersLogScale(
        values.map((lr) => makeRun({ params: { lr } })),
        'params.lr',
      ),
    ).toBe(expected)
  })
})

describe('a new chart', () => {
  const runs = Array.from({ length: 8 }, (_, index) =>
    makeRun({
      runId: `n${index}`,
      params: { lr: String(10 ** -(1 + (index % 4))), opt: index % 2 === 0 ? 'adam' : 'sgd' },
      metrics: { val_acc: 0.5 + (index % 4) / 10 },
    }),
  )

  it.each<[Parameters<typeof newSweepChart>[0], Record<string, unknown>]>([
    ['line', { metricKeys: ['val_acc'] }],
    ['bar', { metricKey: 'val_acc', aggregate: 'latest' }],
    ['scatter', { x: 'params.lr', y: 'metrics.val_acc', xLog: true }],
    ['parallel', { axes: ['params.lr', 'params.opt', 'metrics.val_acc'], colorBy: 'metrics.val_acc' }],
    ['box', { metricKey: 'val_acc', paramKey: 'lr' }],
    ['importance', { metricKey: 'val_acc' }],
  ])('%s is filled in from the runs', (type, expected) => {
    expect(newSweepChart(type, runs, 'x')).toMatchObject({ type, id: 'x', ...expected })
  })

  it('leaves fields empty when the runs have nothing to fill them', () => {
    expect(newSweepChart('box', [], 'x')).toEqual({ type: 'box', id: 'x', metricKey: '', paramKey: '' })
    expect(newSweepChart('line', [], 'x')).toEqual({ type: 'line', id: 'x', metricKeys: [] })
  })
})

import { describe, expect, it } from 'vitest'
import { makeRun } from '@/testing/make-run'
import { filterRunsByBrushes, runPassesBrushes, withoutBrush } from './brush'
import type { SweepBrushes } from './sweep-chart'

const run = makeRun({ runId: 'a', params: { lr: '1e-3', opt: 'adam' }, metrics: { acc: 0.91 } })

describe('runPassesBrushes', () => {
  it.each<[string, SweepBrushes, boolean]>([
    ['no brush', {}, true],
    [
      'inside a range (param text as a number)',
      { 'params.lr': { kind: 'range', min: 1e-4, max: 1e-3 } },
      true,
    ],
    ['on the edge of a range (inclusive)', { 'metrics.acc': { kind: 'range', min: 0.91, max: 1 } }, true],
    ['outside a range', { 'metrics.acc': { kind: 'range', min: 0.95, max: 1 } }, false],
    ['in a category set', { 'params.opt': { kind: 'categories', values: ['sgd', 'adam'] } }, true],
    ['not in a category set', { 'params.opt': { kind: 'categories', values: ['sgd'] } }, false],
    ['without a value on the brushed column', { 'params.dropout': { kind: 'range', min: 0, max: 1 } }, false],
    ['a brush on a column id that names nothing', { nonsense: { kind: 'range', min: 0, max: 1 } }, false],
    [
      'one of two brushes failing',
      {
        'params.opt': { kind: 'categories', values: ['adam'] },
        'metrics.acc': { kind: 'range', min: 0, max: 0.5 },
      },
      false,
    ],
  ])('%s', (_, brushes, passes) => {
    expect(runPassesBrushes(run, brushes)).toBe(passes)
  })
})

describe('filterRunsByBrushes', () => {
  it('keeps the order and returns the same list without brushes', () => {
    const runs = [1, 2, 3, 4].map((index) => makeRun({ runId: `r${index}`, metrics: { acc: index / 4 } }))
    expect(filterRunsByBrushes(runs, {})).toBe(runs)
    expect(
      filterRunsByBrushes(runs, { 'metrics.acc': { kind: 'range', min: 0.5, max: 1 } }).map(
        (r) => r.info.runId,
      ),
    ).toEqual(['r2', 'r3', 'r4'])
  })

  it('drops one axis brush with withoutBrush', () => {
    expect(
      withoutBrush({ a: { kind: 'range', min: 0, max: 1 }, b: { kind: 'categories', values: [] } }, 'a'),
    ).toEqual({ b: { kind: 'categories', values: [] } })
  })
})

import { describe, expect, it } from 'vitest'
import { makeRun } from '@/testing/make-run'
import { boxGroups } from './box-stats'
import type { ParamImportance } from './importance'
import { barCsv, boxCsv, importanceCsv, importanceMethod, parallelCsv, scatterCsv } from './sweep-csv'

const alpha = makeRun({
  runId: 'a1',
  runName: 'alpha',
  params: { lr: '0.01', optimizer: 'adam' },
  metrics: { loss: 0.5, acc: Number.NaN },
})
const beta = makeRun({
  runId: 'b2',
  runName: '=cmd, "x"',
  params: { lr: '0.1' },
  metrics: { loss: Number.POSITIVE_INFINITY },
})
const unnamed = makeRun({ runId: 'c3', runName: '', params: {}, metrics: { loss: -1 } })

const lines = (csv: string) => csv.split('\r\n')

describe('barCsv', () => {
  it.each([
    {
      name: 'values in the order given, names quoted and defused, numbers spelled out',
      rows: [
        { run: beta, value: Number.POSITIVE_INFINITY },
        { run: alpha, value: 0.5 },
        { run: unnamed, value: -1 },
      ],
      label: 'loss',
      expected: ['run,loss', `"'=cmd, ""x""",Infinity`, 'alpha,0.5', 'c3,-1', ''],
    },
    { name: 'no bars', rows: [], label: 'min(loss), sampled', expected: ['run,"min(loss), sampled"', ''] },
  ])('$name', ({ rows, label, expected }) => {
    expect(lines(barCsv(rows, label))).toEqual(expected)
  })
})

describe('scatterCsv and parallelCsv', () => {
  it.each([
    {
      name: 'scatter: only runs with both values',
      csv: () => scatterCsv([alpha, beta, unnamed], 'params.lr', 'metrics.loss'),
      expected: ['run,params.lr,metrics.loss', 'alpha,0.01,0.5', `"'=cmd, ""x""",0.1,Infinity`, ''],
    },
    {
      name: 'parallel: every run and every axis, empty where missing',
      csv: () =>
        parallelCsv([alpha, unnamed], ['params.lr', 'params.optimizer', 'metrics.acc', 'metrics.loss']),
      expected: [
        'run,params.lr,params.optimizer,metrics.acc,metrics.loss',
        'alpha,0.01,adam,NaN,0.5',
        'c3,,,,-1',
        '',
      ],
    },
    {
      name: 'parallel: attribute axes by id, times as ISO 8601; unknown ids left out',
      csv: () => parallelCsv([alpha], ['attributes.start_time', 'nonsense', 'attributes.status']),
      expected: [
        'run,attributes.start_time,attributes.status',
        'alpha,1970-01-01T00:00:01.000Z,FINISHED',
        '',
      ],
    },
    { name: 'no runs', csv: () => parallelCsv([], ['params.lr']), expected: ['run,params.lr', ''] },
  ])('$name', ({ csv, expected }) => {
    expect(lines(csv())).toEqual(expected)
  })
})

describe('boxCsv', () => {
  it('writes one record per box with its five numbers, n and outlier count', () => {
    const runs = [1, 2, 3, 4, 5, 100].map((loss, i) =>
      makeRun({ runId: `r${i}`, params: { opt: 'sgd' }, metrics: { loss } }),
    )
    runs.push(makeRun({ runId: 'x', params: { opt: 'adam, w' }, metrics: { loss: 7 } }))
    const { groups } = boxGroups(runs, 'loss', 'opt')
    expect(lines(boxCsv(groups, 'params.opt'))).toEqual([
      'params.opt,n,min,q1,median,q3,max,outliers',
      '"adam, w",1,7,7,7,7,7,0',
      'sgd,6,1,2.25,3.5,4.75,100,1',
      '',
    ])
  })
})

const row = (overrides: Partial<ParamImportance>): ParamImportance => ({
  param: 'lr',
  kind: 'numeric',
  score: 0.9,
  pearson: -0.5,
  spearman: -0.9,
  eta: undefined,
  direction: -1,
  n: 48,
  distinct: 6,
  ...overrides,
})

describe('importance', () => {
  it.each([
    { name: 'spearman stronger', row: row({}), method: 'spearman' },
    { name: 'pearson stronger', row: row({ pearson: 0.8, spearman: 0.7, score: 0.8 }), method: 'pearson' },
    { name: 'equal: pearson', row: row({ pearson: 0.8, spearman: -0.8, score: 0.8 }), method: 'pearson' },
    {
      name: 'categorical',
      row: row({ kind: 'categorical', pearson: undefined, spearman: undefined, eta: 0.4 }),
      method: 'eta',
    },
  ])('method: $name', ({ row: given, method }) => {
    expect(importanceMethod(given)).toBe(method)
  })

  it('writes param, score, method, n and direction, as ranked', () => {
    const csv = importanceCsv([
      row({}),
      row({
        param: 'optimizer',
        kind: 'categorical',
        score: 0.4,
        pearson: undefined,
        spearman: undefined,
        eta: 0.4,
        direction: 0,
        n: 40,
      }),
    ])
    expect(lines(csv)).toEqual([
      'param,score,method,n,direction',
      'lr,0.9,spearman,48,-1',
      'optimizer,0.4,eta,40,',
      '',
    ])
  })
})

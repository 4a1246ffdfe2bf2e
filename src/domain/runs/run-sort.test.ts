import { makeRun as makeTestRun, type RunSpec } from '@/testing/make-run'
import { describe, expect, it } from 'vitest'
import { parseRunOrderBy } from '../search-filter/parse-order-by'
import type { Run } from './run'
import { serverOrderBy, serverSortsAsText, sortRuns, type RunSort } from './run-sort'

/** A run with this file's defaults; see src/testing/make-run.ts. */
function makeRun(spec: RunSpec = {}): Run {
  return makeTestRun({ runId: 'r', ...spec })
}

const ids = (runs: readonly Run[]) => runs.map((run) => run.info.runId)

describe('sortRuns', () => {
  const runs = [
    makeRun({ runId: 'a', runName: 'lr10', params: { lr: '10', opt: 'adam' }, metrics: { loss: 0.5 } }),
    makeRun({ runId: 'b', runName: 'lr2', params: { lr: '2' }, metrics: { loss: NaN } }),
    makeRun({
      runId: 'c',
      runName: 'LR1',
      params: { lr: '1e-3', opt: 'Adam' },
      metrics: { loss: -Infinity },
    }),
    makeRun({ runId: 'd', runName: 'lr9', params: { opt: 'sgd' } }),
    makeRun({ runId: 'e', runName: 'lr2', params: { lr: 'auto', opt: 'adam' }, metrics: { loss: 3 } }),
  ]

  it.each<[string, RunSort | undefined, string[]]>([
    ['no sort keeps the order', undefined, ['a', 'b', 'c', 'd', 'e']],
    ['unknown column keeps the order', { column: 'nope.x', descending: false }, ['a', 'b', 'c', 'd', 'e']],
    [
      'names naturally, ties stable',
      { column: 'attributes.run_name', descending: false },
      ['c', 'b', 'e', 'd', 'a'],
    ],
    [
      'names descending, ties stable',
      { column: 'attributes.run_name', descending: true },
      ['a', 'd', 'b', 'e', 'c'],
    ],
    [
      'params as numbers, then text, missing last',
      { column: 'params.lr', descending: false },
      ['c', 'b', 'a', 'e', 'd'],
    ],
    [
      'params descending, missing still last',
      { column: 'params.lr', descending: true },
      ['e', 'a', 'b', 'c', 'd'],
    ],
    [
      'text case-insensitively, stable',
      { column: 'params.opt', descending: false },
      ['a', 'c', 'e', 'd', 'b'],
    ],
    [
      'metrics, NaN then missing last',
      { column: 'metrics.loss', descending: false },
      ['c', 'a', 'e', 'b', 'd'],
    ],
    [
      'metrics descending, NaN then missing last',
      { column: 'metrics.loss', descending: true },
      ['e', 'a', 'c', 'b', 'd'],
    ],
  ])('%s', (_, sort, expected) => {
    expect(ids(sortRuns(runs, sort))).toEqual(expected)
  })

  it('does not change its input', () => {
    const copy = [...runs]
    sortRuns(runs, { column: 'params.lr', descending: true })
    expect(runs).toEqual(copy)
  })

  it('sorts by start time and duration', () => {
    const timed = [
      makeRun({ runId: 'x', startTime: 30, endTime: 40 }),
      makeRun({ runId: 'y', startTime: 10, endTime: 100 }),
      makeRun({ runId: 'z', startTime: undefined, status: 'RUNNING', endTime: undefined }),
      makeRun({ runId: 'w', startTime: 20, endTime: 21 }),
    ]
    expect(ids(sortRuns(timed, { column: 'attributes.start_time', descending: true }))).toEqual([
      'x',
      'w',
      'y',
      'z',
    ])
    expect(ids(sortRuns(timed, { column: 'attributes.duration', descending: false }))).toEqual([
      'w',
      'x',
      'y',
      'z',
    ])
  })

  it('sorts 20k runs with 50 params, 30 metrics and 20 tags', () => {
    const many = Array.from({ length: 20_000 }, (_, i) =>
      makeRun({
        runId: `r${i}`,
        runName: `resnet-${(i * 7919) % 20_000}`,
        params: Object.fromEntries(
          Array.from({ length: 50 }, (_, k) => [`p${k}`, String((i * (k + 1)) % 97)]),
        ),
        metrics: Object.fromEntries(
          Array.from({ length: 30 }, (_, k) => [`m${k}`, ((i * (k + 1)) % 1013) / 7]),
        ),
        tags: Object.fromEntries(Array.from({ length: 20 }, (_, k) => [`t${k}`, `v${i % (k + 2)}`])),
      }),
    )
    const byName = sortRuns(many, { column: 'attributes.run_name', descending: false })
    expect(byName.slice(0, 3).map((run) => run.info.runName)).toEqual(['resnet-0', 'resnet-1', 'resnet-2'])
    const byMetric = sortRuns(many, { column: 'metrics.m3', descending: true })
    expect(byMetric[0]?.metrics.m3?.value).toBe(1012 / 7)
    const byParam = sortRuns(many, { column: 'params.p1', descending: false })
    expect(byParam.at(-1)?.params.p1).toBe('96')
    const byTag = sortRuns(many, { column: 'tags.t9', descending: false })
    expect(byTag[0]?.tags.t9).toBe('v0')
  })
})

describe('serverOrderBy', () => {
  it.each<[string, RunSort | undefined, string[] | undefined]>([
    ['no sort: the server default', undefined, []],
    ['run name', { column: 'attributes.run_name', descending: false }, ['attributes.run_name ASC']],
    ['status', { column: 'attributes.status', descending: true }, ['attributes.status DESC']],
    ['start time', { column: 'attributes.start_time', descending: true }, ['attributes.start_time DESC']],
    ['user', { column: 'attributes.user', descending: false }, ['attributes.user_id ASC']],
    ['plain metric', { column: 'metrics.val_loss', descending: true }, ['metrics.val_loss DESC']],
    ['metric with a space', { column: 'metrics.val loss', descending: false }, ['metrics.`val loss` ASC']],
    [
      'param with a dash',
      { column: 'params.learning-rate', descending: false },
      ['params.`learning-rate` ASC'],
    ],
    ['param starting with a digit', { column: 'params.1cycle', descending: false }, ['params.`1cycle` ASC']],
    ['system tag', { column: 'tags.mlflow.runName', descending: true }, ['tags.`mlflow.runName` DESC']],
    ['key with a backslash', { column: 'params.a\\b', descending: false }, ['params.`a\\b` ASC']],
    ['key with a backtick', { column: 'params.a`b', descending: false }, undefined],
    ['key with a double quote', { column: 'params.a"b', descending: false }, ["params.'a\"b' ASC"]],
    ['unknown column', { column: 'foo.bar', descending: false }, undefined],
    ...['duration', 'source', 'version', 'models', 'datasets', 'experiment', 'description'].map(
      (key): [string, RunSort, undefined] => [
        key,
        { column: `attributes.${key}`, descending: false },
        undefined,
      ],
    ),
  ])('%s', (_, sort, expected) => {
    expect(serverOrderBy(sort)).toEqual(expected)
  })

  it.each(['lr', 'val loss', 'a.b', "it's", 'ünï', 'a,b', 'select', '%', 'x y z'])(
    'the server reads key %j back unchanged',
    (key) => {
      const entries = serverOrderBy({ column: `params.${key}`, descending: true }) ?? []
      const parsed = parseRunOrderBy(entries)
      expect(parsed).toEqual({ ok: true, value: [{ entity: 'param', key, ascending: false }] })
    },
  )
})

describe('serverSortsAsText', () => {
  it.each<[string | undefined, boolean]>([
    [undefined, false],
    ['params.lr', true],
    ['tags.team', true],
    ['attributes.run_name', true],
    ['attributes.user', true],
    ['metrics.loss', false],
    ['attributes.start_time', false],
    ['attributes.status', false],
    ['attributes.duration', false],
    ['nope', false],
  ])('%s -> %s', (column, expected) => {
    expect(serverSortsAsText(column === undefined ? undefined : { column, descending: false })).toBe(expected)
  })
})

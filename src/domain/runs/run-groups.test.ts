import { describe, expect, it } from 'vitest'
import type { Run } from './run'
import type { ColumnRef } from './run-columns'
import { aggregateMetrics, groupRuns, type TableRow } from './run-groups'

interface RunSpec {
  params?: Record<string, string>
  metrics?: Record<string, number>
  tags?: Record<string, string>
  datasets?: string[]
}

function makeRun(runId: string, { params = {}, metrics = {}, tags = {}, datasets = [] }: RunSpec = {}): Run {
  return {
    info: {
      runId,
      runName: runId,
      experimentId: '1',
      userId: undefined,
      status: 'FINISHED',
      startTime: 0,
      endTime: 1,
      artifactUri: undefined,
      lifecycleStage: 'active',
    },
    params,
    metrics: Object.fromEntries(
      Object.entries(metrics).map(([key, value]) => [key, { key, value, timestamp: 0, step: 0 }]),
    ),
    tags,
    datasets: datasets.map((name) => ({
      name,
      digest: 'd',
      sourceType: undefined,
      source: undefined,
      schema: undefined,
      profile: undefined,
      tags: {},
    })),
    modelOutputs: [],
    modelInputs: [],
  }
}

/** `[group id] run run` per group, and `  run` rows when expanded. */
function picture(rows: readonly TableRow[]): string[] {
  return rows.map((row) =>
    row.kind === 'group'
      ? `[${row.groupId}]${row.expanded ? '' : ' collapsed'} ${row.runs.map((run) => run.info.runId).join(' ')}`
      : `${'  '.repeat(row.depth)}${row.run.info.runId}`,
  )
}

const opt: ColumnRef = { group: 'params', key: 'opt' }

describe('groupRuns', () => {
  const runs = [
    makeRun('a', { params: { opt: 'sgd', bs: '64' }, tags: { team: 'nlp' }, datasets: ['mnist', 'cifar'] }),
    makeRun('b', { params: { opt: 'adam', bs: '128' }, datasets: ['mnist', 'mnist'] }),
    makeRun('c', { params: { bs: '8' }, tags: { team: '' } }),
    makeRun('d', { params: { opt: 'Adam', bs: '64' }, tags: { team: 'cv' } }),
    makeRun('e', { params: { opt: 'adam10' } }),
    makeRun('f', { params: { opt: 'adam9' } }),
  ]

  it.each<[string, ColumnRef, ReadonlySet<string>, string[]]>([
    [
      'by a param, natural order, (none) last',
      opt,
      new Set(),
      [
        '[params.opt=adam] b',
        '  b',
        '[params.opt=Adam] d',
        '  d',
        '[params.opt=adam9] f',
        '  f',
        '[params.opt=adam10] e',
        '  e',
        '[params.opt=sgd] a',
        '  a',
        '[params.opt=] c',
        '  c',
      ],
    ],
    [
      'numeric values numerically',
      { group: 'params', key: 'bs' },
      new Set(['params.bs=64']),
      [
        '[params.bs=8] c',
        '  c',
        '[params.bs=64] collapsed a d',
        '[params.bs=128] b',
        '  b',
        '[params.bs=] e f',
        '  e',
        '  f',
      ],
    ],
    [
      'by a tag, an empty value counted as none',
      { group: 'tags', key: 'team' },
      new Set(['tags.team=']),
      ['[tags.team=cv] d', '  d', '[tags.team=nlp] a', '  a', '[tags.team=] collapsed b c e f'],
    ],
    [
      'by dataset: a run in each of its datasets, once each',
      { group: 'attributes', key: 'datasets' },
      new Set(['attributes.datasets=']),
      [
        '[attributes.datasets=cifar] a',
        '  a',
        '[attributes.datasets=mnist] a b',
        '  a',
        '  b',
        '[attributes.datasets=] collapsed c d e f',
      ],
    ],
  ])('%s', (_, by, collapsed, expected) => {
    expect(picture(groupRuns(runs, by, collapsed))).toEqual(expected)
  })

  it('describes each group', () => {
    const run = makeRun('x', { params: { opt: 'sgd' }, metrics: { loss: 1 } })
    const [group, row] = groupRuns([run], opt, new Set())
    expect(group).toEqual({
      kind: 'group',
      groupId: 'params.opt=sgd',
      column: opt,
      value: 'sgd',
      runs: [run],
      expanded: true,
      aggregates: { loss: { min: 1, max: 1, mean: 1, count: 1 } },
    })
    expect(row).toEqual({ kind: 'run', run, depth: 1, childCount: 0, expanded: false, context: false })
  })

  it('gives "(none)" an undefined value', () => {
    const [group] = groupRuns([makeRun('x')], opt, new Set())
    expect(group).toMatchObject({ kind: 'group', groupId: 'params.opt=', value: undefined })
  })

  it('groups 20k runs with 50 params, 30 metrics and 20 tags', () => {
    const many = Array.from({ length: 20_000 }, (_, i) =>
      makeRun(`r${i}`, {
        params: Object.fromEntries(
          Array.from({ length: 50 }, (_, k) => [`p${k}`, String((i * (k + 1)) % 97)]),
        ),
        metrics: Object.fromEntries(Array.from({ length: 30 }, (_, k) => [`m${k}`, (i * (k + 1)) % 1013])),
        tags: Object.fromEntries(Array.from({ length: 20 }, (_, k) => [`t${k}`, `v${i % (k + 2)}`])),
      }),
    )
    const rows = groupRuns(many, { group: 'params', key: 'p0' }, new Set())
    const groups = rows.filter((row) => row.kind === 'group')
    expect(groups).toHaveLength(97)
    expect(rows).toHaveLength(97 + 20_000)
    expect(groups[0]?.value).toBe('0')
    expect(groups[0]?.aggregates.m0?.count).toBe(many.filter((run) => run.params.p0 === '0').length)
    const unique = groupRuns(many, { group: 'attributes', key: 'run_name' }, new Set())
    expect(unique.filter((row) => row.kind === 'group')).toHaveLength(20_000)
  })
})

describe('aggregateMetrics', () => {
  it.each<[string, Record<string, number>[], ReturnType<typeof aggregateMetrics>]>([
    ['no runs', [], {}],
    ['one run', [{ loss: 2 }], { loss: { min: 2, max: 2, mean: 2, count: 1 } }],
    [
      'several runs, keys not in every run',
      [{ loss: 1, acc: 0.5 }, { loss: 3 }, { loss: 5, acc: 0.7 }],
      { loss: { min: 1, max: 5, mean: 3, count: 3 }, acc: { min: 0.5, max: 0.7, mean: 0.6, count: 2 } },
    ],
    [
      'finite values only',
      [
        { loss: NaN, inf: Infinity },
        { loss: 4, inf: -Infinity },
      ],
      { loss: { min: 4, max: 4, mean: 4, count: 1 } },
    ],
    [
      'a key named __proto__',
      [Object.fromEntries([['__proto__', 1]])],
      { ['__proto__']: { min: 1, max: 1, mean: 1, count: 1 } },
    ],
  ])('%s', (_, metrics, expected) => {
    const result = aggregateMetrics(metrics.map((m, i) => makeRun(`r${i}`, { metrics: m })))
    expect(Object.keys(result).sort()).toEqual(Object.keys(expected).sort())
    for (const [key, value] of Object.entries(expected)) {
      expect(result[key]?.min).toBe(value.min)
      expect(result[key]?.max).toBe(value.max)
      expect(result[key]?.mean).toBeCloseTo(value.mean)
      expect(result[key]?.count).toBe(value.count)
    }
  })
})

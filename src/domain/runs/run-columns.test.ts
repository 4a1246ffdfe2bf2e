import { makeRun as makeTestRun, type RunSpec } from '@/testing/make-run'
import { describe, expect, it } from 'vitest'
import type { Run } from './run'
import {
  ATTRIBUTE_COLUMNS,
  cellValue,
  collectRunKeys,
  columnId,
  columnLabel,
  compareCellValues,
  constantColumnIds,
  defaultColumnIds,
  parseColumnId,
  parseLogModelHistory,
  rankCellValues,
  type CellValue,
  type ColumnRef,
} from './run-columns'

/** A run with this file's defaults; see src/testing/make-run.ts. */
function makeRun(spec: RunSpec = {}): Run {
  return makeTestRun({ runId: 'r1', runName: 'run one', startTime: 1_000, endTime: 5_000, ...spec })
}

function dataset(name: string, context?: string): Run['datasets'][number] {
  return {
    name,
    digest: 'd',
    sourceType: undefined,
    source: undefined,
    schema: undefined,
    profile: undefined,
    tags: context === undefined ? {} : { 'mlflow.data.context': context },
  }
}

const attr = (key: string): ColumnRef => ({ group: 'attributes', key })

describe('columnId / parseColumnId', () => {
  it.each<[ColumnRef, string]>([
    [{ group: 'attributes', key: 'status' }, 'attributes.status'],
    [{ group: 'params', key: 'lr' }, 'params.lr'],
    [{ group: 'metrics', key: 'val loss' }, 'metrics.val loss'],
    [{ group: 'tags', key: 'mlflow.user' }, 'tags.mlflow.user'],
    [{ group: 'params', key: 'a=b,c' }, 'params.a=b,c'],
  ])('%o <-> %s', (ref, id) => {
    expect(columnId(ref)).toBe(id)
    expect(parseColumnId(id)).toEqual(ref)
  })

  it.each(['status', 'attributes.nope', 'attributes.', 'params.', 'metric.loss', 'foo.bar', '', '.lr'])(
    '%j is not a column',
    (id) => {
      expect(parseColumnId(id)).toBeUndefined()
    },
  )

  it('knows every attribute column', () => {
    for (const key of ATTRIBUTE_COLUMNS) expect(parseColumnId(`attributes.${key}`)).toEqual(attr(key))
  })
})

describe('columnLabel', () => {
  it.each<[ColumnRef, string]>([
    [attr('run_name'), 'Run'],
    [attr('status'), 'Status'],
    [attr('start_time'), 'Started'],
    [attr('duration'), 'Duration'],
    [attr('user'), 'User'],
    [attr('source'), 'Source'],
    [attr('version'), 'Version'],
    [attr('models'), 'Models'],
    [attr('datasets'), 'Datasets'],
    [attr('experiment'), 'Experiment'],
    [attr('description'), 'Description'],
    [{ group: 'params', key: 'lr' }, 'lr'],
    [{ group: 'metrics', key: 'val loss' }, 'val loss'],
    [{ group: 'tags', key: 'team' }, 'team'],
  ])('%o is labelled %s', (ref, label) => {
    expect(columnLabel(ref)).toBe(label)
  })
})

describe('collectRunKeys', () => {
  it('collects keys across runs in natural order, without system tags', () => {
    const runs = [
      makeRun({
        params: { lr10: '1', lr2: '2' },
        metrics: { b: 1 },
        tags: { 'mlflow.user': 'x', team: 'a' },
      }),
      makeRun({
        params: { Alpha: '1', lr2: '3' },
        metrics: { a: 1, 'val loss': 2 },
        tags: { mlflowish: 'y' },
      }),
      makeRun({}),
    ]
    expect(collectRunKeys(runs)).toEqual({
      params: ['Alpha', 'lr2', 'lr10'],
      metrics: ['a', 'b', 'val loss'],
      tags: ['mlflowish', 'team'],
    })
  })

  it('handles no runs', () => {
    expect(collectRunKeys([])).toEqual({ params: [], metrics: [], tags: [] })
  })
})

describe('cellValue', () => {
  const history = JSON.stringify([
    { artifact_path: 'model', run_id: 'r1', flavors: { sklearn: {} }, model_id: 'm-1' },
    { artifact_path: 'other', run_id: 'r1', flavors: {}, registered_model_name: 'prod-model' },
    'junk',
    null,
    { run_id: 'r1' },
  ])
  const full = makeRun({
    runId: 'abc',
    runName: 'resnet',
    status: 'FINISHED',
    startTime: 1_000,
    endTime: 4_500,
    userId: 'old-user',
    experimentId: '7',
    params: { lr: '0.1', empty: '' },
    metrics: { loss: 0.25, bad: NaN },
    tags: {
      'mlflow.user': 'alice',
      'mlflow.source.name': 'train.py',
      'mlflow.source.git.commit': 'deadbeef',
      'mlflow.note.content': 'notes',
      'mlflow.log-model.history': history,
      team: 'nlp',
    },
    datasets: [dataset('mnist', 'train'), dataset('mnist', 'eval'), dataset('raw')],
    modelOutputs: [
      { modelId: 'm-1', step: 0 },
      { modelId: 'm-2', step: 1 },
    ],
  })
  const bare = makeRun({ runId: 'xyz', runName: '', status: 'RUNNING', endTime: undefined, userId: 'bob' })

  it.each<[string, Run, ColumnRef, CellValue]>([
    ['run name', full, attr('run_name'), 'resnet'],
    ['run id when unnamed', bare, attr('run_name'), 'xyz'],
    ['status', full, attr('status'), 'FINISHED'],
    ['start time', full, attr('start_time'), 1_000],
    ['duration', full, attr('duration'), 3_500],
    ['no duration while running', bare, attr('duration'), undefined],
    [
      'no duration while running even with an end time',
      makeRun({ status: 'RUNNING', endTime: 9_000 }),
      attr('duration'),
      undefined,
    ],
    ['no duration without a start', makeRun({ startTime: undefined }), attr('duration'), undefined],
    ['user from the tag', full, attr('user'), 'alice'],
    ['user from userId', bare, attr('user'), 'bob'],
    [
      'user from userId when the tag is empty',
      makeRun({ userId: 'u', tags: { 'mlflow.user': '' } }),
      attr('user'),
      'u',
    ],
    ['no user', makeRun({}), attr('user'), undefined],
    ['source', full, attr('source'), 'train.py'],
    ['version', full, attr('version'), 'deadbeef'],
    ['models', full, attr('models'), 'model, m-2, prod-model'],
    ['no models', bare, attr('models'), undefined],
    ['datasets', full, attr('datasets'), 'mnist (train), mnist (eval), raw'],
    ['no datasets', bare, attr('datasets'), undefined],
    ['experiment', full, attr('experiment'), '7'],
    ['description', full, attr('description'), 'notes'],
    ['no description', bare, attr('description'), undefined],
    ['param', full, { group: 'params', key: 'lr' }, '0.1'],
    ['empty param', full, { group: 'params', key: 'empty' }, ''],
    ['missing param', full, { group: 'params', key: 'nope' }, undefined],
    ['metric', full, { group: 'metrics', key: 'loss' }, 0.25],
    ['NaN metric', full, { group: 'metrics', key: 'bad' }, NaN],
    ['missing metric', full, { group: 'metrics', key: 'nope' }, undefined],
    ['tag', full, { group: 'tags', key: 'team' }, 'nlp'],
    ['system tag', full, { group: 'tags', key: 'mlflow.user' }, 'alice'],
    ['unknown attribute', full, attr('nope'), undefined],
  ])('%s', (_, run, ref, expected) => {
    expect(cellValue(run, ref)).toEqual(expected)
  })

  it.each([
    ['not JSON', '{oops'],
    ['an object', '{"artifact_path": "model"}'],
    ['a string', '"model"'],
    ['empty', ''],
  ])('models ignores a history that is %s', (_, text) => {
    const run = makeRun({
      tags: { 'mlflow.log-model.history': text },
      modelOutputs: [{ modelId: 'm-9', step: 0 }],
    })
    expect(cellValue(run, attr('models'))).toBe('m-9')
  })
})

describe('parseLogModelHistory', () => {
  it('reads what it can of each entry', () => {
    const text = JSON.stringify([
      { artifact_path: 'model', run_id: 'r', flavors: { python_function: {}, sklearn: {} }, model_id: 'm' },
      { artifact_path: 3, flavors: ['x'], registered_model_name: 'reg' },
      7,
    ])
    expect(parseLogModelHistory(text)).toEqual([
      {
        artifactPath: 'model',
        runId: 'r',
        modelId: 'm',
        registeredModelName: undefined,
        flavors: ['python_function', 'sklearn'],
      },
      {
        artifactPath: undefined,
        runId: undefined,
        modelId: undefined,
        registeredModelName: 'reg',
        flavors: [],
      },
    ])
  })
})

describe('compareCellValues', () => {
  it.each<[string | number, string | number, number]>([
    [1, 2, -1],
    [2, 1, 1],
    [1, 1, 0],
    [-Infinity, -1e300, -1],
    [1e300, Infinity, -1],
    ['10', '9', 1],
    ['1e-3', '0.01', -1],
    ['-5', '3', -1],
    ['1.0', '1', 0],
    [' 2 ', '10', -1],
    ['lr2', 'lr10', -1],
    ['Apple', 'apple', 0],
    ['apple', 'Banana', -1],
    ['run-9', 'run-10', -1],
    ['10', 'abc', -1],
    ['abc', 10, 1],
    [5, '10', -1],
    ['NaN', 'xyz', -1],
    ['0x10', '9', 1],
    [NaN, 5, 1],
    [NaN, 'zzz', 1],
    [NaN, NaN, 0],
  ])('%j vs %j -> %d', (a, b, expected) => {
    expect(Math.sign(compareCellValues(a, b))).toBe(expected)
    expect(Math.sign(compareCellValues(b, a))).toBe(-expected || 0)
  })
})

describe('rankCellValues', () => {
  it('ranks numbers, then text, then NaN; equal values share a rank; missing is -1', () => {
    const values: CellValue[] = ['b', 10, undefined, '2', 'B', NaN, 'a10', 'a9', 2, -1]
    expect([...rankCellValues(values)]).toEqual([5, 2, -1, 1, 5, 6, 4, 3, 1, 0])
  })

  // The fast path (precomputed keys) must order exactly like the collator.
  function randomText(random: () => number, alphabet: string): string {
    const length = Math.floor(random() * 7)
    let text = ''
    for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)] ?? ''
    return text
  }
  function seeded(seed: number): () => number {
    let state = seed
    return () => {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31
      return state / 2 ** 31
    }
  }

  /** Pairs whose rank order disagrees with compareCellValues. */
  function disagreements(values: readonly string[], random: () => number): [string, string][] {
    const ranks = rankCellValues(values)
    const wrong: [string, string][] = []
    for (let i = 0; i < 20_000; i++) {
      const a = Math.floor(random() * values.length)
      const b = Math.floor(random() * values.length)
      const expected = Math.sign(compareCellValues(values[a] ?? '', values[b] ?? ''))
      if (Math.sign((ranks[a] ?? 0) - (ranks[b] ?? 0)) !== expected)
        wrong.push([values[a] ?? '', values[b] ?? ''])
    }
    return wrong
  }

  it.each([
    ['printable ASCII (the fast keys)', 'aAbBzZ019 _-.~/', 1],
    ['printable ASCII (the fast keys)', 'aAbBzZ019 _-.~/', 2],
    ['with accents (the collator)', 'aAéEzZ019 _-.', 3],
  ])('orders %s exactly like compareCellValues (seed %d)', (_, alphabet, seed) => {
    const random = seeded(seed)
    const values = Array.from({ length: 3000 }, () => randomText(random, alphabet))
    values.push('007', '7', '0', '00', '', 'a0b', 'a00b', 'x'.repeat(3) + '9'.repeat(30))
    expect(disagreements(values, random)).toEqual([])
  })

  it('falls back to the collator for text outside printable ASCII', () => {
    const values = ['école', 'Ecole', 'zebra', 'émile', 'tab\there']
    const ranks = [...rankCellValues(values)]
    expect(ranks[0]).toBe(ranks[1])
    expect(ranks[3]).toBeLessThan(ranks[2] ?? 0)
    expect(ranks[4]).toBeLessThan(ranks[2] ?? 0)
  })

  it('ranks 20k distinct run names', () => {
    const values = Array.from({ length: 20_000 }, (_, i) => `run-${(i * 7919) % 20_000}`)
    const ranks = rankCellValues(values)
    expect(ranks[values.indexOf('run-2')]).toBe(2)
    expect(ranks[values.indexOf('run-10')]).toBe(10)
  })
})

describe('constantColumnIds', () => {
  const runs = [
    makeRun({ params: { a: '1', b: '1' }, metrics: { m: NaN, n: 1 }, tags: { t: 'x' } }),
    makeRun({ params: { a: '1', b: '2' }, metrics: { m: NaN, n: 2 } }),
  ]
  it.each<[ColumnRef, boolean]>([
    [{ group: 'params', key: 'a' }, true],
    [{ group: 'params', key: 'b' }, false],
    [{ group: 'params', key: 'missing' }, true],
    [{ group: 'metrics', key: 'm' }, true],
    [{ group: 'metrics', key: 'n' }, false],
    [{ group: 'tags', key: 't' }, false],
    [attr('status'), true],
  ])('%o constant: %s', (ref, constant) => {
    expect(constantColumnIds(runs, [ref]).has(columnId(ref))).toBe(constant)
  })
})

describe('defaultColumnIds', () => {
  const many = (prefix: string) => Array.from({ length: 20 }, (_, i) => `${prefix}${i}`)
  const leading = ['attributes.run_name', 'attributes.status', 'attributes.start_time', 'attributes.duration']
  const trailing = ['attributes.user', 'attributes.source', 'attributes.models', 'attributes.datasets']

  it.each<[string, Parameters<typeof defaultColumnIds>, string[]]>([
    ['nothing logged', [{ params: [], metrics: [], tags: ['t'] }], [...leading, ...trailing]],
    [
      'metrics first, then params, in natural order',
      [{ params: ['lr10', 'lr2'], metrics: ['loss'], tags: ['team'] }],
      [...leading, 'metrics.loss', 'params.lr2', 'params.lr10', ...trailing],
    ],
    [
      'the experiment column right after the run, for several experiments',
      [{ params: [], metrics: [], tags: [] }, { multiExperiment: true }],
      ['attributes.run_name', 'attributes.experiment', ...leading.slice(1), ...trailing],
    ],
    [
      'no column for attributes no run has',
      [{ params: [], metrics: [], tags: [] }, { emptyAttributes: new Set(['models', 'datasets']) }],
      [...leading, 'attributes.user', 'attributes.source'],
    ],
    [
      'params that vary before params that never change',
      [{ params: ['a', 'b', 'c'], metrics: [], tags: [] }, { constantParams: new Set(['a', 'c']) }],
      [...leading, 'params.b', ...trailing],
    ],
    [
      'every param when none varies (a single run)',
      [{ params: ['a', 'b'], metrics: [], tags: [] }, { constantParams: new Set(['a', 'b']) }],
      [...leading, 'params.a', 'params.b', ...trailing],
    ],
    [
      'at most 12 metrics and 12 params',
      [{ params: many('p'), metrics: many('m'), tags: [] }],
      [
        ...leading,
        ...many('m')
          .slice(0, 12)
          .map((k) => `metrics.${k}`),
        ...many('p')
          .slice(0, 12)
          .map((k) => `params.${k}`),
        ...trailing,
      ],
    ],
  ])('%s', (_, args, expected) => {
    expect(defaultColumnIds(...args)).toEqual(expected)
  })
})

describe('with 20k runs of 50 params, 30 metrics and 20 tags', () => {
  const runs = Array.from({ length: 20_000 }, (_, i) =>
    makeRun({
      runId: `r${i}`,
      params: Object.fromEntries(Array.from({ length: 50 }, (_, k) => [`param_${k}`, String((i * k) % 97)])),
      metrics: Object.fromEntries(Array.from({ length: 30 }, (_, k) => [`metric_${k}`, (i * k) % 1013])),
      tags: Object.fromEntries(Array.from({ length: 20 }, (_, k) => [`tag_${k}`, `v${i % (k + 1)}`])),
    }),
  )

  it('collects the keys', () => {
    const keys = collectRunKeys(runs)
    expect([keys.params.length, keys.metrics.length, keys.tags.length]).toEqual([50, 30, 20])
    expect(keys.params.slice(0, 3)).toEqual(['param_0', 'param_1', 'param_2'])
  })

  it('finds constant columns', () => {
    const refs: ColumnRef[] = [
      { group: 'params', key: 'param_0' },
      { group: 'tags', key: 'tag_0' },
      { group: 'metrics', key: 'metric_1' },
    ]
    expect(constantColumnIds(runs, refs)).toEqual(new Set(['params.param_0', 'tags.tag_0']))
  })
})

import { describe, expect, it } from 'vitest'
import type { Run } from '../runs/run'
import {
  completeRunFilter,
  filterVocabulary,
  quoteFilterKey,
  type FilterCompletion,
  type FilterVocabulary,
} from './complete-filter'

const vocab: FilterVocabulary = {
  params: ['lr', 'optimizer'],
  metrics: ['acc', 'val loss'],
  tags: ['team'],
  datasets: ['cifar'],
  values: (entity, key) => (entity === 'param' && key === 'optimizer' ? ['adam', 'sgd', "it's"] : []),
}

function complete(text: string, cursor = text.length): FilterCompletion[] {
  return completeRunFilter(text, cursor, vocab)
}

/** The text after accepting the first completion. */
function accept(text: string, label: string, cursor = text.length): string {
  const chosen = complete(text, cursor).find((c) => c.label === label)
  if (chosen === undefined) throw new Error(`no completion ${label} for ${text}`)
  return text.slice(0, chosen.from) + chosen.insert + text.slice(chosen.to)
}

describe('quoteFilterKey', () => {
  it.each([
    ['lr', 'lr'],
    ['val loss', '`val loss`'],
    ['mlflow.runName', '`mlflow.runName`'],
    ['a`b', '"a`b"'],
    ['a`b"c', "'a`b\"c'"],
  ])('%s -> %s', (key, quoted) => {
    expect(quoteFilterKey(key)).toBe(quoted)
  })
})

describe('completeRunFilter', () => {
  it('offers the entity prefixes on an empty box', () => {
    expect(complete('').map((c) => c.label)).toEqual([
      'metrics.',
      'params.',
      'tags.',
      'attributes.',
      'dataset.',
    ])
  })

  it('completes keys, quoting them when needed', () => {
    expect(complete('metrics.').map((c) => c.insert)).toEqual(['metrics.acc ', 'metrics.`val loss` '])
    expect(accept('metrics.`val', 'metrics.val loss')).toBe('metrics.`val loss` ')
    expect(accept('lr', 'params.lr')).toBe('params.lr ')
    expect(complete('met').map((c) => c.label)).toContain('metrics.')
    expect(complete('attributes.st').map((c) => c.label)).toEqual([
      'attributes.status',
      'attributes.start_time',
    ])
  })

  it('completes the key under the cursor in the middle of the text', () => {
    const text = "params.opt = 'adam' AND metrics.a > 1"
    expect(accept(text, 'metrics.acc', text.indexOf('.a') + 2)).toBe(
      "params.opt = 'adam' AND metrics.acc  > 1",
    )
  })

  it('offers the operators the key takes', () => {
    expect(complete('metrics.acc ').map((c) => c.label)).toEqual(['=', '!=', '<', '<=', '>', '>='])
    expect(complete('params.lr ').map((c) => c.label)).toEqual([
      '=',
      '!=',
      'LIKE',
      'ILIKE',
      'IS NULL',
      'IS NOT NULL',
    ])
    expect(complete('status ').map((c) => c.label)).toContain('IN')
    expect(complete('metrics.acc >').map((c) => c.label)).toEqual(['>', '>='])
    expect(accept('params.lr i', 'ILIKE')).toBe('params.lr ILIKE ')
  })

  it('offers known values, quoted', () => {
    expect(complete('params.optimizer = ').map((c) => c.insert)).toEqual(["'adam' ", "'sgd' ", `"it's" `])
    expect(accept("params.optimizer = 'sg", 'sgd')).toBe("params.optimizer = 'sgd' ")
    expect(accept("params.optimizer = 'sg' AND x", 'sgd', 21)).toBe("params.optimizer = 'sgd'  AND x")
    expect(complete('params.optimizer=').map((c) => c.insert)[0]).toBe(" 'adam' ")
    expect(complete('dataset.name = ').map((c) => c.label)).toEqual(['cifar'])
    expect(complete('metrics.acc > ')).toEqual([])
  })

  it('completes status lists item by item', () => {
    expect(accept('status IN ', 'FAILED')).toBe("status IN ('FAILED')")
    const open = "status IN ('FAILED', "
    expect(complete(open).map((c) => c.label)).not.toContain('FAILED')
    expect(accept(open, 'KILLED')).toBe("status IN ('FAILED', 'KILLED'")
  })

  it('offers AND and OR after a complete condition', () => {
    expect(complete("params.optimizer = 'adam' ").map((c) => c.label)).toEqual(['AND', 'OR'])
    expect(accept("params.optimizer = 'adam' o", 'OR')).toBe("params.optimizer = 'adam' OR ")
    expect(complete('tags.team IS NULL ').map((c) => c.label)).toEqual(['AND', 'OR'])
    expect(complete('(metrics.acc > 1) ').map((c) => c.label)).toEqual(['AND', 'OR'])
  })

  it('starts a new condition after AND, OR and (', () => {
    expect(complete("params.lr = '1' AND ").map((c) => c.label)[0]).toBe('metrics.')
    expect(accept("params.lr = '1' OR (ta", 'tags.')).toBe("params.lr = '1' OR (tags.")
  })
})

describe('filterVocabulary', () => {
  const run = (id: string, params: Record<string, string>, tags: Record<string, string>): Run => ({
    info: {
      runId: id,
      runName: id,
      experimentId: '1',
      userId: 'u',
      status: 'FINISHED',
      startTime: 1,
      endTime: 2,
      artifactUri: undefined,
      lifecycleStage: 'active',
    },
    params,
    metrics: { 'val loss': { key: 'val loss', value: 1, timestamp: 1, step: 0 } },
    tags,
    datasets: [
      {
        name: 'cifar',
        digest: 'd',
        sourceType: undefined,
        source: undefined,
        schema: undefined,
        profile: undefined,
        tags: {},
      },
    ],
    modelOutputs: [],
    modelInputs: [],
  })

  it('collects keys in natural order, system tags last, and values on demand', () => {
    const vocabulary = filterVocabulary([
      run('r1', { lr: '0.1', layer10: 'a' }, { 'mlflow.user': 'x', team: 'nlp' }),
      run('r2', { lr: '0.01', layer2: 'b' }, { team: 'cv' }),
    ])
    expect(vocabulary.params).toEqual(['layer2', 'layer10', 'lr'])
    expect(vocabulary.metrics).toEqual(['val loss'])
    expect(vocabulary.tags).toEqual(['team', 'mlflow.user'])
    expect(vocabulary.datasets).toEqual(['cifar'])
    expect(vocabulary.values('param', 'lr')).toEqual(['0.01', '0.1'])
    expect(vocabulary.values('tag', 'team')).toEqual(['cv', 'nlp'])
    expect(vocabulary.values('attribute', 'status')).toEqual(['FINISHED'])
    expect(vocabulary.values('param', 'missing')).toEqual([])
  })
})

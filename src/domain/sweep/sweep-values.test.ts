import { describe, expect, it } from 'vitest'
import { makeRun } from '@/testing/make-run'
import { axisPosition, buildAxis, columnValues, detectAxisKind, numericValue } from './sweep-values'

describe('columnValues', () => {
  const runs = [
    makeRun({ runId: 'a', runName: 'first', params: { lr: '0.01' }, metrics: { acc: 0.9 } }),
    makeRun({ runId: 'b', status: 'FAILED', params: {}, metrics: {} }),
  ]

  it.each([
    ['params.lr', ['0.01', undefined]],
    ['metrics.acc', [0.9, undefined]],
    ['attributes.status', ['FINISHED', 'FAILED']],
    ['attributes.run_name', ['first', 'b']],
    ['nonsense', [undefined, undefined]],
    ['attributes.nope', [undefined, undefined]],
  ])('reads %s the way the runs table does', (id, expected) => {
    expect(columnValues(runs, id)).toEqual(expected)
  })
})

describe('detectAxisKind', () => {
  it.each([
    [['0.1', '1e-3', '64', undefined], 'numeric'],
    [[0.5, Number.NaN, Number.POSITIVE_INFINITY], 'numeric'],
    [['adam', 'sgd'], 'categorical'],
    [['0.1', 'None'], 'categorical'],
    [[undefined, undefined], 'categorical'],
    [[], 'categorical'],
  ] as const)('%j is %s', (values, kind) => {
    expect(detectAxisKind(values)).toBe(kind)
  })
})

describe('numericValue', () => {
  it.each([
    ['3e-4', 3e-4],
    [' 64 ', 64],
    [2, 2],
    [Number.NaN, undefined],
    [Number.NEGATIVE_INFINITY, undefined],
    ['0x10', undefined],
    ['adam', undefined],
    [undefined, undefined],
  ] as const)('%j -> %j', (value, expected) => {
    expect(numericValue(value)).toBe(expected)
  })
})

describe('buildAxis', () => {
  it('spans a numeric column and remembers its smallest positive value', () => {
    expect(buildAxis('params.x', ['-1', '0', '0.5', '8', undefined])).toEqual({
      kind: 'numeric',
      id: 'params.x',
      label: 'x',
      min: -1,
      max: 8,
      minPositive: 0.5,
    })
  })

  it('orders categories naturally, numbers before text', () => {
    const axis = buildAxis('params.size', ['small', 'large', 'x10', 'x9', 'large'])
    expect(axis).toMatchObject({ kind: 'categorical', categories: ['large', 'small', 'x9', 'x10'] })
    expect(axisPosition(axis, 'x10')).toBe(3)
    expect(axisPosition(axis, 'other')).toBeUndefined()
  })

  it('labels attributes as the runs table does', () => {
    expect(buildAxis('attributes.status', ['FINISHED']).label).toBe('Status')
  })
})

import { describe, expect, it } from 'vitest'
import {
  array,
  decode,
  int64,
  keyValueRecord,
  metricValue,
  object,
  oneOf,
  optional,
  optionalOneOf,
  optionalText,
  string,
  tagRecord,
  withDefault,
  type Decoder,
} from './decode'
import { ApiError } from './errors'

function decodeError(decoder: Decoder<unknown>, value: unknown): ApiError {
  try {
    decode(decoder, value)
  } catch (error) {
    if (error instanceof ApiError) return error
    throw error
  }
  throw new Error('expected a decode error')
}

describe('int64', () => {
  it.each([
    [1714390000123, 1714390000123],
    ['1714390000123', 1714390000123],
    ['-5', -5],
    [0, 0],
  ])('reads %j as %d', (wire, expected) => {
    expect(decode(int64, wire)).toBe(expected)
  })

  it.each([['12.5'], [12.5], ['abc'], [''], [null], [true]])('rejects %j', (wire) => {
    expect(decodeError(int64, wire).kind).toBe('decode')
  })
})

describe('metricValue', () => {
  it.each([
    [0.25, 0.25],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['1.5e-3', 0.0015],
    // The SQL stores' stand-in for ±inf reads as the infinity it stood for.
    [1.7976931348623157e308, Number.POSITIVE_INFINITY],
    [-1.7976931348623157e308, Number.NEGATIVE_INFINITY],
    [1.7e308, 1.7e308],
  ])('reads %j', (wire, expected) => {
    expect(decode(metricValue, wire)).toBe(expected)
  })

  it.each([['nan'], ['inf'], [''], [null], [{}]])('rejects %j', (wire) => {
    expect(decodeError(metricValue, wire).kind).toBe('decode')
  })
})

describe('absent values', () => {
  it('reads an absent repeated field as an empty list and an absent optional as undefined', () => {
    const decoder = object((field) => ({
      items: field('items', array(string)),
      note: field('note', optional(string)),
      step: field('step', withDefault(int64, 0)),
      text: field('text', optionalText),
    }))
    expect(decode(decoder, { text: '' })).toEqual({ items: [], note: undefined, step: 0, text: undefined })
  })
})

describe('failures name the path of the bad field', () => {
  const run = object((field) => ({
    metrics: field('metrics', array(object((read) => ({ step: read('step', int64) })))),
  }))

  it('inside arrays and objects', () => {
    const error = decodeError(run, { metrics: [{ step: 1 }, { step: 'two' }] })
    expect(error).toMatchObject({ kind: 'decode', path: '$.metrics[1].step' })
    expect(error.message).toContain('$.metrics[1].step')
    expect(error.message).toContain('"two"')
  })

  it('for a missing required field', () => {
    expect(
      decodeError(
        object((field) => field('name', string)),
        {},
      ).path,
    ).toBe('$.name')
  })

  it('for a value that is not an object', () => {
    expect(decodeError(run, [1, 2]).path).toBe('$')
  })

  it('for an unknown enum name', () => {
    const error = decodeError(
      object((field) => field('status', oneOf(['RUNNING', 'FINISHED']))),
      { status: 'LOST' },
    )
    expect(error.path).toBe('$.status')
  })
})

describe('key/value lists', () => {
  it('become records, the later of two equal keys winning', () => {
    const tags = [
      { key: 'team', value: 'cv' },
      { key: 'team', value: 'nlp' },
      { key: '__proto__', value: 'kept' },
    ]
    const record = decode(tagRecord, tags)
    expect(record.team).toBe('nlp')
    expect(Object.keys(record)).toEqual(['team', '__proto__'])
  })

  it('accept other field names, e.g. aliases', () => {
    expect(decode(keyValueRecord('alias', 'version'), [{ alias: 'champion', version: '4' }])).toEqual({
      champion: '4',
    })
  })
})

describe('optionalOneOf', () => {
  it('turns a name a newer server invented into undefined', () => {
    expect(decode(optionalOneOf(['READY']), 'SOMETHING_NEW')).toBeUndefined()
    expect(decode(optionalOneOf(['READY']), 'READY')).toBe('READY')
  })
})

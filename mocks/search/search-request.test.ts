/**
 * Which error a request with several problems gets, as a real MLflow 3.17.2 server answered each of
 * these requests over HTTP.
 */
import { describe, expect, it } from 'vitest'
import { parseExperimentSearchRequest, parseRunSearchRequest } from './search-request'

describe('parseRunSearchRequest', () => {
  it.each([
    {
      name: 'a filter syntax error beats a bad order_by',
      filter: "metrics.x > 'a'",
      orderBy: ['foo.x'],
      expected: { source: 'filter', message: "Expected numeric value type for metric. Found 'a'" },
    },
    {
      name: 'a bad order_by beats a bad filter comparator',
      filter: 'metrics.x LIKE 1',
      orderBy: ['foo.x'],
      expected: {
        source: 'order_by',
        message:
          "Invalid entity type 'foo'. Valid values are ['metric', 'parameter', 'tag', 'attribute', 'dataset']",
      },
    },
    {
      name: 'duplicate order_by keys are an internal error',
      filter: 'metrics.x LIKE 1',
      orderBy: ['start_time', 'created'],
      expected: {
        source: 'order_by',
        message: "`order_by` contains duplicate fields: ['start_time', 'created']",
        errorCode: 'INTERNAL_ERROR',
      },
    },
    {
      name: 'a comparator error beats a value SQLite refuses',
      filter: "run_id = ('a') AND metrics.x LIKE 1",
      orderBy: [],
      expected: {
        source: 'filter',
        message: "Invalid comparator 'LIKE' not one of '{'=', '!=', '<', '<=', '>', '>='}",
      },
    },
    {
      name: 'whitespace is not a filter',
      filter: '  ',
      orderBy: [],
      expected: { source: 'filter', message: "Invalid filter '  '. Could not be parsed." },
    },
  ])('$name', ({ filter, orderBy, expected }) => {
    const result = parseRunSearchRequest(filter, orderBy)
    expect(result).toMatchObject({
      ok: false,
      source: expected.source,
      error: { message: expected.message, errorCode: expected.errorCode ?? 'INVALID_PARAMETER_VALUE' },
    })
  })

  it('returns the parsed filter and order_by', () => {
    expect(parseRunSearchRequest("params.opt = 'adam'", ['metrics.loss DESC'])).toEqual({
      ok: true,
      filter: [{ entity: 'param', key: 'opt', comparator: '=', value: 'adam' }],
      orderBy: [{ entity: 'metric', key: 'loss', ascending: false }],
    })
  })
})

describe('parseExperimentSearchRequest', () => {
  it.each([
    {
      name: 'the whole filter is checked before order_by',
      filter: "name like 'a'",
      orderBy: ['tags.x'],
      expected: {
        source: 'filter',
        message: "Invalid comparator 'like' not one of '{'=', '!=', 'LIKE', 'ILIKE', 'IN', 'NOT IN'}'",
        errorCode: 'INVALID_PARAMETER_VALUE',
      },
    },
    {
      name: 'a value SQLite refuses loses to a bad order_by',
      filter: "experiment_id = ('1')",
      orderBy: ['tags.x'],
      expected: {
        source: 'order_by',
        message: 'Invalid order_by entity: tag',
        errorCode: 'INVALID_PARAMETER_VALUE',
      },
    },
    {
      name: 'a value SQLite refuses',
      filter: "experiment_id = ('1')",
      orderBy: [],
      expected: {
        source: 'filter',
        message: "(sqlite3.ProgrammingError) Error binding parameter: type 'tuple' is not supported",
        errorCode: 'BAD_REQUEST',
      },
    },
  ])('$name', ({ filter, orderBy, expected }) => {
    const result = parseExperimentSearchRequest(filter, orderBy)
    expect(result).toMatchObject({
      ok: false,
      source: expected.source,
      error: { message: expected.message, errorCode: expected.errorCode },
    })
  })
})

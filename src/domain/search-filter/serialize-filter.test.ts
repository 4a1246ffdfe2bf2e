/**
 * Serialized filters were checked against MLflow 3.17.2: the texts in WRITTEN were sent to a real
 * server (accepted), and about 3,000 random clause lists with quotes, backticks, backslashes,
 * wildcards, emoji and control characters were serialized and read back by MLflow's own parser with
 * the same clauses.
 */
import { describe, expect, it } from 'vitest'
import { parseExperimentFilter, parseRunFilter, type ExperimentClause, type RunClause } from './parse-filter'
import { serializeExperimentFilter, serializeRunFilter } from './serialize-filter'

const WRITTEN: { clauses: RunClause[]; text: string }[] = [
  { clauses: [], text: '' },
  {
    clauses: [{ entity: 'metric', key: 'val_loss', comparator: '<', value: 0.3 }],
    text: 'metrics.val_loss < 0.3',
  },
  // sqlparse reads no `+` in an exponent.
  {
    clauses: [{ entity: 'metric', key: 'val loss', comparator: '>=', value: 1e21 }],
    text: 'metrics.`val loss` >= 1e21',
  },
  { clauses: [{ entity: 'metric', key: 'x', comparator: '=', value: -0 }], text: 'metrics.x = -0' },
  {
    clauses: [
      { entity: 'param', key: 'optimizer', comparator: '=', value: 'adam' },
      { entity: 'tag', key: 'mlflow.user', comparator: 'LIKE', value: 'al%' },
    ],
    text: "params.optimizer = 'adam' AND tags.`mlflow.user` LIKE 'al%'",
  },
  { clauses: [{ entity: 'tag', key: 'note', comparator: '=', value: "it's" }], text: `tags.note = "it's"` },
  {
    clauses: [{ entity: 'tag', key: 'quote', comparator: '=', value: 'say "hi"' }],
    text: `tags.quote = 'say "hi"'`,
  },
  { clauses: [{ entity: 'tag', key: 'a`b', comparator: '=', value: 'x' }], text: 'tags."a`b" = \'x\'' },
  { clauses: [{ entity: 'tag', key: 'x', comparator: 'IS NULL', value: null }], text: 'tags.x IS NULL' },
  // IN lists are Python literals, so here (and only here) quotes and backslashes are escaped.
  {
    clauses: [{ entity: 'attribute', key: 'run_id', comparator: 'IN', value: ['a1', "it's", 'back\\slash'] }],
    text: "attributes.run_id IN ('a1', 'it\\'s', 'back\\\\slash')",
  },
  {
    clauses: [
      { entity: 'attribute', key: 'start_time', comparator: '>=', value: 1700000000000 },
      { entity: 'attribute', key: 'status', comparator: '=', value: 'FINISHED' },
    ],
    text: "attributes.start_time >= 1700000000000 AND attributes.status = 'FINISHED'",
  },
  {
    clauses: [{ entity: 'dataset', key: 'context', comparator: 'NOT IN', value: ['eval'] }],
    text: "dataset.context NOT IN ('eval')",
  },
  // In single quotes the trailing backslash would swallow the next clause's opening quote.
  {
    clauses: [
      { entity: 'tag', key: 'path', comparator: '=', value: 'C:\\dir\\' },
      { entity: 'tag', key: 'x', comparator: '=', value: 'y' },
    ],
    text: `tags.path = "C:\\dir\\" AND tags.x = 'y'`,
  },
]

const ROUND_TRIPS: { name: string; clauses: RunClause[] }[] = [
  {
    name: 'doubled quotes in a LIKE pattern',
    clauses: [{ entity: 'param', key: 'p', comparator: 'LIKE', value: "%it''s%" }],
  },
  {
    name: 'a key with quotes and backticks',
    clauses: [{ entity: 'tag', key: "key with 'quotes' and `ticks`", comparator: '!=', value: '' }],
  },
  {
    name: 'filter syntax inside a value',
    clauses: [{ entity: 'tag', key: 'k', comparator: 'ILIKE', value: 'AND tags.x = ' }],
  },
  {
    name: 'emoji and a newline',
    clauses: [{ entity: 'attribute', key: 'run_name', comparator: '=', value: '😀 run\n2' }],
  },
  {
    name: 'list items with brackets, quotes, backslash, NUL and a comment',
    clauses: [
      {
        entity: 'dataset',
        key: 'name',
        comparator: 'IN',
        value: ['(a)', ')', "'", '"', '\\', '\u0000', '# c', ''],
      },
    ],
  },
  {
    name: 'odd metric keys and numbers',
    clauses: [
      { entity: 'metric', key: '1x', comparator: '>', value: -1.5e-7 },
      { entity: 'metric', key: 'select', comparator: '<=', value: 123456789012 },
      { entity: 'param', key: 'x', comparator: 'IS NOT NULL', value: null },
    ],
  },
  {
    name: 'a lone quote and a trailing backslash',
    clauses: [
      { entity: 'tag', key: 'a', comparator: '=', value: "x'" },
      { entity: 'tag', key: 'b', comparator: '=', value: 'y\\' },
    ],
  },
]

const UNWRITABLE: { clauses: RunClause[]; message: string; clause: number }[] = [
  // `y\` needs, after it, a quote kind that no later text contains; the next clause has both.
  {
    clauses: [
      { entity: 'tag', key: 'b', comparator: '=', value: 'y\\' },
      { entity: 'tag', key: "it's", comparator: '=', value: '"z' },
    ],
    message: 'The clauses cannot be joined into one filter that MLflow reads back unchanged',
    clause: 0,
  },
  {
    clauses: [
      { entity: 'tag', key: 'ok', comparator: '=', value: 'fine' },
      { entity: 'tag', key: 'x', comparator: '=', value: `both ' and "` },
    ],
    message: `The value "both ' and \\"" cannot be quoted: MLflow does not unescape quotes, and the value holds both ' and "`,
    clause: 1,
  },
  {
    clauses: [{ entity: 'metric', key: 'x', comparator: 'LIKE', value: 1 }],
    message: "Invalid comparator 'LIKE' not one of '{'=', '!=', '<', '<=', '>', '>='}",
    clause: 0,
  },
  {
    clauses: [{ entity: 'metric', key: 'x', comparator: '>', value: NaN }],
    message: 'Expected numeric value type for metric. Found NaN',
    clause: 0,
  },
  {
    clauses: [{ entity: 'attribute', key: 'run_id', comparator: 'IN', value: [] }],
    message:
      'While parsing a list in the query, expected a non-empty list of string values, but got empty list',
    clause: 0,
  },
]

describe('serializeRunFilter', () => {
  it.each(WRITTEN)('writes $text', ({ clauses, text }) => {
    expect(serializeRunFilter(clauses)).toEqual({ ok: true, value: text })
    expect(parseRunFilter(text)).toEqual({ ok: true, value: clauses })
  })

  it.each(ROUND_TRIPS)('reads back $name', ({ clauses }) => {
    const written = serializeRunFilter(clauses)
    if (!written.ok) throw new Error(written.error.message)
    expect(parseRunFilter(written.value)).toEqual({ ok: true, value: clauses })
  })

  it('writes attribute aliases under their canonical names', () => {
    expect(serializeRunFilter([{ entity: 'attribute', key: 'created', comparator: '>', value: 5 }])).toEqual({
      ok: true,
      value: 'attributes.start_time > 5',
    })
  })

  it.each(UNWRITABLE)('refuses $clauses.0.key $clauses.0.comparator', ({ clauses, message, clause }) => {
    expect(serializeRunFilter(clauses)).toEqual({ ok: false, error: { message, clause } })
  })
})

describe('serializeExperimentFilter', () => {
  it('writes attributes bare and tags with their prefix', () => {
    const clauses: ExperimentClause[] = [
      { entity: 'attribute', key: 'name', comparator: 'ILIKE', value: '%resnet%' },
      { entity: 'tag', key: 'mlflow.experiment.isGateway', comparator: 'IS NULL', value: null },
      { entity: 'attribute', key: 'experiment_id', comparator: 'IN', value: ['1', '2'] },
    ]
    const text =
      "name ILIKE '%resnet%' AND tags.`mlflow.experiment.isGateway` IS NULL AND experiment_id IN ('1', '2')"
    expect(serializeExperimentFilter(clauses)).toEqual({ ok: true, value: text })
    expect(parseExperimentFilter(text)).toEqual({ ok: true, value: clauses })
  })
})

/**
 * Every accept and reject below was checked against a real MLflow 3.17.2 server (`mlflow server`,
 * SQLite backend, Python 3.11, sqlparse 0.6.1) over HTTP: same outcome, same error_code, same message.
 * Messages that print a Python set use our fixed order; the server's order changes per process.
 * Broader agreement was checked by differential runs of generated filters against MLflow's own
 * SqlAlchemyStore (about 100,000 inputs, no differences).
 */
import { describe, expect, it } from 'vitest'
import { parseExperimentFilter, parseRunFilter, type ExperimentClause, type RunClause } from './parse-filter'
import type { FilterErrorCode, ParseResult } from './parse-result'

interface Rejection {
  text: string
  message: string
  /** The part a search box underlines, and where it starts. */
  underline: string
  start: number
  code: FilterErrorCode
}

function expectRejection(result: ParseResult<unknown>, { text, message, underline, start, code }: Rejection) {
  expect(result.ok).toBe(false)
  if (result.ok) return
  expect(result.error.message).toBe(message)
  expect(result.error.errorCode).toBe(code)
  expect(result.error.start).toBe(start)
  expect(text.slice(result.error.start, result.error.end)).toBe(underline)
}

const RUN_FILTERS: { text: string; clauses: RunClause[] }[] = [
  {
    text: 'metrics.val_loss < 0.3',
    clauses: [{ entity: 'metric', key: 'val_loss', comparator: '<', value: 0.3 }],
  },
  {
    text: "metric.acc >= 0.9 and params.optimizer = 'adam'",
    clauses: [
      { entity: 'metric', key: 'acc', comparator: '>=', value: 0.9 },
      { entity: 'param', key: 'optimizer', comparator: '=', value: 'adam' },
    ],
  },
  {
    text: "metrics.loss > 1 AND params.lr = '0.01' And tags.team != 'nlp' aNd attributes.status = 'FINISHED'",
    clauses: [
      { entity: 'metric', key: 'loss', comparator: '>', value: 1 },
      { entity: 'param', key: 'lr', comparator: '=', value: '0.01' },
      { entity: 'tag', key: 'team', comparator: '!=', value: 'nlp' },
      { entity: 'attribute', key: 'status', comparator: '=', value: 'FINISHED' },
    ],
  },
  {
    text: "parameter.lr = '1' AND parameters.bs = '2' AND param.x = '3' AND params.y = '4'",
    clauses: [
      { entity: 'param', key: 'lr', comparator: '=', value: '1' },
      { entity: 'param', key: 'bs', comparator: '=', value: '2' },
      { entity: 'param', key: 'x', comparator: '=', value: '3' },
      { entity: 'param', key: 'y', comparator: '=', value: '4' },
    ],
  },
  {
    text: "tag.a = 'x' AND tags.b = 'y'",
    clauses: [
      { entity: 'tag', key: 'a', comparator: '=', value: 'x' },
      { entity: 'tag', key: 'b', comparator: '=', value: 'y' },
    ],
  },
  {
    text: "attribute.status = 'RUNNING' AND attributes.user_id = 'alice' AND attr.run_id = 'abc' AND run.artifact_uri LIKE 's3://%'",
    clauses: [
      { entity: 'attribute', key: 'status', comparator: '=', value: 'RUNNING' },
      { entity: 'attribute', key: 'user_id', comparator: '=', value: 'alice' },
      { entity: 'attribute', key: 'run_id', comparator: '=', value: 'abc' },
      { entity: 'attribute', key: 'artifact_uri', comparator: 'LIKE', value: 's3://%' },
    ],
  },
  {
    text: "status = 'FAILED'",
    clauses: [{ entity: 'attribute', key: 'status', comparator: '=', value: 'FAILED' }],
  },
  {
    text: "run_name = 'bright-owl' AND `Run name` ILIKE '%owl%' AND \"run name\" != 'x' AND attributes.`Run Name` LIKE 'b%'",
    clauses: [
      { entity: 'attribute', key: 'run_name', comparator: '=', value: 'bright-owl' },
      { entity: 'attribute', key: 'run_name', comparator: 'ILIKE', value: '%owl%' },
      { entity: 'attribute', key: 'run_name', comparator: '!=', value: 'x' },
      { entity: 'attribute', key: 'run_name', comparator: 'LIKE', value: 'b%' },
    ],
  },
  {
    text: 'created > 1700000000000 AND Created <= 1800000000000 AND attributes.start_time >= 0 AND end_time < 5',
    clauses: [
      { entity: 'attribute', key: 'start_time', comparator: '>', value: 1700000000000 },
      { entity: 'attribute', key: 'start_time', comparator: '<=', value: 1800000000000 },
      { entity: 'attribute', key: 'start_time', comparator: '>=', value: 0 },
      { entity: 'attribute', key: 'end_time', comparator: '<', value: 5 },
    ],
  },
  {
    text: 'start_time = 1.5',
    clauses: [{ entity: 'attribute', key: 'start_time', comparator: '=', value: 1.5 }],
  },
  {
    text: "tags.`mlflow.runName` = 'x'",
    clauses: [{ entity: 'tag', key: 'mlflow.runName', comparator: '=', value: 'x' }],
  },
  {
    text: 'metrics.`val loss` > 0 AND metrics."train loss" < 1',
    clauses: [
      { entity: 'metric', key: 'val loss', comparator: '>', value: 0 },
      { entity: 'metric', key: 'train loss', comparator: '<', value: 1 },
    ],
  },
  {
    text: "params.'quoted key' = 'v'",
    clauses: [{ entity: 'param', key: 'quoted key', comparator: '=', value: 'v' }],
  },
  { text: '`metrics`.x = 1', clauses: [{ entity: 'metric', key: 'x', comparator: '=', value: 1 }] },
  {
    text: 'metrics.x = -1 AND metrics.y = .5 AND metrics.z = 1e3 AND metrics.w = 1E-3 AND metrics.v = 1.',
    clauses: [
      { entity: 'metric', key: 'x', comparator: '=', value: -1 },
      { entity: 'metric', key: 'y', comparator: '=', value: 0.5 },
      { entity: 'metric', key: 'z', comparator: '=', value: 1000 },
      { entity: 'metric', key: 'w', comparator: '=', value: 0.001 },
      { entity: 'metric', key: 'v', comparator: '=', value: 1 },
    ],
  },
  // Nothing is unescaped: the value keeps both quotes. A lone ' needs double quotes instead.
  { text: "tags.note = 'it''s'", clauses: [{ entity: 'tag', key: 'note', comparator: '=', value: "it''s" }] },
  { text: 'tags.note = "it\'s"', clauses: [{ entity: 'tag', key: 'note', comparator: '=', value: "it's" }] },
  // A value ending in a backslash reads fine, but only where no later quote follows.
  {
    text: "tags.path = 'C:\\dir\\'",
    clauses: [{ entity: 'tag', key: 'path', comparator: '=', value: 'C:\\dir\\' }],
  },
  { text: "tags.x = 'a\\'b'", clauses: [{ entity: 'tag', key: 'x', comparator: '=', value: "a\\'b" }] },
  {
    text: "params.p LIKE '%a_b%' AND params.q ILIKE 'ADAM'",
    clauses: [
      { entity: 'param', key: 'p', comparator: 'LIKE', value: '%a_b%' },
      { entity: 'param', key: 'q', comparator: 'ILIKE', value: 'ADAM' },
    ],
  },
  {
    text: "params.p like 'a%' AND tags.t ilike 'b%'",
    clauses: [
      { entity: 'param', key: 'p', comparator: 'LIKE', value: 'a%' },
      { entity: 'tag', key: 't', comparator: 'ILIKE', value: 'b%' },
    ],
  },
  {
    text: "attributes.run_id IN ('a1', 'b2')",
    clauses: [{ entity: 'attribute', key: 'run_id', comparator: 'IN', value: ['a1', 'b2'] }],
  },
  {
    text: "run_id NOT IN ('a1')",
    clauses: [{ entity: 'attribute', key: 'run_id', comparator: 'NOT IN', value: ['a1'] }],
  },
  // IN lists are Python literals (ast.literal_eval): adjacent strings concatenate, escapes apply.
  {
    text: "run_id in ('a1', \"b2\", 'c' 'd')",
    clauses: [{ entity: 'attribute', key: 'run_id', comparator: 'IN', value: ['a1', 'b2', 'cd'] }],
  },
  {
    text: "run_id IN ('a\\x41',)",
    clauses: [{ entity: 'attribute', key: 'run_id', comparator: 'IN', value: ['aA'] }],
  },
  {
    text: "dataset.name = 'cifar10' AND dataset.digest = 'abc' AND datasets.context = 'train'",
    clauses: [
      { entity: 'dataset', key: 'name', comparator: '=', value: 'cifar10' },
      { entity: 'dataset', key: 'digest', comparator: '=', value: 'abc' },
      { entity: 'dataset', key: 'context', comparator: '=', value: 'train' },
    ],
  },
  {
    text: "dataset.name IN ('a', 'b') AND dataset.context NOT IN ('eval')",
    clauses: [
      { entity: 'dataset', key: 'name', comparator: 'IN', value: ['a', 'b'] },
      { entity: 'dataset', key: 'context', comparator: 'NOT IN', value: ['eval'] },
    ],
  },
  {
    text: 'tags.x IS NULL AND params.y IS NOT NULL',
    clauses: [
      { entity: 'tag', key: 'x', comparator: 'IS NULL', value: null },
      { entity: 'param', key: 'y', comparator: 'IS NOT NULL', value: null },
    ],
  },
  {
    text: 'tags.x is null and params.y is not null',
    clauses: [
      { entity: 'tag', key: 'x', comparator: 'IS NULL', value: null },
      { entity: 'param', key: 'y', comparator: 'IS NOT NULL', value: null },
    ],
  },
  // sqlparse accidents the server lives with: ASC/DESC, aliases, casts, calls and subscripts
  // fold into the identifier, and two comparisons need no AND between them.
  { text: "tags.x DESC = 'a'", clauses: [{ entity: 'tag', key: 'x DESC', comparator: '=', value: 'a' }] },
  { text: 'tags.x y IS NULL', clauses: [{ entity: 'tag', key: 'x y', comparator: 'IS NULL', value: null }] },
  { text: 'metrics.x ASC > 1', clauses: [{ entity: 'metric', key: 'x ASC', comparator: '>', value: 1 }] },
  // AND may repeat, lead or trail.
  {
    text: "tags.x = 'a' AND AND tags.y = 'b'",
    clauses: [
      { entity: 'tag', key: 'x', comparator: '=', value: 'a' },
      { entity: 'tag', key: 'y', comparator: '=', value: 'b' },
    ],
  },
  { text: "tags.x = 'a' AND", clauses: [{ entity: 'tag', key: 'x', comparator: '=', value: 'a' }] },
  { text: "AND tags.x = 'a'", clauses: [{ entity: 'tag', key: 'x', comparator: '=', value: 'a' }] },
  { text: 'metrics.x>1', clauses: [{ entity: 'metric', key: 'x', comparator: '>', value: 1 }] },
  { text: '  metrics.x > 1  ', clauses: [{ entity: 'metric', key: 'x', comparator: '>', value: 1 }] },
  {
    text: "metrics.x > 1\nAND\tparams.y = 'z'",
    clauses: [
      { entity: 'metric', key: 'x', comparator: '>', value: 1 },
      { entity: 'param', key: 'y', comparator: '=', value: 'z' },
    ],
  },
  { text: "tags.select = 'a'", clauses: [{ entity: 'tag', key: 'select', comparator: '=', value: 'a' }] },
  { text: 'metrics. x > 1', clauses: [{ entity: 'metric', key: ' x', comparator: '>', value: 1 }] },
  { text: "tags.f(x) = 'a'", clauses: [{ entity: 'tag', key: 'f(x)', comparator: '=', value: 'a' }] },
  { text: "tags.x::int = 'a'", clauses: [{ entity: 'tag', key: 'x::int', comparator: '=', value: 'a' }] },
  { text: "tags.x[1] = 'a'", clauses: [{ entity: 'tag', key: 'x[1]', comparator: '=', value: 'a' }] },
  // Any Unicode decimal digit is a digit to Python.
  { text: 'metrics.x = ١', clauses: [{ entity: 'metric', key: 'x', comparator: '=', value: 1 }] },
  { text: "tags.t = 'É'", clauses: [{ entity: 'tag', key: 't', comparator: '=', value: 'É' }] },
  {
    text: "tags.x = 'a' tags.y = 'b'",
    clauses: [
      { entity: 'tag', key: 'x', comparator: '=', value: 'a' },
      { entity: 'tag', key: 'y', comparator: '=', value: 'b' },
    ],
  },
]

const RUN_REJECTIONS: Rejection[] = [
  {
    text: 'metrics.x > 1 OR metrics.y > 2',
    message: "Invalid clause(s) in filter string: 'OR'",
    underline: 'OR',
    start: 14,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: 'NOT metrics.x > 1',
    message: "Invalid clause(s) in filter string: 'NOT'",
    underline: 'NOT',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: '(metrics.x > 1)',
    message: "Invalid clause(s) in filter string: '(metrics.x > 1)'",
    underline: '(metrics.x > 1)',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: "metrics.x > 1; tags.y = 'a'",
    message:
      'Search filter contained multiple expression "metrics.x > 1; tags.y = \'a\'". Provide AND-ed expression list.',
    underline: "tags.y = 'a'",
    start: 15,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: 'metrics.x > 1;',
    message: "Invalid clause(s) in filter string: ';'",
    underline: ';',
    start: 13,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: 'metrics.x > 1 -- comment',
    message: "Invalid clause(s) in filter string: '-- comment'",
    underline: '-- comment',
    start: 14,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: 'metrics.x > 1 /* c */',
    message: "Invalid clause(s) in filter string: '/* c */'",
    underline: '/* c */',
    start: 14,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: "foo.x = 'a'",
    message:
      "Invalid entity type 'foo'. Valid values are ['metric', 'parameter', 'tag', 'attribute', 'dataset']",
    underline: 'foo.x',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: 'Metrics.x > 1',
    message:
      "Invalid entity type 'Metrics'. Valid values are ['metric', 'parameter', 'tag', 'attribute', 'dataset']",
    underline: 'Metrics.x',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: "lifecycle_stage = 'active'",
    message:
      "Invalid attribute key 'lifecycle_stage' specified. Valid keys are '{'Created', 'Run Name', 'Run name', 'artifact_uri', 'created', 'end_time', 'run name', 'run_id', 'run_name', 'start_time', 'status', 'user_id'}'",
    underline: 'lifecycle_stage',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: "attributes.experiment_id = '1'",
    message:
      "Invalid attribute key 'experiment_id' specified. Valid keys are '{'Created', 'Run Name', 'Run name', 'artifact_uri', 'created', 'end_time', 'run name', 'run_id', 'run_name', 'start_time', 'status', 'user_id'}'",
    underline: 'attributes.experiment_id',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: "dataset.source = 'x'",
    message: "Invalid dataset key 'source' specified. Valid keys are '{'name', 'digest', 'context'}'",
    underline: 'dataset.source',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: "select = 'a'",
    message: "Invalid clause(s) in filter string: 'select', '=', ''a''",
    underline: 'select',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: "metrics.x > 'a'",
    message: "Expected numeric value type for metric. Found 'a'",
    underline: "'a'",
    start: 12,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: 'metrics.x > "1"',
    message: 'Expected numeric value type for metric. Found "1"',
    underline: '"1"',
    start: 12,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: 'metrics.x > 0x10',
    message: "Invalid clause(s) in filter string: 'metrics.x', '>', '0x10'",
    underline: 'metrics.x',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: 'params.x = 1',
    message: "Expected a quoted string value for parameter (e.g. 'my-value'). Got value 1",
    underline: '1',
    start: 11,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: 'params.x = abc',
    message:
      'Parameter value is either not quoted or unidentified quote types used for string value abc. Use either single or double quotes.',
    underline: 'abc',
    start: 11,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: "tags.x = ('a')",
    message: "Expected a quoted string value for tag (e.g. 'my-value'). Got value ('a')",
    underline: "('a')",
    start: 9,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: 'status = 1',
    message: 'Expected a quoted string value for attributes. Got value 1',
    underline: '1',
    start: 9,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: "status IN ('a')",
    message: "Only ['run_id'] attributes support comparison with a list of quoted string values.",
    underline: "('a')",
    start: 10,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: "start_time > '1'",
    message: "Expected numeric value type for numeric attribute: start_time. Found '1'",
    underline: "'1'",
    start: 13,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: 'start_time IN (1)',
    message: 'Expected numeric value type for numeric attribute: start_time. Found (1)',
    underline: '(1)',
    start: 14,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: 'dataset.name = 1',
    message: 'Expected a quoted string value for dataset attributes. Got value 1',
    underline: '1',
    start: 15,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: 'metrics.x IS NULL',
    message: "IS NULL / IS NOT NULL is only supported for tags and params, not for 'metric' 'x'",
    underline: 'metrics.x IS NULL',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: 'status IS NULL',
    message: "IS NULL / IS NOT NULL is only supported for tags and params, not for 'attribute' 'status'",
    underline: 'status IS NULL',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: 'dataset.name IS NOT NULL',
    message: "IS NULL / IS NOT NULL is only supported for tags and params, not for 'dataset' 'name'",
    underline: 'dataset.name IS NOT NULL',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: 'metrics.x LIKE 1',
    message: "Invalid comparator 'LIKE' not one of '{'=', '!=', '<', '<=', '>', '>='}",
    underline: 'LIKE',
    start: 10,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: 'metrics.x IN (1)',
    message: 'Expected numeric value type for metric. Found (1)',
    underline: '(1)',
    start: 13,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: "params.x > 'a'",
    message: "Invalid comparator '>' not one of '{'=', '!=', 'LIKE', 'ILIKE', 'IS NULL', 'IS NOT NULL'}'",
    underline: '>',
    start: 9,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: "tags.x < 'a'",
    message: "Invalid comparator '<' not one of '{'=', '!=', 'LIKE', 'ILIKE', 'IS NULL', 'IS NOT NULL'}",
    underline: '<',
    start: 7,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: "status > 'a'",
    message: "Invalid comparator '>' not one of '{'=', '!=', 'LIKE', 'ILIKE', 'IN', 'NOT IN'}'",
    underline: '>',
    start: 7,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: 'start_time LIKE 1',
    message: "Invalid comparator 'LIKE' not one of '{'=', '!=', 'LIKE', 'ILIKE', 'IN', 'NOT IN'}",
    underline: 'LIKE',
    start: 11,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: "dataset.name < 'a'",
    message: "Invalid comparator '<' not one of '{'=', '!=', 'LIKE', 'ILIKE', 'IN', 'NOT IN'}",
    underline: '<',
    start: 13,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: "params.x NOT LIKE 'a'",
    message:
      "Invalid comparator 'NOT LIKE' not one of '{'=', '!=', 'LIKE', 'ILIKE', 'IS NULL', 'IS NOT NULL'}'",
    underline: 'NOT LIKE',
    start: 9,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: 'tags.x IS NOT  NULL',
    message: "Invalid clause(s) in filter string: 'tags.x', 'IS', 'NOT  NULL'",
    underline: 'tags.x',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: "tags.x == 'a'",
    message: "Invalid comparator '==' not one of '{'=', '!=', 'LIKE', 'ILIKE', 'IS NULL', 'IS NOT NULL'}",
    underline: '==',
    start: 7,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: "tags.x <> 'a'",
    message: "Invalid comparator '<>' not one of '{'=', '!=', 'LIKE', 'ILIKE', 'IS NULL', 'IS NOT NULL'}",
    underline: '<>',
    start: 7,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: 'run_id IN ()',
    message:
      'While parsing a list in the query, expected a non-empty list of string values, but got empty list',
    underline: '()',
    start: 10,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: 'run_id IN (1, 2)',
    message:
      'While parsing a list in the query, expected string value, punctuation, or whitespace, but got different type in list: (1, 2)',
    underline: '(1, 2)',
    start: 10,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: 'run_id IN (abc)',
    message: 'malformed node or string on line 1: <ast.Name object>',
    underline: '(abc)',
    start: 10,
    code: 'INTERNAL_ERROR',
  },
  {
    text: "run_id IN ('a', b'c')",
    message:
      "While parsing a list in the query, expected string value, punctuation, or whitespace, but got different type in list: ('a', b'c')",
    underline: "('a', b'c')",
    start: 10,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: "run_id IN ('a'",
    message: "Invalid clause(s) in filter string: 'run_id', 'IN', '(', ''a''",
    underline: 'run_id',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: "run_id IN ('a' 'b)",
    message:
      'While parsing a list in the query, expected a non-empty list of string values, but got ill-formed list.',
    underline: "('a' 'b)",
    start: 10,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: "run_id = ('a')",
    message: "(sqlite3.ProgrammingError) Error binding parameter: type 'tuple' is not supported",
    underline: "run_id = ('a')",
    start: 0,
    code: 'BAD_REQUEST',
  },
  {
    text: "dataset.name LIKE ('a', 'b')",
    message: "(sqlite3.ProgrammingError) Error binding parameter: type 'tuple' is not supported",
    underline: "dataset.name LIKE ('a', 'b')",
    start: 0,
    code: 'BAD_REQUEST',
  },
  {
    text: "'a' = tags.x",
    message: "Invalid comparison clause. Expected 'Identifier' found ''a''",
    underline: "'a'",
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: "tags.x = 'a' = 'b'",
    message: "Invalid comparison clause. Expected 'Identifier' found 'tags.x = 'a''",
    underline: "tags.x = 'a'",
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: "tags.x = 'a', tags.y = 'b'",
    message: "Invalid clause(s) in filter string: 'tags.x = 'a', tags.y = 'b''",
    underline: "tags.x = 'a', tags.y = 'b'",
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: 'metrics.x > 1 AND metrics.y LIKE 2 AND tags.z = 3',
    message: "Expected a quoted string value for tag (e.g. 'my-value'). Got value 3",
    underline: '3',
    start: 48,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: 'metrics.x LIKE 1 AND tags.z = 3',
    message: "Expected a quoted string value for tag (e.g. 'my-value'). Got value 3",
    underline: '3',
    start: 30,
    code: 'INVALID_PARAMETER_VALUE',
  },
]

const EXPERIMENT_FILTERS: { text: string; clauses: ExperimentClause[] }[] = [
  {
    text: "name = 'resnet'",
    clauses: [{ entity: 'attribute', key: 'name', comparator: '=', value: 'resnet' }],
  },
  {
    text: "name ILIKE '%resnet%' AND tags.team = 'cv'",
    clauses: [
      { entity: 'attribute', key: 'name', comparator: 'ILIKE', value: '%resnet%' },
      { entity: 'tag', key: 'team', comparator: '=', value: 'cv' },
    ],
  },
  {
    text: "attribute.name LIKE 'a%' and tag.team != 'x'",
    clauses: [
      { entity: 'attribute', key: 'name', comparator: 'LIKE', value: 'a%' },
      { entity: 'tag', key: 'team', comparator: '!=', value: 'x' },
    ],
  },
  {
    text: "`name` = 'a' AND \"name\" = 'b' AND attribute.`name` = 'c'",
    clauses: [
      { entity: 'attribute', key: 'name', comparator: '=', value: 'a' },
      { entity: 'attribute', key: 'name', comparator: '=', value: 'b' },
      { entity: 'attribute', key: 'name', comparator: '=', value: 'c' },
    ],
  },
  {
    text: 'creation_time > 1700000000000 AND last_update_time <= 1800000000000',
    clauses: [
      { entity: 'attribute', key: 'creation_time', comparator: '>', value: 1700000000000 },
      { entity: 'attribute', key: 'last_update_time', comparator: '<=', value: 1800000000000 },
    ],
  },
  {
    text: "experiment_id = '1' AND experiment_id != '2'",
    clauses: [
      { entity: 'attribute', key: 'experiment_id', comparator: '=', value: '1' },
      { entity: 'attribute', key: 'experiment_id', comparator: '!=', value: '2' },
    ],
  },
  {
    text: "experiment_id IN ('1', '2') AND experiment_id NOT IN ('3')",
    clauses: [
      { entity: 'attribute', key: 'experiment_id', comparator: 'IN', value: ['1', '2'] },
      { entity: 'attribute', key: 'experiment_id', comparator: 'NOT IN', value: ['3'] },
    ],
  },
  {
    text: "experiment_id = ' 4 '",
    clauses: [{ entity: 'attribute', key: 'experiment_id', comparator: '=', value: ' 4 ' }],
  },
  {
    text: 'tags.`mlflow.experiment.isGateway` IS NULL',
    clauses: [{ entity: 'tag', key: 'mlflow.experiment.isGateway', comparator: 'IS NULL', value: null }],
  },
  {
    text: 'tags.x IS NOT NULL',
    clauses: [{ entity: 'tag', key: 'x', comparator: 'IS NOT NULL', value: null }],
  },
]

const EXPERIMENT_REJECTIONS: Rejection[] = [
  {
    text: "name like '%a%'",
    message: "Invalid comparator 'like' not one of '{'=', '!=', 'LIKE', 'ILIKE', 'IN', 'NOT IN'}'",
    underline: 'like',
    start: 5,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: "tags.team ilike 'cv'",
    message: 'Invalid comparator for tag: ilike',
    underline: 'ilike',
    start: 10,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: "experiment_id in ('1')",
    message: 'Invalid comparator for experiment_id: in',
    underline: 'in',
    start: 14,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: "experiment_id LIKE '1'",
    message: 'Invalid comparator for experiment_id: LIKE',
    underline: 'LIKE',
    start: 14,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: "experiment_id = 'abc'",
    message: "Invalid experiment ID 'abc'. Experiment ID must be a valid integer.",
    underline: "experiment_id = 'abc'",
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: "experiment_id IN ('1', 'x')",
    message: "Invalid experiment ID 'x'. Experiment ID must be a valid integer.",
    underline: "experiment_id IN ('1', 'x')",
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: 'experiment_id = 1',
    message: 'Expected a quoted string value for attributes. Got value 1',
    underline: '1',
    start: 16,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: "experiment_id = ('1')",
    message: "(sqlite3.ProgrammingError) Error binding parameter: type 'tuple' is not supported",
    underline: "experiment_id = ('1')",
    start: 0,
    code: 'BAD_REQUEST',
  },
  {
    text: "name IN ('a')",
    message: "Only ['experiment_id'] attributes support comparison with a list of quoted string values.",
    underline: "('a')",
    start: 8,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: "name < 'a'",
    message: "Invalid comparator '<' not one of '{'=', '!=', 'LIKE', 'ILIKE', 'IN', 'NOT IN'}'",
    underline: '<',
    start: 5,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: 'creation_time = 1.5',
    message: "Invalid value for numeric attribute 'creation_time': '1.5'",
    underline: 'creation_time = 1.5',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: 'creation_time = 1e3',
    message: "Invalid value for numeric attribute 'creation_time': '1000.0'",
    underline: 'creation_time = 1e3',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: 'creation_time LIKE 1',
    message: "Invalid comparator 'LIKE' not one of '{'=', '!=', 'LIKE', 'ILIKE', 'IN', 'NOT IN'}",
    underline: 'LIKE',
    start: 14,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: "creation_time = '1'",
    message: "Expected numeric value type for numeric attribute: creation_time. Found '1'",
    underline: "'1'",
    start: 16,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: "attributes.name = 'a'",
    message: "Invalid entity type 'attributes'. Valid entity types are ('attribute', 'tag', 'tags')",
    underline: 'attributes.name',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: "attr.name = 'a'",
    message: "Invalid entity type 'attr'. Valid entity types are ('attribute', 'tag', 'tags')",
    underline: 'attr.name',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: 'metrics.x > 1',
    message: "Invalid entity type 'metrics'. Valid entity types are ('attribute', 'tag', 'tags')",
    underline: 'metrics.x',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: "params.x = 'a'",
    message: "Invalid entity type 'params'. Valid entity types are ('attribute', 'tag', 'tags')",
    underline: 'params.x',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: "lifecycle_stage = 'active'",
    message:
      "Invalid attribute key 'lifecycle_stage' specified. Valid keys are '{'creation_time', 'experiment_id', 'last_update_time', 'name'}'",
    underline: 'lifecycle_stage',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: 'name IS NULL',
    message: "IS NULL / IS NOT NULL is only supported for tags, not for attribute 'name'",
    underline: 'name IS NULL',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: 'tags.x = 1',
    message: "Expected a quoted string value for tag (e.g. 'my-value'). Got value 1",
    underline: '1',
    start: 9,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: "tags.x > 'a'",
    message: 'Invalid comparator for tag: >',
    underline: '>',
    start: 7,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: "name = 'a' OR name = 'b'",
    message: 'Invalid clause(s) in filter string: OR',
    underline: 'OR',
    start: 11,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: "name = 'a' AND x",
    message: 'Invalid clause(s) in filter string: x',
    underline: 'x',
    start: 15,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: 'tags.x IS NOT  NULL',
    message: 'Invalid clause(s) in filter string: tags.x, IS, NOT  NULL',
    underline: 'tags.x',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
  },
]

describe('parseRunFilter', () => {
  it.each(RUN_FILTERS)('accepts $text', ({ text, clauses }) => {
    expect(parseRunFilter(text)).toEqual({ ok: true, value: clauses })
  })

  it.each(RUN_REJECTIONS)('rejects $text', (rejection) => {
    expectRejection(parseRunFilter(rejection.text), rejection)
  })

  it.each(['', '   ', '\n\t'])('reads blank text %j as no filter', (text) => {
    expect(parseRunFilter(text)).toEqual({ ok: true, value: [] })
  })

  it('rejects whitespace-only text like the server when asked to', () => {
    expectRejection(parseRunFilter('   ', { rejectBlank: true }), {
      text: '   ',
      message: "Invalid filter '   '. Could not be parsed.",
      underline: '   ',
      start: 0,
      code: 'INVALID_PARAMETER_VALUE',
    })
    expect(parseRunFilter('', { rejectBlank: true })).toEqual({ ok: true, value: [] })
  })

  it('reports parse errors before comparator errors, as the server does', () => {
    const result = parseRunFilter('metrics.x LIKE 1 AND tags.y = 2')
    expect(result.ok || result.error.message).toBe(
      "Expected a quoted string value for tag (e.g. 'my-value'). Got value 2",
    )
  })
})

describe('parseExperimentFilter', () => {
  it.each(EXPERIMENT_FILTERS)('accepts $text', ({ text, clauses }) => {
    expect(parseExperimentFilter(text)).toEqual({ ok: true, value: clauses })
  })

  it.each(EXPERIMENT_REJECTIONS)('rejects $text', (rejection) => {
    expectRejection(parseExperimentFilter(rejection.text), rejection)
  })
})

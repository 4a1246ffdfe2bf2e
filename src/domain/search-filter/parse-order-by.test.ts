/**
 * Every accept and reject below was checked against a real MLflow 3.17.2 server (`mlflow server`,
 * SQLite backend) over HTTP: same outcome, same error_code, same message. Note the duplicate-key
 * error: MLflow raises it without an error code, so the server answers HTTP 500.
 */
import { describe, expect, it } from 'vitest'
import type { FilterErrorCode } from './parse-result'
import {
  parseExperimentOrderBy,
  parseRunOrderBy,
  type ExperimentOrderBy,
  type RunOrderBy,
} from './parse-order-by'

interface Rejection {
  text: string[]
  message: string
  /** Which entry, the part of it a UI underlines, and where that starts. */
  entry: number
  underline: string
  start: number
  code: FilterErrorCode
}

function expectRejection(
  result: ReturnType<typeof parseRunOrderBy> | ReturnType<typeof parseExperimentOrderBy>,
  { text, message, entry, underline, start, code }: Rejection,
) {
  expect(result.ok).toBe(false)
  if (result.ok) return
  expect(result.error).toMatchObject({ message, entry, start, errorCode: code })
  expect(text[entry]?.slice(result.error.start, result.error.end)).toBe(underline)
}

const RUN_ORDERS: { text: string[]; clauses: RunOrderBy[] }[] = [
  { text: [], clauses: [] },
  { text: ['metrics.val_loss'], clauses: [{ entity: 'metric', key: 'val_loss', ascending: true }] },
  {
    text: ['metrics.`val loss` DESC', 'params.lr ASC', 'tags.`mlflow.runName` desc'],
    clauses: [
      { entity: 'metric', key: 'val loss', ascending: false },
      { entity: 'param', key: 'lr', ascending: true },
      { entity: 'tag', key: 'mlflow.runName', ascending: false },
    ],
  },
  { text: ['metrics."val loss" Desc'], clauses: [{ entity: 'metric', key: 'val loss', ascending: false }] },
  {
    text: ['attributes.start_time DESC'],
    clauses: [{ entity: 'attribute', key: 'start_time', ascending: false }],
  },
  { text: ['created'], clauses: [{ entity: 'attribute', key: 'start_time', ascending: true }] },
  {
    text: ['Created DESC', 'run_name', 'status', 'user_id', 'end_time', 'artifact_uri', 'run_id'],
    clauses: [
      { entity: 'attribute', key: 'start_time', ascending: false },
      { entity: 'attribute', key: 'run_name', ascending: true },
      { entity: 'attribute', key: 'status', ascending: true },
      { entity: 'attribute', key: 'user_id', ascending: true },
      { entity: 'attribute', key: 'end_time', ascending: true },
      { entity: 'attribute', key: 'artifact_uri', ascending: true },
      { entity: 'attribute', key: 'run_id', ascending: true },
    ],
  },
  {
    text: ['attr.status asc', 'run.user_id'],
    clauses: [
      { entity: 'attribute', key: 'status', ascending: true },
      { entity: 'attribute', key: 'user_id', ascending: true },
    ],
  },
  {
    text: ['params.lr', 'metric.lr'],
    clauses: [
      { entity: 'param', key: 'lr', ascending: true },
      { entity: 'metric', key: 'lr', ascending: true },
    ],
  },
  { text: ["tags.'q' DESC"], clauses: [{ entity: 'tag', key: 'q', ascending: false }] },
]

const RUN_REJECTIONS: Rejection[] = [
  {
    text: ['start_time', 'created DESC'],
    message: "`order_by` contains duplicate fields: ['start_time', 'created DESC']",
    underline: 'created DESC',
    start: 0,
    code: 'INTERNAL_ERROR',
    entry: 1,
  },
  {
    text: ['metrics.x', 'metrics.`x`'],
    message: "`order_by` contains duplicate fields: ['metrics.x', 'metrics.`x`']",
    underline: 'metrics.`x`',
    start: 0,
    code: 'INTERNAL_ERROR',
    entry: 1,
  },
  {
    text: ['run name'],
    message: "Invalid ordering key in order_by clause 'run name'.",
    underline: 'run name',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
    entry: 0,
  },
  {
    text: ['`Run name`'],
    message:
      "Invalid attribute key 'Run name' specified. Valid keys are '{'Created', 'artifact_uri', 'created', 'end_time', 'run_id', 'run_name', 'start_time', 'status', 'user_id'}'",
    underline: '`Run name`',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
    entry: 0,
  },
  {
    text: ['lifecycle_stage'],
    message:
      "Invalid attribute key 'lifecycle_stage' specified. Valid keys are '{'Created', 'artifact_uri', 'created', 'end_time', 'run_id', 'run_name', 'start_time', 'status', 'user_id'}'",
    underline: 'lifecycle_stage',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
    entry: 0,
  },
  {
    text: ['dataset.name'],
    message: "Invalid identifier type 'dataset'",
    underline: 'dataset.name',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
    entry: 0,
  },
  {
    text: ['foo.x'],
    message:
      "Invalid entity type 'foo'. Valid values are ['metric', 'parameter', 'tag', 'attribute', 'dataset']",
    underline: 'foo.x',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
    entry: 0,
  },
  {
    text: ['metrics.x DESCENDING'],
    message: "Invalid ordering key in order_by clause 'metrics.x DESCENDING'.",
    underline: 'metrics.x DESCENDING',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
    entry: 0,
  },
  {
    text: ['metrics.x ASC DESC'],
    message: "Invalid order_by clause 'metrics.x ASC DESC'. Could not be parsed.",
    underline: 'metrics.x ASC DESC',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
    entry: 0,
  },
  {
    text: ['metrics.x ASC NULLS LAST'],
    message: "Invalid order_by clause 'metrics.x ASC NULLS LAST'. Could not be parsed.",
    underline: 'metrics.x ASC NULLS LAST',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
    entry: 0,
  },
  {
    text: [' metrics.x'],
    message: "Invalid order_by clause ' metrics.x'. Could not be parsed.",
    underline: ' metrics.x',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
    entry: 0,
  },
  {
    text: ['metrics.x '],
    message: "Invalid order_by clause 'metrics.x '. Could not be parsed.",
    underline: 'metrics.x ',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
    entry: 0,
  },
  {
    text: ['metrics.x, metrics.y'],
    message: "Invalid order_by clause 'metrics.x, metrics.y'. Could not be parsed.",
    underline: 'metrics.x, metrics.y',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
    entry: 0,
  },
  {
    text: ['metrics.x; metrics.y'],
    message: "Invalid order_by clause 'metrics.x; metrics.y'. Could not be parsed.",
    underline: 'metrics.x; metrics.y',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
    entry: 0,
  },
  {
    text: [''],
    message: "Invalid order_by clause ''. Could not be parsed.",
    underline: '',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
    entry: 0,
  },
  {
    text: ['metrics.a b'],
    message: "Invalid ordering key in order_by clause 'metrics.a b'.",
    underline: 'metrics.a b',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
    entry: 0,
  },
  {
    text: ['metrics.`a"b` DESC'],
    message: 'No closing quotation',
    underline: 'metrics.`a"b` DESC',
    start: 0,
    code: 'INTERNAL_ERROR',
    entry: 0,
  },
  {
    text: ['metrics.x + 1'],
    message: "Invalid order_by clause 'metrics.x + 1'. Could not be parsed.",
    underline: 'metrics.x + 1',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
    entry: 0,
  },
]

const EXPERIMENT_ORDERS: { text: string[]; clauses: ExperimentOrderBy[] }[] = [
  { text: [], clauses: [] },
  { text: ['name'], clauses: [{ key: 'name', ascending: true }] },
  {
    text: ['name DESC', 'experiment_id'],
    clauses: [
      { key: 'name', ascending: false },
      { key: 'experiment_id', ascending: true },
    ],
  },
  {
    text: ['creation_time desc', 'last_update_time ASC'],
    clauses: [
      { key: 'creation_time', ascending: false },
      { key: 'last_update_time', ascending: true },
    ],
  },
  { text: ['attribute.name'], clauses: [{ key: 'name', ascending: true }] },
  {
    text: ['name', 'name DESC'],
    clauses: [
      { key: 'name', ascending: true },
      { key: 'name', ascending: false },
    ],
  },
]

const EXPERIMENT_REJECTIONS: Rejection[] = [
  {
    text: ['tags.x'],
    message: 'Invalid order_by entity: tag',
    underline: 'tags.x',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
    entry: 0,
  },
  {
    text: ['lifecycle_stage'],
    message:
      "Invalid attribute key 'lifecycle_stage' specified. Valid keys are '{'creation_time', 'experiment_id', 'last_update_time', 'name'}'",
    underline: 'lifecycle_stage',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
    entry: 0,
  },
  {
    text: ['attributes.name'],
    message: "Invalid entity type 'attributes'. Valid entity types are ('attribute', 'tag', 'tags')",
    underline: 'attributes.name',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
    entry: 0,
  },
  {
    text: ['name sideways'],
    message: "Invalid ordering key in order_by clause 'name sideways'.",
    underline: 'name sideways',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
    entry: 0,
  },
]

describe('parseRunOrderBy', () => {
  it.each(RUN_ORDERS)('accepts $text', ({ text, clauses }) => {
    expect(parseRunOrderBy(text)).toEqual({ ok: true, value: clauses })
  })

  it.each(RUN_REJECTIONS)('rejects $text', (rejection) => {
    expectRejection(parseRunOrderBy(rejection.text), rejection)
  })
})

describe('parseExperimentOrderBy', () => {
  it.each(EXPERIMENT_ORDERS)('accepts $text', ({ text, clauses }) => {
    expect(parseExperimentOrderBy(text)).toEqual({ ok: true, value: clauses })
  })

  it.each(EXPERIMENT_REJECTIONS)('rejects $text', (rejection) => {
    expectRejection(parseExperimentOrderBy(rejection.text), rejection)
  })
})

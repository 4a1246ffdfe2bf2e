/**
 * Every accept and reject below was checked against a real MLflow 3.17.2 server (`mlflow server`,
 * SQLite backend) over HTTP: same outcome, same error_code, same message (Python sets printed in our
 * fixed order). IS NULL makes the server fail with an HTML 500 page, reported here as INTERNAL_ERROR.
 */
import { describe, expect, it } from 'vitest'
import type { FilterErrorCode } from './parse-result'
import {
  parseModelVersionFilter,
  parseRegisteredModelFilter,
  type RegistryClause,
} from './parse-registry-filter'

interface Rejection {
  text: string
  message: string
  underline: string
  start: number
  code: FilterErrorCode
}

const REGISTERED_MODEL_FILTERS: { text: string; clauses: RegistryClause[] }[] = [
  {
    text: "name = 'cifar'",
    clauses: [{ entity: 'attribute', key: 'name', comparator: '=', value: 'cifar' }],
  },
  {
    text: "name ILIKE '%cifar%' AND tags.owner = 'cv'",
    clauses: [
      { entity: 'attribute', key: 'name', comparator: 'ILIKE', value: '%cifar%' },
      { entity: 'tag', key: 'owner', comparator: '=', value: 'cv' },
    ],
  },
  {
    text: "attribute.name like 'c%' and tag.owner != 'x'",
    clauses: [
      { entity: 'attribute', key: 'name', comparator: 'LIKE', value: 'c%' },
      { entity: 'tag', key: 'owner', comparator: '!=', value: 'x' },
    ],
  },
  {
    text: "name IN ('a', 'b') AND name NOT IN ('c')",
    clauses: [
      { entity: 'attribute', key: 'name', comparator: 'IN', value: ['a', 'b'] },
      { entity: 'attribute', key: 'name', comparator: 'NOT IN', value: ['c'] },
    ],
  },
  {
    text: "tags.`mlflow.prompt.is_prompt` = 'true'",
    clauses: [{ entity: 'tag', key: 'mlflow.prompt.is_prompt', comparator: '=', value: 'true' }],
  },
  { text: 'tags."k k" = \'v\'', clauses: [{ entity: 'tag', key: 'k k', comparator: '=', value: 'v' }] },
]

const REGISTERED_MODEL_REJECTIONS: Rejection[] = [
  {
    text: '"name" = \'a\'',
    message: "Invalid attribute key '\"name\"' specified. Valid keys are '{'name'}'",
    underline: '"name"',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: "`name` = 'a'",
    message: "Invalid attribute key '`name`' specified. Valid keys are '{'name'}'",
    underline: '`name`',
    start: 0,
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
    text: "name > 'a'",
    message: 'Invalid comparator for attribute: >',
    underline: '>',
    start: 5,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: "tags.x IN ('a')",
    message: "Expected a quoted string value for tag (e.g. 'my-value'). Got value ('a')",
    underline: "('a')",
    start: 10,
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
    text: 'tags.x IS NULL',
    message: 'not enough values to unpack (expected 3, got 2)',
    underline: 'tags.x IS NULL',
    start: 0,
    code: 'INTERNAL_ERROR',
  },
  {
    text: "description = 'x'",
    message: "Invalid attribute key 'description' specified. Valid keys are '{'name'}'",
    underline: 'description',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: 'name = 1',
    message: 'Expected a quoted string value or a list of quoted string values for attributes. Got value 1',
    underline: '1',
    start: 7,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: "name = ('a')",
    message: "(sqlite3.ProgrammingError) Error binding parameter: type 'tuple' is not supported",
    underline: "name = ('a')",
    start: 0,
    code: 'BAD_REQUEST',
  },
  {
    text: 'tags.x = 1',
    message: "Expected a quoted string value for tag (e.g. 'my-value'). Got value 1",
    underline: '1',
    start: 9,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: 'timestamp = 1',
    message: 'Invalid clause(s) in filter string: timestamp, =, 1',
    underline: 'timestamp',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
  },
]

const MODEL_VERSION_FILTERS: { text: string; clauses: RegistryClause[] }[] = [
  {
    text: "name = 'cifar' AND version_number = 3",
    clauses: [
      { entity: 'attribute', key: 'name', comparator: '=', value: 'cifar' },
      { entity: 'attribute', key: 'version_number', comparator: '=', value: 3 },
    ],
  },
  {
    text: "run_id IN ('a', 'b')",
    clauses: [{ entity: 'attribute', key: 'run_id', comparator: 'IN', value: ['a', 'b'] }],
  },
  {
    text: "run_id = 'a' AND source_path LIKE 'models:/%'",
    clauses: [
      { entity: 'attribute', key: 'run_id', comparator: '=', value: 'a' },
      { entity: 'attribute', key: 'source_path', comparator: 'LIKE', value: 'models:/%' },
    ],
  },
  {
    text: 'version_number >= 2 AND version_number < 10',
    clauses: [
      { entity: 'attribute', key: 'version_number', comparator: '>=', value: 2 },
      { entity: 'attribute', key: 'version_number', comparator: '<', value: 10 },
    ],
  },
  {
    text: "version_number = '3'",
    clauses: [{ entity: 'attribute', key: 'version_number', comparator: '=', value: '3' }],
  },
  {
    text: "name NOT IN ('x') AND tags.t != 'v'",
    clauses: [
      { entity: 'attribute', key: 'name', comparator: 'NOT IN', value: ['x'] },
      { entity: 'tag', key: 't', comparator: '!=', value: 'v' },
    ],
  },
]

const MODEL_VERSION_REJECTIONS: Rejection[] = [
  {
    text: 'version_number = 1.5',
    message: "Invalid value for numeric attribute 'version_number': 1.5",
    underline: '=',
    start: 15,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: "version_number = 'x'",
    message: "Invalid value for numeric attribute 'version_number': 'x'",
    underline: '=',
    start: 15,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: 'version_number LIKE 1',
    message: 'Invalid comparator for attribute version_number: LIKE',
    underline: 'LIKE',
    start: 15,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: "version_number IN ('1')",
    message: "Only ['name', 'run_id'] attributes support comparison with a list of quoted string values.",
    underline: "('1')",
    start: 18,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: "source_path IN ('a')",
    message: "Only ['name', 'run_id'] attributes support comparison with a list of quoted string values.",
    underline: "('a')",
    start: 15,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: 'name = 1',
    message:
      "Only the '{'creation_timestamp', 'last_updated_timestamp', 'version_number'}' attributes support comparison with numeric values.",
    underline: '1',
    start: 7,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: 'creation_timestamp > 1',
    message:
      "Invalid attribute key 'creation_timestamp' specified. Valid keys are '{'name', 'run_id', 'source_path', 'version_number'}'",
    underline: 'creation_timestamp',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: 'tags.t IS NULL',
    message: 'not enough values to unpack (expected 3, got 2)',
    underline: 'tags.t IS NULL',
    start: 0,
    code: 'INTERNAL_ERROR',
  },
  {
    text: "run_id > 'a'",
    message: 'Invalid comparator for attribute: >',
    underline: '>',
    start: 7,
    code: 'INVALID_PARAMETER_VALUE',
  },
  {
    text: "stage = 'None'",
    message:
      "Invalid attribute key 'stage' specified. Valid keys are '{'name', 'run_id', 'source_path', 'version_number'}'",
    underline: 'stage',
    start: 0,
    code: 'INVALID_PARAMETER_VALUE',
  },
]

describe.each([
  {
    name: 'parseRegisteredModelFilter',
    parse: parseRegisteredModelFilter,
    accepted: REGISTERED_MODEL_FILTERS,
    rejected: REGISTERED_MODEL_REJECTIONS,
  },
  {
    name: 'parseModelVersionFilter',
    parse: parseModelVersionFilter,
    accepted: MODEL_VERSION_FILTERS,
    rejected: MODEL_VERSION_REJECTIONS,
  },
])('$name', ({ parse, accepted, rejected }) => {
  it.each(accepted)('accepts $text', ({ text, clauses }) => {
    expect(parse(text)).toEqual({ ok: true, value: clauses })
  })

  it.each(rejected)('rejects $text', ({ text, message, underline, start, code }) => {
    const result = parse(text)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error).toMatchObject({ message, start, errorCode: code })
    expect(text.slice(result.error.start, result.error.end)).toBe(underline)
  })

  it('reads blank text as no filter', () => {
    expect(parse(' ')).toEqual({ ok: true, value: [] })
  })
})

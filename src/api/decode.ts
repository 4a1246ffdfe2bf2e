/**
 * Tiny runtime decoders: every response is checked here before any other code sees it, and wire names
 * are mapped to the app's in the same step. A failure throws `ApiError` of kind `decode` naming the
 * JSON path of the bad value (`$.runs[3].info.start_time`), which the HTTP client completes with the
 * request it came from.
 *
 * Lenience follows the contract (mlflow-rest-api.md §3): unset fields are omitted, so absent arrays and
 * key/value lists decode as empty; int64 may arrive as a number or a numeric string; non-finite doubles
 * arrive as "NaN"/"Infinity"/"-Infinity". Anything else unexpected fails loudly.
 */

import { ApiError } from './errors'

/** Reads `value` (found at JSON path `path`) into a `T`, or throws a decode `ApiError`. */
export type Decoder<T> = (value: unknown, path: string) => T

/** Reads one field of the object being decoded, reporting failures at `<object path>.<key>`. */
export type FieldReader = <T>(key: string, decoder: Decoder<T>) => T

/** Runs a decoder on a whole document. */
export function decode<T>(decoder: Decoder<T>, value: unknown): T {
  return decoder(value, '$')
}

function fail(path: string, expected: string, value: unknown): never {
  throw new ApiError({
    kind: 'decode',
    message: `Expected ${expected} at ${path}, got ${describe(value)}`,
    path,
  })
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object' && value !== null) return 'an object'
  const text = JSON.stringify(value)
  return text.length > 40 ? `${text.slice(0, 39)}…` : text
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export const string: Decoder<string> = (value, path) =>
  typeof value === 'string' ? value : fail(path, 'a string', value)

export const boolean: Decoder<boolean> = (value, path) =>
  typeof value === 'boolean' ? value : fail(path, 'a boolean', value)

/** A finite JSON number (int32 and double fields that are never non-finite). */
export const number: Decoder<number> = (value, path) =>
  typeof value === 'number' && Number.isFinite(value) ? value : fail(path, 'a number', value)

const INTEGER_TEXT = /^-?\d+$/

/**
 * An int64 (times in epoch ms, steps, sizes). MLflow's REST handlers write JSON numbers, but GraphQL,
 * third-party servers and stock protobuf write decimal strings (contract §3), so both are accepted.
 * Values beyond 2^53 lose precision; epoch milliseconds are far below that.
 */
export const int64: Decoder<number> = (value, path) => {
  if (typeof value === 'number' && Number.isInteger(value)) return value
  if (typeof value === 'string' && INTEGER_TEXT.test(value)) return Number(value)
  return fail(path, 'an int64 (integer or integer string)', value)
}

const NON_FINITE: Readonly<Record<string, number>> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
}
const DECIMAL_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i

/**
 * MLflow's SQL stores cannot hold an infinity: they save ±inf as ±1.7976931348623157e308 (the
 * largest double) and serve that back. Nobody logs exactly that number, so it reads as the infinity
 * it stood for: charts draw it as a marked gap instead of a line off to 1e308.
 */
export function fromStoredInfinity(value: number): number {
  if (value >= Number.MAX_VALUE) return Number.POSITIVE_INFINITY
  if (value <= -Number.MAX_VALUE) return Number.NEGATIVE_INFINITY
  return value
}

/**
 * A metric value as a real JS number. Protobuf's JSON mapping spells non-finite doubles as the strings
 * "NaN", "Infinity" and "-Infinity" (JSON has no literal for them), and may quote finite ones. The SQL
 * stores' stand-in for infinity reads as infinity (see fromStoredInfinity).
 */
export const metricValue: Decoder<number> = (value, path) => {
  if (typeof value === 'number') return fromStoredInfinity(value)
  if (typeof value === 'string') {
    const special = NON_FINITE[value]
    if (special !== undefined) return special
    if (DECIMAL_TEXT.test(value)) return Number(value)
  }
  return fail(path, 'a metric value (number, "NaN", "Infinity" or "-Infinity")', value)
}

/** Absent (or null) becomes undefined; a present value must pass `decoder`. */
export function optional<T>(decoder: Decoder<T>): Decoder<T | undefined> {
  return (value, path) => (value === undefined || value === null ? undefined : decoder(value, path))
}

/** Absent (or null) becomes `fallback`, as protobuf does for fields with a declared default. */
export function withDefault<T>(decoder: Decoder<T>, fallback: T): Decoder<T> {
  return (value, path) => (value === undefined || value === null ? fallback : decoder(value, path))
}

/**
 * An optional free-text field where the server writes `""` for "not set" (`run_link`, `description`,
 * `model_type`, `user_id` on runs created over REST): both mean "nothing to show".
 */
export const optionalText: Decoder<string | undefined> = (value, path) => {
  const text = optional(string)(value, path)
  return text === '' ? undefined : text
}

/** A repeated field. The server omits empty repeated fields, so absent means `[]`. */
export function array<T>(decoder: Decoder<T>): Decoder<T[]> {
  return (value, path) => {
    if (value === undefined || value === null) return []
    if (!Array.isArray(value)) return fail(path, 'an array', value)
    return value.map((item: unknown, index) => decoder(item, `${path}[${index}]`))
  }
}

/** One of a closed set of strings (a proto enum, which the server writes by name). */
export function oneOf<T extends string>(values: readonly T[]): Decoder<T> {
  const expected = `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`
  return (value, path) => values.find((candidate) => candidate === value) ?? fail(path, expected, value)
}

/**
 * An enum that newer servers may extend and whose absence the app tolerates: an unknown or missing
 * name becomes undefined instead of failing the whole response.
 */
export function optionalOneOf<T extends string>(values: readonly T[]): Decoder<T | undefined> {
  return (value) => values.find((candidate) => candidate === value)
}

/**
 * A JSON object, built field by field. `build` reads wire fields through `field` and returns the
 * app's shape, so the wire-to-domain mapping and the validation are one step. Unknown fields are
 * ignored, as MLflow's own clients do, so newer servers do not break older dashboards.
 */
export function object<T>(build: (field: FieldReader) => T): Decoder<T> {
  return (value, path) => {
    if (!isRecord(value)) return fail(path, 'an object', value)
    const field: FieldReader = (key, decoder) => decoder(value[key], `${path}.${key}`)
    return build(field)
  }
}

export function map<A, B>(decoder: Decoder<A>, transform: (value: A) => B): Decoder<B> {
  return (value, path) => transform(decoder(value, path))
}

/**
 * A repeated `{<keyField>, <valueField>}` message (tags, params, aliases) as a record. A later entry
 * wins over an earlier one with the same key. `Object.fromEntries` defines own properties, so a tag
 * named `__proto__` stays an ordinary key.
 */
export function keyValueRecord(keyField = 'key', valueField = 'value'): Decoder<Record<string, string>> {
  const entry = object((field): [string, string] => [field(keyField, string), field(valueField, string)])
  return map(array(entry), (entries) => Object.fromEntries(entries))
}

/** `[{key, value}]`, the shape of tags and params. */
export const tagRecord: Decoder<Record<string, string>> = keyValueRecord()

/** The `{}` that write endpoints answer with: checked to be an object, otherwise ignored. */
export const emptyResponse: Decoder<void> = object(() => undefined)

/**
 * The model registry's filters: `registered-models/search` (`SearchModelUtils`) and
 * `model-versions/search` (`SearchModelVersionUtils`), with the checks of the registry's SQL store.
 * Same machinery as runs, different rules: only `attribute.`, `tag.` and `tags.` prefixes, attribute
 * names must be written bare (`"name"` is not `name`), and IS [NOT] NULL crashes the server.
 */

import {
  isNumberToken,
  isStringOrIdentifier,
  listValue,
  pySet,
  pyStr,
  pythonInt,
  quotedValue,
  splitComparisons,
  stripQuotes,
  tokenNumber,
  trimBackticks,
  validateComparison,
  type ComparisonParts,
  type FilterParseOptions,
  type Span,
} from './filter-statement'
import type { ClauseValue, Comparator } from './parse-filter'
import { parseError, type ParseResult } from './parse-result'
import { pyRepr } from './python-value'
import { isGroup, nodeValue, type SqlNode } from './sql-token'

export type RegistryEntity = 'attribute' | 'tag'

export interface RegistryClause {
  readonly entity: RegistryEntity
  /** Registered models: `name`. Model versions: `name`, `version_number`, `run_id`, `source_path`. */
  readonly key: string
  readonly comparator: Comparator
  readonly value: ClauseValue
}

export type RegistryFilter = readonly RegistryClause[]

interface RegistryRules {
  readonly attributes: readonly string[]
  readonly listKeys: readonly string[]
  /** Attributes compared as integers; a number for any other attribute is an error. */
  readonly numeric: readonly string[] | undefined
  readonly checkAttribute: (
    key: string,
    comparator: string,
    value: ClauseValue,
    isFloat: boolean,
    span: Span,
  ) => ParseResult<Comparator>
}

interface RawRegistryClause {
  readonly entity: RegistryEntity
  readonly key: string
  readonly comparator: string
  readonly value: ClauseValue
  readonly isFloat: boolean
  readonly span: Span
  readonly comparatorSpan: Span
}

const ATTRIBUTE_COMPARATORS: readonly Comparator[] = ['=', '!=', 'LIKE', 'ILIKE', 'IN', 'NOT IN']
const NUMERIC_COMPARATORS: readonly Comparator[] = ['=', '!=', '<', '<=', '>', '>=']
const TAG_COMPARATORS: readonly Comparator[] = ['=', '!=', 'LIKE', 'ILIKE']

function oneOf(value: string, allowed: readonly Comparator[]): Comparator | undefined {
  return allowed.find((c) => c === value)
}

/** `_get_model_search_identifier`: the attribute name is checked before quotes are stripped. */
function registryIdentifier(
  identifier: SqlNode,
  rules: RegistryRules,
): ParseResult<{ entity: RegistryEntity; key: string }> {
  const text = nodeValue(identifier)
  const dot = text.indexOf('.')
  let entity: RegistryEntity = 'attribute'
  let key = text
  if (dot !== -1) {
    const rawEntity = text.slice(0, dot)
    if (rawEntity !== 'attribute' && rawEntity !== 'tag' && rawEntity !== 'tags') {
      return parseError(
        `Invalid entity type '${rawEntity}'. Valid entity types are ('attribute', 'tag', 'tags')`,
        identifier,
      )
    }
    entity = rawEntity === 'attribute' ? 'attribute' : 'tag'
    key = text.slice(dot + 1)
  }
  if (entity === 'attribute' && !rules.attributes.includes(key)) {
    return parseError(
      `Invalid attribute key '${key}' specified. Valid keys are '${pySet(rules.attributes)}'`,
      identifier,
    )
  }
  return { ok: true, value: { entity, key: trimBackticks(stripQuotes(key)) } }
}

function registryValue(
  entity: RegistryEntity,
  key: string,
  token: SqlNode,
  rules: RegistryRules,
): ParseResult<ClauseValue> {
  const shown = nodeValue(token)
  if (entity === 'tag') {
    if (isStringOrIdentifier(token)) return quotedValue(token)
    return parseError(`Expected a quoted string value for tag (e.g. 'my-value'). Got value ${shown}`, token)
  }
  if (isStringOrIdentifier(token)) return quotedValue(token)
  if (isGroup(token, 'Parenthesis')) {
    if (!rules.listKeys.includes(key)) {
      const keys = `[${rules.listKeys.map(pyStr).join(', ')}]`
      return parseError(
        `Only ${keys} attributes support comparison with a list of quoted string values.`,
        token,
      )
    }
    return listValue(token)
  }
  if (rules.numeric !== undefined && isNumberToken(token)) {
    if (!rules.numeric.includes(key)) {
      return parseError(
        `Only the '${pySet(rules.numeric)}' attributes support comparison with numeric values.`,
        token,
      )
    }
    return { ok: true, value: tokenNumber(token) }
  }
  return parseError(
    `Expected a quoted string value or a list of quoted string values for attributes. Got value ${shown}`,
    token,
  )
}

function parseRegistryComparison(
  parts: ComparisonParts,
  rules: RegistryRules,
): ParseResult<RawRegistryClause> {
  const { identifier, comparator, value } = parts
  if (value === undefined) {
    // `left, comparator, right = stripped_comparison` with two tokens: an uncaught ValueError.
    return parseError('not enough values to unpack (expected 3, got 2)', parts, 'INTERNAL_ERROR')
  }
  const ident = registryIdentifier(identifier, rules)
  if (!ident.ok) return ident
  const { entity, key } = ident.value
  const parsed = registryValue(entity, key, value, rules)
  if (!parsed.ok) return parsed
  return {
    ok: true,
    value: {
      entity,
      key,
      comparator: nodeValue(comparator).toUpperCase(),
      value: parsed.value,
      isFloat: isNumberToken(value) && value.type === 'Literal.Number.Float',
      span: parts,
      comparatorSpan: comparator,
    },
  }
}

function parseRegistryFilter(
  text: string,
  rules: RegistryRules,
  options: FilterParseOptions,
): ParseResult<RegistryFilter> {
  const split = splitComparisons(text, false, options)
  if (!split.ok) return split
  const raws: RawRegistryClause[] = []
  for (const comparison of split.value) {
    const parts = validateComparison(comparison)
    if (!parts.ok) return parts
    const raw = parseRegistryComparison(parts.value, rules)
    if (!raw.ok) return raw
    raws.push(raw.value)
  }
  const clauses: RegistryClause[] = []
  for (const raw of raws) {
    let comparator: Comparator | undefined
    if (raw.entity === 'tag') {
      comparator = oneOf(raw.comparator, TAG_COMPARATORS)
      if (comparator === undefined) {
        return parseError(`Invalid comparator for tag: ${raw.comparator}`, raw.comparatorSpan)
      }
    } else {
      const checked = rules.checkAttribute(
        raw.key,
        raw.comparator,
        raw.value,
        raw.isFloat,
        raw.comparatorSpan,
      )
      if (!checked.ok) return checked
      comparator = checked.value
    }
    clauses.push({ entity: raw.entity, key: raw.key, comparator, value: raw.value })
  }
  const misbound = clauses.findIndex(
    (c) => Array.isArray(c.value) && c.comparator !== 'IN' && c.comparator !== 'NOT IN',
  )
  const misboundSpan = raws[misbound]?.span
  if (misboundSpan !== undefined) {
    return parseError(
      "(sqlite3.ProgrammingError) Error binding parameter: type 'tuple' is not supported",
      misboundSpan,
      'BAD_REQUEST',
    )
  }
  return { ok: true, value: clauses }
}

const REGISTERED_MODEL_RULES: RegistryRules = {
  attributes: ['name'],
  listKeys: ['name'],
  numeric: undefined,
  checkAttribute: (_key, comparator, _value, _isFloat, span) => {
    const c = oneOf(comparator, ATTRIBUTE_COMPARATORS)
    return c === undefined
      ? parseError(`Invalid comparator for attribute: ${comparator}`, span)
      : { ok: true, value: c }
  },
}

const MODEL_VERSION_NUMERIC = ['creation_timestamp', 'last_updated_timestamp', 'version_number']

const MODEL_VERSION_RULES: RegistryRules = {
  attributes: ['name', 'run_id', 'source_path', 'version_number'],
  listKeys: ['name', 'run_id'],
  numeric: MODEL_VERSION_NUMERIC,
  checkAttribute: (key, comparator, value, isFloat, span) => {
    if (MODEL_VERSION_NUMERIC.includes(key)) {
      const c = oneOf(comparator, NUMERIC_COMPARATORS)
      if (c === undefined) return parseError(`Invalid comparator for attribute ${key}: ${comparator}`, span)
      if (isFloat && typeof value === 'number') {
        return parseError(
          `Invalid value for numeric attribute '${key}': ${pyRepr({ t: 'float', v: value })}`,
          span,
        )
      }
      if (typeof value === 'string' && pythonInt(value) === undefined) {
        return parseError(`Invalid value for numeric attribute '${key}': ${pyStr(value)}`, span)
      }
      return { ok: true, value: c }
    }
    const c = oneOf(comparator, ATTRIBUTE_COMPARATORS)
    if (c === undefined || ((c === 'IN' || c === 'NOT IN') && key !== 'run_id' && key !== 'name')) {
      return parseError(`Invalid comparator for attribute: ${comparator}`, span)
    }
    return { ok: true, value: c }
  },
}

/** Parse a `registered-models/search` filter and apply every check the server makes. */
export function parseRegisteredModelFilter(
  text: string,
  options: FilterParseOptions = {},
): ParseResult<RegistryFilter> {
  return parseRegistryFilter(text, REGISTERED_MODEL_RULES, options)
}

/**
 * Parse a `model-versions/search` filter and apply every check the server makes. `version_number`
 * compares as an integer and also takes a quoted integer (`version_number = '3'`).
 */
export function parseModelVersionFilter(
  text: string,
  options: FilterParseOptions = {},
): ParseResult<RegistryFilter> {
  return parseRegistryFilter(text, MODEL_VERSION_RULES, options)
}

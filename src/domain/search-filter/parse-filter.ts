/**
 * MLflow's filter language for runs (`runs/search`) and experiments (`experiments/search`), checked
 * the way an MLflow 3.17 SQL-backed server checks it: `SearchUtils.parse_search_filter` (or
 * `SearchExperimentsUtils`) first, then the comparator and value checks the SQL store makes while
 * building its query (`_get_sqlalchemy_filter_clauses`, `_get_search_experiments_filter_clauses`).
 * Accepted text gives normalised clauses: entity aliases resolved (`params` -> `param`), attribute
 * aliases resolved (`created` -> `start_time`), comparators upper-cased, values typed.
 *
 * Empty or whitespace-only text is no filter. The server itself rejects whitespace-only text
 * ("Invalid filter '  '. Could not be parsed."), so send no filter instead, or pass `rejectBlank`
 * to get the server's answer.
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
import { parseError, type FilterError, type ParseResult } from './parse-result'
import { pyRepr } from './python-value'
import { isGroup, nodeValue, type SqlNode } from './sql-token'

export type RunEntity = 'metric' | 'param' | 'tag' | 'attribute' | 'dataset'

export type Comparator =
  '=' | '!=' | '<' | '<=' | '>' | '>=' | 'LIKE' | 'ILIKE' | 'IN' | 'NOT IN' | 'IS NULL' | 'IS NOT NULL'

/** A string, a number (metrics and numeric attributes), a list (IN, NOT IN) or null (IS [NOT] NULL). */
export type ClauseValue = string | number | readonly string[] | null

export interface RunClause {
  readonly entity: RunEntity
  /** For attributes the canonical name: `run_id`, `run_name`, `status`, `user_id`, `artifact_uri`, `start_time`, `end_time`. */
  readonly key: string
  readonly comparator: Comparator
  readonly value: ClauseValue
}

export type RunFilter = readonly RunClause[]

export type ExperimentEntity = 'attribute' | 'tag'

export interface ExperimentClause {
  readonly entity: ExperimentEntity
  /** Attributes: `name`, `experiment_id`, `creation_time`, `last_update_time`. */
  readonly key: string
  readonly comparator: Comparator
  readonly value: ClauseValue
}

export type ExperimentFilter = readonly ExperimentClause[]

/** The attribute names the runs grammar accepts, aliases included (`SearchUtils.VALID_SEARCH_ATTRIBUTE_KEYS`). */
export const RUN_SEARCH_ATTRIBUTES: readonly string[] = [
  'Created',
  'Run Name',
  'Run name',
  'artifact_uri',
  'created',
  'end_time',
  'run name',
  'run_id',
  'run_name',
  'start_time',
  'status',
  'user_id',
]
export const RUN_NUMERIC_ATTRIBUTES: readonly string[] = ['start_time', 'end_time', 'created', 'Created']
export const DATASET_KEYS: readonly string[] = ['name', 'digest', 'context']

/** `SearchUtils.translate_key_alias`. */
export function canonicalRunAttribute(key: string): string {
  if (key === 'created' || key === 'Created') return 'start_time'
  if (key === 'run name' || key === 'Run name' || key === 'Run Name') return 'run_name'
  return key
}

const METRIC_COMPARATORS: readonly Comparator[] = ['=', '!=', '<', '<=', '>', '>=']
const TAG_COMPARATORS: readonly Comparator[] = ['=', '!=', 'LIKE', 'ILIKE', 'IS NULL', 'IS NOT NULL']
const STRING_ATTRIBUTE_COMPARATORS: readonly Comparator[] = ['=', '!=', 'LIKE', 'ILIKE', 'IN', 'NOT IN']

/** The entity prefixes MLflow's run grammar accepts (`params.`, `parameter.`, `attr.`, `run.`, ...). */
export const RUN_ENTITY_ALIASES: ReadonlyMap<string, RunEntity> = new Map([
  ['metric', 'metric'],
  ['metrics', 'metric'],
  ['parameter', 'param'],
  ['parameters', 'param'],
  ['param', 'param'],
  ['params', 'param'],
  ['tag', 'tag'],
  ['tags', 'tag'],
  ['attribute', 'attribute'],
  ['attributes', 'attribute'],
  ['attr', 'attribute'],
  ['run', 'attribute'],
  ['dataset', 'dataset'],
  ['datasets', 'dataset'],
])

/** MLflow's own names for the entities, as its messages spell them. */
const ENTITY_WORD: Readonly<Record<RunEntity, string>> = {
  metric: 'metric',
  param: 'parameter',
  tag: 'tag',
  attribute: 'attribute',
  dataset: 'dataset',
}

/** A clause after parsing, before the store's checks; `rawComparator` is as typed. */
export interface RawClause<E extends string> {
  readonly entity: E
  readonly key: string
  readonly rawComparator: string
  readonly value: ClauseValue
  readonly span: Span
  readonly comparatorSpan: Span
}

export type RawRunClause = RawClause<RunEntity>

function parseComparisons<C>(
  text: string,
  quoteInvalidClauses: boolean,
  options: FilterParseOptions,
  parseOne: (parts: ComparisonParts) => ParseResult<C>,
): ParseResult<C[]> {
  const split = splitComparisons(text, quoteInvalidClauses, options)
  if (!split.ok) return split
  const clauses: C[] = []
  for (const comparison of split.value) {
    const parts = validateComparison(comparison)
    if (!parts.ok) return parts
    const clause = parseOne(parts.value)
    if (!clause.ok) return clause
    clauses.push(clause.value)
  }
  return { ok: true, value: clauses }
}

// ---------------------------------------------------------------------------------------------
// Runs

/**
 * `SearchUtils._get_identifier`: `<entity>.<key>` split at the first dot, or a bare attribute name.
 * Order_by uses it too, with its own list of attributes.
 */
export function parseRunIdentifier(
  text: string,
  validAttributes: readonly string[],
  identifier: Span,
): ParseResult<{ entity: RunEntity; key: string }> {
  const dot = text.indexOf('.')
  const rawEntity = dot === -1 ? 'attribute' : trimBackticks(text.slice(0, dot))
  const entity = RUN_ENTITY_ALIASES.get(rawEntity)
  if (entity === undefined) {
    return parseError(
      `Invalid entity type '${rawEntity}'. Valid values are ['metric', 'parameter', 'tag', 'attribute', 'dataset']`,
      identifier,
    )
  }
  const key = trimBackticks(stripQuotes(dot === -1 ? text : text.slice(dot + 1)))
  if (entity === 'attribute' && !validAttributes.includes(key)) {
    return parseError(
      `Invalid attribute key '${key}' specified. Valid keys are '${pySet(validAttributes)}'`,
      identifier,
    )
  }
  if (entity === 'dataset' && !DATASET_KEYS.includes(key)) {
    return parseError(
      `Invalid dataset key '${key}' specified. Valid keys are '${pySet(DATASET_KEYS)}'`,
      identifier,
    )
  }
  return { ok: true, value: { entity, key } }
}

/**
 * An attribute's value, read as both the runs and the experiments grammar read it: a number for the
 * numeric attributes, a quoted string otherwise, and a list only for the one id attribute that takes
 * one.
 */
function attributeValue(
  key: string,
  token: SqlNode,
  numericKeys: readonly string[],
  listKey: string,
): ParseResult<ClauseValue> {
  const shown = nodeValue(token)
  if (numericKeys.includes(key)) {
    if (!isNumberToken(token)) {
      return parseError(`Expected numeric value type for numeric attribute: ${key}. Found ${shown}`, token)
    }
    return { ok: true, value: tokenNumber(token) }
  }
  if (isStringOrIdentifier(token)) return quotedValue(token)
  if (isGroup(token, 'Parenthesis')) {
    if (key !== listKey) {
      return parseError(
        `Only ['${listKey}'] attributes support comparison with a list of quoted string values.`,
        token,
      )
    }
    return listValue(token)
  }
  return parseError(`Expected a quoted string value for attributes. Got value ${shown}`, token)
}

function runValue(entity: RunEntity, key: string, token: SqlNode): ParseResult<ClauseValue> {
  const shown = nodeValue(token)
  switch (entity) {
    case 'metric':
      if (!isNumberToken(token)) {
        return parseError(`Expected numeric value type for metric. Found ${shown}`, token)
      }
      return { ok: true, value: tokenNumber(token) }
    case 'param':
    case 'tag':
      if (isStringOrIdentifier(token)) return quotedValue(token)
      return parseError(
        `Expected a quoted string value for ${ENTITY_WORD[entity]} (e.g. 'my-value'). Got value ${shown}`,
        token,
      )
    case 'attribute':
      return attributeValue(key, token, RUN_NUMERIC_ATTRIBUTES, 'run_id')
    case 'dataset':
      if (isStringOrIdentifier(token)) return quotedValue(token)
      if (isGroup(token, 'Parenthesis')) return listValue(token)
      return parseError(`Expected a quoted string value for dataset attributes. Got value ${shown}`, token)
  }
}

function parseRunComparison(comparison: ComparisonParts): ParseResult<RawRunClause> {
  const { identifier, comparator, value } = comparison
  const ident = parseRunIdentifier(nodeValue(identifier), RUN_SEARCH_ATTRIBUTES, identifier)
  if (!ident.ok) return ident
  const { entity, key } = ident.value
  if (value === undefined) {
    if (entity !== 'tag' && entity !== 'param') {
      return parseError(
        `IS NULL / IS NOT NULL is only supported for tags and params, not for '${ENTITY_WORD[entity]}' '${key}'`,
        comparison,
      )
    }
    const rawComparator = nodeValue(comparator).toUpperCase()
    return {
      ok: true,
      value: { entity, key, rawComparator, value: null, span: comparison, comparatorSpan: comparator },
    }
  }
  const parsed = runValue(entity, key, value)
  if (!parsed.ok) return parsed
  return {
    ok: true,
    value: {
      entity,
      key,
      rawComparator: nodeValue(comparator),
      value: parsed.value,
      span: comparison,
      comparatorSpan: comparator,
    },
  }
}

function invalidComparator(
  comparator: string,
  allowed: readonly Comparator[],
  closingQuote: boolean,
  span: Span,
) {
  return parseError(
    `Invalid comparator '${comparator}' not one of '${pySet(allowed)}${closingQuote ? "'" : ''}`,
    span,
  )
}

function isComparatorIn(value: string, allowed: readonly Comparator[]): value is Comparator {
  return allowed.some((c) => c === value)
}

/**
 * The SQL store's checks (`_get_sqlalchemy_filter_clauses`), run after the whole filter parsed; the
 * server runs them after validating order_by, which matters only for which error is reported first.
 */
function checkRunClause(raw: RawRunClause): ParseResult<RunClause> {
  const comparator = raw.rawComparator.toUpperCase()
  const at = raw.comparatorSpan
  let allowed: readonly Comparator[]
  let closingQuote = false
  switch (raw.entity) {
    case 'attribute':
      if (RUN_NUMERIC_ATTRIBUTES.includes(raw.key)) {
        // MLflow lists the string comparators in this message although it checks the numeric ones.
        if (!isComparatorIn(comparator, METRIC_COMPARATORS)) {
          return invalidComparator(comparator, STRING_ATTRIBUTE_COMPARATORS, false, at)
        }
        allowed = METRIC_COMPARATORS
      } else {
        allowed = STRING_ATTRIBUTE_COMPARATORS
        closingQuote = true
      }
      break
    case 'metric':
      allowed = METRIC_COMPARATORS
      break
    case 'param':
      allowed = TAG_COMPARATORS
      closingQuote = true
      break
    case 'tag':
      allowed = TAG_COMPARATORS
      break
    case 'dataset':
      allowed = STRING_ATTRIBUTE_COMPARATORS
      break
  }
  if (!isComparatorIn(comparator, allowed)) return invalidComparator(comparator, allowed, closingQuote, at)
  const key = raw.entity === 'attribute' ? canonicalRunAttribute(raw.key) : raw.key
  return { ok: true, value: { entity: raw.entity, key, comparator, value: raw.value } }
}

/** A list bound with `=`, `LIKE`, ... reaches SQLite as a tuple, which it refuses. */
function checkListBinding(
  clauses: readonly { readonly comparator: Comparator; readonly value: ClauseValue }[],
  raws: readonly { readonly span: Span }[],
): FilterError | undefined {
  const index = clauses.findIndex(
    (c) => Array.isArray(c.value) && c.comparator !== 'IN' && c.comparator !== 'NOT IN',
  )
  const span = raws[index]?.span
  if (span === undefined) return undefined
  return parseError(
    "(sqlite3.ProgrammingError) Error binding parameter: type 'tuple' is not supported",
    span,
    'BAD_REQUEST',
  ).error
}

/**
 * Parsing alone (`SearchUtils.parse_search_filter`), before the store's comparator checks. The mock
 * server needs the two steps apart because the real one validates order_by in between.
 */
export function parseRunFilterSyntax(
  text: string,
  options: FilterParseOptions = {},
): ParseResult<readonly RawRunClause[]> {
  return parseComparisons(text, true, options, parseRunComparison)
}

/** The store's checks on an already parsed filter; see `parseRunFilterSyntax`. */
export function checkRunFilter(raws: readonly RawRunClause[]): ParseResult<RunFilter> {
  const clauses: RunClause[] = []
  for (const raw of raws) {
    const checked = checkRunClause(raw)
    if (!checked.ok) return checked
    clauses.push(checked.value)
  }
  const binding = checkListBinding(clauses, raws)
  if (binding !== undefined) return { ok: false, error: binding }
  return { ok: true, value: clauses }
}

/** Parse a `runs/search` filter and apply every check the server makes. */
export function parseRunFilter(text: string, options: FilterParseOptions = {}): ParseResult<RunFilter> {
  const syntax = parseRunFilterSyntax(text, options)
  return syntax.ok ? checkRunFilter(syntax.value) : syntax
}

// ---------------------------------------------------------------------------------------------
// Experiments (`SearchExperimentsUtils`)

export const EXPERIMENT_SEARCH_ATTRIBUTES: readonly string[] = [
  'creation_time',
  'experiment_id',
  'last_update_time',
  'name',
]
const EXPERIMENT_NUMERIC_ATTRIBUTES: readonly string[] = ['creation_time', 'last_update_time']

/** `SearchExperimentsUtils._get_identifier`, shared with order_by. */
export function parseExperimentIdentifier(
  text: string,
  validAttributes: readonly string[],
  identifier: Span,
): ParseResult<{ entity: ExperimentEntity; key: string }> {
  const dot = text.indexOf('.')
  let entity: ExperimentEntity = 'attribute'
  if (dot !== -1) {
    const rawEntity = text.slice(0, dot)
    if (rawEntity !== 'attribute' && rawEntity !== 'tag' && rawEntity !== 'tags') {
      return parseError(
        `Invalid entity type '${rawEntity}'. Valid entity types are ('attribute', 'tag', 'tags')`,
        identifier,
      )
    }
    entity = rawEntity === 'attribute' ? 'attribute' : 'tag'
  }
  const key = trimBackticks(stripQuotes(dot === -1 ? text : text.slice(dot + 1)))
  if (entity === 'attribute' && !validAttributes.includes(key)) {
    return parseError(
      `Invalid attribute key '${key}' specified. Valid keys are '${pySet(validAttributes)}'`,
      identifier,
    )
  }
  return { ok: true, value: { entity, key } }
}

function experimentValue(entity: ExperimentEntity, key: string, token: SqlNode): ParseResult<ClauseValue> {
  const shown = nodeValue(token)
  if (entity === 'tag') {
    if (isStringOrIdentifier(token)) return quotedValue(token)
    return parseError(`Expected a quoted string value for tag (e.g. 'my-value'). Got value ${shown}`, token)
  }
  return attributeValue(key, token, EXPERIMENT_NUMERIC_ATTRIBUTES, 'experiment_id')
}

interface RawExperimentClause extends RawClause<ExperimentEntity> {
  /** A Float token: creation_time and last_update_time take integers only. */
  readonly isFloat: boolean
}

function parseExperimentComparison(comparison: ComparisonParts): ParseResult<RawExperimentClause> {
  const { identifier, comparator, value } = comparison
  const ident = parseExperimentIdentifier(nodeValue(identifier), EXPERIMENT_SEARCH_ATTRIBUTES, identifier)
  if (!ident.ok) return ident
  const { entity, key } = ident.value
  if (value === undefined) {
    if (entity !== 'tag') {
      return parseError(
        `IS NULL / IS NOT NULL is only supported for tags, not for attribute '${key}'`,
        comparison,
      )
    }
    const rawComparator = nodeValue(comparator).toUpperCase()
    return {
      ok: true,
      value: {
        entity,
        key,
        rawComparator,
        value: null,
        span: comparison,
        comparatorSpan: comparator,
        isFloat: false,
      },
    }
  }
  const parsed = experimentValue(entity, key, value)
  if (!parsed.ok) return parsed
  return {
    ok: true,
    value: {
      entity,
      key,
      rawComparator: nodeValue(comparator),
      value: parsed.value,
      span: comparison,
      comparatorSpan: comparator,
      isFloat: isNumberToken(value) && value.type === 'Literal.Number.Float',
    },
  }
}

/**
 * `_get_search_experiments_filter_clauses`. Unlike runs, comparators are not upper-cased first:
 * `name like '%a%'` is rejected.
 */
function checkExperimentClause(raw: RawExperimentClause): ParseResult<ExperimentClause> {
  const c = raw.rawComparator
  const at = raw.comparatorSpan
  const done = (comparator: Comparator): ParseResult<ExperimentClause> => ({
    ok: true,
    value: { entity: raw.entity, key: raw.key, comparator, value: raw.value },
  })
  if (raw.entity === 'tag') {
    if (c === 'IS NULL' || c === 'IS NOT NULL') return done(c)
    if (c === '=' || c === '!=' || c === 'LIKE' || c === 'ILIKE') return done(c)
    return parseError(`Invalid comparator for tag: ${c}`, at)
  }
  if (raw.key === 'experiment_id') {
    if (c !== '=' && c !== '!=' && c !== 'IN' && c !== 'NOT IN') {
      return parseError(`Invalid comparator for experiment_id: ${c}`, at)
    }
    const ids = Array.isArray(raw.value) ? raw.value : [raw.value]
    for (const id of ids) {
      if (typeof id !== 'string' || pythonInt(id) === undefined) {
        return parseError(
          `Invalid experiment ID '${String(id)}'. Experiment ID must be a valid integer.`,
          raw.span,
        )
      }
    }
    return done(c)
  }
  if (EXPERIMENT_NUMERIC_ATTRIBUTES.includes(raw.key)) {
    if (!isComparatorIn(c, METRIC_COMPARATORS)) {
      return invalidComparator(c, STRING_ATTRIBUTE_COMPARATORS, false, at)
    }
    if (raw.isFloat && typeof raw.value === 'number') {
      return parseError(
        `Invalid value for numeric attribute '${raw.key}': ${pyStr(pyRepr({ t: 'float', v: raw.value }))}`,
        raw.span,
      )
    }
    return done(c)
  }
  if (!isComparatorIn(c, STRING_ATTRIBUTE_COMPARATORS)) {
    return invalidComparator(c, STRING_ATTRIBUTE_COMPARATORS, true, at)
  }
  if (c !== '=' && c !== '!=' && c !== 'LIKE' && c !== 'ILIKE') {
    return parseError(`Invalid comparator for string attribute: ${c}`, at)
  }
  return done(c)
}

/** Parse an `experiments/search` filter and apply every check the server makes. */
export function parseExperimentFilter(
  text: string,
  options: FilterParseOptions = {},
): ParseResult<ExperimentFilter> {
  const parsed = parseComparisons(text, false, options, parseExperimentComparison)
  if (!parsed.ok) return parsed
  const clauses: ExperimentClause[] = []
  for (const raw of parsed.value) {
    const checked = checkExperimentClause(raw)
    if (!checked.ok) return checked
    clauses.push(checked.value)
  }
  const binding = checkListBinding(clauses, parsed.value)
  if (binding !== undefined) return { ok: false, error: binding }
  return { ok: true, value: clauses }
}

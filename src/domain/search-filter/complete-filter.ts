/**
 * Completions for the filter box: what can come at the cursor given the text before it. The text is
 * read loosely (it is usually half-typed): the condition under the cursor starts after the last AND,
 * OR or opening parenthesis, and is an identifier, then an operator, then a value.
 */

import { RUN_STATUSES, type Run } from '../runs/run'
import {
  canonicalRunAttribute,
  RUN_ENTITY_ALIASES,
  RUN_NUMERIC_ATTRIBUTES,
  type RunEntity,
} from './parse-filter'
import { tokenizeSql } from './sql-lexer'
import { isTypeIn } from './sql-token'

/** Keys and known values of the loaded runs. */
export interface FilterVocabulary {
  readonly params: readonly string[]
  readonly metrics: readonly string[]
  readonly tags: readonly string[]
  readonly datasets: readonly string[]
  /** Known values of a key, e.g. the optimizers seen for `params.optimizer`. */
  values(entity: RunEntity, key: string): readonly string[]
}

export interface FilterCompletion {
  readonly label: string
  readonly detail?: string
  /** Replaces `text.slice(from, to)`. */
  readonly insert: string
  readonly from: number
  readonly to: number
  readonly kind: 'key' | 'operator' | 'value' | 'keyword'
}

export const EMPTY_VOCABULARY: FilterVocabulary = {
  params: [],
  metrics: [],
  tags: [],
  datasets: [],
  values: () => [],
}

const MAX_COMPLETIONS = 50
const MAX_VALUES = 200

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/

/** A key as the filter needs it written: bare when it is a plain identifier, else quoted. */
export function quoteFilterKey(key: string): string {
  if (PLAIN_KEY.test(key)) return key
  if (!key.includes('`')) return `\`${key}\``
  if (!key.includes('"')) return `"${key}"`
  return `'${key}'`
}

/** A string value quoted so MLflow reads it back unchanged (it never unescapes), or undefined. */
function quoteValue(value: string): string | undefined {
  if (!value.includes("'")) return `'${value}'`
  if (!value.includes('"')) return `"${value}"`
  return undefined
}

const PREFIXES: readonly { prefix: string; entity: RunEntity; detail: string }[] = [
  { prefix: 'metrics', entity: 'metric', detail: 'Metric' },
  { prefix: 'params', entity: 'param', detail: 'Parameter' },
  { prefix: 'tags', entity: 'tag', detail: 'Tag' },
  { prefix: 'attributes', entity: 'attribute', detail: 'Run attribute' },
  { prefix: 'dataset', entity: 'dataset', detail: 'Dataset' },
]

const ATTRIBUTE_KEYS = ['run_name', 'status', 'start_time', 'end_time', 'user_id', 'run_id', 'artifact_uri']
const DATASET_KEYS = ['name', 'digest', 'context']

function keysOf(entity: RunEntity, vocab: FilterVocabulary): readonly string[] {
  switch (entity) {
    case 'metric':
      return vocab.metrics
    case 'param':
      return vocab.params
    case 'tag':
      return vocab.tags
    case 'attribute':
      return ATTRIBUTE_KEYS
    case 'dataset':
      return DATASET_KEYS
  }
}

const NUMERIC_OPERATORS = ['=', '!=', '<', '<=', '>', '>=']
const TEXT_OPERATORS = ['=', '!=', 'LIKE', 'ILIKE']

/** The operators the server (or, for status lists, the browser) accepts on this key. */
function operatorsFor(entity: RunEntity, key: string): string[] {
  switch (entity) {
    case 'metric':
      return NUMERIC_OPERATORS
    case 'param':
    case 'tag':
      return [...TEXT_OPERATORS, 'IS NULL', 'IS NOT NULL']
    case 'dataset':
      return [...TEXT_OPERATORS, 'IN', 'NOT IN']
    case 'attribute':
      if (RUN_NUMERIC_ATTRIBUTES.includes(key)) return NUMERIC_OPERATORS
      if (key === 'run_id' || key === 'status') return [...TEXT_OPERATORS, 'IN', 'NOT IN']
      return TEXT_OPERATORS
  }
}

function unquote(text: string): string {
  return text.replace(/^[`"']/, '').replace(/[`"']$/, '')
}

/** Best matches first: prefix matches, then substring matches, both case-insensitive. */
function rank(candidates: readonly string[], partial: string): string[] {
  const needle = partial.toLowerCase()
  if (needle === '') return [...candidates]
  const prefix: string[] = []
  const inside: string[] = []
  for (const candidate of candidates) {
    const index = candidate.toLowerCase().indexOf(needle)
    if (index === 0) prefix.push(candidate)
    else if (index > 0) inside.push(candidate)
  }
  return [...prefix, ...inside]
}

type Boundary = 'start' | 'connective' | 'close'

/** Where the condition under the cursor starts, and what came before it. */
function conditionStart(before: string): { start: number; boundary: Boundary } {
  let start = 0
  let boundary: Boundary = 'start'
  let valueDepth = 0
  let previous: string | undefined
  for (const token of tokenizeSql(before)) {
    if (token.type === 'Error' && `'"\``.includes(token.value)) break
    if (isTypeIn(token.type, 'Text.Whitespace')) continue
    const upper = token.value.toUpperCase()
    if (token.type === 'Punctuation' && token.value === '(') {
      if (valueDepth > 0 || previous === 'IN') valueDepth++
      else {
        start = token.end
        boundary = 'connective'
      }
    } else if (token.type === 'Punctuation' && token.value === ')') {
      if (valueDepth > 0) valueDepth--
      else {
        start = token.end
        boundary = 'close'
      }
    } else if (valueDepth === 0 && isTypeIn(token.type, 'Keyword') && (upper === 'AND' || upper === 'OR')) {
      start = token.end
      boundary = 'connective'
    }
    previous = isTypeIn(token.type, 'Keyword') ? upper : token.value
  }
  return { start, boundary }
}

function keywordCompletions(partial: string, from: number, to: number): FilterCompletion[] {
  return ['AND', 'OR']
    .filter((word) => word.startsWith(partial.toUpperCase()))
    .map((word) => ({ label: word, insert: `${word} `, from, to, kind: 'keyword' }))
}

function keyCompletions(
  typed: string,
  from: number,
  to: number,
  vocab: FilterVocabulary,
): FilterCompletion[] {
  const dot = typed.indexOf('.')
  const alias = dot === -1 ? undefined : typed.slice(0, dot).replace(/`/g, '')
  const entity = alias === undefined ? undefined : RUN_ENTITY_ALIASES.get(alias)
  if (alias !== undefined && entity !== undefined) {
    const partial = unquote(typed.slice(dot + 1))
    return rank(keysOf(entity, vocab), partial)
      .slice(0, MAX_COMPLETIONS)
      .map((key) => ({
        label: `${alias}.${key}`,
        detail: PREFIXES.find((p) => p.entity === entity)?.detail,
        insert: `${alias}.${quoteFilterKey(key)} `,
        from,
        to,
        kind: 'key',
      }))
  }
  const partial = unquote(typed)
  const prefixes: FilterCompletion[] = PREFIXES.filter((p) => p.prefix.startsWith(partial.toLowerCase())).map(
    (p) => ({ label: `${p.prefix}.`, detail: p.detail, insert: `${p.prefix}.`, from, to, kind: 'key' }),
  )
  if (partial === '') return prefixes
  const keys = PREFIXES.flatMap((p) =>
    rank(keysOf(p.entity, vocab), partial).map((key): FilterCompletion => ({
      label: `${p.prefix}.${key}`,
      detail: p.detail,
      insert: `${p.prefix}.${quoteFilterKey(key)} `,
      from,
      to,
      kind: 'key',
    })),
  )
  return [...prefixes, ...keys].slice(0, MAX_COMPLETIONS)
}

function resolveIdentifier(typed: string): { entity: RunEntity; key: string } | undefined {
  const dot = typed.indexOf('.')
  if (dot === -1) return { entity: 'attribute', key: canonicalRunAttribute(unquote(typed)) }
  const entity = RUN_ENTITY_ALIASES.get(typed.slice(0, dot).replace(/`/g, ''))
  if (entity === undefined) return undefined
  const key = unquote(typed.slice(dot + 1))
  return { entity, key: entity === 'attribute' ? canonicalRunAttribute(key) : key }
}

function knownValues(entity: RunEntity, key: string, vocab: FilterVocabulary): readonly string[] {
  const known = vocab.values(entity, key)
  if (known.length > 0) return known
  if (entity === 'attribute' && key === 'status') return RUN_STATUSES
  if (entity === 'dataset' && key === 'name') return vocab.datasets
  return []
}

function valueCompletions(
  entity: RunEntity,
  key: string,
  operator: string,
  typed: string,
  from: number,
  to: number,
  vocab: FilterVocabulary,
): FilterCompletion[] {
  if (operator === 'IS NULL' || operator === 'IS NOT NULL') return []
  const numeric = entity === 'metric' || (entity === 'attribute' && RUN_NUMERIC_ATTRIBUTES.includes(key))
  if (numeric) return []
  const list = operator === 'IN' || operator === 'NOT IN'
  let itemFrom = from
  let partial = typed
  if (list) {
    // Inside `(...)`: complete the item after the last `(` or `,`.
    const cut = Math.max(typed.lastIndexOf('('), typed.lastIndexOf(','))
    const rest = typed.slice(cut + 1)
    itemFrom = from + cut + 1 + (rest.length - rest.trimStart().length)
    partial = rest.trimStart()
  }
  const needle = unquote(partial)
  const opening = list && !typed.includes('(')
  // Items already in the list are not offered again.
  const listed = new Set(list ? [...typed.matchAll(/'([^']*)'|"([^"]*)"/g)].map((m) => m[1] ?? m[2]) : [])
  return rank(
    knownValues(entity, key, vocab).filter((value) => !listed.has(value)),
    needle,
  )
    .slice(0, MAX_COMPLETIONS)
    .flatMap((value): FilterCompletion[] => {
      const quoted = quoteValue(value)
      if (quoted === undefined) return []
      const insert = opening ? `(${quoted})` : list ? quoted : `${quoted} `
      return [{ label: value, insert, from: itemFrom, to, kind: 'value' }]
    })
}

/** `entity.key` or a bare attribute; the key may be quoted (the closing quote may be missing yet). */
const IDENTIFIER = /^(?:[^\s=!<>'"`(),~.]*\.)?(?:`[^`]*`?|"[^"]*"?|[^\s=!<>'"`(),~]*)/
const OPERATOR =
  /^(is\s+not\s+null|is\s+null|not\s+ilike|not\s+like|not\s+in|ilike|like|in|<=|>=|!=|=|<|>)(?![\p{L}\p{N}_])/iu
const COMPLETE_VALUE = /^('[^']*'|"[^"]*"|[-+\d.eE]+|\([^)]*\))\s+([A-Za-z]*)$/

/** The word under the cursor runs on to here, so accepting a completion replaces all of it. */
function wordEnd(text: string, cursor: number): number {
  const after = /^[\p{L}\p{N}_.`]*/u.exec(text.slice(cursor))
  return cursor + (after?.[0].length ?? 0)
}

/** Completions at `cursor` (a UTF-16 offset into `text`). */
export function completeRunFilter(text: string, cursor: number, vocab: FilterVocabulary): FilterCompletion[] {
  const before = text.slice(0, cursor)
  const { start, boundary } = conditionStart(before)
  const raw = before.slice(start)
  const condition = raw.trimStart()
  const at = start + raw.length - condition.length
  const to = wordEnd(text, cursor)

  if (boundary === 'close') return keywordCompletions(condition.trim(), at, to)

  const identifier = IDENTIFIER.exec(condition)?.[0] ?? ''
  if (identifier.length === condition.length) return keyCompletions(condition, at, to, vocab)

  const resolved = resolveIdentifier(identifier)
  if (resolved === undefined) return []
  const { entity, key } = resolved
  const afterIdentifier = condition.slice(identifier.length)
  const opText = afterIdentifier.trimStart()
  const opAt = at + identifier.length + (afterIdentifier.length - opText.length)
  const operators = operatorsFor(entity, key)
  const operator = OPERATOR.exec(opText)
  const rest = operator === null ? undefined : opText.slice(operator[0].length)
  // Still on the operator: nothing after it yet, or a partial word or symbol.
  if (rest === undefined || (rest === '' && /[\p{L}<>!]$/u.test(opText))) {
    if (!/^[\p{L}\s<>=!]*$/u.test(opText)) return []
    const partial = opText.toUpperCase().replace(/\s+/g, ' ')
    return operators
      .filter((op) => op.startsWith(partial))
      .map((op) => ({ label: op, insert: `${op} `, from: opAt, to, kind: 'operator' }))
  }
  const op = (operator?.[1] ?? '').toUpperCase().replace(/\s+/g, ' ')
  if (op === 'IS NULL' || op === 'IS NOT NULL') {
    return rest.trim() === '' && rest !== '' ? keywordCompletions('', cursor, to) : []
  }
  const valueText = rest.trimStart()
  const valueAt = cursor - valueText.length
  const complete = COMPLETE_VALUE.exec(valueText)
  if (complete !== null) {
    const partial = complete[2] ?? ''
    return keywordCompletions(partial, cursor - partial.length, to)
  }
  const completions = valueCompletions(entity, key, op, valueText, valueAt, valueEnd(text, cursor), vocab)
  // Right after the operator (`params.opt=`), keep a space between them.
  return rest === '' ? completions.map((c) => ({ ...c, insert: ` ${c.insert}` })) : completions
}

/** A value under the cursor runs on to its closing quote. */
function valueEnd(text: string, cursor: number): number {
  const after = /^[^\s'"(),]*['"]?/.exec(text.slice(cursor))
  return cursor + (after?.[0].length ?? 0)
}

// ---------------------------------------------------------------------------------------------
// The vocabulary of loaded runs

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

function sortedKeys(keys: ReadonlySet<string>): string[] {
  // System tags (`mlflow.*`) after the user's own.
  return [...keys].sort((a, b) => {
    const system = Number(a.startsWith('mlflow.')) - Number(b.startsWith('mlflow.'))
    return system !== 0 ? system : collator.compare(a, b)
  })
}

function distinct(values: Iterable<string | undefined>): string[] {
  const seen = new Set<string>()
  for (const value of values) {
    if (value === undefined) continue
    seen.add(value)
    if (seen.size >= MAX_VALUES) break
  }
  return [...seen].sort(compareValues)
}

/** Numbers by value (`0.01` before `0.1`), other text in natural order. */
function compareValues(a: string, b: string): number {
  const x = Number(a)
  const y = Number(b)
  if (a.trim() !== '' && b.trim() !== '' && Number.isFinite(x) && Number.isFinite(y) && x !== y) return x - y
  return collator.compare(a, b)
}

function* runValues(runs: readonly Run[], entity: RunEntity, key: string): Generator<string | undefined> {
  for (const run of runs) {
    switch (entity) {
      case 'param':
        yield Object.hasOwn(run.params, key) ? run.params[key] : undefined
        break
      case 'tag':
        yield Object.hasOwn(run.tags, key) ? run.tags[key] : undefined
        break
      case 'metric':
        break
      case 'attribute':
        if (key === 'run_name') yield run.tags['mlflow.runName'] ?? run.info.runName
        else if (key === 'status') yield run.info.status
        else if (key === 'user_id') yield run.info.userId
        else if (key === 'run_id') yield run.info.runId
        break
      case 'dataset':
        for (const dataset of run.datasets) {
          if (key === 'name') yield dataset.name
          else if (key === 'digest') yield dataset.digest
          else yield dataset.tags['mlflow.data.context']
        }
        break
    }
  }
}

/** Keys and (lazily, per key) values of the given runs. */
export function filterVocabulary(runs: readonly Run[]): FilterVocabulary {
  const params = new Set<string>()
  const metrics = new Set<string>()
  const tags = new Set<string>()
  const datasets = new Set<string>()
  for (const run of runs) {
    for (const key in run.params) params.add(key)
    for (const key in run.metrics) metrics.add(key)
    for (const key in run.tags) tags.add(key)
    for (const dataset of run.datasets) datasets.add(dataset.name)
  }
  const cache = new Map<string, readonly string[]>()
  return {
    params: sortedKeys(params),
    metrics: sortedKeys(metrics),
    tags: sortedKeys(tags),
    datasets: sortedKeys(datasets),
    values(entity, key) {
      const id = `${entity}\u0000${key}`
      let values = cache.get(id)
      if (values === undefined) {
        values = distinct(runValues(runs, entity, key))
        cache.set(id, values)
      }
      return values
    },
  }
}

/**
 * The runs table's columns: their ids (`params.lr`), labels, the value a run has in each, and the
 * one order every column sorts and groups by (numbers numerically, text in natural order).
 */

import { SYSTEM_TAGS, type Run } from './run'

export type ColumnGroup = 'attributes' | 'params' | 'metrics' | 'tags'

export const ATTRIBUTE_COLUMNS = [
  'run_name',
  'status',
  'start_time',
  'duration',
  'user',
  'source',
  'version',
  'models',
  'datasets',
  'experiment',
  'description',
] as const

export type AttributeColumn = (typeof ATTRIBUTE_COLUMNS)[number]

export interface ColumnRef {
  readonly group: ColumnGroup
  readonly key: string
}

const COLUMN_GROUPS: readonly ColumnGroup[] = ['attributes', 'params', 'metrics', 'tags']

const ATTRIBUTE_LABELS: Readonly<Record<AttributeColumn, string>> = {
  run_name: 'Run',
  status: 'Status',
  start_time: 'Started',
  duration: 'Duration',
  user: 'User',
  source: 'Source',
  version: 'Version',
  models: 'Models',
  datasets: 'Datasets',
  experiment: 'Experiment',
  description: 'Description',
}

function isColumnGroup(text: string): text is ColumnGroup {
  return COLUMN_GROUPS.some((group) => group === text)
}

export function isAttributeColumn(key: string): key is AttributeColumn {
  return ATTRIBUTE_COLUMNS.some((column) => column === key)
}

/** `attributes.status`, `params.lr`, `metrics.val loss`, `tags.team` (the key is everything after the first dot). */
export function columnId(ref: ColumnRef): string {
  return `${ref.group}.${ref.key}`
}

/** The column an id names; undefined for an unknown group, an unknown attribute or an empty key. */
export function parseColumnId(id: string): ColumnRef | undefined {
  const dot = id.indexOf('.')
  if (dot === -1) return undefined
  const group = id.slice(0, dot)
  const key = id.slice(dot + 1)
  if (!isColumnGroup(group) || key === '') return undefined
  if (group === 'attributes' && !isAttributeColumn(key)) return undefined
  return { group, key }
}

/** 'Run', 'Status', 'Started'... for attributes; the key itself for params, metrics and tags. */
export function columnLabel(ref: ColumnRef): string {
  if (ref.group === 'attributes' && isAttributeColumn(ref.key)) return ATTRIBUTE_LABELS[ref.key]
  return ref.key
}

export interface RunKeys {
  readonly params: readonly string[]
  readonly metrics: readonly string[]
  readonly tags: readonly string[]
}

const SYSTEM_TAG_PREFIX = 'mlflow.'

function addKeys(into: Set<string>, record: Readonly<Record<string, unknown>>): void {
  for (const key of Object.keys(record)) into.add(key)
}

/** Keys across the runs, sorted (natural order); tags leave out `mlflow.*` system tags. */
export function collectRunKeys(runs: readonly Run[]): RunKeys {
  const params = new Set<string>()
  const metrics = new Set<string>()
  const tags = new Set<string>()
  for (const run of runs) {
    addKeys(params, run.params)
    addKeys(metrics, run.metrics)
    addKeys(tags, run.tags)
  }
  return {
    params: sortTexts(params),
    metrics: sortTexts(metrics),
    tags: sortTexts([...tags].filter((key) => !key.startsWith(SYSTEM_TAG_PREFIX))),
  }
}

function sortTexts(texts: Iterable<string>): string[] {
  return [...texts].sort((a, b) => NATURAL.compare(a, b))
}

export type CellValue = string | number | undefined

/** One entry of the `mlflow.log-model.history` tag, as far as it could be read. */
export interface LoggedModelEntry {
  readonly artifactPath: string | undefined
  readonly runId: string | undefined
  readonly modelId: string | undefined
  readonly registeredModelName: string | undefined
  readonly flavors: readonly string[]
}

function stringField(record: object, field: string): string | undefined {
  const value: unknown = Reflect.get(record, field)
  return typeof value === 'string' && value !== '' ? value : undefined
}

/** The `mlflow.log-model.history` tag (a JSON array); anything unreadable is skipped, never thrown. */
export function parseLogModelHistory(text: string | undefined): LoggedModelEntry[] {
  if (text === undefined || text === '') return []
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return []
  }
  if (!Array.isArray(parsed)) return []
  const items: readonly unknown[] = parsed
  const entries: LoggedModelEntry[] = []
  for (const item of items) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) continue
    const flavors: unknown = Reflect.get(item, 'flavors')
    entries.push({
      artifactPath: stringField(item, 'artifact_path'),
      runId: stringField(item, 'run_id'),
      modelId: stringField(item, 'model_id'),
      registeredModelName: stringField(item, 'registered_model_name'),
      flavors:
        typeof flavors === 'object' && flavors !== null && !Array.isArray(flavors)
          ? Object.keys(flavors)
          : [],
    })
  }
  return entries
}

/** Runs are immutable once loaded, so the parsed model names are kept per run object. */
const MODELS_CACHE = new WeakMap<Run, string | undefined>()

function modelsText(run: Run): string | undefined {
  if (MODELS_CACHE.has(run)) return MODELS_CACHE.get(run)
  const history = parseLogModelHistory(run.tags[SYSTEM_TAGS.logModelHistory])
  const nameById = new Map<string, string>()
  for (const entry of history) {
    const name = entry.registeredModelName ?? entry.artifactPath
    if (entry.modelId !== undefined && name !== undefined && !nameById.has(entry.modelId)) {
      nameById.set(entry.modelId, name)
    }
  }
  const labels = new Set<string>()
  const outputIds = new Set<string>()
  for (const output of run.modelOutputs) {
    outputIds.add(output.modelId)
    labels.add(nameById.get(output.modelId) ?? output.modelId)
  }
  for (const entry of history) {
    if (entry.modelId !== undefined && outputIds.has(entry.modelId)) continue
    const name = entry.registeredModelName ?? entry.artifactPath ?? entry.modelId
    if (name !== undefined) labels.add(name)
  }
  const text = labels.size === 0 ? undefined : [...labels].join(', ')
  MODELS_CACHE.set(run, text)
  return text
}

const DATASET_CONTEXT_TAG = 'mlflow.data.context'

function datasetsText(run: Run): string | undefined {
  if (run.datasets.length === 0) return undefined
  const labels = new Set<string>()
  for (const dataset of run.datasets) {
    const context = dataset.tags[DATASET_CONTEXT_TAG]
    labels.add(context === undefined || context === '' ? dataset.name : `${dataset.name} (${context})`)
  }
  return [...labels].join(', ')
}

function nonEmpty(text: string | undefined): string | undefined {
  return text === '' ? undefined : text
}

function attributeValue(run: Run, key: string): CellValue {
  const { info, tags } = run
  switch (key) {
    case 'run_name':
      return info.runName === '' ? info.runId : info.runName
    case 'status':
      return info.status
    case 'start_time':
      return info.startTime
    case 'duration':
      return info.status === 'RUNNING' || info.startTime === undefined || info.endTime === undefined
        ? undefined
        : info.endTime - info.startTime
    case 'user':
      return nonEmpty(tags[SYSTEM_TAGS.user]) ?? nonEmpty(info.userId)
    case 'source':
      return nonEmpty(tags[SYSTEM_TAGS.sourceName])
    case 'version':
      return nonEmpty(tags[SYSTEM_TAGS.gitCommit])
    case 'models':
      return modelsText(run)
    case 'datasets':
      return datasetsText(run)
    case 'experiment':
      return info.experimentId
    case 'description':
      return nonEmpty(tags[SYSTEM_TAGS.note])
    default:
      return undefined
  }
}

/**
 * The value a run shows in a column; undefined when it has none. Attribute columns read an empty
 * tag as missing; params and tags keep an empty string as a value.
 */
export function cellValue(run: Run, ref: ColumnRef): CellValue {
  switch (ref.group) {
    case 'params':
      return run.params[ref.key]
    case 'metrics':
      return run.metrics[ref.key]?.value
    case 'tags':
      return run.tags[ref.key]
    case 'attributes':
      return attributeValue(run, ref.key)
  }
}

const NATURAL = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

/** Decimal numbers as people and Python write them: `3`, `-0.5`, `1e-3`, `.5`; no hex, no `Infinity`. */
const NUMBER_TEXT = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/

/** The number a text spells, when it spells a finite one. */
export function finiteNumberText(text: string): number | undefined {
  if (!NUMBER_TEXT.test(text)) return undefined
  const value = Number(text)
  return Number.isFinite(value) ? value : undefined
}

/** 0 a number (or numeric text), 1 other text, 2 NaN: the order of the three kinds. */
function kindOf(value: string | number): { kind: 0 | 1 | 2; number: number } {
  if (typeof value === 'number')
    return Number.isNaN(value) ? { kind: 2, number: 0 } : { kind: 0, number: value }
  const number = finiteNumberText(value)
  return number === undefined ? { kind: 1, number: 0 } : { kind: 0, number }
}

/**
 * Numbers numerically; two strings that both parse as finite numbers numerically; else natural,
 * case-insensitive text order. So the order is total: numbers (and numeric text) first, then other
 * text, then NaN.
 */
export function compareCellValues(a: string | number, b: string | number): number {
  const ka = kindOf(a)
  const kb = kindOf(b)
  if (ka.kind !== kb.kind) return ka.kind - kb.kind
  if (ka.kind === 0) return ka.number < kb.number ? -1 : ka.number > kb.number ? 1 : 0
  if (ka.kind === 2) return 0
  return NATURAL.compare(String(a), String(b))
}

/** The kinds of cell value in {@link CellSortKeys}, in the order they sort (missing last). */
const NUMBER_KIND = 0
const TEXT_KIND = 1
const NAN_KIND = 2
const MISSING_KIND = 3

/**
 * Cell values prepared for sorting, parsed once: for each value its kind (number or numeric text,
 * other text, NaN, missing), its number, and for text a key whose plain `<` order is natural order.
 */
export interface CellSortKeys {
  readonly kinds: Uint8Array
  readonly numbers: Float64Array
  readonly texts: readonly string[]
}

export function cellSortKeys(values: readonly CellValue[]): CellSortKeys {
  const count = values.length
  const kinds = new Uint8Array(count)
  const numbers = new Float64Array(count)
  const texts = new Array<string>(count).fill('')
  const model = naturalModel()
  let allKeyed = model !== null
  for (let index = 0; index < count; index++) {
    const value = values[index]
    if (value === undefined) {
      kinds[index] = MISSING_KIND
    } else if (typeof value === 'number') {
      if (Number.isNaN(value)) kinds[index] = NAN_KIND
      else numbers[index] = value
    } else {
      const number = finiteNumberText(value)
      if (number !== undefined) {
        numbers[index] = number
        continue
      }
      kinds[index] = TEXT_KIND
      const key = allKeyed && model !== null ? modelKey(model, value) : undefined
      if (key === undefined) allKeyed = false
      else texts[index] = key
    }
  }
  if (!allKeyed) collatorKeys(values, kinds, texts)
  return { kinds, numbers, texts }
}

/** Text keys from the collator itself: each distinct text's rank, as fixed-width digits. */
function collatorKeys(values: readonly CellValue[], kinds: Uint8Array, texts: string[]): void {
  const distinct = new Set<string>()
  for (let index = 0; index < values.length; index++) {
    const value = values[index]
    if (kinds[index] === TEXT_KIND && typeof value === 'string') distinct.add(value)
  }
  const sorted = [...distinct].sort((a, b) => NATURAL.compare(a, b))
  const keyOf = new Map<string, string>()
  let rank = 0
  for (const [index, text] of sorted.entries()) {
    const previous = sorted[index - 1]
    if (previous !== undefined && NATURAL.compare(previous, text) !== 0) rank += 1
    keyOf.set(text, String(rank).padStart(10, '0'))
  }
  for (let index = 0; index < values.length; index++) {
    const value = values[index]
    if (kinds[index] === TEXT_KIND && typeof value === 'string') texts[index] = keyOf.get(value) ?? ''
  }
}

/**
 * A comparator of positions in the prepared values: `compareCellValues` order (`descending`
 * reverses it), NaN and then missing values last either way; 0 when equal.
 */
export function sortKeyComparator(keys: CellSortKeys, descending = false): (a: number, b: number) => number {
  const { kinds, numbers, texts } = keys
  const sign = descending ? -1 : 1
  return (a, b) => {
    const ka = kinds[a] ?? MISSING_KIND
    const kb = kinds[b] ?? MISSING_KIND
    if (ka !== kb) return ka <= TEXT_KIND && kb <= TEXT_KIND ? sign * (ka - kb) : ka - kb
    if (ka === NUMBER_KIND) {
      const na = numbers[a] ?? 0
      const nb = numbers[b] ?? 0
      return na < nb ? -sign : na > nb ? sign : 0
    }
    if (ka === TEXT_KIND) {
      const ta = texts[a] ?? ''
      const tb = texts[b] ?? ''
      return ta < tb ? -sign : ta > tb ? sign : 0
    }
    return 0
  }
}

/** Rank given to a missing value by {@link rankCellValues}. */
export const MISSING_RANK = -1

/**
 * For each value its place in {@link compareCellValues} order (0, 1, 2...; values that compare
 * equal share a rank), `MISSING_RANK` for undefined.
 */
export function rankCellValues(values: readonly CellValue[]): Int32Array {
  const keys = cellSortKeys(values)
  const compare = sortKeyComparator(keys)
  const order = Array.from({ length: values.length }, (_, index) => index)
  order.sort(compare)
  const ranks = new Int32Array(values.length)
  let rank = -1
  let previous: number | undefined
  for (const index of order) {
    if (keys.kinds[index] === MISSING_KIND) {
      ranks[index] = MISSING_RANK
      continue
    }
    if (previous === undefined || compare(previous, index) !== 0) rank += 1
    previous = index
    ranks[index] = rank
  }
  return ranks
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/*
 * Natural order without the collator in the sort loop. Sorting 20k distinct run names with a
 * numeric `Intl.Collator` takes 50-80 ms; comparing precomputed one-byte keys takes about 10. For printable ASCII text the collator's
 * base-level order is simple: each character has a weight (letters ignore case), and a run of
 * digits weighs as one number (leading zeros ignored) placed where the digits sit among the other
 * characters. So each text gets a key string whose plain `<` order is the collator's order. The
 * weights come from the collator itself, and the model is checked once against it on every pair
 * of characters, so a locale that reorders or contracts letters (Danish `aa`, Czech `ch`) simply
 * falls back to the collator.
 */

const FIRST_PRINTABLE = 0x20
const LAST_PRINTABLE = 0x7e
/** Longer digit runs are split by ICU, which the model does not follow. */
const MAX_DIGITS = 200

interface AsciiModel {
  /** Key character code for each printable ASCII code (digits all get the digit-run marker). */
  readonly weights: readonly number[]
}

let asciiModel: AsciiModel | null | undefined

function isDigitCode(code: number): boolean {
  return code >= 0x30 && code <= 0x39
}

/** Weights are one-byte character codes from here, so keys stay one-byte strings (fast to compare). */
const FIRST_WEIGHT = 0x21
/** Digit counts are one-byte codes from here (MAX_DIGITS keeps them below 0x100). */
const FIRST_LENGTH = 0x20

function buildAsciiModel(): AsciiModel | null {
  const chars: string[] = []
  for (let code = FIRST_PRINTABLE; code <= LAST_PRINTABLE; code++) chars.push(String.fromCharCode(code))
  const sorted = [...chars].sort((a, b) => NATURAL.compare(a, b))
  const rankOf = new Map<string, number>()
  let rank = 0
  for (const [index, ch] of sorted.entries()) {
    const previous = sorted[index - 1]
    if (previous !== undefined && NATURAL.compare(previous, ch) !== 0) rank += 1
    rankOf.set(ch, rank)
  }
  // One marker stands for every digit run; the check below fails if anything sorts among the digits.
  const digitRank = rankOf.get('0') ?? 0
  const weights = chars.map(
    (ch) => FIRST_WEIGHT + (isDigitCode(ch.charCodeAt(0)) ? digitRank : (rankOf.get(ch) ?? 0)),
  )
  const model: AsciiModel = { weights }
  return verifyModel(model, chars) ? model : null
}

/** Every one- and two-character text ordered by the model, checked neighbour by neighbour. */
function verifyModel(model: AsciiModel, chars: readonly string[]): boolean {
  const probes = [...chars]
  for (const a of chars) for (const b of chars) probes.push(a + b)
  const keyed = probes.map((text) => ({ text, key: modelKey(model, text) ?? '' }))
  keyed.sort((a, b) => compareStrings(a.key, b.key))
  for (let index = 1; index < keyed.length; index++) {
    const previous = keyed[index - 1]
    const current = keyed[index]
    if (previous === undefined || current === undefined) continue
    const expected = compareStrings(previous.key, current.key)
    if (Math.sign(NATURAL.compare(previous.text, current.text)) !== expected) return false
  }
  return true
}

const CHUNK = 4096

function fromCodes(codes: readonly number[]): string {
  if (codes.length <= CHUNK) return String.fromCharCode(...codes)
  let text = ''
  for (let start = 0; start < codes.length; start += CHUNK) {
    text += String.fromCharCode(...codes.slice(start, start + CHUNK))
  }
  return text
}

function modelKey(model: AsciiModel, text: string): string | undefined {
  const { weights } = model
  const digitMarker = weights[0x30 - FIRST_PRINTABLE] ?? FIRST_WEIGHT
  const codes: number[] = []
  let index = 0
  const length = text.length
  while (index < length) {
    const code = text.charCodeAt(index)
    if (code < FIRST_PRINTABLE || code > LAST_PRINTABLE) return undefined
    if (!isDigitCode(code)) {
      codes.push(weights[code - FIRST_PRINTABLE] ?? FIRST_WEIGHT)
      index += 1
      continue
    }
    let end = index
    while (end < length && isDigitCode(text.charCodeAt(end))) end += 1
    if (end - index > MAX_DIGITS) return undefined
    let start = index
    while (start < end && text.charCodeAt(start) === 0x30) start += 1
    codes.push(digitMarker, FIRST_LENGTH + end - start)
    for (let digit = start; digit < end; digit++) codes.push(text.charCodeAt(digit))
    index = end
  }
  return fromCodes(codes)
}

/** The fast key model, built (and checked) on first use; null when this locale needs the collator. */
function naturalModel(): AsciiModel | null {
  if (asciiModel === undefined) asciiModel = buildAsciiModel()
  return asciiModel
}

/** Ids of columns whose value is the same in every run (all missing counts as the same). */
export function constantColumnIds(runs: readonly Run[], refs: readonly ColumnRef[]): Set<string> {
  const constant = new Set<string>()
  const [first] = runs
  for (const ref of refs) {
    const value = first === undefined ? undefined : cellValue(first, ref)
    if (runs.every((run) => Object.is(cellValue(run, ref), value))) constant.add(columnId(ref))
  }
  return constant
}

/** Shown before the metrics: who the run is and how it went. */
const LEADING_ATTRIBUTES: readonly AttributeColumn[] = ['run_name', 'status', 'start_time', 'duration']
/** Shown after the params. `version` is left out: the source column already shows the commit. */
const TRAILING_ATTRIBUTES: readonly AttributeColumn[] = ['user', 'source', 'models', 'datasets']

/** How many metrics and how many params the default columns show at most. */
export const DEFAULT_KEY_COLUMNS = 12

/**
 * Default columns when the URL says nothing: the main attributes (plus experiment when
 * `multiExperiment`), then the first 12 metrics and 12 params in natural order, no tags.
 */
export interface DefaultColumnOptions {
  /** Runs of several experiments: the experiment column comes right after the run. */
  multiExperiment?: boolean
  /** Attribute columns no loaded run has a value for (no models, no datasets): left out. */
  emptyAttributes?: ReadonlySet<string>
  /** Params with one value across the loaded runs: the defaults prefer params that vary. */
  constantParams?: ReadonlySet<string>
}

/**
 * The columns shown when the URL says nothing: the run, its status and times, then metrics (what
 * people compare first), then params, then where the run came from. Never every key: at most
 * 12 metrics and 12 params, preferring params that vary between runs.
 */
export function defaultColumnIds(keys: RunKeys, options: DefaultColumnOptions = {}): string[] {
  const empty = options.emptyAttributes ?? new Set<string>()
  const attribute = (key: AttributeColumn) => columnId({ group: 'attributes', key })
  const leading = LEADING_ATTRIBUTES.map(attribute)
  if (options.multiExperiment === true) leading.splice(1, 0, attribute('experiment'))
  const trailing = TRAILING_ATTRIBUTES.filter((key) => !empty.has(key)).map(attribute)
  const first = (group: ColumnGroup, list: readonly string[]) =>
    sortTexts(list)
      .slice(0, DEFAULT_KEY_COLUMNS)
      .map((key) => columnId({ group, key }))
  const constant = options.constantParams ?? new Set<string>()
  const varying = keys.params.filter((key) => !constant.has(key))
  return [
    ...leading,
    ...first('metrics', keys.metrics),
    ...first('params', varying.length > 0 ? varying : keys.params),
    ...trailing,
  ]
}

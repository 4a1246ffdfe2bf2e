import { parse } from 'yaml'

/**
 * An MLflow `MLmodel` file: the YAML descriptor MLflow writes beside every logged model.
 * Its signature's `inputs`, `outputs` and `params` are JSON strings inside the YAML.
 */
export interface Mlmodel {
  /** One per flavor, in file order; `details` are the flavor's settings flattened to dotted keys. */
  readonly flavors: readonly MlmodelFlavor[]
  readonly signature?: MlmodelSignature
  readonly modelUuid?: string
  /** MLflow 3's logged model id (`m-...`). */
  readonly modelId?: string
  readonly runId?: string
  readonly utcTimeCreated?: string
  readonly mlflowVersion?: string
  readonly artifactPath?: string
  /** Bytes, from `model_size_bytes`. */
  readonly modelSize?: number
  /** Parts of the file that were present but could not be read (for example a signature that is not JSON). */
  readonly warnings: readonly string[]
}

export interface MlmodelFlavor {
  readonly name: string
  readonly details: Readonly<Record<string, string>>
}

export interface MlmodelSignature {
  readonly inputs: readonly SignatureColumn[]
  readonly outputs: readonly SignatureColumn[]
  readonly params?: readonly SignatureParam[]
}

/** A column spec (`{"type": "double", "name": "x", "required": true}`) or a tensor spec. */
export interface SignatureColumn {
  readonly name?: string
  /** A readable type: `double`, `tensor<float32>`, `array<string>`, `object`. */
  readonly type: string
  readonly required: boolean
  /** A tensor's shape; -1 is a free dimension. */
  readonly shape?: readonly number[]
}

export interface SignatureParam {
  readonly name: string
  readonly type: string
  /** The default as JSON text. */
  readonly default?: string
  readonly shape?: readonly number[]
}

export type MlmodelParseResult =
  { readonly ok: true; readonly model: Mlmodel } | { readonly ok: false; readonly error: string }

/** Parses an MLmodel file; never throws. */
export function parseMlmodel(text: string): MlmodelParseResult {
  let doc: unknown
  try {
    // The failsafe schema keeps every scalar as written: `python_version: 3.10` stays "3.10", not 3.1.
    doc = parse(text, { schema: 'failsafe' })
  } catch (error) {
    return { ok: false, error: `Not valid YAML: ${error instanceof Error ? error.message : String(error)}` }
  }
  if (!isRecord(doc)) return { ok: false, error: 'The file is not a YAML mapping.' }
  if (!isRecord(doc.flavors)) return { ok: false, error: 'The file has no "flavors" section.' }

  const warnings: string[] = []
  const flavors = Object.entries(doc.flavors).map(([name, value]) => ({
    name,
    details: isRecord(value) ? flatten(value) : {},
  }))
  const model: Mlmodel = {
    flavors,
    warnings,
    ...optional('modelUuid', scalar(doc.model_uuid)),
    ...optional('modelId', scalar(doc.model_id)),
    ...optional('runId', scalar(doc.run_id)),
    ...optional('utcTimeCreated', scalar(doc.utc_time_created)),
    ...optional('mlflowVersion', scalar(doc.mlflow_version)),
    ...optional('artifactPath', scalar(doc.artifact_path)),
    ...optional('modelSize', size(doc.model_size_bytes)),
    ...optional('signature', isRecord(doc.signature) ? readSignature(doc.signature, warnings) : undefined),
  }
  return { ok: true, model }
}

function readSignature(raw: Record<string, unknown>, warnings: string[]): MlmodelSignature {
  const inputs = readJsonList(raw.inputs, 'inputs', warnings).map(readColumn)
  const outputs = readJsonList(raw.outputs, 'outputs', warnings).map(readColumn)
  const params = scalar(raw.params) === undefined ? undefined : readJsonList(raw.params, 'params', warnings)
  return { inputs, outputs, ...optional('params', params?.map(readParam)) }
}

function readJsonList(value: unknown, part: string, warnings: string[]): unknown[] {
  const text = scalar(value)
  if (text === undefined) return []
  try {
    const parsed: unknown = JSON.parse(text)
    if (Array.isArray(parsed)) return parsed
  } catch {
    // Reported below.
  }
  warnings.push(`The signature's ${part} are not a JSON list.`)
  return []
}

function readColumn(spec: unknown): SignatureColumn {
  if (!isRecord(spec)) return { type: 'unknown', required: true }
  const shape = readShape(spec)
  return {
    type: typeLabel(spec),
    required: spec.required !== false,
    ...optional('name', typeof spec.name === 'string' ? spec.name : undefined),
    ...optional('shape', shape),
  }
}

function readParam(spec: unknown): SignatureParam {
  if (!isRecord(spec)) return { name: '', type: 'unknown' }
  return {
    name: typeof spec.name === 'string' ? spec.name : '',
    type: typeof spec.type === 'string' ? spec.type : 'unknown',
    ...optional('default', spec.default === undefined ? undefined : JSON.stringify(spec.default)),
    ...optional('shape', readShape(spec)),
  }
}

/** `double`; `tensor<float32>`; `array<string>`; `map<long>`; `object` (with its property names). */
function typeLabel(spec: Record<string, unknown>): string {
  const tensor = spec['tensor-spec']
  if (isRecord(tensor)) return `tensor<${typeof tensor.dtype === 'string' ? tensor.dtype : '?'}>`
  const type = typeof spec.type === 'string' ? spec.type : 'unknown'
  if (type === 'array' && isRecord(spec.items)) return `array<${typeLabel(spec.items)}>`
  if (type === 'map' && isRecord(spec.values)) return `map<${typeLabel(spec.values)}>`
  if (type === 'object' && isRecord(spec.properties)) {
    return `object{${Object.entries(spec.properties)
      .map(([key, value]) => `${key}: ${isRecord(value) ? typeLabel(value) : '?'}`)
      .join(', ')}}`
  }
  return type
}

function readShape(spec: Record<string, unknown>): number[] | undefined {
  const tensor = spec['tensor-spec']
  const shape = isRecord(tensor) ? tensor.shape : spec.shape
  if (!Array.isArray(shape)) return undefined
  return shape.filter((d): d is number => typeof d === 'number')
}

/** Nested settings as dotted keys (`env.conda`); empty and null values are left out. */
function flatten(value: Record<string, unknown>, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, child] of Object.entries(value)) {
    const path = prefix === '' ? key : `${prefix}.${key}`
    if (isRecord(child)) Object.assign(out, flatten(child, path))
    else if (Array.isArray(child)) out[path] = child.map((c) => scalar(c) ?? JSON.stringify(c)).join(', ')
    else {
      const text = scalar(child)
      if (text !== undefined) out[path] = text
    }
  }
  return out
}

/** A scalar as written, or undefined for missing, empty and YAML null spellings. */
function scalar(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  return value === '' || value === 'null' || value === '~' || value === 'Null' || value === 'NULL'
    ? undefined
    : value
}

function size(value: unknown): number | undefined {
  const text = scalar(value)
  if (text === undefined) return undefined
  const n = Number(text)
  return Number.isFinite(n) ? n : undefined
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** `{ [key]: value }` when value is defined, else `{}` (for exactOptionalPropertyTypes-friendly spreads). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  const out: { [P in K]?: V } = {}
  if (value !== undefined) out[key] = value
  return out
}

/**
 * The Python version a model's environment file pins: `python: 3.11.9` in `python_env.yaml`, or
 * `- python=3.11.9` in `conda.yaml`. Undefined when neither says.
 */
export function pythonVersionOf(environmentText: string): string | undefined {
  const match =
    /^python:\s*['"]?(\d+(?:\.\d+)*)/m.exec(environmentText) ??
    /^\s*-\s*python\s*=+\s*(\d+(?:\.\d+)*)/m.exec(environmentText)
  return match?.[1]
}

/** The input datasets of a run, read from what `log_input` recorded (MLflow's dataset JSON). */

import type { DatasetInput } from './run'

/** The input tag that says what a dataset was used for: `train`, `eval`, `test`... */
export const DATASET_CONTEXT_TAG = 'mlflow.data.context'

export interface SchemaColumn {
  name: string | undefined
  type: string
  /** Undefined when the schema does not say. */
  required: boolean | undefined
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined || text === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** `{"type": "tensor", "tensor-spec": {"dtype": "float64", "shape": [-1, 4]}}` → `tensor float64 (-1, 4)`. */
function columnType(spec: Record<string, unknown>): string | undefined {
  const type = spec.type
  const tensor = spec['tensor-spec']
  if (isRecord(tensor)) {
    const dtype = typeof tensor.dtype === 'string' ? tensor.dtype : '?'
    const shape = Array.isArray(tensor.shape) ? ` (${tensor.shape.map(String).join(', ')})` : ''
    return `tensor ${dtype}${shape}`
  }
  if (typeof type === 'string') return type
  if (isRecord(type) || Array.isArray(type)) return JSON.stringify(type)
  return undefined
}

function columnsOf(specs: unknown): SchemaColumn[] | undefined {
  if (!Array.isArray(specs)) return undefined
  const columns: SchemaColumn[] = []
  for (const spec of specs) {
    if (!isRecord(spec)) return undefined
    const type = columnType(spec)
    if (type === undefined) return undefined
    columns.push({
      name: typeof spec.name === 'string' ? spec.name : undefined,
      type,
      required: typeof spec.required === 'boolean' ? spec.required : undefined,
    })
  }
  return columns
}

/**
 * A dataset's schema as columns: MLflow writes `{"mlflow_colspec": [{"type", "name", "required"}]}`
 * or `{"mlflow_tensorspec": {"features": "<JSON list>", "targets": "<JSON list>"}}` (the lists as
 * JSON text). Undefined for anything else, which is then shown as it was logged.
 */
export function parseDatasetSchema(text: string | undefined): SchemaColumn[] | undefined {
  const schema = parseJson(text)
  if (!isRecord(schema)) return undefined
  if ('mlflow_colspec' in schema) return columnsOf(schema.mlflow_colspec)
  const tensors = schema.mlflow_tensorspec
  if (isRecord(tensors)) {
    const features = columnsOf(typeof tensors.features === 'string' ? parseJson(tensors.features) : undefined)
    if (features === undefined) return undefined
    const targets = typeof tensors.targets === 'string' ? (columnsOf(parseJson(tensors.targets)) ?? []) : []
    return [
      ...features,
      ...targets.map((column) => ({ ...column, name: `${column.name ?? ''} (target)`.trim() })),
    ]
  }
  return undefined
}

export interface DatasetProfile {
  numRows: number | undefined
  numElements: number | undefined
}

/** `{"num_rows": 150, "num_elements": 600}` (pandas and numpy datasets); undefined when neither is there. */
export function parseDatasetProfile(text: string | undefined): DatasetProfile | undefined {
  const profile = parseJson(text)
  if (!isRecord(profile)) return undefined
  const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined)
  const numRows = count(profile.num_rows)
  const numElements = count(profile.num_elements)
  return numRows === undefined && numElements === undefined ? undefined : { numRows, numElements }
}

/** Where the data was read from: the source JSON's `uri`, `url`, `path` or `table_name`, if any. */
export function datasetLocation(source: string | undefined): string | undefined {
  const parsed = parseJson(source)
  if (!isRecord(parsed)) return undefined
  for (const key of ['uri', 'url', 'path', 'table_name', 'hf_dataset_name']) {
    const value = parsed[key]
    if (typeof value === 'string' && value !== '') return value
  }
  return undefined
}

export function datasetContext(dataset: DatasetInput): string | undefined {
  return dataset.tags[DATASET_CONTEXT_TAG]
}

/** The models a run produced: MLflow 3 logged models and MLflow 2's `mlflow.log-model.history` tag. */

import { parseLogModelHistory, type LoggedModelEntry } from './run-columns'
import { SYSTEM_TAGS, type Run } from './run'

export interface HistoryModel extends LoggedModelEntry {
  /** Epoch milliseconds from `utc_time_created` (`2026-01-05 09:40:00.000000`, UTC). */
  createdAt: number | undefined
  /** `model_uuid`: a random id, or (for entries written by MLflow 3's `log_model`) the logged model's id. */
  modelUuid: string | undefined
}

/** `2026-01-05 09:40:00.123456` (Python's `str(datetime)`, in UTC) as epoch milliseconds. */
export function parseUtcTimeCreated(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?$/.exec(text.trim())
  if (match === null) return undefined
  const millis = (match[3] ?? '').padEnd(3, '0').slice(0, 3)
  const epoch = Date.parse(`${match[1]}T${match[2]}.${millis}Z`)
  return Number.isNaN(epoch) ? undefined : epoch
}

/** The objects of the history's JSON list, in the order `parseLogModelHistory` reads them. */
function historyObjects(text: string | undefined): object[] {
  if (text === undefined || text === '') return []
  try {
    const parsed: unknown = JSON.parse(text)
    if (!Array.isArray(parsed)) return []
    const items: readonly unknown[] = parsed
    return items.filter(
      (item): item is object => typeof item === 'object' && item !== null && !Array.isArray(item),
    )
  } catch {
    return []
  }
}

/**
 * The `mlflow.log-model.history` entries of a run, with their creation time. MLflow 3 also writes
 * an entry (with `model_id`) for every `log_model`; those describe a logged model.
 */
export function logModelHistory(run: Run): HistoryModel[] {
  const text = run.tags[SYSTEM_TAGS.logModelHistory]
  const entries = parseLogModelHistory(text)
  const objects = historyObjects(text)
  return entries.map((entry, index) => {
    const item = objects[index]
    const uuid: unknown = item === undefined ? undefined : Reflect.get(item, 'model_uuid')
    return {
      ...entry,
      createdAt: item === undefined ? undefined : parseUtcTimeCreated(Reflect.get(item, 'utc_time_created')),
      modelUuid: typeof uuid === 'string' && uuid !== '' ? uuid : undefined,
    }
  })
}

export interface RunModels {
  /** Logged model ids, outputs first (in step order), then ids only the history names. */
  loggedModelIds: string[]
  /** History entries per logged model id, for their flavors. */
  historyByModelId: ReadonlyMap<string, HistoryModel>
  /** Entries without a logged model: their files are in the run's artifacts under `artifactPath`. */
  legacy: HistoryModel[]
}

/** One list of what a run logged, each model once. */
export function runModels(run: Run): RunModels {
  const history = logModelHistory(run)
  const outputIds = new Set(run.modelOutputs.map((output) => output.modelId))
  const historyByModelId = new Map<string, HistoryModel>()
  const legacy: HistoryModel[] = []
  for (const entry of history) {
    // An entry names its logged model by `model_id`, or (MLflow 3's own entries) by `model_uuid`.
    const modelId =
      entry.modelId ??
      (entry.modelUuid !== undefined && outputIds.has(entry.modelUuid) ? entry.modelUuid : undefined)
    if (modelId === undefined) legacy.push(entry)
    else if (!historyByModelId.has(modelId)) historyByModelId.set(modelId, entry)
  }
  const ids = [...run.modelOutputs].sort((a, b) => a.step - b.step).map((output) => output.modelId)
  for (const id of historyByModelId.keys()) ids.push(id)
  return { loggedModelIds: [...new Set(ids)], historyByModelId, legacy }
}

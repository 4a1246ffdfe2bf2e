/** The mocks' records in MLflow's wire shape: snake_case, int64 as numbers, empty fields omitted. */

import type { MockExperiment, MockRun } from '../store/types'

type Json = Record<string, unknown>

function keyValues(entries: ReadonlyMap<string, string>): { key: string; value: string }[] {
  return [...entries].map(([key, value]) => ({ key, value }))
}

/** Puts `value` under `key` unless it is an empty list, as protobuf's JSON omits empty repeated fields. */
function withList(target: Json, key: string, value: readonly unknown[]): Json {
  if (value.length > 0) target[key] = value
  return target
}

export function encodeExperiment(experiment: MockExperiment): Json {
  const json: Json = {
    experiment_id: experiment.experimentId,
    name: experiment.name,
    artifact_location: experiment.artifactLocation,
    lifecycle_stage: experiment.lifecycleStage,
    last_update_time: experiment.lastUpdateTime,
    creation_time: experiment.creationTime,
  }
  withList(json, 'tags', keyValues(experiment.tags))
  // MLflow 3.10+ reports the workspace of every experiment; without workspaces it is `default`.
  json.workspace = 'default'
  return json
}

export function encodeRunInfo(run: MockRun): Json {
  const info: Json = {
    run_uuid: run.runId,
    experiment_id: run.experimentId,
    run_name: run.runName,
    user_id: run.userId,
    status: run.status,
    start_time: run.startTime,
  }
  if (run.endTime !== undefined) info.end_time = run.endTime
  info.artifact_uri = run.artifactUri
  info.lifecycle_stage = run.lifecycleStage
  info.run_id = run.runId
  return info
}

export function encodeRun(run: MockRun): Json {
  const data: Json = {}
  withList(
    data,
    'metrics',
    [...run.latestMetrics].map(([key, metric]) => ({
      key,
      value: metric.value,
      timestamp: metric.timestamp,
      step: metric.step,
    })),
  )
  withList(data, 'params', keyValues(run.params))
  withList(data, 'tags', keyValues(run.tags))
  const inputs: Json = {}
  withList(
    inputs,
    'dataset_inputs',
    run.datasets.map((dataset) => {
      const encoded: Json = {
        name: dataset.name,
        digest: dataset.digest,
        source_type: dataset.sourceType,
        source: dataset.source,
      }
      if (dataset.schema !== undefined) encoded.schema = dataset.schema
      if (dataset.profile !== undefined) encoded.profile = dataset.profile
      return { tags: [{ key: 'mlflow.data.context', value: dataset.context }], dataset: encoded }
    }),
  )
  return { info: encodeRunInfo(run), data, inputs, outputs: {} }
}

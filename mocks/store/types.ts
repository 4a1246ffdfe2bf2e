/**
 * The mocks' in-memory records, shaped after MLflow's SQL store rather than after the wire: handlers
 * encode them exactly as the real server does (see mocks/handlers).
 */

import type { LifecycleStage } from '@/domain/experiments'
import type { RunStatus } from '@/domain/runs/run'
import type {
  WorldArtifactFile,
  WorldArtifacts,
  WorldDataset,
  WorldLoggedModelMetric,
  WorldLoggedModelStatus,
  WorldMetricPoint,
} from '../world/types'

export interface MockExperiment {
  experimentId: string
  name: string
  artifactLocation: string
  lifecycleStage: LifecycleStage
  creationTime: number
  lastUpdateTime: number
  /** Insertion order is the order the server lists them in. */
  tags: Map<string, string>
}

/** A metric's latest value (highest step, then latest timestamp, then highest value). */
export interface MockLatestMetric {
  step: number
  timestamp: number
  value: WorldMetricPoint['value']
}

export interface MockRun {
  runId: string
  experimentId: string
  /** Mirrors the `mlflow.runName` tag. */
  runName: string
  userId: string
  status: RunStatus
  startTime: number
  endTime: number | undefined
  lifecycleStage: LifecycleStage
  artifactUri: string
  params: Map<string, string>
  tags: Map<string, string>
  latestMetrics: Map<string, MockLatestMetric>
  datasets: readonly WorldDataset[]
  /** The world's files under the run's artifact root (none for runs made by requests). */
  artifacts?: WorldArtifacts
  /** LoggedModels the run produced (`log_outputs`), in the order they were linked. */
  modelOutputs?: MockModelOutput[]
}

export interface MockModelOutput {
  modelId: string
  step: number
}

/** An MLflow 3 LoggedModel, as the SQL store's `logged_models` table and its params and tags hold it. */
export interface MockLoggedModel {
  /** `m-<32 hex>`. */
  modelId: string
  experimentId: string
  name: string
  creationTime: number
  lastUpdatedTime: number
  /** `<experiment artifact location>/models/<model id>/artifacts`. */
  artifactLocation: string
  status: WorldLoggedModelStatus
  modelType: string | undefined
  sourceRunId: string | undefined
  lifecycleStage: LifecycleStage
  params: Map<string, string>
  tags: Map<string, string>
  /** Text files may hold `{{model_id}}` and `{{run_id}}` (see WorldLoggedModel). */
  artifacts: readonly WorldArtifactFile[]
  /** Every logged value, in logging order; all were logged through the source run. */
  metrics: readonly WorldLoggedModelMetric[]
}

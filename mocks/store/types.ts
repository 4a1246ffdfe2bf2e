/**
 * The mocks' in-memory records, shaped after MLflow's SQL store rather than after the wire: handlers
 * encode them exactly as the real server does (see mocks/handlers).
 */

import type { LifecycleStage } from '@/domain/experiments'
import type { RunStatus } from '@/domain/runs/run'
import type { WorldArtifacts, WorldDataset, WorldMetricPoint } from '../world/types'

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
}

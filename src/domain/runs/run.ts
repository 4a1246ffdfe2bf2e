import type { LifecycleStage } from '../experiments'

export type RunStatus = 'RUNNING' | 'SCHEDULED' | 'FINISHED' | 'FAILED' | 'KILLED'
export const RUN_STATUSES: readonly RunStatus[] = ['RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED']

export interface RunInfo {
  runId: string
  runName: string
  experimentId: string
  /** Deprecated on the wire in favour of the `mlflow.user` tag; kept because old servers only fill this. */
  userId: string | undefined
  status: RunStatus
  /** Epoch milliseconds; absent while a run is being created. */
  startTime: number | undefined
  /** Epoch milliseconds; absent while the run is running. */
  endTime: number | undefined
  artifactUri: string | undefined
  lifecycleStage: LifecycleStage
}

/**
 * The latest value of a metric: the value at the highest step, then the latest timestamp.
 * NaN and ±Infinity are real JS numbers here (the wire sends them as strings).
 */
export interface LatestMetric {
  key: string
  value: number
  timestamp: number
  step: number
}

export interface DatasetInput {
  name: string
  digest: string
  sourceType: string | undefined
  /** JSON text, as logged. */
  source: string | undefined
  schema: string | undefined
  profile: string | undefined
  /** Input tags, e.g. `mlflow.data.context` = `train`. */
  tags: Readonly<Record<string, string>>
}

export interface ModelOutput {
  modelId: string
  step: number
}

export interface Run {
  info: RunInfo
  params: Readonly<Record<string, string>>
  metrics: Readonly<Record<string, LatestMetric>>
  tags: Readonly<Record<string, string>>
  datasets: readonly DatasetInput[]
  /** LoggedModels this run produced (MLflow 3.6+ fills it in search results too). */
  modelOutputs: readonly ModelOutput[]
  /** LoggedModels this run consumed; only `runs/get` fills it. */
  modelInputs: readonly string[]
}

/** System tags the app understands (MLflow's `mlflow/utils/mlflow_tags.py`). */
export const SYSTEM_TAGS = {
  runName: 'mlflow.runName',
  user: 'mlflow.user',
  sourceName: 'mlflow.source.name',
  sourceType: 'mlflow.source.type',
  gitCommit: 'mlflow.source.git.commit',
  gitBranch: 'mlflow.source.git.branch',
  gitRepoUrl: 'mlflow.source.git.repoURL',
  parentRunId: 'mlflow.parentRunId',
  note: 'mlflow.note.content',
  logModelHistory: 'mlflow.log-model.history',
  loggedImages: 'mlflow.loggedImages',
  loggedArtifacts: 'mlflow.loggedArtifacts',
  autologging: 'mlflow.autologging',
  runColor: 'mlflow.runColor',
} as const

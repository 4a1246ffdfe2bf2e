export type ModelVersionStatus = 'PENDING_REGISTRATION' | 'FAILED_REGISTRATION' | 'READY'

export interface ModelVersion {
  name: string
  version: string
  creationTimestamp: number | undefined
  lastUpdatedTimestamp: number | undefined
  userId: string | undefined
  /** Deprecated concept (`None`, `Staging`, `Production`, `Archived`); aliases replace it. */
  currentStage: string | undefined
  description: string | undefined
  source: string | undefined
  runId: string | undefined
  status: ModelVersionStatus | undefined
  statusMessage: string | undefined
  tags: Readonly<Record<string, string>>
  aliases: readonly string[]
  runLink: string | undefined
  /** The LoggedModel behind this version (MLflow 3). */
  modelId: string | undefined
}

export interface RegisteredModel {
  name: string
  creationTimestamp: number | undefined
  lastUpdatedTimestamp: number | undefined
  description: string | undefined
  latestVersions: readonly ModelVersion[]
  tags: Readonly<Record<string, string>>
  /** Alias name to version. */
  aliases: Readonly<Record<string, string>>
}

export type LoggedModelStatus =
  | 'LOGGED_MODEL_STATUS_UNSPECIFIED'
  | 'LOGGED_MODEL_PENDING'
  | 'LOGGED_MODEL_READY'
  | 'LOGGED_MODEL_UPLOAD_FAILED'

export interface LoggedModelMetric {
  key: string
  value: number
  timestamp: number
  step: number
  datasetName: string | undefined
  datasetDigest: string | undefined
  runId: string | undefined
}

export interface LoggedModel {
  modelId: string
  experimentId: string
  name: string
  creationTimestamp: number | undefined
  lastUpdatedTimestamp: number | undefined
  artifactUri: string | undefined
  status: LoggedModelStatus | undefined
  modelType: string | undefined
  sourceRunId: string | undefined
  tags: Readonly<Record<string, string>>
  registrations: readonly { name: string; version: string }[]
  params: Readonly<Record<string, string>>
  metrics: readonly LoggedModelMetric[]
}

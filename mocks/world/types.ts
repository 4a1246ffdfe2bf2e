/**
 * A world is the data that both backends hold: the seed script logs it into a real MLflow server
 * through the MLflow Python client, and the mocks load the same definition. Names, not ids, identify
 * experiments and runs: the real server makes its own run ids, and the contract test maps ids back
 * to these names. Every time is explicit (epoch ms), so both backends order runs the same way.
 */

import type { RunStatus } from '@/domain/runs/run'
import type { CurveSpec } from './curves'

/** A metric value as logged; NaN and infinities are spelled as strings so that a world is JSON. */
export type WorldMetricValue = number | 'NaN' | 'Infinity' | '-Infinity'

export interface WorldMetricPoint {
  step: number
  timestamp: number
  value: WorldMetricValue
}

/**
 * A metric's history: the logged points, or a formula that stands for them (see CurveSpec), so that a
 * 100,000-step history costs nothing until something reads it. The seed logs a formula's points
 * (`metricPoints`), and the mocks compute only the points a request reads.
 */
export type WorldMetricSeries = readonly WorldMetricPoint[] | CurveSpec

export interface WorldDataset {
  name: string
  digest: string
  sourceType: string
  /** JSON text. */
  source: string
  schema?: string
  profile?: string
  context: string
}

export interface WorldRun {
  /** Unique across the world. */
  name: string
  experiment: string
  /** Name of the parent run; the seed sets `mlflow.parentRunId` to its id. */
  parent?: string
  status: RunStatus
  startTime: number
  /** Required unless the status is RUNNING or SCHEDULED. */
  endTime?: number
  /** Soft-deleted after seeding. */
  deleted?: boolean
  params: Readonly<Record<string, string>>
  /**
   * Tags other than `mlflow.runName` and `mlflow.parentRunId`, which follow from name and parent. A
   * value may contain `{{run_id}}` (as `mlflow.log-model.history` does): it becomes the run's own id,
   * and such tags are set after the run is created, so they come last.
   */
  tags: Readonly<Record<string, string>>
  metrics: Readonly<Record<string, WorldMetricSeries>>
  datasets?: readonly WorldDataset[]
  /** Files under the run's artifact root; the seed logs them with `log_artifacts` (see artifacts.ts). */
  artifacts?: WorldArtifacts
}

/**
 * A file's bytes: UTF-8 text, base64, or a generator for big repetitive content (`head`, then `count`
 * copies of `template` with `{i}` replaced by 0, 1, …, joined by `separator`, then `tail`).
 */
export type WorldArtifactContent =
  | { text: string }
  | { base64: string }
  | { head?: string; template: string; count: number; separator?: string; tail?: string }

export interface WorldArtifactFile {
  /** Relative to the run's artifact root, `/`-separated; directories follow from the paths. */
  path: string
  content: WorldArtifactContent
}

/** `count` small text files `<dir>/<prefix><i, zero-padded to digits><suffix>`, made when read. */
export interface WorldArtifactSeries {
  dir: string
  prefix: string
  suffix: string
  digits: number
  count: number
  /** Each file's text, `{i}` replaced by its number. */
  template: string
}

export type WorldArtifacts = readonly WorldArtifactFile[] | WorldArtifactSeries

/**
 * A file too big to hold (a 1 GiB log): its size and a function that makes any byte range of it, so
 * it costs nothing until a request reads part of it. Not JSON, and the seed cannot log it: only demo
 * worlds have such files (see huge-artifacts.ts), never the contract world.
 */
export interface WorldGeneratedContent {
  kind: 'generated'
  size: number
  /** Bytes `[start, end)`, for `0 <= start <= end <= size`. */
  read(start: number, end: number): Uint8Array
}

export interface WorldGeneratedFile {
  path: string
  content: WorldGeneratedContent
}

/**
 * A run's ordinary files (what the seed and `artifactFiles` see: this is an array of them) carrying
 * generated files that only the mocks serve, beside the ordinary ones. Made by `withGeneratedFiles`.
 */
export type WorldArtifactsWithGenerated = readonly WorldArtifactFile[] & {
  readonly generated: readonly WorldGeneratedFile[]
}

export interface WorldExperiment {
  name: string
  tags: Readonly<Record<string, string>>
  /** Soft-deleted after its runs are seeded (which soft-deletes them too). */
  deleted?: boolean
  /**
   * The seed fills this experiment by running real training code (autolog, log_model, nested
   * `start_run`, a git checkout) whose ids, times and values no one can predict. The mocks fill it with
   * runs of the same shape; the contract test compares the experiment itself but not its runs.
   */
  realUsage?: boolean
}

/** The statuses `finalize_logged_model` sets, and PENDING, which a model has until then. */
export type WorldLoggedModelStatus =
  'LOGGED_MODEL_PENDING' | 'LOGGED_MODEL_READY' | 'LOGGED_MODEL_UPLOAD_FAILED'

/**
 * An MLflow 3 LoggedModel. The seed makes it with `create_logged_model` (the server gives it a random
 * `m-<32 hex>` id, which the contract test maps back to this name), logs its files with
 * `log_model_artifacts`, finalises it with `status` (unless PENDING) and links it to its source run
 * with `log_outputs`. In a text file, `{{model_id}}` and `{{run_id}}` (the source run's) become ids of
 * the same length on both backends, as `log_model` writes them into `MLmodel`.
 */
export interface WorldLoggedModel {
  /** Unique across the world. */
  name: string
  experiment: string
  /** The run that produced it, in the same experiment: its `outputs.model_outputs` lists the model. */
  sourceRun?: string
  /** The step of the run output (`LoggedModelOutput.step`). */
  outputStep?: number
  modelType?: string
  status: WorldLoggedModelStatus
  /** Sorted by key, as the server lists them. */
  params: Readonly<Record<string, string>>
  tags: Readonly<Record<string, string>>
  /** Files under the model's artifact root (`<experiment artifacts>/models/<id>/artifacts`). */
  artifacts?: readonly WorldArtifactFile[]
  /**
   * Metrics logged with `log_metric(run_id, ..., model_id=, dataset_name=, dataset_digest=)` through
   * the source run (required then), which gets them as run metrics too, in this order. Keys the run's
   * own metrics do not use.
   */
  metrics?: readonly WorldLoggedModelMetric[]
}

export interface WorldLoggedModelMetric {
  key: string
  value: number
  step: number
  timestamp: number
  datasetName?: string
  datasetDigest?: string
}

export interface World {
  experiments: readonly WorldExperiment[]
  runs: readonly WorldRun[]
  /** Created after every run, in this order (the order of their creation times). */
  loggedModels?: readonly WorldLoggedModel[]
  /** The model registry, made after the LoggedModels, model by model in this order (registry.ts). */
  registeredModels?: readonly WorldRegisteredModel[]
}

/** What the real SQL store can make is READY; the other two only the mocks hold (demo worlds). */
export type WorldModelVersionStatus = 'READY' | 'PENDING_REGISTRATION' | 'FAILED_REGISTRATION'

/**
 * Where a model version comes from: a model directory in a run's artifacts (source
 * `runs:/<run id>/<path>`, `run_id` the run), or an MLflow 3 LoggedModel (source `models:/<model id>`,
 * `model_id` the model; the server fills `run_id` from the model's source run).
 */
export type WorldModelVersionSource = { run: string; path: string } | { loggedModel: string }

export interface WorldModelVersion {
  source: WorldModelVersionSource
  /** Markdown. Without one the server stores (and answers) an empty string. */
  description?: string
  /** Set at creation, in this order. */
  tags?: Readonly<Record<string, string>>
  /** Demo worlds only (the seed refuses others): default READY. */
  status?: WorldModelVersionStatus
  /** Demo worlds only: why a registration failed or is pending. */
  statusMessage?: string
}

/** `transition_model_version_stage`. */
export interface WorldStageTransition {
  version: number
  stage: 'None' | 'Staging' | 'Production' | 'Archived'
  /** Move the other versions in that stage to Archived (Staging and Production only). */
  archiveExistingVersions?: boolean
}

/**
 * A registered model. The seed (and the mocks, with a clock one minute per step) makes it in this
 * order: create the model (tags, description), create its versions 1, 2, … (each with its tags and
 * description), apply `transitions` in order, then set `aliases` in order.
 */
export interface WorldRegisteredModel {
  /** Unique across the world. */
  name: string
  /** Markdown. */
  description?: string
  tags: Readonly<Record<string, string>>
  versions: readonly WorldModelVersion[]
  transitions?: readonly WorldStageTransition[]
  /** Alias -> version number. */
  aliases?: Readonly<Record<string, number>>
}

/**
 * The mocks' in-memory tracking store. It holds what an MLflow SQL store holds and applies the same
 * rules (latest-metric selection, soft deletes that cascade from experiments to runs, the Default
 * experiment 0), so that handlers only translate HTTP. Experiments may be lazy: their runs are made on
 * first access, so a test that reads one experiment never pays for the 2,000-run sweep beside it.
 * Search results are cached per request until the next write, so paging through 20,000 runs sorts once.
 */

import { compareText } from '@/domain/search-filter/sql-compare'
import { curvePoint, isCurve, type CurveSpec } from '../world/curves'
import { hexId } from '../world/random'
import type {
  World,
  WorldExperiment,
  WorldLoggedModel,
  WorldMetricPoint,
  WorldMetricSeries,
  WorldMetricValue,
  WorldRegisteredModel,
  WorldRun,
} from '../world/types'
import type { MockExperiment, MockLatestMetric, MockLoggedModel, MockRun } from './types'

/** Stored points, or a formula that makes them on demand. */
export type MetricSource = WorldMetricSeries

/**
 * A metric's rows in one order, read by position. A stored history is a sorted array; a formula's
 * rows are computed as they are read, so a page or a sample of a 100,000-step history costs only the
 * points it holds. An array of points is one.
 */
export interface MetricRows {
  readonly length: number
  at(index: number): WorldMetricPoint | undefined
  slice(start?: number, end?: number): WorldMetricPoint[]
}

export type StoreRun = Omit<WorldRun, 'metrics' | 'experiment'> & {
  metrics: Readonly<Record<string, MetricSource>>
}

/** A LoggedModel of a world, with the creation time the mocks give it (the world's order). */
export type StoreLoggedModel = Omit<WorldLoggedModel, 'experiment'> & { creationTime: number }

export interface ExperimentSource {
  experiment: WorldExperiment
  /** Called once, on first access to the experiment's runs. */
  runs: () => Iterable<StoreRun>
  /** Called once, right after `runs`: their source runs are in this experiment. */
  loggedModels?: () => Iterable<StoreLoggedModel>
  /**
   * Registered models this source brings (their versions may come from any experiment's runs);
   * `worldSources` puts a world's on its first experiment. Made on first registry access.
   */
  registeredModels?: readonly WorldRegisteredModel[]
  /**
   * The experiments whose runs and LoggedModels those versions come from, besides this source's own:
   * the registry makes only these, so a registry request never pays for a 20,000-run sweep.
   */
  registryExperiments?: readonly string[]
}

export interface MockStoreOptions {
  /** Root of artifact locations, as `--default-artifact-root` sets it on a real server. */
  artifactRoot?: string
  /** Creation time of the Default experiment; later experiments follow one second apart. */
  epoch?: number
  /** The clock for writes (last_update_time); fixed in tests for determinism. */
  now?: () => number
}

export class MockStoreError extends Error {
  readonly errorCode: string
  constructor(errorCode: string, message: string) {
    super(message)
    this.errorCode = errorCode
  }
}

const DEFAULT_EPOCH = 1767600000000
/** 2026-01-05T13:00:00Z: when the first LoggedModel of a world was created; one second apart after it. */
const LOGGED_MODEL_EPOCH = 1767618000000
/** Distinct searches (experiments, filter, order, view) whose results are kept until the next write. */
const SEARCH_CACHE_SIZE = 32
/** In a world tag value: the run's own id (see WorldRun.tags). */
const RUN_ID_PLACEHOLDER = '{{run_id}}'

/** MLflow's SQL store keeps ±Infinity as ±max double; NaN stays NaN (stored with an is_nan flag). */
export function sanitizeMetricValue(value: WorldMetricValue): WorldMetricValue {
  if (value === 'Infinity' || value === Infinity) return 1.7976931348623157e308
  if (value === '-Infinity' || value === -Infinity) return -1.7976931348623157e308
  return value
}

function numericValue(value: WorldMetricValue): number {
  return typeof value === 'number' ? value : Number(value)
}

/** Python's tuple comparison `(step, timestamp, value) > (...)`, which the SQL store uses. */
function isMoreRecent(a: MockLatestMetric, b: MockLatestMetric): boolean {
  if (a.step !== b.step) return a.step > b.step
  if (a.timestamp !== b.timestamp) return a.timestamp > b.timestamp
  return numericValue(a.value) > numericValue(b.value)
}

function latestOf(points: Iterable<WorldMetricPoint>): MockLatestMetric | undefined {
  let latest: MockLatestMetric | undefined
  for (const point of points) {
    const value = sanitizeMetricValue(point.value)
    // Points are never changed, so one that needs no clamping is its own latest record (memory: a
    // 20,000-run world has 600,000 of them).
    const candidate = value === point.value ? point : { step: point.step, timestamp: point.timestamp, value }
    if (latest === undefined || isMoreRecent(candidate, latest)) latest = candidate
  }
  return latest
}

function latestOfSource(source: MetricSource): MockLatestMetric | undefined {
  if (!isCurve(source)) return latestOf(source)
  // A curve's steps and timestamps both grow, so its last point is its latest.
  if (source.steps <= 0) return undefined
  const last = curvePoint(source, source.steps - 1)
  return { ...last, value: sanitizeMetricValue(last.value) }
}

/** SQLAlchemy's message for a duplicate experiment name on SQLite, which the server passes on. */
function uniqueNameViolation(sql: string, parameters: string): string {
  return (
    '(sqlite3.IntegrityError) UNIQUE constraint failed: experiments.workspace, experiments.name\n' +
    `[SQL: ${sql}]\n[parameters: (${parameters})]\n` +
    '(Background on this error at: https://sqlalche.me/e/21/gkpj)'
  )
}

export class MockStore {
  private readonly experiments = new Map<string, MockExperiment>()
  private readonly pending = new Map<string, () => Iterable<StoreRun>>()
  private readonly pendingModels = new Map<string, () => Iterable<StoreLoggedModel>>()
  private readonly loggedModels = new Map<string, MockLoggedModel>()
  private readonly modelIdsByName = new Map<string, string>()
  private readonly runs = new Map<string, MockRun>()
  private readonly runsByExperiment = new Map<string, MockRun[]>()
  private readonly histories = new Map<string, Map<string, MetricSource>>()
  private readonly runIdsByName = new Map<string, string>()
  private readonly searchCache = new Map<string, readonly MockRun[]>()
  private readonly worldRegistry: WorldRegisteredModel[] = []
  private readonly registryExperiments = new Set<string>()
  readonly artifactRoot: string
  private readonly now: () => number
  private nextExperimentId = 0
  private lastCreationTime: number

  constructor(sources: Iterable<ExperimentSource>, options: MockStoreOptions = {}) {
    this.artifactRoot = options.artifactRoot ?? 'mlflow-artifacts:'
    const epoch = options.epoch ?? DEFAULT_EPOCH
    this.now = options.now ?? (() => Date.now())
    this.lastCreationTime = epoch
    this.addExperiment({ name: 'Default', tags: {} }, epoch)
    for (const source of sources) {
      const experiment = this.addExperiment(source.experiment, this.lastCreationTime + 1000)
      this.pending.set(experiment.experimentId, source.runs)
      if (source.loggedModels !== undefined)
        this.pendingModels.set(experiment.experimentId, source.loggedModels)
      if (source.registeredModels !== undefined) {
        this.worldRegistry.push(...source.registeredModels)
        this.registryExperiments.add(experiment.experimentId)
        for (const name of source.registryExperiments ?? []) this.registryExperiments.add(name)
      }
    }
    // Deleting an experiment deletes its runs, so materialise those first.
    for (const experiment of this.experiments.values()) {
      if (experiment.lifecycleStage === 'deleted') this.runsOf(experiment.experimentId)
    }
  }

  static fromWorld(world: World, options: MockStoreOptions = {}): MockStore {
    return new MockStore(worldSources(world), options)
  }

  private addExperiment(world: WorldExperiment, creationTime: number): MockExperiment {
    const experimentId = String(this.nextExperimentId++)
    this.lastCreationTime = creationTime
    const experiment: MockExperiment = {
      experimentId,
      name: world.name,
      artifactLocation: `${this.artifactRoot}/${experimentId}`,
      lifecycleStage: world.deleted ? 'deleted' : 'active',
      creationTime,
      lastUpdateTime: creationTime,
      tags: new Map(Object.entries(world.tags)),
    }
    this.experiments.set(experimentId, experiment)
    this.runsByExperiment.set(experimentId, [])
    return experiment
  }

  /** The clock writes use (wall-clock unless the options fix it). */
  currentTime(): number {
    return this.now()
  }

  /**
   * The registered models the sources bring, in order (see registry-store.ts), once the experiments
   * their versions come from are made.
   */
  registeredModelsOfWorld(): readonly WorldRegisteredModel[] {
    for (const experiment of this.experiments.values()) {
      if (
        this.registryExperiments.has(experiment.experimentId) ||
        this.registryExperiments.has(experiment.name)
      )
        this.runsOf(experiment.experimentId)
    }
    return this.worldRegistry
  }

  /** Every write calls this: cached search results may no longer hold. */
  private changed(): void {
    this.searchCache.clear()
  }

  /**
   * The runs a search matched, in order, from the cache when the same `key` (experiments, filter,
   * order_by, view type) was searched since the last write; else `search()`, remembered. The caller
   * must not change the array.
   */
  cachedSearch(key: string, search: () => readonly MockRun[]): readonly MockRun[] {
    const cached = this.searchCache.get(key)
    if (cached !== undefined) {
      // Most recently used last, so that the oldest key is the one dropped.
      this.searchCache.delete(key)
      this.searchCache.set(key, cached)
      return cached
    }
    const runs = search()
    this.searchCache.set(key, runs)
    if (this.searchCache.size > SEARCH_CACHE_SIZE) {
      const oldest = this.searchCache.keys().next()
      if (oldest.done !== true) this.searchCache.delete(oldest.value)
    }
    return runs
  }

  // ---- experiments ----

  listExperiments(): MockExperiment[] {
    return [...this.experiments.values()]
  }

  getExperiment(experimentId: string): MockExperiment | undefined {
    return this.experiments.get(experimentId)
  }

  getExperimentByName(name: string): MockExperiment | undefined {
    let found: MockExperiment | undefined
    for (const experiment of this.experiments.values()) {
      if (experiment.name !== name) continue
      // The active one wins over deleted namesakes.
      if (found === undefined || experiment.lifecycleStage === 'active') found = experiment
    }
    return found
  }

  createExperiment(
    name: string,
    tags: ReadonlyMap<string, string>,
    artifactLocation?: string,
  ): MockExperiment {
    const now = Math.max(this.now(), this.lastCreationTime + 1)
    if (this.getExperimentByName(name) !== undefined) {
      // The SQL store passes SQLAlchemy's text through.
      const violation = uniqueNameViolation(
        'INSERT INTO experiments (name, workspace, artifact_location, lifecycle_stage, creation_time, last_update_time) VALUES (?, ?, ?, ?, ?, ?)',
        `'${name}', 'default', '', 'active', ${now}, ${now}`,
      )
      throw new MockStoreError(
        'RESOURCE_ALREADY_EXISTS',
        `Experiment(name=${name}) already exists. Error: ${violation}`,
      )
    }
    this.changed()
    const experiment = this.addExperiment({ name, tags: Object.fromEntries(tags) }, now)
    if (artifactLocation) experiment.artifactLocation = artifactLocation
    return experiment
  }

  private activeExperiment(experimentId: string): MockExperiment {
    const experiment = this.experiments.get(experimentId)
    if (experiment === undefined) {
      throw new MockStoreError('RESOURCE_DOES_NOT_EXIST', `No Experiment with id=${experimentId} exists`)
    }
    return experiment
  }

  renameExperiment(experimentId: string, newName: string): void {
    const experiment = this.activeExperiment(experimentId)
    const clash = this.getExperimentByName(newName)
    if (clash !== undefined && clash !== experiment) {
      throw new MockStoreError(
        'BAD_REQUEST',
        uniqueNameViolation(
          'UPDATE experiments SET name=?, last_update_time=? WHERE experiments.experiment_id = ?',
          `'${newName}', ${this.now()}, ${experimentId}`,
        ),
      )
    }
    this.changed()
    experiment.name = newName
    experiment.lastUpdateTime = this.now()
  }

  setExperimentLifecycle(experimentId: string, stage: 'active' | 'deleted'): void {
    const experiment = this.activeExperiment(experimentId)
    this.changed()
    experiment.lifecycleStage = stage
    experiment.lastUpdateTime = this.now()
    for (const run of this.runsOf(experimentId)) run.lifecycleStage = stage
  }

  setExperimentTag(experimentId: string, key: string, value: string): void {
    const experiment = this.activeExperiment(experimentId)
    this.changed()
    experiment.tags.set(key, value)
  }

  deleteExperimentTag(experimentId: string, key: string): void {
    const experiment = this.activeExperiment(experimentId)
    this.changed()
    experiment.tags.delete(key)
  }

  // ---- runs ----

  /** Runs of one experiment in creation order, made on first access for lazy experiments. */
  runsOf(experimentId: string): readonly MockRun[] {
    const make = this.pending.get(experimentId)
    if (make !== undefined) {
      this.pending.delete(experimentId)
      const experiment = this.experiments.get(experimentId)
      for (const run of make()) this.addRun(experimentId, run, experiment?.lifecycleStage === 'deleted')
      const models = this.pendingModels.get(experimentId)
      this.pendingModels.delete(experimentId)
      for (const model of models?.() ?? []) this.addLoggedModel(experimentId, model)
    }
    return this.runsByExperiment.get(experimentId) ?? []
  }

  getRun(runId: string): MockRun | undefined {
    const run = this.runs.get(runId)
    if (run !== undefined || this.pending.size === 0) return run
    this.loadAll()
    return this.runs.get(runId)
  }

  /** The id a world run got in this store, by its unique name. */
  runIdOf(name: string): string | undefined {
    const runId = this.runIdsByName.get(name)
    if (runId !== undefined || this.pending.size === 0) return runId
    this.loadAll()
    return this.runIdsByName.get(name)
  }

  private loadAll(): void {
    for (const experimentId of [...this.pending.keys()]) this.runsOf(experimentId)
  }

  private addRun(experimentId: string, world: StoreRun, experimentDeleted: boolean): MockRun {
    const runId = hexId(world.name)
    const tags = new Map<string, string>()
    // The real server lists tags in the order the client sent them: the seed sends the run's own
    // tags, then its name and parent.
    const later: [string, string][] = []
    for (const [key, value] of Object.entries(world.tags)) {
      if (value.includes(RUN_ID_PLACEHOLDER)) later.push([key, value.replaceAll(RUN_ID_PLACEHOLDER, runId)])
      else tags.set(key, value)
    }
    tags.set('mlflow.runName', world.name)
    if (world.parent !== undefined) {
      const parentId = this.runIdsByName.get(world.parent)
      if (parentId === undefined) throw new Error(`Parent ${world.parent} of ${world.name} must come first`)
      tags.set('mlflow.parentRunId', parentId)
    }
    for (const [key, value] of later) tags.set(key, value)
    const latestMetrics = new Map<string, MockLatestMetric>()
    const history = new Map<string, MetricSource>()
    for (const [key, source] of Object.entries(world.metrics)) {
      history.set(key, source)
      const latest = latestOfSource(source)
      if (latest !== undefined) latestMetrics.set(key, latest)
    }
    const run: MockRun = {
      runId,
      experimentId,
      runName: world.name,
      userId: world.tags['mlflow.user'] ?? 'unknown',
      status: world.status,
      startTime: world.startTime,
      endTime: world.endTime,
      lifecycleStage: world.deleted === true || experimentDeleted ? 'deleted' : 'active',
      artifactUri: `${this.artifactRoot}/${experimentId}/${runId}/artifacts`,
      params: new Map(Object.entries(world.params)),
      tags,
      latestMetrics,
      datasets: world.datasets ?? [],
      artifacts: world.artifacts,
    }
    this.runs.set(runId, run)
    this.runIdsByName.set(world.name, runId)
    this.runsByExperiment.get(experimentId)?.push(run)
    this.histories.set(runId, history)
    return run
  }

  /**
   * `runs/create`: a new RUNNING run. Tags keep the order they were sent in, then the run name, as
   * the SQL store writes them.
   */
  createRun(
    experimentId: string,
    request: {
      runName: string
      startTime: number | undefined
      userId: string
      tags: ReadonlyMap<string, string>
    },
  ): MockRun {
    const experiment = this.experiments.get(experimentId)
    if (experiment === undefined) {
      throw new MockStoreError('RESOURCE_DOES_NOT_EXIST', `No Experiment with id=${experimentId} exists`)
    }
    if (experiment.lifecycleStage !== 'active') {
      throw new MockStoreError(
        'INVALID_PARAMETER_VALUE',
        `The experiment ${experimentId} must be in the 'active' state. Current state is ${experiment.lifecycleStage}.`,
      )
    }
    this.runsOf(experimentId)
    this.changed()
    const runId = hexId(`created:${this.runs.size}:${request.runName}`)
    const tags = new Map(request.tags)
    tags.delete('mlflow.runName')
    tags.set('mlflow.runName', request.runName)
    const run: MockRun = {
      runId,
      experimentId,
      runName: request.runName,
      userId: request.userId,
      status: 'RUNNING',
      startTime: request.startTime ?? this.now(),
      endTime: undefined,
      lifecycleStage: 'active',
      artifactUri: `${this.artifactRoot}/${experimentId}/${runId}/artifacts`,
      params: new Map(),
      tags,
      latestMetrics: new Map(),
      datasets: [],
    }
    this.runs.set(runId, run)
    this.runsByExperiment.get(experimentId)?.push(run)
    this.histories.set(runId, new Map())
    return run
  }

  private requireRun(runId: string): MockRun {
    const run = this.getRun(runId)
    if (run === undefined)
      throw new MockStoreError('RESOURCE_DOES_NOT_EXIST', `Run with id=${runId} not found`)
    return run
  }

  private activeRun(runId: string): MockRun {
    const run = this.requireRun(runId)
    if (run.lifecycleStage !== 'active') {
      throw new MockStoreError(
        'INVALID_PARAMETER_VALUE',
        `The run ${runId} must be in the 'active' state. Current state is ${run.lifecycleStage}.`,
      )
    }
    return run
  }

  updateRun(
    runId: string,
    update: { runName?: string; status?: MockRun['status']; endTime?: number },
  ): MockRun {
    const run = this.activeRun(runId)
    this.changed()
    if (update.runName !== undefined && update.runName !== '') {
      run.runName = update.runName
      run.tags.set('mlflow.runName', update.runName)
    }
    if (update.status !== undefined) run.status = update.status
    if (update.endTime !== undefined) run.endTime = update.endTime
    return run
  }

  setRunLifecycle(runId: string, stage: 'active' | 'deleted'): void {
    const run = this.requireRun(runId)
    this.changed()
    run.lifecycleStage = stage
  }

  setTag(runId: string, key: string, value: string): void {
    const run = this.activeRun(runId)
    // MLflow renames through update_run_info, which ignores an empty name (tag included).
    if (key === 'mlflow.runName' && value === '') return
    this.changed()
    run.tags.set(key, value)
    if (key === 'mlflow.runName') run.runName = value
  }

  deleteTag(runId: string, key: string): void {
    const run = this.activeRun(runId)
    if (!run.tags.has(key)) {
      throw new MockStoreError('RESOURCE_DOES_NOT_EXIST', `No tag with name: ${key} in run with id ${runId}`)
    }
    this.changed()
    run.tags.delete(key)
  }

  // ---- logged models ----

  private addLoggedModel(experimentId: string, world: StoreLoggedModel): MockLoggedModel {
    const modelId = `m-${hexId(`logged-model:${world.name}`)}`
    const experiment = this.experiments.get(experimentId)
    let sourceRunId: string | undefined
    if (world.sourceRun !== undefined) {
      sourceRunId = this.runIdsByName.get(world.sourceRun)
      if (sourceRunId === undefined) {
        throw new Error(`The source run ${world.sourceRun} of ${world.name} must be in its experiment`)
      }
    }
    const model: MockLoggedModel = {
      modelId,
      experimentId,
      name: world.name,
      creationTime: world.creationTime,
      lastUpdatedTime: world.creationTime,
      artifactLocation: `${experiment?.artifactLocation ?? `${this.artifactRoot}/${experimentId}`}/models/${modelId}/artifacts`,
      status: world.status,
      // The Python client sends an empty model_type when none is given, and the server keeps it.
      modelType: world.modelType ?? '',
      sourceRunId,
      lifecycleStage: 'active',
      params: new Map(Object.entries(world.params)),
      tags: new Map(Object.entries(world.tags)),
      artifacts: world.artifacts ?? [],
      metrics: world.metrics ?? [],
    }
    if (model.metrics.length > 0) {
      if (sourceRunId === undefined) throw new Error(`${world.name} logs metrics without a source run`)
      this.logRunMetrics(sourceRunId, model.metrics)
    }
    this.loggedModels.set(modelId, model)
    this.modelIdsByName.set(world.name, modelId)
    if (sourceRunId !== undefined && world.outputStep !== undefined) {
      const run = this.runs.get(sourceRunId)
      if (run !== undefined)
        run.modelOutputs = [...(run.modelOutputs ?? []), { modelId, step: world.outputStep }]
    }
    return model
  }

  /** Points logged into a run after it was made (a LoggedModel's metrics, which its run gets too). */
  private logRunMetrics(runId: string, points: readonly (WorldMetricPoint & { key: string })[]): void {
    const run = this.runs.get(runId)
    const history = this.histories.get(runId)
    if (run === undefined || history === undefined) return
    for (const point of points) {
      const existing = history.get(point.key) ?? []
      if (isCurve(existing)) throw new Error(`Cannot log ${point.key} into a formula's history`)
      const logged = { step: point.step, timestamp: point.timestamp, value: point.value }
      history.set(point.key, [...existing, logged])
      const latest = run.latestMetrics.get(point.key)
      const candidate = { ...logged, value: sanitizeMetricValue(point.value) }
      if (latest === undefined || isMoreRecent(candidate, latest)) run.latestMetrics.set(point.key, candidate)
    }
  }

  /** `get_logged_model`: deleted models only with `allowDeleted`. */
  getLoggedModel(modelId: string, allowDeleted = false): MockLoggedModel {
    if (!this.loggedModels.has(modelId) && this.pending.size > 0) this.loadAll()
    const model = this.loggedModels.get(modelId)
    if (model === undefined || (!allowDeleted && model.lifecycleStage === 'deleted')) {
      throw new MockStoreError('RESOURCE_DOES_NOT_EXIST', `Logged model with ID '${modelId}' not found.`)
    }
    return model
  }

  /**
   * `set_logged_model_tags`: no key checks, a missing value is empty, and the server lists a model's
   * tags by key. Deleted models take tags too.
   */
  setLoggedModelTags(modelId: string, tags: ReadonlyMap<string, string>, time = this.now()): void {
    const model = this.getLoggedModel(modelId, true)
    this.changed()
    const merged = new Map([...model.tags, ...tags])
    model.tags.clear()
    for (const key of [...merged.keys()].sort(compareText)) model.tags.set(key, merged.get(key) ?? '')
    model.lastUpdatedTime = time
  }

  /** `delete_logged_model_tag`: a missing key is an error. */
  deleteLoggedModelTag(modelId: string, key: string): void {
    const model = this.getLoggedModel(modelId, true)
    if (!model.tags.has(key)) {
      throw new MockStoreError(
        'RESOURCE_DOES_NOT_EXIST',
        `No tag with key '${key}' found for model with ID '${modelId}'.`,
      )
    }
    this.changed()
    model.tags.delete(key)
  }

  /** `delete_logged_model`: a soft delete (again is fine); then found only with `allow_deleted`. */
  deleteLoggedModel(modelId: string): void {
    const model = this.getLoggedModel(modelId, true)
    this.changed()
    model.lifecycleStage = 'deleted'
    model.lastUpdatedTime = this.now()
  }

  /** The id a world LoggedModel got in this store, by its unique name. */
  modelIdOf(name: string): string | undefined {
    if (!this.modelIdsByName.has(name) && this.pending.size > 0) this.loadAll()
    return this.modelIdsByName.get(name)
  }

  /** The models of these experiments that are not deleted, in creation order. */
  loggedModelsOf(experimentIds: readonly string[]): MockLoggedModel[] {
    const wanted = new Set(experimentIds)
    for (const experimentId of wanted) this.runsOf(experimentId)
    return [...this.loggedModels.values()].filter(
      (model) => wanted.has(model.experimentId) && model.lifecycleStage !== 'deleted',
    )
  }

  // ---- metrics ----

  private metricSource(runId: string, key: string): MetricSource | undefined {
    // An unknown run has no history: the real server answers 200 with nothing, not 404.
    this.getRun(runId)
    return this.histories.get(runId)?.get(key)
  }

  /** Every logged value in the SQL store's history order: timestamp, then step, then value. */
  metricHistory(runId: string, key: string): MetricRows {
    const source = this.metricSource(runId, key)
    return source === undefined ? [] : sortedRows(source, 'time')
  }

  /** Every logged value in the sampler's order: step, then timestamp, then value. */
  metricRowsByStep(runId: string, key: string): MetricRows {
    const source = this.metricSource(runId, key)
    return source === undefined ? [] : sortedRows(source, 'step')
  }
}

/** NaN is stored as value 0 with a flag, so it sorts as 0. */
export function sqlValue(value: WorldMetricValue): number {
  return value === 'NaN' ? 0 : numericValue(value)
}

function byTimeOrder(a: WorldMetricPoint, b: WorldMetricPoint): number {
  return a.timestamp - b.timestamp || a.step - b.step || sqlValue(a.value) - sqlValue(b.value)
}

/** The order `get-history-bulk-interval` samples in; a NaN sorts after a 0 at the same step and time. */
export function byStepOrder(a: WorldMetricPoint, b: WorldMetricPoint): number {
  return (
    a.step - b.step ||
    a.timestamp - b.timestamp ||
    sqlValue(a.value) - sqlValue(b.value) ||
    Number(a.value === 'NaN') - Number(b.value === 'NaN')
  )
}

function sanitizePoint(point: WorldMetricPoint): WorldMetricPoint {
  const value = sanitizeMetricValue(point.value)
  return value === point.value ? point : { ...point, value }
}

/**
 * A formula's rows: its steps and timestamps both grow with the index, so index order is both the
 * history order and the step order.
 */
function curveRows(spec: CurveSpec): MetricRows {
  const length = Math.max(0, spec.steps)
  const clamp = (index: number) => Math.min(length, Math.max(0, index < 0 ? index + length : index))
  return {
    length,
    at(index) {
      const position = index < 0 ? index + length : index
      return position >= 0 && position < length ? sanitizePoint(curvePoint(spec, position)) : undefined
    },
    slice(start = 0, end = length) {
      const from = clamp(start)
      const to = clamp(end)
      const points: WorldMetricPoint[] = []
      for (let index = from; index < to; index++) points.push(sanitizePoint(curvePoint(spec, index)))
      return points
    },
  }
}

/** Stored histories sorted once per order; worlds never change a logged point. */
const sortedCache = {
  time: new WeakMap<readonly WorldMetricPoint[], readonly WorldMetricPoint[]>(),
  step: new WeakMap<readonly WorldMetricPoint[], readonly WorldMetricPoint[]>(),
}

function sortedRows(source: MetricSource, order: 'time' | 'step'): MetricRows {
  if (isCurve(source)) return curveRows(source)
  const cached = sortedCache[order].get(source)
  if (cached !== undefined) return cached
  const sorted = source.map(sanitizePoint).sort(order === 'time' ? byTimeOrder : byStepOrder)
  sortedCache[order].set(source, sorted)
  return sorted
}

/** The experiments of the runs and LoggedModels a world's registered versions come from. */
function registryExperimentsOf(world: World): string[] {
  const names = new Set<string>()
  for (const model of world.registeredModels ?? []) {
    for (const { source } of model.versions) {
      const experiment =
        'run' in source
          ? world.runs.find((run) => run.name === source.run)?.experiment
          : world.loggedModels?.find((logged) => logged.name === source.loggedModel)?.experiment
      if (experiment !== undefined) names.add(experiment)
    }
  }
  return [...names]
}

/** Groups a world's runs under its experiments, keeping the world's order. */
export function worldSources(world: World): ExperimentSource[] {
  const models = (world.loggedModels ?? []).map((model, index) => ({
    ...model,
    creationTime: LOGGED_MODEL_EPOCH + index * 1000,
  }))
  return world.experiments.map((experiment, index) => {
    const source: ExperimentSource = {
      experiment,
      runs: () => world.runs.filter((run) => run.experiment === experiment.name),
    }
    if (index === 0 && world.registeredModels !== undefined) {
      source.registeredModels = world.registeredModels
      source.registryExperiments = registryExperimentsOf(world)
    }
    if (models.some((model) => model.experiment === experiment.name)) {
      source.loggedModels = () => models.filter((model) => model.experiment === experiment.name)
    }
    return source
  })
}

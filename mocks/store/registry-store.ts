/**
 * The mocks' model registry, after MLflow's SQL registry store (mlflow/store/model_registry/
 * sqlalchemy_store.py, 3.17.2): registered models with tags and aliases, versions with tags and
 * stages, deleted versions kept as `Deleted_Internal` rows (their numbers are never reused), the same
 * validation order and messages, and the same timestamp rules (which writes touch the model's
 * `last_updated_timestamp`). One registry per MockStore, made on first use from the registered models
 * of its world (see WorldRegisteredModel), with a clock one minute per step.
 */

import type { WorldModelVersionStatus, WorldRegisteredModel, WorldModelVersion } from '../world/types'
import { MockStoreError, type MockStore } from './store'

export const STAGES = ['None', 'Staging', 'Production', 'Archived'] as const
export type ModelStage = (typeof STAGES)[number]
/** What `delete_model_version` sets: the row stays, hidden from every read. */
export const STAGE_DELETED = 'Deleted_Internal'

/** The tag that makes a registered model a prompt; searches leave prompts out unless asked. */
export const IS_PROMPT_TAG = 'mlflow.prompt.is_prompt'
/** The LoggedModel tag that lists the versions registered from it. */
export const MODEL_VERSIONS_TAG = 'mlflow.modelVersions'

/** 2026-01-06T09:00:00Z: the first registry step of a world; one minute per step after it. */
export const REGISTRY_EPOCH = 1767690000000
const STEP = 60_000

export interface MockModelVersion {
  name: string
  version: number
  creationTime: number
  lastUpdatedTime: number
  /** Null after an update without a description (then left out of answers); "" when created without. */
  description: string | null
  userId: string | null
  /** A stage, or STAGE_DELETED. */
  currentStage: string
  source: string
  /** Where `get-download-uri` points: the source, or what a `models:/` source resolves to. */
  storageLocation: string
  runId: string | null
  runLink: string | null
  status: WorldModelVersionStatus
  statusMessage: string | null
  /** Insertion order (the SQL store's row order). */
  tags: Map<string, string>
}

export interface MockRegisteredModel {
  name: string
  creationTime: number
  lastUpdatedTime: number
  description: string | null
  tags: Map<string, string>
  /** Alias -> version; read them with `sortedAliases`. */
  aliases: Map<string, number>
  /** Every version ever made, deleted ones included, by version number. */
  versions: MockModelVersion[]
}

function invalid(message: string): MockStoreError {
  return new MockStoreError('INVALID_PARAMETER_VALUE', message)
}

function modelNotFound(name: string): MockStoreError {
  return new MockStoreError('RESOURCE_DOES_NOT_EXIST', `Registered Model with name=${name} not found`)
}

function versionNotFound(name: string, version: number | string): MockStoreError {
  return new MockStoreError(
    'RESOURCE_DOES_NOT_EXIST',
    `Model Version (name=${name}, version=${version}) not found`,
  )
}

/** SQLite's BINARY collation on what the tests use: code point order. */
function binaryCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** `get_canonical_stage`: case-insensitive, else the server's 400. */
export function canonicalStage(stage: string): ModelStage {
  const found = STAGES.find((candidate) => candidate.toLowerCase() === stage.toLowerCase())
  if (found === undefined) {
    throw invalid(`Invalid Model Version stage: ${stage}. Value must be one of ${STAGES.join(', ')}.`)
  }
  return found
}

/** A model's aliases in the order the server lists them (by alias, byte order). */
export function sortedAliases(model: MockRegisteredModel): [string, number][] {
  return [...model.aliases].sort(([a], [b]) => binaryCompare(a, b))
}

/** The aliases that point at one version. */
export function aliasesOf(model: MockRegisteredModel, version: number): string[] {
  return sortedAliases(model)
    .filter(([, target]) => target === version)
    .map(([alias]) => alias)
}

/**
 * `latest_versions`: the newest live version of each stage. As `registered-models/get` (and the
 * writes that answer a model) list them, stages in the order their first version appears; as
 * `registered-models/search` lists them, stages by name.
 */
export function latestVersions(model: MockRegisteredModel, order: 'get' | 'search'): MockModelVersion[] {
  const byStage = new Map<string, MockModelVersion>()
  for (const version of model.versions) {
    if (version.currentStage === STAGE_DELETED) continue
    const current = byStage.get(version.currentStage)
    if (current === undefined || current.version < version.version) byStage.set(version.currentStage, version)
  }
  const entries = [...byStage]
  if (order === 'search') entries.sort(([a], [b]) => binaryCompare(a, b))
  return entries.map(([, version]) => version)
}

export function liveVersions(model: MockRegisteredModel): MockModelVersion[] {
  return model.versions.filter((version) => version.currentStage !== STAGE_DELETED)
}

export interface CreateVersionRequest {
  name: string
  source: string
  runId: string | null
  runLink: string | null
  description: string | null
  tags: ReadonlyMap<string, string>
  /** The LoggedModel it comes from (`models:/m-...` sources), already checked to exist. */
  modelId: string | null
  /** Where the files are, when not the source itself. */
  storageLocation?: string
  status?: WorldModelVersionStatus
  statusMessage?: string | null
}

export class RegistryStore {
  private readonly models = new Map<string, MockRegisteredModel>()
  private clock: () => number

  constructor(private readonly store: MockStore) {
    let step = 0
    this.clock = () => REGISTRY_EPOCH + step++ * STEP
    for (const world of store.registeredModelsOfWorld()) this.addWorldModel(world)
    this.clock = () => store.currentTime()
  }

  private addWorldModel(world: WorldRegisteredModel): void {
    const fail = (message: string) => new Error(`Registered model ${world.name}: ${message}`)
    this.createModel(world.name, new Map(Object.entries(world.tags)), world.description ?? null)
    for (const version of world.versions) this.createVersion(this.worldVersion(world.name, version, fail))
    for (const transition of world.transitions ?? []) {
      this.transitionStage(
        world.name,
        transition.version,
        transition.stage,
        transition.archiveExistingVersions ?? false,
      )
    }
    for (const [alias, version] of Object.entries(world.aliases ?? {})) {
      this.clock()
      this.setAlias(world.name, alias, version)
    }
  }

  private worldVersion(
    name: string,
    version: WorldModelVersion,
    fail: (message: string) => Error,
  ): CreateVersionRequest {
    const common = {
      name,
      runLink: '',
      description: version.description ?? '',
      tags: new Map(Object.entries(version.tags ?? {})),
      status: version.status,
      statusMessage: version.statusMessage ?? null,
    }
    if ('run' in version.source) {
      const runId = this.store.runIdOf(version.source.run)
      if (runId === undefined) throw fail(`no run ${version.source.run}`)
      return { ...common, source: `runs:/${runId}/${version.source.path}`, runId, modelId: null }
    }
    const modelId = this.store.modelIdOf(version.source.loggedModel)
    if (modelId === undefined) throw fail(`no LoggedModel ${version.source.loggedModel}`)
    const model = this.store.getLoggedModel(modelId)
    return {
      ...common,
      source: `models:/${modelId}`,
      runId: model.sourceRunId ?? null,
      modelId,
      storageLocation: model.artifactLocation,
    }
  }

  // ---- registered models ----

  /** `_get_registered_model`, which checks the name first. */
  getModel(name: string): MockRegisteredModel {
    validateModelName(name)
    const model = this.models.get(name)
    if (model === undefined) throw modelNotFound(name)
    return model
  }

  listModels(): MockRegisteredModel[] {
    return [...this.models.values()]
  }

  createModel(
    name: string,
    tags: ReadonlyMap<string, string>,
    description: string | null,
  ): MockRegisteredModel {
    validateModelName(name)
    for (const [key, value] of tags) validateRegistryTag(key, value)
    if (this.models.has(name)) {
      throw new MockStoreError('RESOURCE_ALREADY_EXISTS', `Registered Model (name=${name}) already exists.`)
    }
    const now = this.clock()
    const model: MockRegisteredModel = {
      name,
      creationTime: now,
      lastUpdatedTime: now,
      description,
      tags: new Map(tags),
      aliases: new Map(),
      versions: [],
    }
    this.models.set(name, model)
    return model
  }

  updateModel(name: string, description: string): MockRegisteredModel {
    const model = this.getModel(name)
    model.description = description
    model.lastUpdatedTime = this.clock()
    return model
  }

  renameModel(name: string, newName: string): MockRegisteredModel {
    if (newName.trim() === '') throw invalid("Missing value for required parameter 'new_name'.")
    validateModelName(newName)
    const model = this.getModel(name)
    if (newName !== name && this.models.has(newName)) {
      throw new MockStoreError(
        'RESOURCE_ALREADY_EXISTS',
        `Registered Model (name=${newName}) already exists. Error: (raised as a result of Query-invoked autoflush; consider using a session.no_autoflush block if this flush is occurring prematurely)\n` +
          '(sqlite3.IntegrityError) UNIQUE constraint failed: registered_models.workspace, registered_models.name\n' +
          '[SQL: UPDATE registered_models SET name=? WHERE registered_models.workspace = ? AND registered_models.name = ?]\n' +
          `[parameters: ('${newName}', 'default', '${name}')]\n` +
          '(Background on this error at: https://sqlalche.me/e/21/gkpj)',
      )
    }
    const now = this.clock()
    this.models.delete(name)
    model.name = newName
    model.lastUpdatedTime = now
    for (const version of model.versions) {
      version.name = newName
      version.lastUpdatedTime = now
    }
    this.models.set(newName, model)
    return model
  }

  deleteModel(name: string): void {
    this.getModel(name)
    this.models.delete(name)
  }

  setModelTag(name: string, key: string, value: string): void {
    validateModelName(name)
    validateRegistryTag(key, value)
    this.getModel(name).tags.set(key, value)
  }

  deleteModelTag(name: string, key: string): void {
    validateModelName(name)
    validateTagName(key)
    this.getModel(name).tags.delete(key)
  }

  // ---- aliases ----

  setAlias(name: string, alias: string, version: number | string): void {
    validateModelName(name)
    validateAliasName(alias)
    if (alias.toLowerCase() === 'latest') {
      throw invalid("'latest' alias name (case insensitive) is reserved.")
    }
    if (/^[vV]\d+$/.test(alias)) throw invalid(`Version alias name '${alias}' is reserved.`)
    const number = versionNumber(version)
    const found = this.getVersion(name, number)
    this.getModel(name).aliases.set(alias, found.version)
  }

  deleteAlias(name: string, alias: string): void {
    validateModelName(name)
    validateAliasName(alias)
    this.getModel(name).aliases.delete(alias)
  }

  /** `get_model_version_by_alias`, `latest` meaning the highest live version. */
  versionByAlias(name: string, alias: string): MockModelVersion {
    validateModelName(name)
    validateAliasName(alias)
    const model = this.getModel(name)
    if (alias.toLowerCase() === 'latest') {
      const latest = latestVersions(model, 'get').reduce<MockModelVersion | undefined>(
        (best, version) => (best === undefined || version.version > best.version ? version : best),
        undefined,
      )
      if (latest === undefined) {
        throw new MockStoreError('RESOURCE_DOES_NOT_EXIST', `Latest version not found for model ${name}.`)
      }
      return latest
    }
    const target = model.aliases.get(alias)
    if (target === undefined) throw invalid(`Registered model alias ${alias} not found.`)
    return this.getVersion(name, target)
  }

  // ---- versions ----

  /** `_get_sql_model_version`: name checked, then the version parsed as an integer. */
  getVersion(name: string, version: number | string): MockModelVersion {
    validateModelName(name)
    const number = versionNumber(version)
    const found = this.models
      .get(name)
      ?.versions.find((candidate) => candidate.version === number && candidate.currentStage !== STAGE_DELETED)
    if (found === undefined) throw versionNotFound(name, number)
    return found
  }

  createVersion(request: CreateVersionRequest): MockModelVersion {
    validateModelName(request.name)
    for (const [key, value] of request.tags) validateRegistryTag(key, value)
    const now = this.clock()
    const model = this.models.get(request.name)
    if (model === undefined) throw modelNotFound(request.name)
    model.lastUpdatedTime = now
    const version: MockModelVersion = {
      name: request.name,
      version: model.versions.length + 1,
      creationTime: now,
      lastUpdatedTime: now,
      description: request.description,
      userId: null,
      currentStage: 'None',
      source: request.source,
      storageLocation: request.storageLocation ?? request.source,
      runId: request.runId,
      runLink: request.runLink,
      status: request.status ?? 'READY',
      statusMessage: request.statusMessage ?? null,
      tags: new Map(request.tags),
    }
    model.versions.push(version)
    if (request.modelId !== null) {
      this.recordLoggedModelVersion(request.modelId, request.name, version.version, now)
    }
    return version
  }

  /** `set_model_versions_tags`: the LoggedModel lists the versions registered from it. */
  private recordLoggedModelVersion(modelId: string, name: string, version: number, time: number): void {
    const model = this.store.getLoggedModel(modelId, true)
    const entry = { name, version }
    let entries: unknown[] = [entry]
    const existing = model.tags.get(MODEL_VERSIONS_TAG)
    if (existing !== undefined) {
      const parsed: unknown = JSON.parse(existing)
      const list: unknown[] = Array.isArray(parsed) ? parsed : []
      const known = list.some(
        (item) =>
          item !== null &&
          typeof item === 'object' &&
          Reflect.get(item, 'name') === name &&
          Reflect.get(item, 'version') === version,
      )
      entries = known ? list : [...list, entry]
    }
    const value = `[${entries.map((item) => pythonJsonDumps(item)).join(', ')}]`
    this.store.setLoggedModelTags(modelId, new Map([[MODEL_VERSIONS_TAG, value]]), time)
  }

  updateVersion(name: string, version: number | string, description: string | null): MockModelVersion {
    const found = this.getVersion(name, version)
    found.description = description
    found.lastUpdatedTime = this.clock()
    return found
  }

  transitionStage(
    name: string,
    version: number | string,
    stage: string,
    archiveExisting: boolean,
  ): MockModelVersion {
    const canonical = canonicalStage(stage)
    if (archiveExisting && canonical !== 'Staging' && canonical !== 'Production') {
      throw new MockStoreError(
        'INTERNAL_ERROR',
        `Model version transition cannot archive existing model versions because '${stage}' is not an Active stage. Valid stages are ['Staging', 'Production']`,
      )
    }
    const now = this.clock()
    const found = this.getVersion(name, version)
    const model = this.getModel(name)
    if (archiveExisting) {
      for (const other of model.versions) {
        if (other.version !== found.version && other.currentStage === canonical) {
          other.currentStage = 'Archived'
          other.lastUpdatedTime = now
        }
      }
    }
    found.currentStage = canonical
    found.lastUpdatedTime = now
    model.lastUpdatedTime = now
    return found
  }

  deleteVersion(name: string, version: number | string): void {
    const number = versionNumber(version)
    const found = this.getVersion(name, number)
    const model = this.getModel(name)
    const now = this.clock()
    model.lastUpdatedTime = now
    for (const [alias, target] of model.aliases) if (target === number) model.aliases.delete(alias)
    Object.assign(found, {
      currentStage: STAGE_DELETED,
      lastUpdatedTime: now,
      description: null,
      userId: null,
      source: 'REDACTED-SOURCE-PATH',
      runId: 'REDACTED-RUN-ID',
      runLink: 'REDACTED-RUN-LINK',
      statusMessage: null,
    })
  }

  setVersionTag(name: string, version: number | string, key: string, value: string): void {
    validateModelName(name)
    const number = versionNumber(version)
    validateRegistryTag(key, value)
    this.getVersion(name, number).tags.set(key, value)
  }

  deleteVersionTag(name: string, version: number | string, key: string): void {
    validateModelName(name)
    const number = versionNumber(version)
    validateTagName(key)
    this.getVersion(name, number).tags.delete(key)
  }

  /** Every live version of every model. */
  listVersions(): MockModelVersion[] {
    return this.listModels().flatMap(liveVersions)
  }
}

/** Python's `json.dumps` of `{"name": str, "version": int}` (default separators, ASCII only). */
function pythonJsonDumps(value: unknown): string {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return `{${Object.entries(value)
      .map(([key, item]) => `${pythonJsonDumps(key)}: ${pythonJsonDumps(item)}`)
      .join(', ')}}`
  }
  if (typeof value === 'string') {
    return JSON.stringify(value).replace(
      /[\u007f-\uffff]/g,
      (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
    )
  }
  return JSON.stringify(value)
}

// ---- validation (mlflow/utils/validation.py) ----

const MAX_TAG_KEY_LENGTH = 250
const MAX_TAG_VALUE_LENGTH = 100_000
const MAX_ALIAS_LENGTH = 255
/** Python's `[/\w.\- :]` on str. */
const TAG_KEY = /^[/\p{L}\p{N}_.\- :]*$/u
const BAD_CHARACTERS =
  'Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), colon(:) and slashes (/).'

/** `int(version)`, else the server's 400. */
export function versionNumber(version: number | string): number {
  if (typeof version === 'number') return version
  const match = /^\s*([+-]?)(\d+(?:_\d+)*)\s*$/.exec(version)
  if (match === null) throw invalid(`Parameter 'version' must be an integer, got '${version}'.`)
  return Number(`${match[1] ?? ''}${(match[2] ?? '').replace(/_/g, '')}`)
}

/** `posixpath.normpath`. */
function normpath(path: string): string {
  if (path === '') return '.'
  const initial = path.startsWith('//') && !path.startsWith('///') ? 2 : path.startsWith('/') ? 1 : 0
  const parts: string[] = []
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue
    if (part !== '..' || (initial === 0 && parts.length === 0) || parts.at(-1) === '..') parts.push(part)
    else if (parts.length > 0) parts.pop()
  }
  const joined = '/'.repeat(initial) + parts.join('/')
  return joined === '' ? '.' : joined
}

function pathNotUnique(name: string): boolean {
  const norm = normpath(name)
  return norm !== name || norm === '.' || norm.startsWith('..') || norm.startsWith('/')
}

function pythonJsonString(value: string): string {
  return pythonJsonDumps(value)
}

function pythonStrRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'"
  const body = text.replaceAll('\\', '\\\\').replaceAll(quote, `\\${quote}`)
  return `${quote}${body}${quote}`
}

function badPath(path: string, value: string): MockStoreError {
  return invalid(
    `Invalid value ${pythonJsonString(value)} for parameter '${path}' supplied: Names may be treated as files in certain cases, and must not resolve to other names when treated as such. This name would resolve to ${pythonStrRepr(normpath(value))}`,
  )
}

/** `_validate_model_name`. */
export function validateModelName(name: string): void {
  if (name.trim() === '') throw invalid("Missing value for required parameter 'name'.")
  if (name.includes('/') || name.includes(':')) {
    throw invalid(`Invalid model name '${name}'. Names cannot contain '/' or ':'.`)
  }
  if (pathNotUnique(name)) throw badPath('name', name)
}

/** `_validate_tag_name`. */
function validateTagName(key: string): void {
  if (!TAG_KEY.test(key)) {
    throw invalid(`Invalid value ${pythonJsonString(key)} for parameter 'key' supplied: ${BAD_CHARACTERS}`)
  }
  if (pathNotUnique(key)) throw badPath('key', key)
}

/** `_validate_registered_model_tag` and `_validate_model_version_tag`. */
function validateRegistryTag(key: string, value: string): void {
  validateTagName(key)
  if (Array.from(key).length > MAX_TAG_KEY_LENGTH) {
    throw invalid(`'key' exceeds the maximum length of ${MAX_TAG_KEY_LENGTH} characters`)
  }
  if (Array.from(value).length > MAX_TAG_VALUE_LENGTH) {
    throw invalid(`'value' exceeds the maximum length of ${MAX_TAG_VALUE_LENGTH} characters`)
  }
}

/** `_validate_model_alias_name`. */
function validateAliasName(alias: string): void {
  if (alias === '') throw invalid('Registered model alias name cannot be empty.')
  if (!/^[\p{L}\p{N}_-]*$/u.test(alias)) {
    throw invalid(
      `Invalid alias name: '${alias}'. Names may only contain alphanumerics, underscores (_), and dashes (-).`,
    )
  }
  if (Array.from(alias).length > MAX_ALIAS_LENGTH) {
    throw invalid(
      `'Registered model alias name' exceeds the maximum length of ${MAX_ALIAS_LENGTH} characters`,
    )
  }
}

/** One registry per store, made on first use. */
const registries = new WeakMap<MockStore, RegistryStore>()

export function registryOf(store: MockStore): RegistryStore {
  let registry = registries.get(store)
  if (registry === undefined) {
    registry = new RegistryStore(store)
    registries.set(store, registry)
  }
  return registry
}

/**
 * Seeds a running MLflow server with a World through python/seed.py (the real MLflow Python client)
 * and returns what the server made of it: the ids of the world's experiments and runs, and the runs
 * that the real-usage experiments got from running real training code.
 */

import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { RUN_STATUSES, type RunStatus } from '@/domain/runs/run'
import { artifactBytes, artifactFiles } from '../../mocks/world/artifacts'
import { metricPoints } from '../../mocks/world/curves'
import type { World, WorldArtifacts } from '../../mocks/world/types'
import { runProcess } from './process'

export const SEED_SCRIPT = fileURLToPath(new URL('../../python/seed.py', import.meta.url))

/** A run that a real-usage experiment got from its training script. */
export interface RealUsageRun {
  experiment: string
  name: string
  runId: string
  status: RunStatus
  parentRunId: string | undefined
}

export interface SeedSummary {
  /** Experiment name -> id, for every experiment of the world. */
  experiments: Readonly<Record<string, string>>
  /** Run name -> id, for every run of the world. */
  runs: Readonly<Record<string, string>>
  /** LoggedModel name -> id (`m-<32 hex>`), for every LoggedModel of the world. */
  loggedModels: Readonly<Record<string, string>>
  /** Registered model name -> its version numbers ("1", "2", …), for every one of the world. */
  registeredModels: Readonly<Record<string, readonly string[]>>
  realUsageRuns: readonly RealUsageRun[]
}

export interface SeedOptions {
  /** The venv's python (see ensureVenv). */
  python: string
  /** The tracking server, e.g. http://127.0.0.1:5000. */
  url: string
  /**
   * The server's own backend store, when this machine can open it: the seed then writes the metric
   * batches of long histories through MLflow's SQL store directly, three times faster than over REST.
   */
  backendStoreUri?: string
  world: World
}

/**
 * The world as seed.py reads it: plain JSON, every metric as its points (a formula expanded), every
 * artifact file of a run or a LoggedModel as `{path, base64}` (a generator or a series expanded).
 */
export function worldJson(world: World): string {
  const encodeFiles = (files: WorldArtifacts | undefined) =>
    artifactFiles(files).map((file) => ({
      path: file.path,
      base64: Buffer.from(artifactBytes(file.content)).toString('base64'),
    }))
  return JSON.stringify({
    ...world,
    loggedModels: (world.loggedModels ?? []).map((model) => ({
      ...model,
      artifacts: encodeFiles(model.artifacts),
    })),
    runs: world.runs.map((run) => ({
      ...run,
      metrics: Object.fromEntries(
        Object.entries(run.metrics).map(([key, series]) => [key, metricPoints(series)]),
      ),
      artifacts: encodeFiles(run.artifacts),
    })),
  })
}

function fail(message: string): never {
  throw new Error(`seed.py printed an unexpected summary: ${message}`)
}

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? Reflect.get(value, key)
    : undefined
}

function stringRecord(value: unknown, what: string): Record<string, string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(`${what} is not an object`)
  const record: Record<string, string> = {}
  for (const [key, item] of Object.entries(value)) {
    if (typeof item !== 'string') fail(`${what}[${JSON.stringify(key)}] is not a string`)
    record[key] = item
  }
  return record
}

function versionLists(value: unknown, what: string): Record<string, string[]> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(`${what} is not an object`)
  const record: Record<string, string[]> = {}
  for (const [key, item] of Object.entries(value)) {
    if (!Array.isArray(item)) fail(`${what}[${JSON.stringify(key)}] is not an array`)
    const list: readonly unknown[] = item
    record[key] = list.map((version, index) =>
      requiredString(version, `${what}[${JSON.stringify(key)}][${index}]`),
    )
  }
  return record
}

function requiredString(value: unknown, what: string): string {
  if (typeof value !== 'string') fail(`${what} is not a string`)
  return value
}

function runStatus(value: unknown, what: string): RunStatus {
  const status = RUN_STATUSES.find((candidate) => candidate === value)
  if (status === undefined) fail(`${what} is not a run status: ${JSON.stringify(value)}`)
  return status
}

function realUsageRun(value: unknown, index: number): RealUsageRun {
  const what = `realUsageRuns[${index}]`
  const parentRunId = field(value, 'parentRunId')
  return {
    experiment: requiredString(field(value, 'experiment'), `${what}.experiment`),
    name: requiredString(field(value, 'name'), `${what}.name`),
    runId: requiredString(field(value, 'runId'), `${what}.runId`),
    status: runStatus(field(value, 'status'), `${what}.status`),
    parentRunId: parentRunId === null ? undefined : requiredString(parentRunId, `${what}.parentRunId`),
  }
}

/** Checks the shape of seed.py's summary, and that it names every experiment and run of the world. */
export function parseSeedSummary(text: string, world: World): SeedSummary {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    fail(`not JSON: ${text.slice(0, 200)}`)
  }
  const experiments = stringRecord(field(json, 'experiments'), 'experiments')
  const runs = stringRecord(field(json, 'runs'), 'runs')
  const loggedModels = stringRecord(field(json, 'loggedModels'), 'loggedModels')
  const registeredModels = versionLists(field(json, 'registeredModels'), 'registeredModels')
  const realUsage = field(json, 'realUsageRuns')
  if (!Array.isArray(realUsage)) fail('realUsageRuns is not an array')
  const missing = [
    ...world.experiments
      .filter((experiment) => !(experiment.name in experiments))
      .map((e) => `experiment ${e.name}`),
    ...world.runs.filter((run) => !(run.name in runs)).map((run) => `run ${run.name}`),
    ...(world.loggedModels ?? [])
      .filter((model) => !(model.name in loggedModels))
      .map((model) => `logged model ${model.name}`),
    ...(world.registeredModels ?? [])
      .filter((model) => registeredModels[model.name]?.length !== model.versions.length)
      .map((model) => `registered model ${model.name} with ${model.versions.length} versions`),
  ]
  if (missing.length > 0) fail(`it lacks ${missing.join(', ')}`)
  return { experiments, runs, loggedModels, registeredModels, realUsageRuns: realUsage.map(realUsageRun) }
}

/**
 * Logs the world into the server at `url` and resolves with the ids the server gave it. The server
 * must not hold the world's experiments yet. The seed's progress goes to our stderr.
 */
export async function seedWorld({ python, url, backendStoreUri, world }: SeedOptions): Promise<SeedSummary> {
  const workdir = await mkdtemp(join(tmpdir(), 'runboard-seed-'))
  try {
    const worldFile = join(workdir, 'world.json')
    await writeFile(worldFile, worldJson(world))
    const { stdout } = await runProcess(
      python,
      [
        SEED_SCRIPT,
        '--tracking-uri',
        url,
        '--world',
        worldFile,
        '--workdir',
        workdir,
        ...(backendStoreUri === undefined ? [] : ['--backend-store-uri', backendStoreUri]),
      ],
      { forwardStderr: true },
    )
    return parseSeedSummary(stdout, world)
  } finally {
    await rm(workdir, { recursive: true, force: true })
  }
}

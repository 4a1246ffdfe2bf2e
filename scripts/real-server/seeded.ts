import { contractWorld } from '../../mocks/world/contract-world'
import type { World, WorldRun } from '../../mocks/world/types'
import { seedWorld, type SeedSummary } from './seed'
import { backendStoreUri, startMlflowServer, type MlflowServer, type MlflowServerOptions } from './server'
import { ensureVenv, type Venv } from './venv'

export interface SeededServer {
  venv: Venv
  server: MlflowServer
  summary: SeedSummary
}

/**
 * The part of a world in the named experiments, with those of their runs that `keepRun` keeps (all,
 * by default), e.g. to seed just the artifact zoo into a second server. A kept run's parent must be
 * kept too.
 */
export function subWorld(
  world: World,
  experimentNames: readonly string[],
  keepRun: (run: WorldRun) => boolean = () => true,
): World {
  const names = new Set(experimentNames)
  const experiments = world.experiments.filter((experiment) => names.has(experiment.name))
  const missing = experimentNames.filter(
    (name) => !experiments.some((experiment) => experiment.name === name),
  )
  if (missing.length > 0) throw new Error(`the world has no experiment ${missing.join(', ')}`)
  const runs = world.runs.filter((run) => names.has(run.experiment) && keepRun(run))
  const kept = new Set(runs.map((run) => run.name))
  for (const run of runs) {
    if (run.parent !== undefined && !kept.has(run.parent))
      throw new Error(`run ${run.name} is kept but its parent ${run.parent} is not`)
  }
  return { experiments, runs }
}

/**
 * A real MLflow server on a fresh store, seeded with a world (the contract world unless told
 * otherwise) through the MLflow Python client. The server is stopped again if seeding fails.
 * `artifacts: 'proxied'` starts it with the proxied `mlflow-artifacts:` store (see server.ts); the
 * seed then uploads every artifact file through the server.
 */
export async function startSeededServer(
  options: Omit<MlflowServerOptions, 'mlflow'> & { world?: World } = {},
): Promise<SeededServer> {
  const { world = contractWorld, ...serverOptions } = options
  const venv = await ensureVenv()
  const server = await startMlflowServer({ ...serverOptions, mlflow: venv.mlflow })
  try {
    const summary = await seedWorld({
      python: venv.python,
      url: server.url,
      backendStoreUri: backendStoreUri(server.dir),
      world,
    })
    return { venv, server, summary }
  } catch (error) {
    await server.stop()
    throw error
  }
}

import { contractWorld } from '../../mocks/world/contract-world'
import type { World } from '../../mocks/world/types'
import { seedWorld, type SeedSummary } from './seed'
import { backendStoreUri, startMlflowServer, type MlflowServer, type MlflowServerOptions } from './server'
import { ensureVenv, type Venv } from './venv'

export interface SeededServer {
  venv: Venv
  server: MlflowServer
  summary: SeedSummary
}

/**
 * A real MLflow server on a fresh store, seeded with a world (the contract world unless told
 * otherwise) through the MLflow Python client. The server is stopped again if seeding fails.
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

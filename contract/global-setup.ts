/**
 * Starts one real MLflow server for the contract tests, seeded with the contract world through the
 * MLflow Python client, and stops it afterwards. The venv is built once and cached outside the clone.
 */

import type { TestProject } from 'vitest/node'
import type { SeedSummary } from '../scripts/real-server/seed'
import { startSeededServer } from '../scripts/real-server/seeded'

declare module 'vitest' {
  export interface ProvidedContext {
    mlflowUrl: string
    mlflowArtifactRoot: string
    /** The runs that real training code logged, which only the real server holds. */
    realUsageRuns: SeedSummary['realUsageRuns']
  }
}

export default async function setup(project: TestProject) {
  const started = Date.now()
  const { server, summary } = await startSeededServer()
  console.log(
    `[contract] real MLflow server ready and seeded at ${server.url} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  )
  project.provide('mlflowUrl', server.url)
  project.provide('mlflowArtifactRoot', `${server.dir}/artifacts`)
  project.provide('realUsageRuns', summary.realUsageRuns)
  return async () => {
    await server.stop()
  }
}

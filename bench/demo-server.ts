/** What every bench starts with: the production build (rebuilt when stale) served in demo mode. */

import { join } from 'node:path'
import { appBuildState, buildApp } from '../server/app-build'
import { startRunboard, type Runboard } from '../server/main'
import { parseRunboardOptions } from '../server/options'

/** A failure with a message meant for the person running the bench (no stack trace). */
export class BenchError extends Error {}

export const REPO_ROOT = join(import.meta.dirname, '..')

export interface DemoServerOptions {
  /** A mock scenario (`runs-20k`, `charts-bench`); the demo world when absent. */
  scenario?: string
  /** Use dist/ as it is, even when the sources are newer. */
  noBuild?: boolean
  /** Serve this build instead of dist/ (an unminified one, for profiles). */
  dist?: string | undefined
}

export async function startDemoServer(options: DemoServerOptions = {}): Promise<Runboard> {
  const build = await appBuildState(REPO_ROOT, join(REPO_ROOT, 'dist'))
  if (options.dist !== undefined) console.log(`Using the build in ${options.dist}.`)
  else if (build.fresh || options.noBuild === true) console.log('Using the current build in dist/.')
  else {
    console.log(`Building the app (${build.reason})…`)
    await buildApp(REPO_ROOT)
  }
  const scenario = options.scenario === undefined ? [] : ['--mock-scenario', options.scenario]
  const parsed = parseRunboardOptions({
    argv: ['--demo', ...scenario, '--port', '0'],
    env: {},
    cwd: REPO_ROOT,
  })
  if (parsed.kind !== 'run') throw new BenchError('could not configure the demo server')
  return startRunboard(parsed.config, {
    log: () => {},
    ...(options.dist === undefined ? {} : { staticDir: options.dist }),
  })
}

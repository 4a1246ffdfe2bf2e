/**
 * `runboard` / `npm start`: parse the command line, build the app if it is stale, start the server
 * and print where it is, as `mlflow ui` does. Exit codes: 0 after Ctrl-C, 1 when it cannot start or
 * its MLflow dies, 2 for invalid options.
 */

import { appBuildState, buildApp } from './app-build'
import { DEFAULT_STATIC_DIR, REPO_ROOT, runboardVersion, startRunboard, type Runboard } from './main'
import { helpText, parseRunboardOptions, type RunboardConfig } from './options'

const SHUTDOWN_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP']

async function mlflowVersion(url: string): Promise<string | undefined> {
  try {
    const response = await fetch(`${url}/version`, { signal: AbortSignal.timeout(5000) })
    return response.ok ? (await response.text()).trim() : undefined
  } catch {
    return undefined
  }
}

async function banner(version: string, config: RunboardConfig, runboard: Runboard): Promise<string> {
  const { mode } = config
  const at = `at ${runboard.url}`
  switch (mode.kind) {
    case 'demo':
      return mode.scenario === 'demo'
        ? `Runboard ${version} (demo data) ${at}`
        : `Runboard ${version} (demo data, scenario ${mode.scenario}) ${at}`
    case 'proxy':
      return `Runboard ${version} proxying ${mode.upstream.url} ${at}`
    case 'local-store': {
      const mlflow = runboard.mlflowUrl === undefined ? undefined : await mlflowVersion(runboard.mlflowUrl)
      const which = mlflow === undefined ? 'MLflow' : `MLflow ${mlflow}`
      return `Runboard ${version} (${which} on ${runboard.runtimeConfig.trackingUri}) ${at}`
    }
  }
}

async function ensureAppBuilt(): Promise<void> {
  const state = await appBuildState(REPO_ROOT, DEFAULT_STATIC_DIR)
  if (state.fresh) return
  console.error(`[runboard] building the app (${state.reason})`)
  const started = performance.now()
  try {
    await buildApp(REPO_ROOT)
  } catch (error) {
    // A stale app beats none (e.g. someone's half-finished edit in src/).
    if (state.missing) throw error
    console.error(
      `[runboard] ${error instanceof Error ? error.message : String(error)}; serving the previous build`,
    )
    return
  }
  console.error(`[runboard] built in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}

/** An exit code, or 'serving' when the server runs until a signal. */
async function main(): Promise<number | 'serving'> {
  const version = runboardVersion()
  const parsed = parseRunboardOptions({ argv: process.argv.slice(2), env: process.env, cwd: process.cwd() })
  switch (parsed.kind) {
    case 'help':
      process.stdout.write(helpText(version))
      return 0
    case 'version':
      console.log(version)
      return 0
    case 'error':
      console.error(`runboard: ${parsed.message} (see runboard --help)`)
      return 2
    case 'run':
      break
  }
  const { config } = parsed

  await ensureAppBuilt()
  const runboard = await startRunboard(config, {
    onMlflowExit: (message) => {
      console.error(message)
      process.exit(1)
    },
  })
  console.log(await banner(version, config, runboard))
  console.error('Press Ctrl+C to stop.')

  let stopping = false
  for (const signal of SHUTDOWN_SIGNALS) {
    process.on(signal, () => {
      // A second Ctrl-C does not wait; the exit hook still kills a managed MLflow.
      if (stopping) process.exit(1)
      stopping = true
      void runboard.close().then(() => process.exit(0))
    })
  }
  return 'serving'
}

function exitWith(code: number): void {
  // Ends naturally, so piped output (--help | less) is flushed; the timer only catches a straggler.
  process.exitCode = code
  setTimeout(() => process.exit(code), 2000).unref()
}

main().then(
  (code) => {
    if (code !== 'serving') exitWith(code)
  },
  (error: unknown) => {
    console.error(`runboard: ${error instanceof Error ? error.message : String(error)}`)
    exitWith(1)
  },
)

/**
 * Local-store mode, for people used to `mlflow ui`: Runboard starts `mlflow server` on the store
 * (a private loopback port, one worker) and proxies to it. The server runs in our working folder,
 * so relative store paths and ./mlartifacts mean what they mean to `mlflow ui` run there.
 */

import { accessSync, constants, statSync } from 'node:fs'
import { withoutCredentials } from './credentials'
import { logToStderr } from './log'
import { findOnPath, startMlflowProcess, type MlflowProcess } from './mlflow-process'

export interface LocalStoreOptions {
  storeUri: string
  defaultArtifactRoot?: string | undefined
  /** The mlflow executable; default: `mlflow` on PATH. */
  mlflow?: string | undefined
  cwd?: string
  /** Where PATH and MLFLOW_ALLOW_FILE_STORE are read. Default: process.env. */
  env?: Readonly<Record<string, string | undefined>>
  startTimeoutMs?: number
  log?: (line: string) => void
  onUnexpectedExit?: (reason: string, output: string) => void
}

/** MLflow cannot be found: the CLI prints the message as it is. */
export class MlflowMissingError extends Error {}

/** A `file:` URI or a bare path: MLflow's file store (./mlruns). */
export function isFileStoreUri(uri: string): boolean {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(uri)?.[1]
  return scheme === undefined || scheme.toLowerCase() === 'file'
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return statSync(path).isFile()
  } catch {
    return false
  }
}

export function findMlflow(
  explicit: string | undefined,
  storeUri: string,
  env: Readonly<Record<string, string | undefined>>,
): string {
  if (explicit !== undefined) {
    if (!isExecutableFile(explicit))
      throw new MlflowMissingError(`--mlflow ${explicit} is not an executable file.`)
    return explicit
  }
  const found = findOnPath('mlflow', env.PATH)
  if (found === undefined)
    throw new MlflowMissingError(
      `Runboard needs MLflow to open ${storeUri}: pip install mlflow, or pass --mlflow /path/to/mlflow, ` +
        'or point --tracking-uri at a running server.',
    )
  return found
}

export async function startLocalStore(options: LocalStoreOptions): Promise<MlflowProcess> {
  const env = options.env ?? process.env
  const mlflow = findMlflow(options.mlflow, options.storeUri, env)
  const log = options.log ?? logToStderr
  const extraEnv: Record<string, string> = {}
  if (isFileStoreUri(options.storeUri) && env.MLFLOW_ALLOW_FILE_STORE === undefined) {
    // MLflow 3.17 refuses file stores unless told otherwise; someone opening an old ./mlruns wants
    // to see it, so opt in (setting the variable to false restores MLflow's refusal).
    extraEnv.MLFLOW_ALLOW_FILE_STORE = 'true'
    log(
      '[runboard] MLflow keeps file stores (mlruns) in maintenance mode; opening it anyway. ' +
        '`mlflow migrate-filestore` moves it to SQLite.',
    )
  }
  log(`[runboard] starting mlflow server for ${withoutCredentials(options.storeUri)}`)
  const serverArgs = ['--backend-store-uri', options.storeUri]
  if (options.defaultArtifactRoot !== undefined)
    serverArgs.push('--default-artifact-root', options.defaultArtifactRoot)
  return startMlflowProcess({
    mlflow,
    serverArgs,
    workers: 1,
    cwd: options.cwd,
    env: extraEnv,
    startTimeoutMs: options.startTimeoutMs,
    onUnexpectedExit: options.onUnexpectedExit,
  })
}

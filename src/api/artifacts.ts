/**
 * Artifacts: one-level directory listings, and URLs for the raw bytes. Downloads are plain URLs (for
 * `<img src>`, links, or a cancellable `fetch` by the previewer), so they are built here but not fetched.
 */

import { queryOptions } from '@tanstack/react-query'
import type { ArtifactEntry, ArtifactListing } from '@/domain/artifacts/artifact-entry'
import { mlflowClientOf } from './client-binding'
import {
  array,
  boolean,
  int64,
  object,
  optional,
  optionalText,
  string,
  withDefault,
  type Decoder,
} from './decode'
import { MLFLOW_API, type MlflowClient } from './http'

const artifactEntryDecoder: Decoder<ArtifactEntry> = object((field) => ({
  path: field('path', string),
  isDir: field('is_dir', withDefault(boolean, false)),
  fileSize: field('file_size', optional(int64)),
}))

/** An empty directory, an unknown path and a run without artifacts all answer without `files`. */
export const listingDecoder: Decoder<ArtifactListing> = object((field) => ({
  rootUri: field('root_uri', optionalText),
  files: field('files', array(artifactEntryDecoder)),
}))

/** Entry paths are run-relative full paths (`plots/a.png` when listing `plots`). */
export function listArtifacts(
  client: MlflowClient,
  params: { runId: string; path?: string | undefined },
  signal?: AbortSignal,
): Promise<ArtifactListing> {
  const query = { run_id: params.runId, path: emptyToUndefined(params.path) }
  return client.get(`${MLFLOW_API}/artifacts/list`, query, listingDecoder, signal)
}

/**
 * Files of an MLflow 3 LoggedModel. `log_model(name=...)` writes them under the experiment, not the
 * run, so a run's own listing can be empty while `run.modelOutputs` points here (contract §7.10).
 * Entry paths are model-relative full paths, as in `listArtifacts`.
 */
export function listLoggedModelArtifacts(
  client: MlflowClient,
  params: { modelId: string; path?: string | undefined },
  signal?: AbortSignal,
): Promise<ArtifactListing> {
  const path = `${MLFLOW_API}/logged-models/${encodeURIComponent(params.modelId)}/artifacts/directories`
  return client.get(path, { artifact_directory_path: emptyToUndefined(params.path) }, listingDecoder, signal)
}

function emptyToUndefined(path: string | undefined): string | undefined {
  return path === '' ? undefined : path
}

/**
 * Raw bytes of a run artifact: the root-level `/get-artifact` route MLflow's own UI uses, which works
 * for every artifact store the server can reach. The server sends `Content-Disposition: attachment`
 * and text types as `text/plain`, so previews fetch it and build a blob URL rather than embed it.
 */
export function runArtifactUrl(client: MlflowClient, runId: string, path: string): string {
  return client.url('/get-artifact', { path, run_uuid: runId })
}

/** Raw bytes of a file of a registered model version, e.g. `MLmodel`. */
export function modelVersionArtifactUrl(
  client: MlflowClient,
  params: { name: string; version: string; path: string },
): string {
  return client.url('/model-versions/get-artifact', {
    name: params.name,
    version: params.version,
    path: params.path,
  })
}

/** Raw bytes of a LoggedModel file. This route exists only under `/ajax-api`. */
export function loggedModelArtifactUrl(client: MlflowClient, modelId: string, path: string): string {
  return client.url(`${MLFLOW_API}/logged-models/${encodeURIComponent(modelId)}/artifacts/files`, {
    artifact_file_path: path,
  })
}

/**
 * Keys: `['artifacts']` ⊃ `['artifacts', 'list', runId, path]`,
 * `['artifacts', 'logged-model', modelId, path]` (`path` is `''` for the root).
 */
export const artifactQueries = {
  all: () => ['artifacts'],
  list: ({ runId, path = '' }: { runId: string; path?: string }) =>
    queryOptions({
      queryKey: ['artifacts', 'list', runId, path],
      queryFn: ({ client, signal }) => listArtifacts(mlflowClientOf(client), { runId, path }, signal),
    }),
  loggedModelList: ({ modelId, path = '' }: { modelId: string; path?: string }) =>
    queryOptions({
      queryKey: ['artifacts', 'logged-model', modelId, path],
      queryFn: ({ client, signal }) =>
        listLoggedModelArtifacts(mlflowClientOf(client), { modelId, path }, signal),
    }),
}

/**
 * Artifacts: one-level directory listings, and URLs for the raw bytes. Downloads are plain URLs (for
 * `<img src>`, links, or a cancellable `fetch` by the previewer), so they are built here but not fetched.
 */

import { queryOptions } from '@tanstack/react-query'
import type { ArtifactEntry, ArtifactListing } from '@/domain/artifacts/artifact-entry'
import { sourceKey, type ArtifactSource } from '@/domain/artifacts/artifact-source'
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
import { ApiError } from './errors'
import { MLFLOW_API, type BytesResponse, type MlflowClient } from './http'

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

/** One directory level of a run's or a logged model's files. */
export function listSourceArtifacts(
  client: MlflowClient,
  params: { source: ArtifactSource; path?: string | undefined },
  signal?: AbortSignal,
): Promise<ArtifactListing> {
  const { source, path } = params
  return source.kind === 'run'
    ? listArtifacts(client, { runId: source.runId, path }, signal)
    : listLoggedModelArtifacts(client, { modelId: source.modelId, path }, signal)
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

/** The download URL of a run's or a logged model's file. */
export function artifactFileUrl(client: MlflowClient, source: ArtifactSource, path: string): string {
  return source.kind === 'run'
    ? runArtifactUrl(client, source.runId, path)
    : loggedModelArtifactUrl(client, source.modelId, path)
}

/**
 * An HTML file as a document of its own, served by the Runboard server (not MLflow) with a policy
 * that sandboxes it (server/artifact-frame.ts): what the preview's interactive mode loads, because a
 * `srcdoc` frame inherits the app's script policy and could not run a figure's inline scripts.
 */
export function artifactFrameUrl(client: MlflowClient, source: ArtifactSource, path: string): string {
  return source.kind === 'run'
    ? client.url('/artifact-frame', { path, run_uuid: source.runId })
    : client.url('/artifact-frame', { path, model_id: source.modelId })
}

/** Inclusive byte offsets, as in an HTTP `Range: bytes=start-end` header. */
export interface ByteRange {
  start: number
  end: number
}

export interface ArtifactBytes {
  bytes: Uint8Array
  /** The whole file's size, when the server said (`Content-Range`, or a whole-file answer). */
  totalSize: number | undefined
  contentType: string
  /** Whether `bytes` is only part of the file. */
  partial: boolean
}

/**
 * A run's or a logged model's file, or one range of its bytes (both routes answer Range). The server may ignore `Range` and answer 200 with the
 * whole file; `partial` then is false and the caller has everything. An unsatisfiable range (start
 * past the end) is an `ApiError` with status 416, except from byte 0: that file is empty.
 */
export async function getArtifactBytes(
  client: MlflowClient,
  params: { source: ArtifactSource; path: string; range?: ByteRange | undefined },
  signal?: AbortSignal,
): Promise<ArtifactBytes> {
  const range = params.range
  const headers: Record<string, string> =
    range === undefined ? {} : { Range: `bytes=${range.start}-${range.end}` }
  let response: BytesResponse
  try {
    const { source, path } = params
    response =
      source.kind === 'run'
        ? await client.getBytes('/get-artifact', { path, run_uuid: source.runId }, headers, signal)
        : await client.getBytes(
            `${MLFLOW_API}/logged-models/${encodeURIComponent(source.modelId)}/artifacts/files`,
            { artifact_file_path: path },
            headers,
            signal,
          )
  } catch (error) {
    // No byte 0 to send: the file is empty, which is an answer, not a failure.
    if (error instanceof ApiError && error.status === 416 && range?.start === 0)
      return { bytes: new Uint8Array(0), totalSize: 0, contentType: '', partial: false }
    throw error
  }
  if (response.status === 206) {
    const totalSize = parseContentRangeTotal(response.contentRange)
    const start = parseContentRangeStart(response.contentRange) ?? range?.start ?? 0
    const partial = totalSize === undefined || start > 0 || start + response.bytes.length < totalSize
    return { bytes: response.bytes, totalSize, contentType: response.contentType, partial }
  }
  return {
    bytes: response.bytes,
    totalSize: response.bytes.length,
    contentType: response.contentType,
    partial: false,
  }
}

/** The total of `bytes a-b/total`; `undefined` for `*` or anything unreadable. */
export function parseContentRangeTotal(header: string | null): number | undefined {
  const match = header === null ? null : /^bytes\s+(?:\d+-\d+|\*)\/(\d+)\s*$/i.exec(header.trim())
  return match?.[1] === undefined ? undefined : Number(match[1])
}

function parseContentRangeStart(header: string | null): number | undefined {
  const match = header === null ? null : /^bytes\s+(\d+)-\d+/i.exec(header.trim())
  return match?.[1] === undefined ? undefined : Number(match[1])
}

/**
 * Keys: `['artifacts']` ⊃ `['artifacts', 'list', sourceKey, path]` (`path` is `''` for the root),
 * `['artifacts', 'content', sourceKey, path, { start, end }]` (`'all'` for the whole file), where
 * sourceKey is `run:<id>` or `logged-model:<id>`.
 */
export const artifactQueries = {
  all: () => ['artifacts'],
  list: ({ source, path = '' }: { source: ArtifactSource; path?: string }) =>
    queryOptions({
      queryKey: ['artifacts', 'list', sourceKey(source), path],
      queryFn: ({ client, signal }) => listSourceArtifacts(mlflowClientOf(client), { source, path }, signal),
    }),
  content: ({
    source,
    path,
    range,
  }: {
    source: ArtifactSource
    path: string
    range?: ByteRange | undefined
  }) =>
    queryOptions({
      queryKey: ['artifacts', 'content', sourceKey(source), path, range ?? 'all'],
      queryFn: ({ client, signal }) =>
        getArtifactBytes(mlflowClientOf(client), { source, path, range }, signal),
      // Artifacts are immutable once written; bytes are big, so do not keep them long unused.
      staleTime: Infinity,
      gcTime: 60_000,
    }),
}

/** What the server is: version, liveness and capabilities, for gating features (contract §14). */

import { queryOptions } from '@tanstack/react-query'
import { mlflowClientOf } from './client-binding'
import { boolean, object, optionalText, withDefault, type Decoder } from './decode'
import { isNotFound } from './errors'
import { MLFLOW_API_V3, type MlflowClient } from './http'

export interface ServerInfo {
  /** `SqlStore` or `FileStore`; undefined for other stores and for servers that do not say. */
  storeType: string | undefined
  /** When true, requests may carry a workspace; when false they must not (the server rejects them). */
  workspacesEnabled: boolean
}

/** What a server without `server-info` (before 3.10) implies. */
export const UNKNOWN_SERVER_INFO: ServerInfo = { storeType: undefined, workspacesEnabled: false }

export const serverInfoDecoder: Decoder<ServerInfo> = object((field) => ({
  storeType: field('store_type', optionalText),
  workspacesEnabled: field('workspaces_enabled', withDefault(boolean, false)),
}))

/** The server's version as plain text, e.g. `3.17.2` (served as `text/html`, so read as text). */
export async function getServerVersion(client: MlflowClient, signal?: AbortSignal): Promise<string> {
  return (await client.getText('/version', undefined, signal)).trim()
}

/** `OK` when the server is up; any failure rejects with ApiError. */
export async function getServerHealth(client: MlflowClient, signal?: AbortSignal): Promise<string> {
  return (await client.getText('/health', undefined, signal)).trim()
}

/** MLflow 3.10+; older servers answer 404, which means "unknown store, no workspaces". */
export async function getServerInfo(client: MlflowClient, signal?: AbortSignal): Promise<ServerInfo> {
  try {
    return await client.get(`${MLFLOW_API_V3}/server-info`, undefined, serverInfoDecoder, signal)
  } catch (error) {
    if (isNotFound(error)) return UNKNOWN_SERVER_INFO
    throw error
  }
}

/**
 * Keys: `['server']` ⊃ `['server', 'version']`, `['server', 'health']`, `['server', 'info']`. Version
 * and info change only when the server is redeployed, so they never go stale on their own.
 */
export const serverQueries = {
  all: () => ['server'],
  version: () =>
    queryOptions({
      queryKey: ['server', 'version'],
      queryFn: ({ client, signal }) => getServerVersion(mlflowClientOf(client), signal),
      staleTime: Number.POSITIVE_INFINITY,
    }),
  health: () =>
    queryOptions({
      queryKey: ['server', 'health'],
      queryFn: ({ client, signal }) => getServerHealth(mlflowClientOf(client), signal),
    }),
  info: () =>
    queryOptions({
      queryKey: ['server', 'info'],
      queryFn: ({ client, signal }) => getServerInfo(mlflowClientOf(client), signal),
      staleTime: Number.POSITIVE_INFINITY,
    }),
}

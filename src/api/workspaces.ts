/**
 * Workspaces (MLflow 3.10+, `mlflow server --enable-workspaces`): each holds its own experiments and
 * models. A request names one with the `X-MLFLOW-WORKSPACE` header, which must never be sent to a
 * server without workspaces (it answers FEATURE_DISABLED); `server-info` says which kind it is.
 */

import { queryOptions } from '@tanstack/react-query'
import { mlflowClientOf } from './client-binding'
import { array, object, optionalText, string, type Decoder } from './decode'
import { MLFLOW_API_V3, type MlflowClient } from './http'

export const WORKSPACE_HEADER = 'X-MLFLOW-WORKSPACE'
/** The workspace a request without the header lands in. */
export const DEFAULT_WORKSPACE = 'default'

export interface Workspace {
  name: string
  description: string | undefined
}

export const workspaceDecoder: Decoder<Workspace> = object((field) => ({
  name: field('name', string),
  description: field('description', optionalText),
}))

const workspaceList = object((field) => field('workspaces', array(workspaceDecoder)))

export function listWorkspaces(client: MlflowClient, signal?: AbortSignal): Promise<Workspace[]> {
  return client.get(`${MLFLOW_API_V3}/workspaces`, undefined, workspaceList, signal)
}

/** Keys: `['workspaces']` ⊃ `['workspaces', 'list']`. */
export const workspaceQueries = {
  all: () => ['workspaces'],
  list: () =>
    queryOptions({
      queryKey: ['workspaces', 'list'],
      queryFn: ({ client, signal }) => listWorkspaces(mlflowClientOf(client), signal),
    }),
}

/**
 * How query factories reach the MLflow client without every feature passing it around: the
 * composition root binds one client to its QueryClient, and each `queryFn` looks it up from the
 * QueryClient that react-query hands it (`context.client`). Features then write
 * `useQuery(runQueries.search(params))`, and a test binds its own client to its own QueryClient, so
 * nothing is shared between tests. Mutations get the same QueryClient as `context.client`.
 */

import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import type { MlflowClient } from './http'

const bindings = new WeakMap<QueryClient, MlflowClient>()

export function bindMlflowClient(queryClient: QueryClient, client: MlflowClient): void {
  bindings.set(queryClient, client)
}

export function mlflowClientOf(queryClient: QueryClient): MlflowClient {
  const client = bindings.get(queryClient)
  if (client === undefined) {
    throw new Error(
      'No MLflow client is bound to this QueryClient: call bindMlflowClient() where it is created.',
    )
  }
  return client
}

/** The MLflow client bound to the app's QueryClient, for what is not a query (download links). */
export function useMlflowClient(): MlflowClient {
  return mlflowClientOf(useQueryClient())
}

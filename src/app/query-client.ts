import { QueryClient } from '@tanstack/react-query'
import { bindMlflowClient } from '@/api/client-binding'
import { isTransientError } from '@/api/errors'
import { createMlflowClient } from '@/api/http'
import { WORKSPACE_HEADER } from '@/api/workspaces'

/**
 * The app's one QueryClient, bound to the MLflow client. MLflow is reached through the app's own
 * origin (the `npm start` server proxies it), under the same base path as the app.
 */
export function createAppQueryClient(basePath: string, workspace?: string): QueryClient {
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Retry only what may pass on a second try (network, timeouts, 5xx), and not forever.
        retry: (failureCount, error) => failureCount < 2 && isTransientError(error),
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  })
  // A workspace is named on every request; without one the server uses its default workspace.
  const headers = workspace === undefined ? undefined : { [WORKSPACE_HEADER]: workspace }
  bindMlflowClient(queryClient, createMlflowClient({ baseUrl: basePath.replace(/\/$/, ''), headers }))
  return queryClient
}

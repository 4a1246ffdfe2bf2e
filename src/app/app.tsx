import { QueryClientProvider } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { RouterProvider } from 'react-router/dom'
import { createAppQueryClient } from './query-client'
import { createAppRouter } from './router'
import { RuntimeConfigContext, WorkspaceContext } from './runtime-config-context'
import { workspaceBasePath, workspaceFromPath } from './paths'
import type { RuntimeConfig } from './runtime-config'

export function App({ config }: { config: RuntimeConfig }) {
  // The workspace comes from the URL once: switching workspaces reloads the app, starting afresh.
  const [workspace] = useState(() => workspaceFromPath(window.location.pathname, config.basePath))
  const queryClient = useMemo(
    () => createAppQueryClient(config.basePath, workspace),
    [config.basePath, workspace],
  )
  const router = useMemo(
    () => createAppRouter(workspaceBasePath(config.basePath, workspace)),
    [config.basePath, workspace],
  )
  return (
    <RuntimeConfigContext.Provider value={config}>
      <WorkspaceContext.Provider value={workspace}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </WorkspaceContext.Provider>
    </RuntimeConfigContext.Provider>
  )
}

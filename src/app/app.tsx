import { QueryClientProvider } from '@tanstack/react-query'
import { useMemo } from 'react'
import { RouterProvider } from 'react-router/dom'
import { createAppQueryClient } from './query-client'
import { createAppRouter } from './router'
import { RuntimeConfigContext } from './runtime-config-context'
import type { RuntimeConfig } from './runtime-config'

export function App({ config }: { config: RuntimeConfig }) {
  const queryClient = useMemo(() => createAppQueryClient(config.basePath), [config.basePath])
  const router = useMemo(() => createAppRouter(config.basePath), [config.basePath])
  return (
    <RuntimeConfigContext.Provider value={config}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </RuntimeConfigContext.Provider>
  )
}

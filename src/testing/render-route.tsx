import { QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { createAppQueryClient } from '@/app/query-client'
import { routes } from '@/app/router'
import { RuntimeConfigContext, WorkspaceContext } from '@/app/runtime-config-context'
import type { RuntimeConfig } from '@/app/runtime-config'

export const TEST_ORIGIN = 'http://runboard.test'

/**
 * Renders the whole app at a URL, with the real router, query client and API client; requests go to
 * whatever MSW server the test started (see createMockServer in mocks/node.ts).
 */
export function renderRoute(url: string, config: Partial<RuntimeConfig> = {}, workspace?: string) {
  const queryClient = createAppQueryClient(`${TEST_ORIGIN}/`, workspace)
  const router = createMemoryRouter(routes, { initialEntries: [url] })
  const runtime: RuntimeConfig = {
    mode: 'demo',
    trackingUri: undefined,
    scenario: undefined,
    basePath: '/',
    version: '0.0.0',
    artifactFrames: false,
    ...config,
  }
  const view = render(
    <RuntimeConfigContext.Provider value={runtime}>
      <WorkspaceContext.Provider value={workspace}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </WorkspaceContext.Provider>
    </RuntimeConfigContext.Provider>,
  )
  return { ...view, router, queryClient }
}

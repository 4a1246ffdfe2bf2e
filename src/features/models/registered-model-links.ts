import type { ReactNode } from 'react'

/**
 * Links the registry pages show, made by the route (features do not know the router): each wraps
 * `children` in a link to the page.
 */
export interface RegistryLinks {
  model: (name: string, children: ReactNode) => ReactNode
  version: (name: string, version: string, children: ReactNode) => ReactNode
  /** A run by id alone (versions know their run, not its experiment). */
  run: (runId: string, children: ReactNode) => ReactNode
  models: (children: ReactNode) => ReactNode
}

import type { ReactNode } from 'react'

/** Links the route gives the logged-model features (features do not know the router). */
export interface LoggedModelLinks {
  renderModelLink: (experimentId: string, modelId: string, label: string) => ReactNode
  renderRunLink: (experimentId: string, runId: string, label: string) => ReactNode
  renderVersionLink: (name: string, version: string, label: string) => ReactNode
}

import type { HttpHandler } from 'msw'
import { artifactHandlers } from './handlers/artifacts'
import { experimentHandlers } from './handlers/experiments'
import { metricHandlers } from './handlers/metrics'
import { modelHandlers } from './handlers/models'
import { registryHandlers } from './handlers/registry'
import { runHandlers } from './handlers/runs'
import { serverHandlers, workspaceHandlers } from './handlers/server'
import type { MockStore } from './store/store'

/** Every MLflow route the app uses, answered from one store as the real server would. */
export function createHandlers(store: MockStore): HttpHandler[] {
  return [
    ...workspaceHandlers(),
    ...serverHandlers(),
    ...experimentHandlers(store),
    ...runHandlers(store),
    ...metricHandlers(store),
    ...artifactHandlers(store),
    ...registryHandlers(store),
    ...modelHandlers(store),
  ]
}

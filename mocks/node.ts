import { setupServer } from 'msw/node'
import type { ScenarioName } from './scenario-names'
import { createMockApi } from './scenarios'
import type { MockStoreOptions } from './store/store'

/** An MSW server for Node tests; unhandled requests fail the test. */
export function createMockServer(scenario: ScenarioName = 'demo', options: MockStoreOptions = {}) {
  const api = createMockApi(scenario, options)
  return { ...api, server: setupServer(...api.handlers) }
}

import { setupWorker } from 'msw/browser'
import { isScenarioName } from './scenario-names'
import { createMockApi } from './scenarios'

/**
 * The MSW worker for `npm run dev:mock` and the static demo build only; `npm start` serves the demo
 * from the Node server instead, so the production bundle never contains MSW.
 */
export function createMockWorker(scenario: string) {
  const { handlers } = createMockApi(isScenarioName(scenario) ? scenario : 'demo')
  return setupWorker(...handlers)
}

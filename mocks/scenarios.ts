/**
 * Named server behaviours for tests and the demo. A scenario picks the data a mock server holds
 * and may put handlers in front of the normal ones; tests vary the server only through these.
 */

import { HttpResponse, delay, http, type HttpHandler } from 'msw'
import { createHandlers } from './handlers'
import { mlflowError } from './handlers/protocol'
import {
  MockStore,
  worldSources,
  type ExperimentSource,
  type MockStoreOptions,
  type StoreRun,
} from './store/store'
import { chartsBenchSource } from './world/charts-bench-world'
import { sweep5kSource } from './world/contract-sweep'
import { contractWorld } from './world/contract-world'
import { DEMO_EXPERIMENTS, demoSources } from './world/demo-world'
import { hugeArtifactsSource } from './world/huge-artifacts'
import { createRandom, pick } from './world/random'
import { sweep20kSource } from './world/sweep-20k-world'
import type { ScenarioName } from './scenario-names'

export const HUGE_EXPERIMENT = 'huge-experiment'
const HUGE_RUN_COUNT = 50_000

function hugeRuns(): StoreRun[] {
  const random = createRandom(99)
  const start = Date.UTC(2026, 5, 1)
  return Array.from({ length: HUGE_RUN_COUNT }, (_, index) => ({
    name: `huge-${String(index + 1).padStart(5, '0')}`,
    status: 'FINISHED' as const,
    startTime: start + index * 1000,
    endTime: start + index * 1000 + 500,
    params: { lr: pick(random, ['0.1', '0.01', '0.001']), seed: String(index % 100) },
    tags: { 'mlflow.user': pick(random, ['alice', 'bob']) },
    metrics: {
      score: [{ step: 0, timestamp: start + index * 1000 + 400, value: Math.round(random() * 1e4) / 1e4 }],
    },
  }))
}

function sourcesFor(name: ScenarioName): ExperimentSource[] {
  switch (name) {
    case 'contract':
      return worldSources(contractWorld)
    case 'empty':
      return []
    case 'huge':
      return [
        ...demoSources(),
        { experiment: { name: HUGE_EXPERIMENT, tags: {} }, runs: hugeRuns },
        hugeArtifactsSource(),
      ]
    case 'runs-20k':
      return [...demoSources(), sweep20kSource()]
    case 'charts-bench':
      return [...demoSources(), chartsBenchSource()]
    case 'sweep-5k':
      return [...demoSources(), sweep5kSource()]
    default:
      return demoSources()
  }
}

const API_ROUTES = ['*/api/*', '*/ajax-api/*', '*/get-artifact', '*/model-versions/get-artifact'] as const

function overrides(name: ScenarioName): HttpHandler[] {
  switch (name) {
    case 'server-error':
      return API_ROUTES.map((route) =>
        http.all(route, () =>
          mlflowError('INTERNAL_ERROR', 'The tracking server failed (scenario: server-error).'),
        ),
      )
    case 'slow':
      return API_ROUTES.map((route) =>
        http.all(route, async () => {
          await delay(1500)
          // Falls through to the normal handler.
          return undefined
        }),
      )
    case 'unreachable':
      return [http.all('*', () => HttpResponse.error())]
    default:
      return []
  }
}

export interface MockApi {
  store: MockStore
  handlers: HttpHandler[]
}

/** A fresh store and its handlers for one scenario: each test or server process gets its own. */
export function createMockApi(name: ScenarioName = 'demo', options: MockStoreOptions = {}): MockApi {
  const store = new MockStore(sourcesFor(name), options)
  return { store, handlers: [...overrides(name), ...createHandlers(store)] }
}

export { DEMO_EXPERIMENTS }

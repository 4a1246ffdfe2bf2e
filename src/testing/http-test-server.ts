import { setupServer, type SetupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { MLFLOW_API } from '@/api/http'

/** A fake MLflow behind a path prefix, as `mlflow server --static-prefix /mlflow` serves it. */
export const TEST_MLFLOW_BASE = 'http://mlflow.test/mlflow'
export const TEST_MLFLOW_API = `${TEST_MLFLOW_BASE}${MLFLOW_API}`

/**
 * An MSW server for one test file, for shaping HTTP edge cases with inline handlers: unhandled
 * requests fail the test, and handlers added by a test are removed after it.
 */
export function setupTestHttpServer(): SetupServer {
  const server = setupServer()
  beforeAll(() => {
    server.listen({ onUnhandledRequest: 'error' })
  })
  afterEach(() => {
    server.resetHandlers()
  })
  afterAll(() => {
    server.close()
  })
  return server
}

import { QueryClient } from '@tanstack/react-query'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { bindMlflowClient } from './client-binding'
import { createMlflowClient } from './http'
import { getServerHealth, getServerInfo, getServerVersion, serverQueries } from './server'

const BASE = 'http://mlflow.test/mlflow'
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

const client = createMlflowClient({ baseUrl: BASE })

describe('server', () => {
  it('reads /version as text, though MLflow labels it text/html', async () => {
    server.use(http.get(`${BASE}/version`, () => HttpResponse.html('3.17.2\n')))
    expect(await getServerVersion(client)).toBe('3.17.2')
  })

  it('reads /health', async () => {
    server.use(http.get(`${BASE}/health`, () => HttpResponse.text('OK')))
    expect(await getServerHealth(client)).toBe('OK')
  })

  it('rejects when /health is not 2xx', async () => {
    server.use(http.get(`${BASE}/health`, () => HttpResponse.text('upstream unavailable', { status: 503 })))
    await expect(getServerHealth(client)).rejects.toMatchObject({ kind: 'http', status: 503 })
  })

  it('reads server-info, ignoring fields it does not use', async () => {
    server.use(
      http.get(`${BASE}/ajax-api/3.0/mlflow/server-info`, () =>
        HttpResponse.json({
          store_type: 'SqlStore',
          workspaces_enabled: true,
          features_enabled: { gateway: true },
        }),
      ),
    )
    expect(await getServerInfo(client)).toEqual({ storeType: 'SqlStore', workspacesEnabled: true })
  })

  it('reads a null store type as unknown', async () => {
    server.use(
      http.get(`${BASE}/ajax-api/3.0/mlflow/server-info`, () =>
        HttpResponse.json({ store_type: null, workspaces_enabled: false }),
      ),
    )
    expect(await getServerInfo(client)).toEqual({ storeType: undefined, workspacesEnabled: false })
  })

  it('treats a 404 from an older server (an HTML page) as "unknown store, no workspaces"', async () => {
    server.use(
      http.get(`${BASE}/ajax-api/3.0/mlflow/server-info`, () =>
        HttpResponse.html('<title>404 Not Found</title><h1>Not Found</h1>', { status: 404 }),
      ),
    )
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    bindMlflowClient(queryClient, client)
    expect(await queryClient.query(serverQueries.info())).toEqual({
      storeType: undefined,
      workspacesEnabled: false,
    })
  })

  it('still fails on other errors', async () => {
    server.use(
      http.get(`${BASE}/ajax-api/3.0/mlflow/server-info`, () =>
        HttpResponse.text('Permission denied', { status: 403 }),
      ),
    )
    await expect(getServerInfo(client)).rejects.toMatchObject({ status: 403, message: 'Permission denied' })
  })
})

import { HttpResponse, http, type HttpHandler } from 'msw'
import { mlflowError, withSecurityHeaders } from './protocol'

/** The MLflow version the mocks imitate; the contract test runs against the same pin. */
export const MOCK_MLFLOW_VERSION = '3.17.2'

export function serverHandlers(): HttpHandler[] {
  const serverInfo = {
    store_type: 'SqlStore',
    workspaces_enabled: false,
    trace_archival_enabled: false,
    multipart_uploads_enabled: false,
    multipart_downloads_enabled: false,
    presigned_upload_run_id_supported: true,
    presigned_upload_model_id_supported: true,
    features_enabled: { gateway: true },
  }
  return [
    // Flask serves the version as HTML (it returns a bare string).
    http.get('*/version', () =>
      withSecurityHeaders(
        new HttpResponse(MOCK_MLFLOW_VERSION, { headers: { 'Content-Type': 'text/html; charset=utf-8' } }),
      ),
    ),
    http.get('*/health', () =>
      withSecurityHeaders(
        new HttpResponse('OK', { headers: { 'Content-Type': 'text/plain; charset=utf-8' } }),
      ),
    ),
    ...['api', 'ajax-api'].map((prefix) =>
      http.get(`*/${prefix}/3.0/mlflow/server-info`, () =>
        withSecurityHeaders(HttpResponse.json(serverInfo)),
      ),
    ),
  ]
}

/**
 * The mocks' server has workspaces off, as `mlflow server` does by default: a request naming a
 * workspace is refused whatever its route, and the workspace API says it is disabled.
 */
export function workspaceHandlers(): HttpHandler[] {
  return [
    http.all('*', ({ request }) => {
      const workspace = request.headers.get('x-mlflow-workspace')
      if (workspace === null || workspace === '') return undefined
      // Refused before MLflow's security middleware adds its headers, so this answer has none.
      return mlflowError(
        'FEATURE_DISABLED',
        'Workspace APIs are not available: workspaces are not enabled on this server',
      )
    }),
    ...['api', 'ajax-api'].map((prefix) =>
      http.get(`*/${prefix}/3.0/mlflow/workspaces`, ({ request }) =>
        withSecurityHeaders(
          new HttpResponse(
            `Endpoint: ${new URL(request.url).pathname} disabled because the server is running without workspaces support. To enable workspace, run \`mlflow server\` with \`--enable-workspaces\``,
            { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } },
          ),
        ),
      ),
    ),
  ]
}

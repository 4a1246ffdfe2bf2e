import { HttpResponse, http, type HttpHandler } from 'msw'
import { withSecurityHeaders } from './protocol'

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

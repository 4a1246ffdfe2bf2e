import { HttpResponse, http, type HttpHandler } from 'msw'
import type { MockStore } from '../store/store'
import { MockStoreError } from '../store/store'
import { Fields, answer, invalidParameter, protoRoute } from './protocol'
import { requireRun } from './runs'

/** `validate_path_is_safe`: no `..` segments, no absolute paths, no URL schemes. */
function requireSafePath(path: string): void {
  const segments = path.split(/[\\/]/)
  if (segments.includes('..') || path.startsWith('/') || /^[a-zA-Z][\w+.-]*:/.test(path)) {
    throw invalidParameter('Invalid path')
  }
}

/** Flask's page for a missing required query argument. */
const FLASK_BAD_REQUEST =
  '<!doctype html>\n<html lang=en>\n<title>400 Bad Request</title>\n<h1>Bad Request</h1>\n<p>The browser (or proxy) sent a request that this server could not understand.</p>\n'

export function artifactHandlers(store: MockStore): HttpHandler[] {
  return [
    ...protoRoute(store, 'get', 'artifacts/list', async (request) => {
      const fields = await Fields.read(request)
      const runId = fields.runId()
      const path = fields.optionalString('path') ?? ''
      if (path !== '') requireSafePath(path)
      const run = requireRun(store, runId)
      return { root_uri: run.artifactUri }
    }),
    http.get('*/get-artifact', ({ request }) =>
      answer(
        () => {
          const query = new URL(request.url).searchParams
          const path = query.get('path')
          if (path === null) {
            return new HttpResponse(FLASK_BAD_REQUEST, {
              status: 400,
              headers: { 'Content-Type': 'text/html; charset=utf-8' },
            })
          }
          requireSafePath(path)
          const runId = query.get('run_uuid') ?? query.get('run_id') ?? ''
          requireRun(store, runId)
          throw new MockStoreError('RESOURCE_DOES_NOT_EXIST', `No such artifact: '${path}'`)
        },
        request,
        store,
        {},
      ),
    ),
  ]
}

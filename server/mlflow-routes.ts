/**
 * The part of MLflow's URL space Runboard answers for (contract §1): everything the app calls, and
 * nothing else, so that a Runboard in front of a tracking server exposes no more of it than needed.
 */

import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * Whether a path below the base path (no leading slash, no query) is one of MLflow's routes:
 * `api/` and `ajax-api/` (every REST endpoint, including the mlflow-artifacts proxy), the raw
 * artifact downloads, and `version`/`health`. GraphQL is not used by the app.
 */
export function isMlflowRoute(path: string): boolean {
  return (
    path.startsWith('api/') ||
    path.startsWith('ajax-api/') ||
    path === 'get-artifact' ||
    path === 'model-versions/get-artifact' ||
    path === 'version' ||
    path === 'health'
  )
}

/** Answers MLflow's routes, by forwarding them (proxy) or from the mocks (demo). */
export interface ApiHandler {
  /**
   * @param target the MLflow path below the base path plus the query string, e.g.
   *   `api/2.0/mlflow/experiments/search?max_results=10`
   */
  handle(request: IncomingMessage, response: ServerResponse, target: string): void
  /** Frees pooled connections; requests in flight finish on their own. */
  close(): void
}

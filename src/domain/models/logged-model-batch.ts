/**
 * Lookups by many ids at once (`model_id IN (...)`, `run_id IN (...)`), for what the rows on screen
 * show: ids split into requests of a bounded size, and the filter written only from ids that need no
 * quoting (MLflow run and model ids are hex with a `m-` prefix; anything else is left out, never
 * interpolated).
 */

const SAFE_ID = /^[\w-]+$/

export function isSafeId(id: string): boolean {
  return SAFE_ID.test(id)
}

/** `ids` without repeats and unsafe ones, in groups of at most `size`. */
export function idChunks(ids: Iterable<string>, size: number): string[][] {
  const unique = [...new Set(ids)].filter(isSafeId)
  const chunks: string[][] = []
  for (let index = 0; index < unique.length; index += size) chunks.push(unique.slice(index, index + size))
  return chunks
}

/** `run_id IN ('a', 'b')`; the ids must have passed `isSafeId` (as `idChunks` ensures). */
export function idsInFilter(field: 'run_id' | 'model_id', ids: readonly string[]): string {
  return `${field} IN (${ids.map((id) => `'${id}'`).join(', ')})`
}

/** MLflow's UI asks for the versions of at most 75 runs at a time (URL length). */
export const VERSION_LOOKUP_RUNS = 75
/** `logged-models/search` answers at most 100 models a page by default. */
export const MODEL_LOOKUP_IDS = 100

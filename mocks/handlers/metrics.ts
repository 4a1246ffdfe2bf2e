import type { HttpHandler } from 'msw'
import type { MetricRows, MockStore } from '../store/store'
import { byStepOrder } from '../store/store'
import type { WorldMetricPoint } from '../world/types'
import { Fields, invalidParameter, paginate, parsePageToken, protoRoute } from './protocol'

/** `MAX_RESULTS_PER_RUN` and `MAX_RUNS_GET_METRIC_HISTORY_BULK`. */
const MAX_POINTS_PER_RUN = 2500
const MAX_RUNS_PER_BULK = 100

function encodePoint(key: string, point: WorldMetricPoint, runId?: string): Record<string, unknown> {
  const json: Record<string, unknown> = {
    key,
    value: point.value,
    timestamp: point.timestamp,
    step: point.step,
  }
  if (runId !== undefined) json.run_id = runId
  return json
}

/**
 * The 3.15+ sampler (`_sample_rows_with_window_functions`): `total` rows ordered by step, timestamp
 * and value are cut into `maxResults` NTILE buckets, the first row of each is kept, and the last row
 * overall replaces or follows the last sample so the series keeps its end. Returns the positions kept.
 */
export function sampleIndices(total: number, maxResults: number): number[] {
  if (total === 0) return []
  const buckets = Math.min(maxResults, total)
  const small = Math.floor(total / maxResults)
  const largeCount = total % maxResults
  const indices: number[] = []
  let index = 0
  for (let bucket = 0; bucket < buckets; bucket++) {
    indices.push(index)
    index += total < maxResults ? 1 : bucket < largeCount ? small + 1 : small
  }
  const last = total - 1
  if (indices[indices.length - 1] !== last) {
    if (indices.length >= maxResults) indices[indices.length - 1] = last
    else indices.push(last)
  }
  return indices
}

/** `sampleIndices` over rows in any order. */
export function sampleRows(rows: readonly WorldMetricPoint[], maxResults: number): WorldMetricPoint[] {
  const ordered = [...rows].sort(byStepOrder)
  return sampleIndices(ordered.length, maxResults).flatMap((index) => ordered[index] ?? [])
}

/** The first position in step-ordered `rows` whose step is at least `step` (binary search). */
function firstAtOrAfter(rows: MetricRows, step: number): number {
  let low = 0
  let high = rows.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((rows.at(middle)?.step ?? Infinity) < step) low = middle + 1
    else high = middle
  }
  return low
}

/**
 * The rows the sampler keeps of one run: those with a step in [startStep, endStep] when a range is
 * given (a contiguous stretch of the step order, found by binary search), else all of them. Only the
 * kept rows are read, so sampling a 100,000-step formula computes about `maxResults` points.
 */
function sampleRun(
  rows: MetricRows,
  maxResults: number,
  range: { startStep: number; endStep: number } | undefined,
): WorldMetricPoint[] {
  const from = range === undefined ? 0 : firstAtOrAfter(rows, range.startStep)
  const to = range === undefined ? rows.length : firstAtOrAfter(rows, range.endStep + 1)
  return sampleIndices(Math.max(0, to - from), maxResults).flatMap((index) => rows.at(from + index) ?? [])
}

export function metricHandlers(store: MockStore): HttpHandler[] {
  return [
    ...protoRoute(store, 'get', 'metrics/get-history', async (request) => {
      const fields = await Fields.read(request)
      const runId = fields.runId()
      const key = fields.requiredString('metric_key')
      const maxResults = fields.optionalInt('max_results')
      const offset = parsePageToken(fields.optionalString('page_token'))
      const history = store.metricHistory(runId, key)
      const { page, nextPageToken } =
        maxResults === undefined
          ? { page: history.slice(offset), nextPageToken: undefined }
          : paginate(history, offset, maxResults)
      const body: Record<string, unknown> = {}
      if (page.length > 0) body.metrics = page.map((point) => encodePoint(key, point))
      if (nextPageToken !== undefined) body.next_page_token = nextPageToken
      return body
    }),
    ...protoRoute(store, 'get', 'metrics/get-history-bulk-interval', async (request) => {
      const fields = await Fields.read(request, ['run_ids'])
      const runIds = fields.stringList('run_ids')
      if (runIds.length === 0) {
        throw invalidParameter(
          "Missing value for required parameter 'run_ids'. See the API docs for more information about request parameters.",
        )
      }
      if (runIds.length > MAX_RUNS_PER_BULK) {
        throw invalidParameter(
          `GetMetricHistoryBulkInterval request must specify at most ${MAX_RUNS_PER_BULK} run_ids. Received ${runIds.length} run_ids. See the API docs for more information about request parameters.`,
        )
      }
      const key = fields.requiredString('metric_key')
      const maxResults = fields.optionalInt('max_results') ?? MAX_POINTS_PER_RUN
      if (maxResults < 1 || maxResults > MAX_POINTS_PER_RUN) {
        throw invalidParameter(
          `max_results must be between 1 and ${MAX_POINTS_PER_RUN}. See the API docs for more information about request parameters.`,
        )
      }
      const startStep = fields.optionalInt('start_step')
      const endStep = fields.optionalInt('end_step')
      if ((startStep === undefined) !== (endStep === undefined)) {
        throw invalidParameter('If either start step or end step are specified, both must be specified.')
      }
      if (startStep !== undefined && endStep !== undefined && startStep > endStep) {
        throw invalidParameter(
          `end_step must be greater than start_step. Found start_step=${startStep} and end_step=${endStep}.`,
        )
      }
      const range = startStep === undefined || endStep === undefined ? undefined : { startStep, endStep }
      const metrics = runIds.flatMap((runId) =>
        sampleRun(store.metricRowsByStep(runId, key), maxResults, range).map((point) =>
          encodePoint(key, point, runId),
        ),
      )
      return metrics.length > 0 ? { metrics } : {}
    }),
  ]
}

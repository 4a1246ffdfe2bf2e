/**
 * Web Worker entry (module worker, started by `reduce-off-thread.ts`): reduces long metric
 * histories with `reduceMinMaxArrays` so the main thread stays responsive. Columns arrive and leave
 * as transferred Float64Arrays, so no copy is made on either side.
 */

import { reduceMinMaxArrays } from '@/domain/metrics/reduce-series'

export interface ReduceRequest {
  id: number
  xs: Float64Array
  ys: Float64Array
  buckets: number
}

/** The reduced columns, or `error` when reduction threw (the caller then reduces itself). */
export type ReduceReply =
  { id: number; xs: Float64Array<ArrayBuffer>; ys: Float64Array<ArrayBuffer> } | { id: number; error: string }

export function isReduceRequest(data: unknown): data is ReduceRequest {
  return (
    typeof data === 'object' &&
    data !== null &&
    'id' in data &&
    typeof data.id === 'number' &&
    'xs' in data &&
    data.xs instanceof Float64Array &&
    'ys' in data &&
    data.ys instanceof Float64Array &&
    'buckets' in data &&
    typeof data.buckets === 'number'
  )
}

/** The reply to one message and the buffers to transfer with it; undefined for a message that is no request. */
export function answerReduceRequest(
  data: unknown,
): { reply: ReduceReply; transfer: ArrayBuffer[] } | undefined {
  if (!isReduceRequest(data)) return undefined
  try {
    const start = performance.now()
    const { xs, ys } = reduceMinMaxArrays(data.xs, data.ys, data.buckets)
    recordReduction(start, data.xs.length, xs.length)
    return { reply: { id: data.id, xs, ys }, transfer: [xs.buffer, ys.buffer] }
  } catch (error) {
    return { reply: { id: data.id, error: String(error) }, transfer: [] }
  }
}

/**
 * A `runboard:reduce` measure on the worker's own timeline (DevTools shows it in the worker's track;
 * `npm run bench:charts` reads it): how long reducing `points` to `kept` points took here, without
 * the transfer and queueing the caller also sees.
 */
function recordReduction(start: number, points: number, kept: number): void {
  try {
    performance.measure('runboard:reduce', { start, end: performance.now(), detail: { points, kept } })
  } catch {
    // No User Timing Level 3 here: nothing to record.
  }
}

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  const answer = answerReduceRequest(event.data)
  if (answer !== undefined) self.postMessage(answer.reply, { transfer: answer.transfer })
})

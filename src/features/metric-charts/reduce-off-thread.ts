/**
 * `reduceMinMax` in a Web Worker, so reducing a history of millions of points does not freeze the
 * page. Where there is no worker (node and jsdom tests), or the worker cannot start or fails, the
 * same reduction runs on the calling thread: the result is identical, only slower for the UI.
 */

import type { XY } from '@/domain/metrics/chart-series'
import { needsReduction, reduceMinMax } from '@/domain/metrics/reduce-series'
import type { ReduceReply, ReduceRequest } from './reduce-worker'

interface Pending {
  points: readonly XY[]
  buckets: number
  resolve: (points: XY[]) => void
  /** `performance.now()` when the request was posted. */
  start: number
}

/** One worker for the page, started on first use; `null` once it failed (no more tries). */
let worker: Worker | null | undefined
let nextId = 0
const pending = new Map<number, Pending>()

/**
 * The points `reduceMinMax(points, buckets)` returns, computed in a worker when the series needs
 * reducing at all. Never rejects. Concurrent calls are fine: each request carries an id.
 */
export function reduceOffThread(points: readonly XY[], buckets: number): Promise<XY[]> {
  // Short enough to come back unchanged: nothing worth a round trip.
  if (!needsReduction(points.length, buckets)) return Promise.resolve(reduceMinMax(points, buckets))
  const start = performance.now()
  const reducer = reduceWorker()
  if (reducer === null) return Promise.resolve(reduceHere(points, buckets, start))

  const xs = new Float64Array(points.length)
  const ys = new Float64Array(points.length)
  points.forEach((point, index) => {
    xs[index] = point.x
    ys[index] = point.y
  })
  const id = nextId++
  const request: ReduceRequest = { id, xs, ys, buckets }
  return new Promise((resolve) => {
    pending.set(id, { points, buckets, resolve, start })
    try {
      reducer.postMessage(request, [xs.buffer, ys.buffer])
    } catch {
      pending.delete(id)
      resolve(reduceHere(points, buckets, start))
    }
  })
}

function reduceWorker(): Worker | null {
  if (worker !== undefined) return worker
  if (typeof Worker === 'undefined') return (worker = null)
  try {
    // Vite bundles the worker from this exact expression; `import.meta.url` keeps the URL relative
    // to the built chunk, so it works under any base path (the build uses `base: './'`).
    const started = new Worker(new URL('./reduce-worker.ts', import.meta.url), { type: 'module' })
    started.addEventListener('message', (event: MessageEvent<unknown>) => {
      settle(event.data)
    })
    // A worker that cannot load (network, CSP) or throws outside a request: finish everything here.
    started.addEventListener('error', (event) => {
      event.preventDefault()
      giveUp(started)
    })
    started.addEventListener('messageerror', () => {
      giveUp(started)
    })
    return (worker = started)
  } catch {
    return (worker = null)
  }
}

function settle(data: unknown): void {
  if (!isReduceReply(data)) return
  const request = pending.get(data.id)
  if (request === undefined) return
  pending.delete(data.id)
  if ('error' in data) {
    request.resolve(reduceHere(request.points, request.buckets, request.start))
    return
  }
  const reduced = new Array<XY>(data.xs.length)
  for (let index = 0; index < reduced.length; index++) {
    reduced[index] = { x: data.xs[index] ?? NaN, y: data.ys[index] ?? NaN }
  }
  recordReduction(request.start, request.points.length, 'worker')
  request.resolve(reduced)
}

/** The fallback: the same reduction on this thread, recorded as such. */
function reduceHere(points: readonly XY[], buckets: number, start: number): XY[] {
  const reduced = reduceMinMax(points, buckets)
  recordReduction(start, points.length, 'main')
  return reduced
}

/**
 * A `runboard:reduce` measure on the page's timeline, from the request to its result: where it ran
 * (`thread`), and over how many points. `npm run bench:charts` reads these to check that the worker
 * does the work; the worker records its own compute time under the same name (not imported from
 * there: importing the worker module would run its message listener on this thread).
 */
function recordReduction(start: number, points: number, thread: 'worker' | 'main'): void {
  try {
    performance.measure('runboard:reduce', { start, end: performance.now(), detail: { points, thread } })
  } catch {
    // No User Timing Level 3 here: nothing to record.
  }
}

function giveUp(failed: Worker): void {
  failed.terminate()
  worker = null
  const requests = [...pending.values()]
  pending.clear()
  for (const { points, buckets, resolve, start } of requests) resolve(reduceHere(points, buckets, start))
}

function isReduceReply(data: unknown): data is ReduceReply {
  if (typeof data !== 'object' || data === null || !('id' in data) || typeof data.id !== 'number')
    return false
  if ('error' in data) return typeof data.error === 'string'
  return (
    'xs' in data &&
    data.xs instanceof Float64Array &&
    'ys' in data &&
    data.ys instanceof Float64Array &&
    data.xs.length === data.ys.length
  )
}

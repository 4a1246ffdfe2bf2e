import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { XY } from '@/domain/metrics/chart-series'
import { reduceMinMax } from '@/domain/metrics/reduce-series'

/**
 * A stand-in for the browser's Worker that runs the real worker module (`reduce-worker.ts`) in this
 * thread: messages cross by structured clone with transfer, as between real threads, and replies
 * are held until the test releases them, in the order it chooses.
 */
class WorkerScope extends EventTarget {
  replies: unknown[] = []
  postMessage(message: unknown, options?: StructuredSerializeOptions): void {
    this.replies.push(structuredClone(message, { transfer: [...(options?.transfer ?? [])] }))
  }
}

const scope = new WorkerScope()

class FakeWorker extends EventTarget {
  static started: { url: string; options: WorkerOptions | undefined }[] = []
  static live: FakeWorker | undefined
  terminated = false

  constructor(url: URL, options?: WorkerOptions) {
    super()
    FakeWorker.started.push({ url: url.href, options })
    FakeWorker.live = this
  }

  postMessage(message: unknown, transfer: Transferable[]): void {
    const data: unknown = structuredClone(message, { transfer })
    scope.dispatchEvent(new MessageEvent('message', { data }))
  }

  terminate(): void {
    this.terminated = true
  }

  /** Delivers the worker's replies so far, last first. */
  releaseRepliesReversed(): void {
    const replies = scope.replies.reverse()
    scope.replies = []
    for (const data of replies) this.dispatchEvent(new MessageEvent('message', { data }))
  }
}

/** A Worker that fails to load (as when blocked by a CSP or a 404). */
class BrokenWorker extends FakeWorker {
  override postMessage(): void {
    queueMicrotask(() => this.dispatchEvent(new Event('error', { cancelable: true })))
  }
}

class UnstartableWorker extends EventTarget {
  constructor() {
    super()
    throw new DOMException('blocked', 'SecurityError')
  }
}

beforeAll(async () => {
  vi.stubGlobal('self', scope)
  await import('./reduce-worker')
})

afterAll(() => {
  vi.unstubAllGlobals()
})

beforeEach(() => {
  // Each test gets a fresh module: no worker started yet, no requests pending.
  vi.resetModules()
  FakeWorker.started = []
  FakeWorker.live = undefined
  scope.replies = []
})

afterEach(() => {
  vi.stubGlobal('Worker', undefined)
})

async function loadReduceOffThread() {
  return (await import('./reduce-off-thread')).reduceOffThread
}

function history(n: number, spikeAt: number, spike: number): XY[] {
  return Array.from({ length: n }, (_, x) => ({ x, y: x === spikeAt ? spike : Math.cos(x / 300) }))
}

describe('reduceOffThread', () => {
  it('without Worker (node, jsdom): reduces on this thread, same result', async () => {
    const reduceOffThread = await loadReduceOffThread()
    const points = history(50_000, 31_337, NaN)
    expect(await reduceOffThread(points, 500)).toEqual(reduceMinMax(points, 500))
  })

  it('reduces in one module worker, answering concurrent requests by id whatever the reply order', async () => {
    vi.stubGlobal('Worker', FakeWorker)
    const reduceOffThread = await loadReduceOffThread()
    const inputs = [history(10_000, 5, 99), history(20_000, 19_000, -Infinity), history(30_000, 1, NaN)]
    const results = Promise.all(inputs.map((points) => reduceOffThread(points, 100)))
    FakeWorker.live?.releaseRepliesReversed()
    const reduced = await results
    reduced.forEach((points, index) => {
      expect(points).toEqual(reduceMinMax(inputs[index] ?? [], 100))
    })
    expect(FakeWorker.started).toHaveLength(1)
    expect(FakeWorker.started[0]?.url).toMatch(/\/reduce-worker\.ts$/)
    expect(FakeWorker.started[0]?.options).toEqual({ type: 'module' })
  })

  it('does not start a worker for a series too short to reduce', async () => {
    vi.stubGlobal('Worker', FakeWorker)
    const reduceOffThread = await loadReduceOffThread()
    const points = history(400, 3, 7)
    const reduced = await reduceOffThread(points, 100)
    expect(reduced).toEqual(points)
    expect(reduced).not.toBe(points)
    expect(FakeWorker.started).toHaveLength(0)
  })

  it('a worker that fails: pending requests finish on this thread, and later ones do not try again', async () => {
    vi.stubGlobal('Worker', BrokenWorker)
    const reduceOffThread = await loadReduceOffThread()
    const first = history(10_000, 123, 1e9)
    const second = history(12_000, 456, -1e9)
    expect(await Promise.all([reduceOffThread(first, 100), reduceOffThread(second, 100)])).toEqual([
      reduceMinMax(first, 100),
      reduceMinMax(second, 100),
    ])
    expect(FakeWorker.live?.terminated).toBe(true)
    expect(await reduceOffThread(first, 50)).toEqual(reduceMinMax(first, 50))
    expect(FakeWorker.started).toHaveLength(1)
  })

  it('a worker that cannot start: reduces on this thread', async () => {
    vi.stubGlobal('Worker', UnstartableWorker)
    const reduceOffThread = await loadReduceOffThread()
    const points = history(10_000, 9_999, Infinity)
    expect(await reduceOffThread(points, 100)).toEqual(reduceMinMax(points, 100))
  })

  it('an error reply: that request finishes on this thread', async () => {
    vi.stubGlobal('Worker', FakeWorker)
    const reduceOffThread = await loadReduceOffThread()
    const points = history(10_000, 42, 42)
    const result = reduceOffThread(points, 100)
    FakeWorker.live?.dispatchEvent(new MessageEvent('message', { data: { id: 0, error: 'RangeError' } }))
    expect(await result).toEqual(reduceMinMax(points, 100))
  })
})

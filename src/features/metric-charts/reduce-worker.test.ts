import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { reduceMinMaxArrays } from '@/domain/metrics/reduce-series'
import type * as ReduceWorker from './reduce-worker'

/** What the worker sees as `self`: a message target that records what it posts. */
class FakeWorkerScope extends EventTarget {
  readonly posted: { message: unknown; transfer: readonly Transferable[] }[] = []
  postMessage(message: unknown, options?: StructuredSerializeOptions): void {
    this.posted.push({ message, transfer: options?.transfer ?? [] })
  }
}

const scope = new FakeWorkerScope()
let answerReduceRequest: typeof ReduceWorker.answerReduceRequest

beforeAll(async () => {
  vi.stubGlobal('self', scope)
  ;({ answerReduceRequest } = await import('./reduce-worker'))
})

afterAll(() => {
  vi.unstubAllGlobals()
})

function longColumns(n: number): { xs: Float64Array; ys: Float64Array } {
  const xs = new Float64Array(n)
  const ys = new Float64Array(n)
  for (let index = 0; index < n; index++) {
    xs[index] = index
    ys[index] = index === 777 ? 1e6 : Math.sin(index / 100)
  }
  return { xs, ys }
}

describe('reduce worker', () => {
  it('answers a request on its message event with the reduced columns, transferring their buffers', () => {
    const { xs, ys } = longColumns(10_000)
    scope.dispatchEvent(new MessageEvent('message', { data: { id: 7, xs, ys, buckets: 100 } }))
    expect(scope.posted).toHaveLength(1)
    const { message, transfer } = scope.posted[0] ?? { message: undefined, transfer: [] }
    const expected = reduceMinMaxArrays(xs, ys, 100)
    expect(message).toEqual({ id: 7, xs: expected.xs, ys: expected.ys })
    const reply = message as { xs: Float64Array; ys: Float64Array }
    expect(transfer).toEqual([reply.xs.buffer, reply.ys.buffer])
    expect(Array.from(reply.ys)).toContain(1e6)
  })

  it.each<[string, unknown]>([
    ['null', null],
    ['a string', 'reduce'],
    ['no id', { xs: new Float64Array(1), ys: new Float64Array(1), buckets: 1 }],
    ['plain arrays', { id: 1, xs: [1], ys: [1], buckets: 1 }],
    ['no buckets', { id: 1, xs: new Float64Array(1), ys: new Float64Array(1) }],
  ])('ignores a message that is no request: %s', (_, data) => {
    expect(answerReduceRequest(data)).toBeUndefined()
  })

  it('a short series comes back whole', () => {
    const answer = answerReduceRequest({
      id: 1,
      xs: Float64Array.of(1, 2),
      ys: Float64Array.of(NaN, 3),
      buckets: 10,
    })
    expect(answer?.reply).toEqual({ id: 1, xs: Float64Array.of(1, 2), ys: Float64Array.of(NaN, 3) })
  })
})

import { describe, expect, it, vi } from 'vitest'
import { runBulk } from './bulk'

/** A promise the test settles by hand. */
function deferred() {
  let resolve = () => {}
  let reject: (error: unknown) => void = () => {}
  const promise = new Promise<void>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

/** Lets other tasks run, as a real request would: a microtask, not a timer. */
const yieldOnce = () => Promise.resolve()

describe('runBulk', () => {
  it('runs every item and reports them in order', async () => {
    const seen: number[] = []
    const result = await runBulk([1, 2, 3, 4, 5], async (item) => {
      await yieldOnce()
      seen.push(item)
    })
    expect(result).toEqual({ succeeded: [1, 2, 3, 4, 5], failed: [] })
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5])
  })

  it('runs at most `concurrency` tasks at once, 4 by default', async () => {
    for (const [concurrency, expected] of [
      [undefined, 4],
      [2, 2],
      [1, 1],
      [50, 10],
    ] as const) {
      let running = 0
      let peak = 0
      await runBulk(
        Array.from({ length: 10 }, (_, i) => i),
        async () => {
          running++
          peak = Math.max(peak, running)
          await yieldOnce()
          running--
        },
        { concurrency },
      )
      expect(peak).toBe(expected)
    }
  })

  it('starts the next task as soon as one finishes, not in batches', async () => {
    const gates = Array.from({ length: 3 }, deferred)
    const started: number[] = []
    const done = runBulk(
      [0, 1, 2],
      (item) => {
        started.push(item)
        return gates[item]?.promise ?? Promise.resolve()
      },
      { concurrency: 2 },
    )
    await vi.waitFor(() => {
      expect(started).toEqual([0, 1])
    })
    gates[1]?.resolve()
    await vi.waitFor(() => {
      expect(started).toEqual([0, 1, 2])
    })
    gates[0]?.resolve()
    gates[2]?.resolve()
    expect((await done).succeeded).toEqual([0, 1, 2])
  })

  it('keeps going after failures and reports each error with its item', async () => {
    const boom = new Error('boom')
    const result = await runBulk(['a', 'b', 'c', 'd'], async (item) => {
      await yieldOnce()
      if (item === 'b') throw boom
      // A task that throws before its first await is a failure too.
      if (item === 'd') throw new Error('sync')
    })
    expect(result.succeeded).toEqual(['a', 'c'])
    expect(result.failed).toEqual([
      { item: 'b', error: boom },
      { item: 'd', error: new Error('sync') },
    ])
  })

  it('catches a task that throws synchronously', async () => {
    const result = await runBulk([1], () => {
      throw new Error('not even a promise')
    })
    expect(result.failed.map((failure) => failure.item)).toEqual([1])
  })

  it('reports progress after each settled task, failures included', async () => {
    const progress: [number, number][] = []
    await runBulk(
      [1, 2, 3],
      async (item) => {
        await yieldOnce()
        if (item === 2) throw new Error('no')
      },
      {
        onProgress: (done, total) => {
          progress.push([done, total])
        },
      },
    )
    expect(progress).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ])
  })

  it('stops starting tasks when aborted, passes the signal on, and reports the rest as failed', async () => {
    const controller = new AbortController()
    const gates = Array.from({ length: 6 }, deferred)
    const started: number[] = []
    const signals: AbortSignal[] = []
    const done = runBulk(
      [0, 1, 2, 3, 4, 5],
      (item, signal) => {
        started.push(item)
        signals.push(signal)
        return gates[item]?.promise ?? Promise.resolve()
      },
      { concurrency: 2, signal: controller.signal },
    )
    await vi.waitFor(() => {
      expect(started).toEqual([0, 1])
    })
    gates[0]?.resolve()
    await vi.waitFor(() => {
      expect(started).toEqual([0, 1, 2])
    })
    controller.abort(new Error('stopped'))
    expect(signals.every((signal) => signal === controller.signal)).toBe(true)
    // The running tasks settle their own way: one finishes, one gives up.
    gates[1]?.resolve()
    gates[2]?.reject(new Error('cancelled'))
    const result = await done
    expect(started).toEqual([0, 1, 2])
    expect(result.succeeded).toEqual([0, 1])
    expect(result.failed).toEqual([
      { item: 2, error: new Error('cancelled') },
      { item: 3, error: new Error('stopped') },
      { item: 4, error: new Error('stopped') },
      { item: 5, error: new Error('stopped') },
    ])
  })

  it('starts nothing when the signal has already fired', async () => {
    let calls = 0
    const result = await runBulk(
      ['x', 'y'],
      async () => {
        calls++
        await yieldOnce()
      },
      { signal: AbortSignal.abort() },
    )
    expect(calls).toBe(0)
    expect(result.succeeded).toEqual([])
    expect(result.failed.map((failure) => failure.item)).toEqual(['x', 'y'])
  })

  it('handles no items', async () => {
    let progressCalls = 0
    const result = await runBulk([], () => Promise.resolve(), {
      onProgress: () => {
        progressCalls++
      },
    })
    expect(result).toEqual({ succeeded: [], failed: [] })
    expect(progressCalls).toBe(0)
  })

  it('rejects a concurrency below 1', async () => {
    await expect(runBulk([1], () => Promise.resolve(), { concurrency: 0 })).rejects.toThrow(RangeError)
    await expect(runBulk([1], () => Promise.resolve(), { concurrency: Number.NaN })).rejects.toThrow(
      RangeError,
    )
  })
})

/**
 * Many independent writes (delete 40 runs, tag 40 runs): MLflow has no batch endpoint for them, so
 * they go one request per item, a few at a time, and one failure does not stop the others.
 */

export interface BulkResult<T> {
  /** In the order of the items given. */
  succeeded: T[]
  /**
   * In the order of the items given. Items that were never started because the signal fired are here
   * too, with the signal's reason as their error: `succeeded` and `failed` together hold every item.
   */
  failed: { item: T; error: unknown }[]
}

export interface BulkOptions {
  /** How many tasks run at once; default 4. */
  concurrency?: number
  /** When it fires, no further task starts; running tasks get it and may stop early. */
  signal?: AbortSignal
  /** After each task settles (succeeded or failed). */
  onProgress?: (done: number, total: number) => void
}

export const DEFAULT_BULK_CONCURRENCY = 4

type Outcome = { ok: true } | { ok: false; error: unknown }

/** Runs `task` on every item, at most `concurrency` at a time; never rejects because a task did. */
export async function runBulk<T>(
  items: readonly T[],
  task: (item: T, signal: AbortSignal) => Promise<void>,
  options: BulkOptions = {},
): Promise<BulkResult<T>> {
  const concurrency = options.concurrency ?? DEFAULT_BULK_CONCURRENCY
  if (!(concurrency >= 1)) throw new RangeError(`concurrency must be at least 1, got ${concurrency}`)
  const signal = options.signal ?? new AbortController().signal
  const total = items.length
  const outcomes: (Outcome | undefined)[] = new Array<Outcome | undefined>(total).fill(undefined)
  // One iterator shared by the workers: each takes the next item when it is free.
  const queue = items.entries()
  let done = 0

  const worker = async (): Promise<void> => {
    while (!signal.aborted) {
      const entry = queue.next()
      if (entry.done === true) return
      const [index, item] = entry.value
      let outcome: Outcome
      try {
        await task(item, signal)
        outcome = { ok: true }
      } catch (error) {
        outcome = { ok: false, error }
      }
      outcomes[index] = outcome
      done++
      options.onProgress?.(done, total)
    }
  }

  const workers = Math.min(Math.floor(concurrency), total)
  await Promise.all(Array.from({ length: workers }, worker))

  const result: BulkResult<T> = { succeeded: [], failed: [] }
  items.forEach((item, index) => {
    const outcome = outcomes[index]
    if (outcome === undefined) result.failed.push({ item, error: notStarted(signal) })
    else if (outcome.ok) result.succeeded.push(item)
    else result.failed.push({ item, error: outcome.error })
  })
  return result
}

function notStarted(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted before it started', 'AbortError')
}

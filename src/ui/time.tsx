import { useSyncExternalStore } from 'react'
import { formatDateTime, formatRelativeTime } from '@/domain/format/format-time'

/** One clock for every relative time on the page, ticking each half minute so "5 minutes ago" stays true. */
const TICK_MS = 30_000
let now = Date.now()
const listeners = new Set<() => void>()
let timer: number | undefined

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  if (timer === undefined) {
    timer = window.setInterval(() => {
      now = Date.now()
      for (const notify of listeners) notify()
    }, TICK_MS)
  }
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0 && timer !== undefined) {
      window.clearInterval(timer)
      timer = undefined
    }
  }
}

export function useNow(): number {
  return useSyncExternalStore(
    subscribe,
    () => now,
    () => now,
  )
}

/** A time shown relative to now, with the exact time on hover and for screen readers. */
export function Time({ epochMs }: { epochMs: number | undefined }) {
  const current = useNow()
  if (epochMs === undefined) return <span className="muted">—</span>
  return (
    <time dateTime={new Date(epochMs).toISOString()} title={formatDateTime(epochMs)}>
      {formatRelativeTime(epochMs, current)}
    </time>
  )
}

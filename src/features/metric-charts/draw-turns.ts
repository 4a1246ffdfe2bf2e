import { useEffect, useState } from 'react'

/**
 * Charts whose data is ready take turns to draw, one per animation frame. A chart costs 50–150 ms
 * to draw; when several get their data at once, drawing them in one task would hold the first lines
 * back until the last chart is done and freeze scrolling meanwhile. In turns, the first chart shows
 * after its own draw and the page stays responsive between charts.
 */
const waiting: (() => void)[] = []
let scheduled = false

/**
 * While the page scrolls, no chart draws: a draw takes several frames' time, and scrolling must stay
 * smooth. Charts scrolled past draw once the scrolling pauses for this long.
 */
const SCROLL_QUIET_MS = 120
let lastScroll = Number.NEGATIVE_INFINITY
let listening = false

function listenForScrolls(): void {
  if (listening || typeof window === 'undefined') return
  listening = true
  window.addEventListener(
    'scroll',
    () => {
      lastScroll = performance.now()
    },
    { capture: true, passive: true },
  )
}

function grantNext(now: number): void {
  scheduled = false
  if (now - lastScroll >= SCROLL_QUIET_MS) waiting.shift()?.()
  if (waiting.length > 0) schedule()
}

function schedule(): void {
  if (scheduled) return
  scheduled = true
  listenForScrolls()
  requestAnimationFrame(grantNext)
}

/** False until this chart's turn has come (at once where there are no animation frames, as in tests). */
export function useDrawTurn(ready: boolean): boolean {
  const [granted, setGranted] = useState(typeof requestAnimationFrame === 'undefined')
  useEffect(() => {
    if (!ready || granted) return
    const grant = () => {
      setGranted(true)
    }
    waiting.push(grant)
    schedule()
    return () => {
      const index = waiting.indexOf(grant)
      if (index >= 0) waiting.splice(index, 1)
    }
  }, [ready, granted])
  return granted
}

/**
 * True from the frame after `drawn` first became true: work that must not delay the first lines
 * (fetching full histories) starts then.
 */
export function useAfterFirstDraw(drawn: boolean): boolean {
  const [after, setAfter] = useState(false)
  useEffect(() => {
    if (!drawn || after) return
    if (typeof requestAnimationFrame === 'undefined') {
      const timer = setTimeout(() => {
        setAfter(true)
      })
      return () => {
        clearTimeout(timer)
      }
    }
    const frame = requestAnimationFrame(() => {
      setAfter(true)
    })
    return () => {
      cancelAnimationFrame(frame)
    }
  }, [drawn, after])
  return after
}

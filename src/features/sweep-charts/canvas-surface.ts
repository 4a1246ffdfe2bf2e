/**
 * What the canvas sweep charts share: a canvas sized for the device pixel ratio, the theme's colours
 * read from the CSS variables (so dark mode repaints in its own colours), the container's width, and
 * a version that changes when the theme does.
 */

import { useEffect, useMemo, useRef, useState, type RefObject } from 'react'

/**
 * Sizes the canvas' backing store to `width`×`height` CSS pixels at the device pixel ratio, clears
 * it, and returns its context scaled so that drawing happens in CSS pixels; null where there is no
 * 2D canvas (jsdom).
 */
export function prepareCanvas(
  canvas: HTMLCanvasElement | null,
  width: number,
  height: number,
): CanvasRenderingContext2D | null {
  if (canvas === null || width <= 0 || height <= 0) return null
  const ratio = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1
  const pixelWidth = Math.round(width * ratio)
  const pixelHeight = Math.round(height * ratio)
  if (canvas.width !== pixelWidth) canvas.width = pixelWidth
  if (canvas.height !== pixelHeight) canvas.height = pixelHeight
  canvas.style.width = `${width}px`
  canvas.style.height = `${height}px`
  const context = canvas.getContext('2d')
  if (context === null) return null
  context.setTransform(ratio, 0, 0, ratio, 0, 0)
  context.clearRect(0, 0, width, height)
  return context
}

export interface ChartColors {
  text: string
  muted: string
  border: string
  surface: string
  accent: string
  grid: string
}

const FALLBACK_COLORS: ChartColors = {
  text: '#1b1f24',
  muted: '#5b6472',
  border: '#d9dee5',
  surface: '#ffffff',
  accent: '#1f6feb',
  grid: '#e3e7ed',
}

const VARIABLES: Readonly<Record<keyof ChartColors, string>> = {
  text: '--text',
  muted: '--muted',
  border: '--border',
  surface: '--surface',
  accent: '--accent',
  grid: '--sweep-grid',
}

/**
 * The theme's colours as the canvas needs them (resolved `rgb(...)`: a custom property holds
 * `light-dark(...)` unresolved, so each is read through a probe element's computed `color`).
 */
export function readChartColors(element: HTMLElement | null): ChartColors {
  if (element === null || typeof getComputedStyle === 'undefined') return FALLBACK_COLORS
  const probe = document.createElement('span')
  probe.style.display = 'none'
  element.appendChild(probe)
  const colors = { ...FALLBACK_COLORS }
  for (const key of Object.keys(VARIABLES)) {
    if (!isColorKey(key)) continue
    probe.style.color = `var(${VARIABLES[key]}, ${FALLBACK_COLORS[key]})`
    const color = getComputedStyle(probe).color
    if (color !== '' && !color.includes('var(')) colors[key] = color
  }
  probe.remove()
  return colors
}

function isColorKey(key: string): key is keyof ChartColors {
  return key in VARIABLES
}

export interface BoxOrigin {
  /** The element's top left in client coordinates, measured once per hover (layout is not forced per move). */
  origin: () => { left: number; top: number }
  /** Measure again next time (the pointer entered or left; the page scrolled or resized). */
  forget: () => void
}

/**
 * The element's position for pointer maths. `getBoundingClientRect` on every pointer move forces a
 * layout of the whole page after each re-render the hover caused, which cost most of a frame on the
 * experiment page; the position only changes when the page scrolls or resizes.
 */
export function useBoxOrigin(ref: RefObject<HTMLElement | null>): BoxOrigin {
  const cache = useRef<{ left: number; top: number } | undefined>(undefined)
  useEffect(() => {
    const forget = () => {
      cache.current = undefined
    }
    window.addEventListener('scroll', forget, { capture: true, passive: true })
    window.addEventListener('resize', forget)
    return () => {
      window.removeEventListener('scroll', forget, { capture: true })
      window.removeEventListener('resize', forget)
    }
  }, [])
  return useMemo(
    () => ({
      origin: () => {
        if (cache.current === undefined) {
          const rect = ref.current?.getBoundingClientRect()
          cache.current = { left: rect?.left ?? 0, top: rect?.top ?? 0 }
        }
        return cache.current
      },
      forget: () => {
        cache.current = undefined
      },
    }),
    [ref],
  )
}

/** A number that changes when the theme does (the toggle's `data-theme`, or the OS preference). */
export function useThemeVersion(): number {
  const [version, setVersion] = useState(0)
  useEffect(() => {
    const bump = () => {
      setVersion((current) => current + 1)
    }
    const observer = new MutationObserver(bump)
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] })
    const query =
      typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : undefined
    query?.addEventListener('change', bump)
    return () => {
      observer.disconnect()
      query?.removeEventListener('change', bump)
    }
  }, [])
  return version
}

/** `performance.now()`, where there is a clock. */
export function now(): number {
  return typeof performance === 'undefined' ? Date.now() : performance.now()
}

/**
 * A User Timing measure per paint, from `start` (when the layout began, for a new layout; when the
 * paint began, for a repaint) to now, with how many marks it drew: the bench reads them.
 */
export function measureDraw(name: string, start: number, marks: number): void {
  if (typeof performance === 'undefined' || typeof performance.measure !== 'function') return
  try {
    performance.measure(name, { start, end: performance.now(), detail: { marks } })
  } catch {
    // An old engine without measure options: the figures are only for the bench.
  }
}

/** Colours grouped so that each is one path: `indices` of the items drawn in it. */
export function groupByColor(
  colors: readonly string[],
  include?: (index: number) => boolean,
): Map<string, number[]> {
  const groups = new Map<string, number[]>()
  for (let index = 0; index < colors.length; index++) {
    if (include !== undefined && !include(index)) continue
    const color = colors[index] ?? ''
    let group = groups.get(color)
    if (group === undefined) {
      group = []
      groups.set(color, group)
    }
    group.push(index)
  }
  return groups
}

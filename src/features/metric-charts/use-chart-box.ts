import { useEffect, useState, type RefObject } from 'react'
import { useElementWidth } from '@/ui/use-element-width'

/** Charts start fetching and drawing this far before they scroll into view. */
const PRELOAD_MARGIN = '300px 0px'

/**
 * The width of a chart's box, and whether it has come near the viewport yet. A chart is drawn once
 * it has been seen and stays drawn; until then it is an empty box of the same size, so a page of 30
 * charts draws only the few on screen. Without IntersectionObserver (tests), every chart is seen.
 */
export function useChartBox(ref: RefObject<HTMLElement | null>): { width: number; seen: boolean } {
  const width = useElementWidth(ref)
  const [seen, setSeen] = useState(typeof IntersectionObserver === 'undefined')

  useEffect(() => {
    const element = ref.current
    if (element === null || seen || typeof IntersectionObserver === 'undefined') return
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setSeen(true)
          observer.disconnect()
        }
      },
      { rootMargin: PRELOAD_MARGIN },
    )
    observer.observe(element)
    return () => {
      observer.disconnect()
    }
  }, [ref, seen])

  return { width, seen }
}

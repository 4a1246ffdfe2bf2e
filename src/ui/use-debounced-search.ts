import { useEffect, useState } from 'react'

const SEARCH_DEBOUNCE_MS = 250

/**
 * A search box's text that follows the URL and writes back to it after a pause in typing: the box
 * follows the URL when it changes from elsewhere (back button, a pasted link), but not when the URL
 * only catches up with what is being typed. `commit` must be stable or cheap to call again.
 */
export function useDebouncedSearch(urlValue: string, commit: (text: string) => void) {
  const [search, setSearch] = useState(urlValue)
  const [seen, setSeen] = useState(urlValue)
  const [sent, setSent] = useState(urlValue)
  if (urlValue !== seen) {
    setSeen(urlValue)
    if (urlValue !== sent) {
      setSent(urlValue)
      setSearch(urlValue)
    }
  }
  useEffect(() => {
    if (search === urlValue) return
    const timer = window.setTimeout(() => {
      setSent(search)
      commit(search)
    }, SEARCH_DEBOUNCE_MS)
    return () => {
      window.clearTimeout(timer)
    }
  }, [search, urlValue, commit])
  return [search, setSearch] as const
}

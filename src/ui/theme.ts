import { useCallback, useSyncExternalStore } from 'react'

/**
 * Light, dark, or whatever the OS prefers. The choice is a personal preference, not view state, so
 * it lives in localStorage rather than the URL; `data-theme` on <html> drives the CSS variables.
 */
export type ThemePreference = 'system' | 'light' | 'dark'

const STORAGE_KEY = 'runboard.theme'
const listeners = new Set<() => void>()

function readPreference(): ThemePreference {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY)
    return stored === 'light' || stored === 'dark' ? stored : 'system'
  } catch {
    return 'system'
  }
}

export function applyTheme(preference: ThemePreference = readPreference()): void {
  const root = document.documentElement
  if (preference === 'system') delete root.dataset.theme
  else root.dataset.theme = preference
}

function setPreference(preference: ThemePreference): void {
  try {
    if (preference === 'system') window.localStorage.removeItem(STORAGE_KEY)
    else window.localStorage.setItem(STORAGE_KEY, preference)
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
  applyTheme(preference)
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useThemePreference(): [ThemePreference, (next: ThemePreference) => void] {
  const preference = useSyncExternalStore(subscribe, readPreference, () => 'system' as const)
  return [
    preference,
    useCallback((next: ThemePreference) => {
      setPreference(next)
    }, []),
  ]
}

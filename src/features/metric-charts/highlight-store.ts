import { createContext, useContext, useSyncExternalStore } from 'react'

/**
 * Which line the pointer is on (a run id, or a group key), shared by every chart and the legend.
 * It changes on mouse moves, so it lives outside React state: only the few components that show it
 * subscribe, and the charts' SVG never re-renders for it (a generated style rule dims the others).
 */
export interface HighlightStore {
  get: () => string | undefined
  set: (id: string | undefined) => void
  subscribe: (listener: () => void) => () => void
}

export function createHighlightStore(): HighlightStore {
  let current: string | undefined
  const listeners = new Set<() => void>()
  return {
    get: () => current,
    set: (id) => {
      if (id === current) return
      current = id
      for (const listener of listeners) listener()
    },
    subscribe: (listener) => {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
  }
}

export const HighlightContext = createContext<HighlightStore>(createHighlightStore())

export function useHighlighted(): string | undefined {
  const store = useContext(HighlightContext)
  return useSyncExternalStore(store.subscribe, store.get)
}

export function useSetHighlight(): (id: string | undefined) => void {
  return useContext(HighlightContext).set
}

import { createContext, useContext } from 'react'
import type { RuntimeConfig } from './runtime-config'

export const RuntimeConfigContext = createContext<RuntimeConfig>({
  mode: 'proxy',
  trackingUri: undefined,
  scenario: undefined,
  basePath: '/',
  version: undefined,
})

export function useRuntimeConfig(): RuntimeConfig {
  return useContext(RuntimeConfigContext)
}

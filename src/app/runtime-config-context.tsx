import { createContext, useContext } from 'react'
import type { RuntimeConfig } from './runtime-config'

export const RuntimeConfigContext = createContext<RuntimeConfig>({
  mode: 'proxy',
  trackingUri: undefined,
  scenario: undefined,
  basePath: '/',
  version: undefined,
  artifactFrames: false,
})

export function useRuntimeConfig(): RuntimeConfig {
  return useContext(RuntimeConfigContext)
}

/** The workspace the app shows (from the URL), or undefined for the server's default. */
export const WorkspaceContext = createContext<string | undefined>(undefined)

export function useWorkspace(): string | undefined {
  return useContext(WorkspaceContext)
}

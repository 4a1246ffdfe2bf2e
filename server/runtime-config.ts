/**
 * `GET <base>/runboard-config.json`: what the app needs to know about the server it runs behind
 * (data source for the header, base path), decided at start-up rather than at build time so that
 * one build serves every deployment. Never carries credentials.
 */

import type { ServerResponse } from 'node:http'
import { sendJson } from './http-messages'
import { displayedTrackingUri, type RunboardConfig } from './options'

export interface RuntimeConfig {
  mode: 'demo' | 'proxy' | 'local-store'
  /** Without credentials; the store URI in local-store mode; `demo:<scenario>` in demo mode. */
  trackingUri: string
  scenario?: string
  basePath: string
  version: string
  /** The server answers `artifact-frame` (interactive HTML previews under their own policy). */
  artifactFrames: boolean
}

export const RUNTIME_CONFIG_PATH = 'runboard-config.json'

export function runtimeConfigOf(config: RunboardConfig, version: string): RuntimeConfig {
  return {
    mode: config.mode.kind,
    trackingUri: displayedTrackingUri(config.mode),
    ...(config.mode.kind === 'demo' ? { scenario: config.mode.scenario } : {}),
    basePath: config.basePath,
    version,
    artifactFrames: true,
  }
}

export function sendRuntimeConfig(response: ServerResponse, runtime: RuntimeConfig): void {
  sendJson(response, 200, runtime)
}

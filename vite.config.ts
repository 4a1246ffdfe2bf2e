/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

const alias = {
  '@': fileURLToPath(new URL('./src', import.meta.url)),
  '@mocks': fileURLToPath(new URL('./mocks', import.meta.url)),
}

/**
 * `npm run dev` proxies MLflow's routes to the tracking server in MLFLOW_TRACKING_URI (as `npm start`
 * does), so the app always calls its own origin. In mock mode (`npm run dev:mock`) the MSW worker
 * answers instead and nothing is proxied.
 */
const trackingUri = process.env.MLFLOW_TRACKING_URI ?? 'http://127.0.0.1:5000'
const MLFLOW_ROUTES = [
  '/api',
  '/ajax-api',
  '/get-artifact',
  '/model-versions/get-artifact',
  '/version',
  '/health',
]

export default defineConfig(({ mode }) => ({
  // Relative asset URLs: one build serves under any base path; the server sets <base href>.
  base: './',
  plugins: [react()],
  resolve: { alias },
  // The metric reduction worker is loaded as a module worker: build it as one.
  worker: { format: 'es' },
  server: {
    proxy:
      mode === 'mock'
        ? {}
        : Object.fromEntries(
            MLFLOW_ROUTES.map((route) => [
              route,
              {
                target: trackingUri,
                changeOrigin: true,
                // MLflow's security middleware blocks writes whose Origin is not its own (contract §13).
                headers: { origin: trackingUri },
              },
            ]),
          ),
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.ts', 'mocks/**/*.test.ts', 'server/**/*.test.ts', 'scripts/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['src/**/*.test.tsx'],
          setupFiles: ['src/testing/setup-dom.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'contract',
          environment: 'node',
          include: ['contract/**/*.test.ts'],
          globalSetup: ['contract/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
}))

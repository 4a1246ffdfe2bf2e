import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app'
import { loadRuntimeConfig } from './app/runtime-config'
import { applyTheme } from './ui/theme'
import './app/styles.css'

/**
 * Only `npm run dev:mock` and the static demo build start the MSW worker; the dynamic import keeps
 * MSW and the mock world out of the production bundle.
 */
async function enableMocking(): Promise<void> {
  if (import.meta.env.VITE_MOCK !== '1') return
  const { createMockWorker } = await import('../mocks/browser')
  const scenario = new URLSearchParams(window.location.search).get('scenario') ?? 'demo'
  await createMockWorker(scenario).start({ onUnhandledRequest: 'bypass', quiet: true })
}

applyTheme()
void Promise.all([enableMocking(), loadRuntimeConfig()]).then(([, config]) => {
  const root = document.getElementById('root')
  if (root) {
    createRoot(root).render(
      <StrictMode>
        <App config={config} />
      </StrictMode>,
    )
  }
})

import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

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

void enableMocking().then(() => {
  const root = document.getElementById('root')
  if (root) {
    createRoot(root).render(
      <StrictMode>
        <main>
          <h1>Runboard</h1>
        </main>
      </StrictMode>,
    )
  }
})

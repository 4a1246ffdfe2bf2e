import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMockServer } from '@mocks/node'
import { renderRoute } from '@/testing/render-route'

const mock = createMockServer('demo')
beforeAll(() => {
  mock.server.listen({ onUnhandledRequest: 'error' })
})
afterAll(() => {
  mock.server.close()
})

describe('run page', () => {
  it('shows the run and, behind a proxied tracking server, links to it in MLflow’s own UI', async () => {
    const runId = mock.store.runIdOf('mnist-edge-values') ?? ''
    renderRoute(`/experiments/1/runs/${runId}`, { mode: 'proxy', trackingUri: 'https://mlflow.internal/' })
    expect(await screen.findByRole('heading', { name: 'mnist-edge-values' })).toBeTruthy()
    const link = screen.getByRole('link', { name: "Open in MLflow's UI (traces, evaluations)" })
    expect(link.getAttribute('href')).toBe(`https://mlflow.internal/#/experiments/1/runs/${runId}`)
    expect(screen.getByRole('row', { name: /diverged_loss/ }).textContent).toContain('NaN')
  })

  it('charts every metric of the run on its Metrics tab, with the settings in the URL', async () => {
    await import('@/features/metric-charts/metric-charts')
    const user = userEvent.setup()
    const { router } = renderRoute(`/experiments/1/runs/${mock.store.runIdOf('mnist-cnn-1') ?? ''}/metrics`)
    for (const metric of ['accuracy', 'loss', 'val_accuracy', 'val_loss']) {
      const chart = await screen.findByRole('region', { name: `Chart ${metric}` })
      await within(chart).findByText(/^all [\d,]+ points$/)
    }
    await user.click(screen.getByRole('checkbox', { name: 'Log scale' }))
    await waitFor(() => {
      expect(router.state.location.search).toBe('?y=log')
    })
  })

  it('has no such link on demo data', async () => {
    renderRoute(`/experiments/1/runs/${mock.store.runIdOf('mnist-cnn-1') ?? ''}`)
    expect(await screen.findByRole('heading', { name: 'mnist-cnn-1' })).toBeTruthy()
    expect(screen.queryByRole('link', { name: /Open in MLflow/ })).toBeNull()
  })
})

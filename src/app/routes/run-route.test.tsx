import { screen } from '@testing-library/react'
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

  it('has no such link on demo data', async () => {
    renderRoute(`/experiments/1/runs/${mock.store.runIdOf('mnist-cnn-1') ?? ''}`)
    expect(await screen.findByRole('heading', { name: 'mnist-cnn-1' })).toBeTruthy()
    expect(screen.queryByRole('link', { name: /Open in MLflow/ })).toBeNull()
  })
})

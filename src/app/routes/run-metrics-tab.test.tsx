import { screen, waitFor } from '@testing-library/react'
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

describe('run page: Metrics tab', () => {
  it(
    'narrows the charts to metric names matching a search, kept in the URL',
    { timeout: 30_000 },
    async () => {
      await import('@/features/metric-charts/metric-charts')
      const user = userEvent.setup()
      const runId = mock.store.runIdOf('mnist-cnn-1') ?? ''
      const { router } = renderRoute(`/experiments/1/runs/${runId}/metrics`)
      // The charts code loads lazily: slow on a busy machine.
      await screen.findByRole('region', { name: 'Chart loss' }, { timeout: 10_000 })
      await user.type(screen.getByRole('searchbox', { name: 'Find charts by metric name' }), 'VAL')
      await waitFor(
        () => {
          expect(screen.queryByRole('region', { name: 'Chart loss' })).toBeNull()
        },
        { timeout: 5000 },
      )
      expect(screen.getByRole('region', { name: 'Chart val_loss' })).toBeTruthy()
      expect(screen.getByRole('region', { name: 'Chart val_accuracy' })).toBeTruthy()
      expect(screen.queryByRole('region', { name: 'Chart accuracy' })).toBeNull()
      expect(new URLSearchParams(router.state.location.search).get('find')).toBe('VAL')
      expect(screen.getByText('2 matching')).toBeTruthy()

      await user.clear(screen.getByRole('searchbox', { name: 'Find charts by metric name' }))
      await user.type(screen.getByRole('searchbox', { name: 'Find charts by metric name' }), 'nothing')
      expect(await screen.findByText('No metric matches “nothing”.')).toBeTruthy()
    },
  )
})

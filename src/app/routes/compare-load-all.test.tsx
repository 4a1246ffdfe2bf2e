import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMockServer } from '@mocks/node'
import { CHARTS_BENCH_LONG, chartsBenchLongRunName } from '@mocks/world/charts-bench-world'
import { renderRoute } from '@/testing/render-route'

// Three 100,000-step histories: 300,000 points, past the 200,000-point budget of a chart.
const mock = createMockServer('charts-bench')
beforeAll(async () => {
  mock.server.listen({ onUnhandledRequest: 'error' })
  await import('@/features/metric-charts/metric-charts')
})
afterAll(() => {
  mock.server.close()
})

describe('compare page: a chart past the full-history budget', () => {
  it('stays labelled sampled and offers to load every point, then draws them all', async () => {
    const user = userEvent.setup()
    const ids = [0, 1, 2].map((index) => mock.store.runIdOf(chartsBenchLongRunName(index)) ?? '')
    renderRoute(`/compare?runs=${ids.join(',')}&metrics=${CHARTS_BENCH_LONG.metricKey}`)
    const chart = await screen.findByRole('region', { name: `Chart ${CHARTS_BENCH_LONG.metricKey}` })
    const loadAll = await within(chart).findByRole('button', { name: 'Load all points (~300,000)' })
    expect(within(chart).getByText('sampled')).toBeTruthy()
    await user.click(loadAll)
    await within(chart).findByText('all 300,000 points', undefined, { timeout: 30_000 })
    expect(within(chart).queryByRole('button', { name: /Load all points/ })).toBeNull()
  }, 40_000)
})

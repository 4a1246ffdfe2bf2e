import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http } from 'msw'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createMockServer } from '@mocks/node'
import { mlflowError } from '@mocks/handlers/protocol'
import { LONG_HISTORY } from '@mocks/world/contract-world'
import { renderRoute } from '@/testing/render-route'

const mock = createMockServer('contract')
beforeAll(async () => {
  mock.server.listen({ onUnhandledRequest: 'error' })
  // The charts are a lazy chunk; load it once so the first test waits for data, not for the import.
  await import('@/features/metric-charts/metric-charts')
})
afterEach(() => {
  mock.server.resetHandlers()
})
afterAll(() => {
  mock.server.close()
})

const id = (name: string) => mock.store.runIdOf(name) ?? name
const seeds = ['lr-0.01-seed-0', 'lr-0.01-seed-1', 'lr-0.001-seed-0'].map(id).join(',')

describe('compare page: metric charts', () => {
  it('draws one chart per metric, says every point is drawn, and reads values at a step', async () => {
    renderRoute(`/compare?runs=${seeds}`)
    const chart = await screen.findByRole('region', { name: 'Chart loss' })
    expect(screen.getByRole('region', { name: 'Chart val_accuracy' })).toBeTruthy()
    // Short histories come back whole from the sampled endpoint: no "sampled" label.
    await within(chart).findByText(/^all [\d,]+ points$/)
    const plot = await within(chart).findByRole('img', { name: /loss chart/ })
    plot.focus()
    fireEvent.keyDown(plot, { key: 'ArrowRight' })
    const tooltip = await within(chart).findByRole('status')
    expect(within(tooltip).getByText(/^step \d+/)).toBeTruthy()
    // Every run that logged at that step, with its value.
    expect(within(tooltip).getAllByRole('listitem').length).toBe(3)
    expect(within(tooltip).getByText('lr-0.01-seed-0')).toBeTruthy()
  })

  it('draws a 100,000-step history from all its points after the sample', async () => {
    renderRoute(
      `/compare?runs=${id(LONG_HISTORY.runName)},${id('lr-0.01-seed-0')}&metrics=${LONG_HISTORY.metricKey}`,
    )
    const chart = await screen.findByRole('region', { name: `Chart ${LONG_HISTORY.metricKey}` })
    await within(chart).findByText('all 100,000 points', undefined, { timeout: 15_000 })
    // The diff's max comes from every point now: the one-step spike, not a sample's guess.
    const diff = screen.getByRole('table', { name: 'Run differences' })
    await waitFor(() => {
      const max = within(diff)
        .getByRole('rowheader', { name: `${LONG_HISTORY.metricKey} · max` })
        .closest('tr')
      expect(within(max ?? diff).getAllByRole('cell')[0]?.textContent).toBe(String(LONG_HISTORY.spikeValue))
    })
  }, 20_000)

  it('a zoom of at most 2,500 steps asks the server for that range and draws every point in it', async () => {
    const [start, end] = [LONG_HISTORY.spikeStep - 500, LONG_HISTORY.spikeStep + 500]
    renderRoute(
      `/compare?runs=${id(LONG_HISTORY.runName)},${id('lr-0.01-seed-0')}&metrics=${LONG_HISTORY.metricKey}&zoom=${start}~${end}`,
    )
    const chart = await screen.findByRole('region', { name: `Chart ${LONG_HISTORY.metricKey}` })
    await within(chart).findByText('all 1,001 points in view')
    expect(within(chart).getByRole('button', { name: 'Reset zoom' })).toBeTruthy()
  })

  it('a chart whose data fails says so, and the rest of the page works', async () => {
    mock.server.use(
      http.get('*/metrics/get-history-bulk-interval', ({ request }) =>
        new URL(request.url).searchParams.get('metric_key') === 'loss'
          ? mlflowError('INTERNAL_ERROR', 'The metric store is down.')
          : undefined,
      ),
    )
    renderRoute(`/compare?runs=${seeds}`)
    const broken = await screen.findByRole('region', { name: 'Chart loss' })
    expect(
      await within(broken).findByText(/Could not load loss/, undefined, { timeout: 10_000 }),
    ).toBeTruthy()
    const working = screen.getByRole('region', { name: 'Chart val_accuracy' })
    await within(working).findByText(/^all [\d,]+ points$/)
    expect(screen.getByRole('table', { name: 'Run differences' })).toBeTruthy()
    // The store is back: Retry draws the chart.
    mock.server.resetHandlers()
    fireEvent.click(within(broken).getByRole('button', { name: /Retry/ }))
    await within(broken).findByText(/^all [\d,]+ points$/)
  }, 15_000)

  it('shows NaN and infinite values as marked gaps, never as numbers', async () => {
    renderRoute(
      `/compare?runs=${id('mnist-edge-values')},${id('mnist-cnn-1')}&metrics=grad_norm,diverged_loss`,
    )
    const gradNorm = await screen.findByRole('region', { name: 'Chart grad_norm' })
    // Each marker carries a <title> saying what and where (the chart's hover text for it).
    expect(await within(gradNorm).findByText('mnist-edge-values: +∞ at 1')).toBeTruthy()
    expect(within(gradNorm).getByText('mnist-edge-values: −∞ at 2')).toBeTruthy()
    const diverged = screen.getByRole('region', { name: 'Chart diverged_loss' })
    expect(await within(diverged).findByText('mnist-edge-values: NaN at 2')).toBeTruthy()
    // The y axis fits the finite values, not the ±1.8e308 the SQL store keeps for ±∞.
    expect(within(gradNorm).queryByText(/e\+30\d/)).toBeNull()
  })

  it('restores every chart setting from the URL and writes changes back', async () => {
    const user = userEvent.setup()
    const { router } = renderRoute(
      `/compare?runs=${seeds}&metrics=loss&x=relative&y=log&smooth=0.5&group=params.lr&band=std`,
    )
    const toolbar = await screen.findByRole('toolbar', { name: 'Chart settings' })
    expect(within(toolbar).getByRole<HTMLSelectElement>('combobox', { name: 'X axis' }).value).toBe(
      'relative',
    )
    expect(within(toolbar).getByRole<HTMLInputElement>('checkbox', { name: 'Log scale' }).checked).toBe(true)
    expect(within(toolbar).getByRole<HTMLInputElement>('slider', { name: /Smoothing/ }).value).toBe('0.5')
    expect(within(toolbar).getByRole<HTMLSelectElement>('combobox', { name: 'Group by' }).value).toBe(
      'params.lr',
    )
    expect(within(toolbar).getByRole<HTMLSelectElement>('combobox', { name: 'Band' }).value).toBe('std')
    expect(screen.queryByRole('region', { name: 'Chart val_accuracy' })).toBeNull()
    // Grouped: the legend lists the two configurations with their run counts.
    const legend = screen.getByRole('list', { name: 'Groups' })
    expect(within(legend).getByRole('button', { name: /0\.01 \(2\)/ })).toBeTruthy()
    expect(within(legend).getByRole('button', { name: /0\.001 \(1\)/ })).toBeTruthy()

    await user.click(within(toolbar).getByRole('checkbox', { name: 'Ignore outliers' }))
    await waitFor(() => {
      expect(router.state.location.search).toContain('outliers=ignore')
    })
    await user.selectOptions(within(toolbar).getByRole('combobox', { name: 'X axis' }), 'step')
    await waitFor(() => {
      expect(router.state.location.search).not.toContain('x=')
    })
  })

  it('picks metrics with a search', async () => {
    const user = userEvent.setup()
    const { router } = renderRoute(`/compare?runs=${seeds}`)
    await user.click(await screen.findByRole('button', { name: /^Metrics \(/ }))
    await user.type(screen.getByRole('searchbox', { name: 'Search metrics' }), 'val')
    const panel = screen.getByRole('group', { name: 'Choose metrics' })
    expect(within(panel).queryByRole('checkbox', { name: 'loss' })).toBeNull()
    await user.click(within(panel).getByRole('button', { name: 'Clear' }))
    await user.click(within(panel).getByRole('checkbox', { name: 'val_accuracy' }))
    await waitFor(() => {
      expect(router.state.location.search).toContain('metrics=val_accuracy')
    })
    expect(screen.queryByRole('region', { name: 'Chart loss' })).toBeNull()
  })
})

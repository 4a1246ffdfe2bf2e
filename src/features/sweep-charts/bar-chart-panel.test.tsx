import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http } from 'msw'
import { setupServer } from 'msw/node'
import { useState } from 'react'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createHandlers } from '@mocks/handlers'
import { mlflowError } from '@mocks/handlers/protocol'
import { MockStore, type StoreRun } from '@mocks/store/store'
import { mlflowClientOf } from '@/api/client-binding'
import { searchRuns } from '@/api/runs'
import { createAppQueryClient } from '@/app/query-client'
import type { Run } from '@/domain/runs/run'
import { BarChartPanel, barDomain, sampledPointsPerRun, type BarChartConfig } from './bar-chart-panel'

const ORIGIN = 'http://runboard.test'
const START = Date.UTC(2026, 0, 5)

/**
 * Run i logs val_loss 1 + i/1000 + 1 (step 0), then 1 + i/1000 (step 1, its min), then
 * 1 + i/1000 + 0.5 (step 2, its latest); its max is at step 0.
 */
function storeRun(i: number, extra: Record<string, number> = {}): StoreRun {
  const base = 1 + i / 1000
  const history = [base + 1, base, base + 0.5].map((value, step) => ({
    step,
    timestamp: START + i * 1000 + step,
    value,
  }))
  return {
    name: `run-${String(i).padStart(3, '0')}`,
    status: 'FINISHED',
    startTime: START + i * 1000,
    endTime: START + i * 1000 + 500,
    params: {},
    tags: {},
    metrics: {
      val_loss: history,
      ...Object.fromEntries(
        Object.entries(extra).map(([key, value]) => [key, [{ step: 0, timestamp: START, value }]]),
      ),
    },
  }
}

const server = setupServer()
let queryClient: QueryClient
let sampledRequests: URL[]

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' })
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url)
    if (url.pathname.endsWith('/metrics/get-history-bulk-interval')) sampledRequests.push(url)
  })
})
beforeEach(() => {
  sampledRequests = []
  queryClient = createAppQueryClient(`${ORIGIN}/`)
})
afterAll(() => {
  server.close()
})

/** Runs as the app has them, from the mock server, in its order (newest first: run-002, run-001, …). */
async function loadRuns(runs: StoreRun[]): Promise<Run[]> {
  const store = new MockStore([{ experiment: { name: 'bars', tags: {} }, runs: () => runs }])
  server.resetHandlers(...createHandlers(store))
  const experimentId = store.getExperimentByName('bars')?.experimentId ?? ''
  const page = await searchRuns(mlflowClientOf(queryClient), {
    experimentIds: [experimentId],
    viewType: 'ALL',
    maxResults: 1000,
  })
  sampledRequests = []
  return page.items
}

const COLORS = new Map<string, string>()

function idOf(runs: readonly Run[], name: string): string {
  const run = runs.find((candidate) => candidate.info.runName === name)
  if (run === undefined) throw new Error(`no run ${name}`)
  return run.info.runId
}

function Harness(props: {
  runs: readonly Run[]
  initial: BarChartConfig
  highlightedRunId?: string
  onHoverRun?: (runId: string | undefined) => void
}) {
  const [config, setConfig] = useState(props.initial)
  return (
    <BarChartPanel
      runs={props.runs}
      colors={COLORS}
      highlightedRunId={props.highlightedRunId}
      onHoverRun={props.onHoverRun ?? (() => undefined)}
      config={config}
      onConfigChange={setConfig}
    />
  )
}

function renderPanel(
  runs: readonly Run[],
  config: Partial<BarChartConfig> = {},
  extra: Partial<Parameters<typeof Harness>[0]> = {},
) {
  const user = userEvent.setup()
  const view = render(
    <QueryClientProvider client={queryClient}>
      <Harness
        runs={runs}
        initial={{ type: 'bar', id: 'b1', metricKey: 'val_loss', aggregate: 'latest', ...config }}
        {...extra}
      />
    </QueryClientProvider>,
  )
  return { user, ...view }
}

/** The bars drawn, top to bottom, as their labels say them ("run-001: 1.5"). */
const bars = () =>
  within(screen.getByRole('list', { name: /^Bars:/ }))
    .getAllByRole('listitem')
    .map((bar) => bar.getAttribute('aria-label'))

describe('BarChartPanel', () => {
  it('draws each run’s latest value, best first for a loss, or in table order', async () => {
    const runs = await loadRuns([storeRun(2), storeRun(0), storeRun(1)])
    const { user } = renderPanel(runs)
    expect(bars()).toEqual(['run-000: 1.5', 'run-001: 1.501', 'run-002: 1.502'])

    await user.click(screen.getByRole('button', { name: 'Sort by value' }))
    expect(screen.getByRole('button', { name: 'Sort by value' }).getAttribute('aria-pressed')).toBe('false')
    expect(bars()).toEqual(['run-002: 1.502', 'run-001: 1.501', 'run-000: 1.5'])
    expect(sampledRequests).toEqual([])
  })

  it('puts the highest first for a metric where higher is better, and keeps table order on request', async () => {
    const runs = await loadRuns([
      storeRun(0, { accuracy: 0.7 }),
      storeRun(1, { accuracy: 0.9 }),
      storeRun(2, { accuracy: 0.8 }),
    ])
    const { user } = renderPanel(runs, { metricKey: 'accuracy' })
    expect(bars()).toEqual(['run-001: 0.9', 'run-002: 0.8', 'run-000: 0.7'])
    await user.click(screen.getByRole('button', { name: 'Sort by value' }))
    expect(bars()).toEqual(['run-002: 0.8', 'run-001: 0.9', 'run-000: 0.7'])
  })

  it('fetches min and max of the sampled histories a hundred runs per request, and caps at the best 50', async () => {
    const runs = await loadRuns(Array.from({ length: 250 }, (_, i) => storeRun(i)))
    const { user } = renderPanel(runs, { aggregate: 'min' })
    expect(screen.getByRole('status').textContent).toMatch(
      /Loading the min of val_loss for 250 runs… \(0 of 3 requests\)/,
    )
    await waitFor(() => {
      expect(screen.queryByRole('list', { name: /^Bars:/ })).not.toBeNull()
    })
    expect(sampledRequests.map((url) => url.searchParams.getAll('run_ids').length).sort()).toEqual([
      100, 100, 50,
    ])
    expect(new Set(sampledRequests.flatMap((url) => url.searchParams.getAll('run_ids'))).size).toBe(250)
    expect(sampledRequests.every((url) => url.searchParams.get('metric_key') === 'val_loss')).toBe(true)
    expect(sampledRequests.every((url) => url.searchParams.get('max_results') === '320')).toBe(true)

    const drawn = bars()
    expect(drawn).toHaveLength(50)
    expect(drawn.slice(0, 2)).toEqual(['run-000: 1 (sampled)', 'run-001: 1.001 (sampled)'])
    expect(drawn.at(-1)).toBe('run-049: 1.049 (sampled)')
    expect(screen.getByText(/Showing the best 50 of 250 runs/)).toBeTruthy()
    expect(screen.getByText('sampled').getAttribute('title')).toMatch(/up to 320 evenly spaced points/)

    await user.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'Worst 50')
    expect(bars().slice(0, 1)).toEqual(['run-200: 1.2 (sampled)'])
    expect(bars().at(-1)).toBe('run-249: 1.249 (sampled)')

    await user.selectOptions(screen.getByRole('combobox', { name: 'Value' }), 'Max (sampled)')
    await waitFor(() => {
      expect(bars()[0]).toBe('run-200: 2.2 (sampled)')
    })
    // Min and max come from the same samples: switching asks the server nothing new.
    expect(sampledRequests).toHaveLength(3)
  })

  it('asks again only for the runs that were added, as the table loads more', async () => {
    const all = await loadRuns(Array.from({ length: 150 }, (_, i) => storeRun(i)))
    const { rerender } = renderPanel(all.slice(0, 120), { aggregate: 'min' })
    await waitFor(() => {
      expect(screen.queryByRole('list', { name: /^Bars:/ })).not.toBeNull()
    })
    expect(sampledRequests.map((url) => url.searchParams.getAll('run_ids').length).sort()).toEqual([100, 20])
    rerender(
      <QueryClientProvider client={queryClient}>
        <Harness runs={all} initial={{ type: 'bar', id: 'b1', metricKey: 'val_loss', aggregate: 'min' }} />
      </QueryClientProvider>,
    )
    await waitFor(() => {
      expect(screen.getByText(/Showing the best 50 of 150 runs/)).toBeTruthy()
    })
    expect(sampledRequests.map((url) => url.searchParams.getAll('run_ids').length)).toEqual([
      ...sampledRequests.slice(0, 2).map((url) => url.searchParams.getAll('run_ids').length),
      50,
    ])
  })

  it('asks only for visible runs that have the metric', async () => {
    const runs = await loadRuns([storeRun(0), storeRun(1), { ...storeRun(2), metrics: { other: [] } }])
    renderPanel(runs, { aggregate: 'max' })
    await waitFor(() => {
      expect(bars()).toEqual(['run-000: 2 (sampled)', 'run-001: 2.001 (sampled)'])
    })
    expect(sampledRequests).toHaveLength(1)
    expect(sampledRequests[0]?.searchParams.getAll('run_ids')).toHaveLength(2)
  })

  it('tells the page which run is hovered or focused, and draws the page’s highlighted run', async () => {
    const runs = await loadRuns([storeRun(0), storeRun(1)])
    const onHoverRun = vi.fn<(runId: string | undefined) => void>()
    const { user } = renderPanel(runs, {}, { onHoverRun, highlightedRunId: idOf(runs, 'run-001') })
    // Best first: run-000 (1.5), then run-001 (1.501).
    const [first, second] = within(screen.getByRole('list', { name: /^Bars:/ })).getAllByRole('listitem')
    expect(second?.getAttribute('class')).toContain('is-highlighted')
    expect(first?.getAttribute('class')).not.toContain('is-highlighted')
    expect(first?.getAttribute('opacity')).toBe('0.4')

    await user.hover(first ?? document.body)
    expect(onHoverRun).toHaveBeenLastCalledWith(idOf(runs, 'run-000'))
    await user.unhover(screen.getByRole('list', { name: /^Bars:/ }))
    expect(onHoverRun).toHaveBeenLastCalledWith(undefined)
  })

  it('lets keyboard users reach each bar', async () => {
    const runs = await loadRuns([storeRun(0), storeRun(1)])
    const onHoverRun = vi.fn<(runId: string | undefined) => void>()
    const { user } = renderPanel(runs, {}, { onHoverRun })
    const [first] = within(screen.getByRole('list', { name: /^Bars:/ })).getAllByRole('listitem')
    // Metric, value, sort, from zero, PNG, SVG, CSV, then the bars.
    for (let i = 0; i < 8; i++) await user.tab()
    expect(document.activeElement).toBe(first)
    expect(onHoverRun).toHaveBeenLastCalledWith(idOf(runs, 'run-000'))
    await user.tab()
    expect(onHoverRun).toHaveBeenLastCalledWith(idOf(runs, 'run-001'))
  })

  it('says so when no visible run has the metric, and asks for one when none is chosen', async () => {
    const runs = await loadRuns([storeRun(0)])
    const { unmount } = renderPanel(runs, { metricKey: 'accuracy' })
    expect(screen.getByText('No visible run has accuracy.')).toBeTruthy()
    unmount()
    const { user } = renderPanel(runs, { metricKey: '' })
    expect(screen.getByText('Choose a metric to chart.')).toBeTruthy()
    await user.selectOptions(screen.getByRole('combobox', { name: 'Metric' }), 'val_loss')
    expect(bars()).toEqual(['run-000: 1.5'])
  })

  it('shows the server’s refusal with a retry', async () => {
    const runs = await loadRuns([storeRun(0)])
    let refuse = true
    server.use(
      http.get('*/metrics/get-history-bulk-interval', () =>
        refuse ? mlflowError('INVALID_PARAMETER_VALUE', 'No sampling today') : undefined,
      ),
    )
    const { user } = renderPanel(runs, { aggregate: 'min' })
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toMatch(/Could not load the min of val_loss/)
    expect(alert.textContent).toMatch(/No sampling today/)
    refuse = false
    await user.click(within(alert).getByRole('button', { name: 'Retry' }))
    await waitFor(() => {
      expect(bars()).toEqual(['run-000: 1 (sampled)'])
    })
  })

  it.each([
    { runs: 1, points: 320 },
    { runs: 1000, points: 320 },
    { runs: 5000, points: 64 },
    { runs: 20_000, points: 16 },
    { runs: 100_000, points: 10 },
  ])('samples $points points per run for $runs runs', ({ runs, points }) => {
    expect(sampledPointsPerRun(runs)).toBe(points)
  })

  it.each([
    { values: [0.28, 0.3], fromZero: true, domain: [0, 0.3], baseline: 0 },
    { values: [0.28, 0.3], fromZero: false, domain: [0.279, 0.301], baseline: 0.279 },
    { values: [-2, -1], fromZero: true, domain: [-2, 0], baseline: 0 },
    { values: [-2, -1], fromZero: false, domain: [-2.05, -0.95], baseline: -0.95 },
    { values: [-1, 3], fromZero: false, domain: [-1.2, 3.2], baseline: 0 },
    { values: [5], fromZero: false, domain: [4.5, 5.5], baseline: 4.5 },
    { values: [0], fromZero: true, domain: [0, 1], baseline: 0 },
  ])('axis for $values, from zero: $fromZero', ({ values, fromZero, domain, baseline }) => {
    const axis = barDomain(values, fromZero)
    expect(axis.domain[0]).toBeCloseTo(domain[0] ?? Number.NaN, 9)
    expect(axis.domain[1]).toBeCloseTo(domain[1] ?? Number.NaN, 9)
    expect(axis.baseline).toBeCloseTo(baseline, 9)
  })
})

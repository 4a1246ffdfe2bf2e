import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http } from 'msw'
import { setupServer } from 'msw/node'
import { useMemo, useState } from 'react'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createHandlers } from '@mocks/handlers'
import { MockStore, type StoreRun } from '@mocks/store/store'
import { createAppQueryClient } from '@/app/query-client'
import type { Run } from '@/domain/runs/run'
import { DEFAULT_RUN_TABLE_VIEW, type RunTableView } from '@/domain/runs/run-table-view'
import { RunTable } from './run-table'

/** Not `renderRoute`'s: that pulls in the whole app and its router. */
const ORIGIN = 'http://runboard.test'
const START = Date.UTC(2026, 10, 27, 12)

function storeRun(name: string, index: number, status: StoreRun['status'], parent?: string): StoreRun {
  const startTime = START + index * 60_000
  return {
    name,
    parent,
    status,
    startTime,
    endTime: status === 'RUNNING' ? undefined : startTime + 30_000,
    params: { lr: String(10 ** -(index % 4)), seed: String(index) },
    tags: { 'mlflow.user': 'alice' },
    metrics: { loss: [{ step: 0, timestamp: startTime + 1000, value: 1 / (index + 1) }] },
  }
}

const server = setupServer()
let store: MockStore
let queryClient: QueryClient
let experimentId: string

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' })
})
beforeEach(() => {
  store = new MockStore(
    [
      {
        experiment: { name: 'live', tags: {} },
        runs: () => [
          storeRun('finished-1', 1, 'FINISHED'),
          storeRun('finished-2', 2, 'FINISHED'),
          storeRun('training', 3, 'RUNNING'),
          storeRun('trial-a', 4, 'FINISHED', 'training'),
        ],
      },
    ],
    { now: () => START + 3_600_000 },
  )
  server.resetHandlers(...createHandlers(store))
  queryClient = createAppQueryClient(`${ORIGIN}/`)
  experimentId = store.getExperimentByName('live')?.experimentId ?? ''
})
afterAll(() => {
  server.close()
})

/** The table with its view in local state, as the route keeps it in the URL. */
function Harness({ initial, liveIntervalMs }: { initial: Partial<RunTableView>; liveIntervalMs: number }) {
  const [view, setView] = useState<RunTableView>({ ...DEFAULT_RUN_TABLE_VIEW, ...initial })
  return (
    <RunTable
      experimentIds={[experimentId]}
      view={view}
      onViewChange={(update) => {
        setView(update)
      }}
      renderRunLink={(run) => <a href={`#${run.info.runId}`}>{run.info.runName}</a>}
      onOpenRun={() => undefined}
      onCompare={() => undefined}
      liveIntervalMs={liveIntervalMs}
    />
  )
}

function renderTable(initial: Partial<RunTableView> = {}, liveIntervalMs = 0) {
  return render(
    <QueryClientProvider client={queryClient}>
      <Harness initial={initial} liveIntervalMs={liveIntervalMs} />
    </QueryClientProvider>,
  )
}

function names(): string[] {
  return within(screen.getByRole('grid', { name: 'Runs' }))
    .getAllByRole('row')
    .filter((row) => row.hasAttribute('data-run-id'))
    .map((row) => within(row).getAllByRole('link')[0]?.textContent ?? '')
}

function statusOf(name: string): string {
  const row = screen
    .getAllByRole('row')
    .find((candidate) => within(candidate).queryByRole('link', { name }) !== null)
  return row?.querySelector('.status')?.textContent ?? ''
}

async function loaded() {
  await waitFor(() => {
    expect(screen.getByRole('status', { name: 'Run loading status' }).getAttribute('data-state')).toBe('done')
  })
}

describe('runs table, live', () => {
  it('picks up new runs of a sweep and finished runs, keeping the selection', async () => {
    const user = userEvent.setup()
    renderTable({}, 50)
    await loaded()
    expect(names()).toEqual(['training', 'finished-2', 'finished-1'])
    await user.click(screen.getByRole('checkbox', { name: 'Select finished-1' }))

    const created = store.createRun(experimentId, {
      runName: 'new-trial',
      startTime: START + 3_000_000,
      userId: 'alice',
      tags: new Map(),
    })
    store.updateRun(store.runIdOf('training') ?? '', { status: 'FINISHED', endTime: START + 3_100_000 })

    await waitFor(() => {
      expect(names()).toContain('new-trial')
      expect(statusOf('training')).toBe('finished')
    })
    expect(created.status).toBe('RUNNING')
    expect(screen.getByRole('checkbox', { name: 'Select finished-1' })).toHaveProperty('checked', true)
  })

  it('flags a RUNNING run that has stopped reporting', async () => {
    renderTable()
    await loaded()
    const row = screen
      .getAllByRole('row')
      .find((candidate) => within(candidate).queryByRole('link', { name: 'training' }) !== null)
    expect(row?.textContent).toMatch(/silent/)
  })
})

describe('runs table, progressive loading', () => {
  function bigStore(count: number): MockStore {
    return new MockStore([
      {
        experiment: { name: 'big', tags: {} },
        runs: () =>
          Array.from({ length: count }, (_, index) =>
            storeRun(`run-${String(index).padStart(4, '0')}`, index, 'FINISHED'),
          ),
      },
    ])
  }

  function BigHarness({ runLimit }: { runLimit: number }) {
    const [view, setView] = useState<RunTableView>(DEFAULT_RUN_TABLE_VIEW)
    return (
      <RunTable
        experimentIds={[store.getExperimentByName('big')?.experimentId ?? '']}
        view={view}
        onViewChange={(update) => {
          setView(update)
        }}
        renderRunLink={(run) => <a href={`#${run.info.runId}`}>{run.info.runName}</a>}
        onOpenRun={() => undefined}
        onCompare={() => undefined}
        runLimit={runLimit}
        liveIntervalMs={0}
      />
    )
  }

  const status = () => screen.getByRole('status', { name: 'Run loading status' })

  it('stops at the limit and loads the rest on request', async () => {
    store = bigStore(2_100)
    server.resetHandlers(...createHandlers(store))
    const user = userEvent.setup()
    render(
      <QueryClientProvider client={queryClient}>
        <BigHarness runLimit={1_000} />
      </QueryClientProvider>,
    )
    // A first page of 50, then one of 1,000: past the limit, with more on the server.
    await waitFor(() => {
      expect(status().getAttribute('data-state')).toBe('limit')
    })
    expect(status().textContent).toMatch(/^1,050 runs: stopped at the limit/)
    await user.click(screen.getByRole('button', { name: 'Load the rest' }))
    await waitFor(() => {
      expect(status().getAttribute('data-state')).toBe('done')
    })
    expect(status().textContent).toBe('2,100 runs')
  })

  it('stops loading when asked, keeps what it has, and continues', async () => {
    store = bigStore(2_100)
    // Later pages wait until the test lets them through, so the stop lands mid-load.
    let release: () => void = () => undefined
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    server.resetHandlers(
      http.post('*/runs/search', async ({ request }) => {
        const body: unknown = await request.clone().json()
        if (typeof body === 'object' && body !== null && 'page_token' in body) await gate
        return undefined
      }),
      ...createHandlers(store),
    )
    const user = userEvent.setup()
    render(
      <QueryClientProvider client={queryClient}>
        <BigHarness runLimit={20_000} />
      </QueryClientProvider>,
    )
    await waitFor(() => {
      expect(status().textContent).toBe('50 runs loaded…')
    })
    await user.click(screen.getByRole('button', { name: 'Stop loading' }))
    release()
    expect(status().getAttribute('data-state')).toBe('stopped')
    // The page that was on its way is kept; nothing more is asked for.
    await waitFor(() => {
      expect(status().textContent).toMatch(/^1,050 runs: loading stopped/)
    })
    expect(status().getAttribute('data-state')).toBe('stopped')
    await user.click(screen.getByRole('button', { name: 'Continue loading' }))
    await waitFor(() => {
      expect(status().getAttribute('data-state')).toBe('done')
    })
    expect(status().textContent).toBe('2,100 runs')
  })
})

describe('runs table, selection and keyboard', () => {
  it('selects a range with shift-click and everything matching with the header box', async () => {
    const user = userEvent.setup()
    renderTable({ sortColumn: 'attributes.run_name', descending: false })
    await loaded()
    await user.click(screen.getByRole('checkbox', { name: 'Select finished-1' }))
    await user.keyboard('{Shift>}')
    await user.click(screen.getByRole('checkbox', { name: 'Select training' }))
    await user.keyboard('{/Shift}')
    expect(screen.getByText('3 selected')).toBeTruthy()
    await user.click(screen.getByRole('checkbox', { name: 'Select all matching runs' }))
    await user.click(screen.getByRole('checkbox', { name: 'Select all matching runs' }))
    expect(screen.queryByRole('toolbar', { name: 'Selected runs' })).toBeNull()
    await user.click(screen.getByRole('checkbox', { name: 'Select all matching runs' }))
    // Every matching run, nested ones included.
    expect(screen.getByText('4 selected')).toBeTruthy()
  })

  it('moves with the arrows, selects with Space, and expands nested runs with the right arrow', async () => {
    const user = userEvent.setup()
    renderTable()
    await loaded()
    screen.getByRole('grid', { name: 'Runs' }).focus()
    await user.keyboard(' ')
    expect(screen.getByRole('checkbox', { name: 'Select training' })).toHaveProperty('checked', true)
    await user.keyboard('{ArrowRight}')
    await waitFor(() => {
      expect(names()).toEqual(['training', 'trial-a', 'finished-2', 'finished-1'])
    })
    await user.keyboard('{ArrowDown}{ArrowDown} ')
    expect(screen.getByRole('checkbox', { name: 'Select finished-2' })).toHaveProperty('checked', true)
  })

  it('focuses the filter with /', async () => {
    const user = userEvent.setup()
    renderTable()
    await loaded()
    await user.keyboard('/')
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Filter runs' }))
  })
})

/** The run-list mode as the sweep view drives it: eyes, pins, a listed subset, hover. */
function RunListHarness({
  leaveOut,
  highlighted,
  onHover,
}: {
  leaveOut: string
  highlighted: string | undefined
  onHover: (runId: string | undefined) => void
}) {
  const [view, setView] = useState<RunTableView>(DEFAULT_RUN_TABLE_VIEW)
  const [runs, setRuns] = useState<readonly Run[]>([])
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set())
  const [pinned, setPinned] = useState<ReadonlySet<string>>(new Set())
  const listed = useMemo(() => {
    const kept = runs.filter((run) => run.info.runName !== leaveOut)
    return [
      ...kept.filter((run) => pinned.has(run.info.runId)),
      ...kept.filter((run) => !pinned.has(run.info.runId)),
    ]
  }, [runs, pinned, leaveOut])
  const toggle = (set: ReadonlySet<string>, id: string) => {
    const next = new Set(set)
    if (next.has(id)) next.delete(id)
    else next.add(id)
    return next
  }
  return (
    <>
      <output aria-label="Reported runs">{runs.map((run) => run.info.runName).join(',')}</output>
      <output aria-label="Hidden runs">{hidden.size}</output>
      <RunTable
        experimentIds={[experimentId]}
        view={view}
        onViewChange={(update) => {
          setView(update)
        }}
        renderRunLink={(run) => <a href={`#${run.info.runId}`}>{run.info.runName}</a>}
        onOpenRun={() => undefined}
        onCompare={() => undefined}
        liveIntervalMs={0}
        onRunsChange={setRuns}
        highlightedRunId={highlighted}
        onHoverRun={onHover}
        runList={{
          runs: listed,
          columns: ['metrics.loss'],
          hidden,
          pinned,
          colors: new Map(),
          onToggleHidden: (runId) => {
            setHidden((current) => toggle(current, runId))
          },
          onTogglePinned: (runId) => {
            setPinned((current) => toggle(current, runId))
          },
        }}
      />
    </>
  )
}

describe('runs table, run-list mode', () => {
  function renderList(props: {
    leaveOut?: string
    highlighted?: string
    onHover?: (id: string | undefined) => void
  }) {
    return render(
      <QueryClientProvider client={queryClient}>
        <RunListHarness
          leaveOut={props.leaveOut ?? ''}
          highlighted={props.highlighted}
          onHover={props.onHover ?? (() => undefined)}
        />
      </QueryClientProvider>,
    )
  }

  it('reports the matching runs, lists only the given ones, with the name and the asked columns', async () => {
    renderList({ leaveOut: 'finished-2' })
    await loaded()
    await waitFor(() => {
      expect(screen.getByRole('status', { name: 'Reported runs' }).textContent).toBe(
        'trial-a,training,finished-2,finished-1',
      )
    })
    expect(names()).toEqual(['training', 'finished-1'])
    const headers = screen.getAllByRole('columnheader').map((header) => header.textContent)
    expect(headers).toEqual(['Shown', '', 'Run', 'loss'])
    expect(screen.queryByRole('button', { name: /Columns/ })).toBeNull()
  })

  it('hides a run from the charts with its eye, apart from the selection, and pins it to the top', async () => {
    const user = userEvent.setup()
    renderList({})
    await loaded()
    const eye = screen.getByRole('button', { name: 'Hide finished-1 from the charts' })
    await user.click(eye)
    expect(screen.getByRole('status', { name: 'Hidden runs' }).textContent).toBe('1')
    expect(
      screen.getByRole('button', { name: 'Show finished-1 on the charts' }).getAttribute('aria-pressed'),
    ).toBe('false')
    expect(screen.getByRole('checkbox', { name: 'Select finished-1' })).toHaveProperty('checked', false)
    // Still listed, and pinning moves it first.
    expect(names()).toEqual(['training', 'finished-2', 'finished-1'])
    await user.click(screen.getByRole('button', { name: 'Pin finished-1' }))
    await waitFor(() => {
      expect(names()).toEqual(['finished-1', 'training', 'finished-2'])
    })
    expect(screen.getByRole('button', { name: 'Unpin finished-1' })).toBeTruthy()
    // From the keyboard: E and P act on the active row (the first, here the pinned one).
    screen.getByRole('grid', { name: 'Runs' }).focus()
    await user.keyboard('e')
    expect(screen.getByRole('status', { name: 'Hidden runs' }).textContent).toBe('0')
    await user.keyboard('p')
    await waitFor(() => {
      expect(names()).toEqual(['training', 'finished-2', 'finished-1'])
    })
  })

  it('reports the hovered row and highlights the run hovered elsewhere', async () => {
    const user = userEvent.setup()
    const hovered: (string | undefined)[] = []
    const view = renderList({ onHover: (id) => hovered.push(id) })
    await loaded()
    const row = screen.getByRole('link', { name: 'finished-2' }).closest('[role="row"]')
    if (!(row instanceof HTMLElement)) throw new Error('no row')
    const runId = row.getAttribute('data-run-id') ?? ''
    await user.hover(row)
    expect(hovered).toContain(runId)
    await user.unhover(row)
    expect(hovered.at(-1)).toBeUndefined()
    view.unmount()
    renderList({ highlighted: runId })
    await loaded()
    const highlighted = screen.getByRole('link', { name: 'finished-2' }).closest('[role="row"]')
    expect(highlighted?.classList.contains('is-highlighted')).toBe(true)
    expect(
      screen
        .getByRole('link', { name: 'finished-1' })
        .closest('[role="row"]')
        ?.classList.contains('is-highlighted'),
    ).toBe(false)
  })
})

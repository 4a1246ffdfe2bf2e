import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http } from 'msw'
import { setupServer } from 'msw/node'
import { useState } from 'react'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createHandlers } from '@mocks/handlers'
import { mlflowError } from '@mocks/handlers/protocol'
import { MockStore, type StoreRun } from '@mocks/store/store'
import { mlflowClientOf } from '@/api/client-binding'
import { runQueries, searchRuns } from '@/api/runs'
import { createAppQueryClient } from '@/app/query-client'
import type { Run } from '@/domain/runs/run'
import { tagKeyProblem } from './run-action-dialogs'
import { RunActions, type RunActionsProps } from './run-actions'

/** Not `renderRoute`'s: that pulls in the whole app. */
const ORIGIN = 'http://runboard.test'
const START = Date.UTC(2026, 0, 5)
let clock = 0

function storeRun(name: string, options: { parent?: string; deleted?: boolean } = {}): StoreRun {
  clock += 1000
  return {
    name,
    parent: options.parent,
    deleted: options.deleted,
    status: 'FINISHED',
    startTime: START + clock,
    endTime: START + clock + 500,
    params: {},
    tags: { 'mlflow.user': 'alice' },
    metrics: {},
  }
}

/** parent > child-1 > grandchild, parent > child-2; solo and other stand alone; gone is deleted. */
function bulkWorld(): StoreRun[] {
  return [
    storeRun('parent'),
    storeRun('child-1', { parent: 'parent' }),
    storeRun('child-2', { parent: 'parent' }),
    storeRun('grandchild', { parent: 'child-1' }),
    storeRun('solo'),
    storeRun('other'),
    storeRun('gone', { deleted: true }),
  ]
}

const server = setupServer()
let store: MockStore
let queryClient: QueryClient

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' })
})
beforeEach(() => {
  store = new MockStore([{ experiment: { name: 'bulk', tags: {} }, runs: bulkWorld }])
  server.resetHandlers(...createHandlers(store))
  queryClient = createAppQueryClient(`${ORIGIN}/`)
})
afterAll(() => {
  server.close()
})

/** The runs as the app has them: read through the API from the mock server. */
async function loadRuns(): Promise<Run[]> {
  const experimentId = store.getExperimentByName('bulk')?.experimentId ?? ''
  const page = await searchRuns(mlflowClientOf(queryClient), {
    experimentIds: [experimentId],
    viewType: 'ALL',
    maxResults: 1000,
  })
  return page.items
}

function byName(runs: readonly Run[], ...names: string[]): Run[] {
  return names.map((name) => {
    const run = runs.find((candidate) => candidate.info.runName === name)
    if (run === undefined) throw new Error(`No run ${name}`)
    return run
  })
}

function stageOf(name: string): string | undefined {
  return store.getRun(store.runIdOf(name) ?? '')?.lifecycleStage
}

type HarnessProps = Omit<RunActionsProps, 'selected' | 'onClearSelection'> & { initial: readonly Run[] }

/** Owns the selection, as the table would, so clearing it shows. */
function Harness({ initial, ...props }: HarnessProps) {
  const [selected, setSelected] = useState(initial)
  return (
    <RunActions
      {...props}
      selected={selected}
      onClearSelection={() => {
        setSelected([])
      }}
    />
  )
}

function renderActions(props: Partial<HarnessProps> & { initial: readonly Run[] }) {
  const onCompare = vi.fn<(runIds: string[]) => void>()
  render(
    <QueryClientProvider client={queryClient}>
      <Harness loaded={[]} view="active" onCompare={onCompare} {...props} />
    </QueryClientProvider>,
  )
  return { onCompare, user: userEvent.setup() }
}

function fakeRun(index: number): Run {
  const runId = `run${String(index).padStart(4, '0')}`
  return {
    info: {
      runId,
      runName: runId,
      experimentId: '1',
      userId: undefined,
      status: 'FINISHED',
      startTime: START,
      endTime: START + 1,
      artifactUri: undefined,
      lifecycleStage: 'active',
    },
    params: {},
    metrics: {},
    tags: {},
    datasets: [],
    modelOutputs: [],
    modelInputs: [],
  }
}

const toolbar = () => screen.getByRole('toolbar', { name: 'Selected runs' })

describe('run actions toolbar', () => {
  it('is hidden without a selection', () => {
    renderActions({ initial: [] })
    expect(screen.queryByRole('toolbar')).toBeNull()
  })

  it('counts the selection and compares 2 to 100 runs', async () => {
    const runs = Array.from({ length: 3 }, (_, i) => fakeRun(i))
    const { onCompare, user } = renderActions({ initial: runs })
    expect(toolbar().textContent).toContain('3 selected')
    await user.click(within(toolbar()).getByRole('button', { name: 'Compare' }))
    expect(onCompare).toHaveBeenCalledWith(['run0000', 'run0001', 'run0002'])
  })

  it('cannot compare a single run', () => {
    renderActions({ initial: [fakeRun(1)] })
    expect(within(toolbar()).getByRole<HTMLButtonElement>('button', { name: 'Compare' }).disabled).toBe(true)
  })

  it('says why more than 100 runs cannot be compared', () => {
    renderActions({ initial: Array.from({ length: 101 }, (_, i) => fakeRun(i)) })
    const compare = within(toolbar()).getByRole<HTMLButtonElement>('button', { name: 'Compare' })
    expect(compare.disabled).toBe(true)
    expect(compare.getAttribute('aria-describedby')).not.toBeNull()
    expect(toolbar().textContent).toContain('Compare takes at most 100 runs; 101 are selected.')
  })

  it('clears the selection', async () => {
    const { user } = renderActions({ initial: [fakeRun(1), fakeRun(2)] })
    await user.click(screen.getByRole('button', { name: 'Clear selection' }))
    expect(screen.queryByRole('toolbar')).toBeNull()
  })

  it('offers delete in the active view and restore in the deleted view', () => {
    const runs = [fakeRun(1)]
    const { unmount } = render(
      <QueryClientProvider client={queryClient}>
        <RunActions
          selected={runs}
          loaded={runs}
          view="active"
          onCompare={vi.fn()}
          onClearSelection={vi.fn()}
        />
      </QueryClientProvider>,
    )
    expect(within(toolbar()).getByRole('button', { name: 'Delete…' })).toBeTruthy()
    expect(within(toolbar()).queryByRole('button', { name: 'Restore…' })).toBeNull()
    unmount()
    const deleted = [{ ...fakeRun(2), info: { ...fakeRun(2).info, lifecycleStage: 'deleted' as const } }]
    render(
      <QueryClientProvider client={queryClient}>
        <RunActions
          selected={deleted}
          loaded={deleted}
          view="deleted"
          onCompare={vi.fn()}
          onClearSelection={vi.fn()}
        />
      </QueryClientProvider>,
    )
    expect(within(toolbar()).queryByRole('button', { name: 'Delete…' })).toBeNull()
    expect(within(toolbar()).getByRole('button', { name: 'Restore…' })).toBeTruthy()
    // MLflow refuses tags on deleted runs.
    expect(within(toolbar()).getByRole<HTMLButtonElement>('button', { name: 'Add tag…' }).disabled).toBe(true)
  })
})

describe('deleting runs', () => {
  it('confirms with the count including child runs, deletes them all and refreshes the runs', async () => {
    const runs = await loadRuns()
    const active = runs.filter((run) => run.info.lifecycleStage === 'active')
    const search = runQueries.search({ experimentIds: ['1'] })
    queryClient.setQueryData(search.queryKey, { items: [], nextPageToken: undefined })
    const { user } = renderActions({ initial: byName(runs, 'parent', 'solo'), loaded: active })

    await user.click(within(toolbar()).getByRole('button', { name: 'Delete…' }))
    const dialog = screen.getByRole('dialog', { name: 'Delete 5 runs?' })
    expect(dialog.textContent).toContain('5 runs, including 3 child runs, will be deleted.')
    await user.click(within(dialog).getByRole('button', { name: 'Delete 5 runs' }))

    expect(await screen.findByText('Deleted 5 runs.')).toBeTruthy()
    for (const name of ['parent', 'child-1', 'child-2', 'grandchild', 'solo'])
      expect(stageOf(name)).toBe('deleted')
    expect(stageOf('other')).toBe('active')
    expect(queryClient.getQueryState(search.queryKey)?.isInvalidated).toBe(true)
    // The deleted runs leave the table, and the selection with them.
    expect(screen.queryByRole('toolbar')).toBeNull()
  })

  it('says nothing about children when there are none', async () => {
    const runs = await loadRuns()
    const { user } = renderActions({ initial: byName(runs, 'solo'), loaded: runs })
    await user.click(within(toolbar()).getByRole('button', { name: 'Delete…' }))
    const dialog = screen.getByRole('dialog', { name: 'Delete 1 run?' })
    expect(dialog.textContent).toContain('1 run will be deleted.')
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(stageOf('solo')).toBe('active')
  })

  it('shows progress while the writes run', async () => {
    const runs = await loadRuns()
    let release = () => {}
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const slowId = store.runIdOf('other')
    server.use(
      http.post('*/runs/delete', async ({ request }) => {
        const body: unknown = await request.clone().json()
        if (typeof body === 'object' && body !== null && 'run_id' in body && body.run_id === slowId)
          await gate
        return undefined
      }),
    )
    const { user } = renderActions({ initial: byName(runs, 'solo', 'other', 'child-2'), loaded: runs })
    await user.click(within(toolbar()).getByRole('button', { name: 'Delete…' }))
    await user.click(screen.getByRole('button', { name: 'Delete 3 runs' }))
    expect(await screen.findByText('Deleting 2 of 3…')).toBeTruthy()
    release()
    expect(await screen.findByText('Deleted 3 runs.')).toBeTruthy()
  })

  it('stops starting writes when stopped, and can do the rest later', async () => {
    const runs = await loadRuns()
    let release = () => {}
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    server.use(
      http.post('*/runs/delete', async () => {
        await gate
        return undefined
      }),
    )
    const { user } = renderActions({ initial: byName(runs, 'parent', 'solo', 'other'), loaded: runs })
    await user.click(within(toolbar()).getByRole('button', { name: 'Delete…' }))
    await user.click(screen.getByRole('button', { name: 'Delete 6 runs' }))
    expect(await screen.findByText('Deleting 0 of 6…')).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Stop' }))

    expect((await screen.findByRole('alert')).textContent).toBe('Stopped: deleted 0 of 6 runs.')
    const failures = within(screen.getByRole('list', { name: 'Failed runs' })).getAllByRole('listitem')
    expect(failures).toHaveLength(6)
    for (const item of failures) expect(item.textContent).toContain('Not done: stopped before it finished.')

    release()
    await user.click(screen.getByRole('button', { name: 'Retry failed' }))
    expect(await screen.findByText('Deleted 6 runs.')).toBeTruthy()
    for (const name of ['parent', 'child-1', 'child-2', 'grandchild', 'solo', 'other']) {
      expect(stageOf(name)).toBe('deleted')
    }
  })

  it('lists the failures with their errors, keeps what succeeded, and retries only the failed runs', async () => {
    const runs = await loadRuns()
    const failing = new Set([store.runIdOf('child-2'), store.runIdOf('solo')])
    const attempts: string[] = []
    server.use(
      http.post('*/runs/delete', async ({ request }) => {
        const body: unknown = await request.clone().json()
        const runId = typeof body === 'object' && body !== null && 'run_id' in body ? String(body.run_id) : ''
        attempts.push(runId)
        if (failing.has(runId)) return mlflowError('INTERNAL_ERROR', `Database is locked (${runId})`)
        return undefined
      }),
    )
    const { user } = renderActions({ initial: byName(runs, 'parent', 'solo', 'other'), loaded: runs })
    await user.click(within(toolbar()).getByRole('button', { name: 'Delete…' }))
    await user.click(screen.getByRole('button', { name: 'Delete 6 runs' }))

    expect((await screen.findByRole('alert')).textContent).toBe('Deleted 4 of 6 runs; 2 runs failed.')
    const failures = within(screen.getByRole('list', { name: 'Failed runs' })).getAllByRole('listitem')
    expect(failures.map((item) => item.textContent)).toEqual([
      `solo The tracking server failed (500): Database is locked (${store.runIdOf('solo') ?? ''})`,
      `child-2 The tracking server failed (500): Database is locked (${store.runIdOf('child-2') ?? ''})`,
    ])
    // What succeeded stays deleted.
    for (const name of ['parent', 'other', 'child-1', 'grandchild']) expect(stageOf(name)).toBe('deleted')
    expect(stageOf('solo')).toBe('active')
    expect(stageOf('child-2')).toBe('active')

    failing.clear()
    attempts.length = 0
    await user.click(screen.getByRole('button', { name: 'Retry failed' }))
    expect(await screen.findByText('Deleted 2 runs.')).toBeTruthy()
    expect([...attempts].sort()).toEqual([store.runIdOf('child-2'), store.runIdOf('solo')].sort())
    expect(stageOf('solo')).toBe('deleted')
    expect(stageOf('child-2')).toBe('deleted')
    expect(screen.queryByRole('list', { name: 'Failed runs' })).toBeNull()
  })
})

describe('restoring runs', () => {
  it('restores the selected deleted runs', async () => {
    const runs = await loadRuns()
    const { user } = renderActions({ initial: byName(runs, 'gone'), loaded: runs, view: 'deleted' })
    await user.click(within(toolbar()).getByRole('button', { name: 'Restore…' }))
    const dialog = screen.getByRole('dialog', { name: 'Restore 1 run?' })
    await user.click(within(dialog).getByRole('button', { name: 'Restore 1 run' }))
    expect(await screen.findByText('Restored 1 run.')).toBeTruthy()
    expect(stageOf('gone')).toBe('active')
  })
})

describe('adding a tag', () => {
  it('checks the key as MLflow does, then tags every selected run', async () => {
    const runs = await loadRuns()
    const { user } = renderActions({ initial: byName(runs, 'solo', 'other', 'child-1'), loaded: runs })
    await user.click(within(toolbar()).getByRole('button', { name: 'Add tag…' }))
    const dialog = screen.getByRole('dialog', { name: 'Add a tag to 3 runs' })
    const key = within(dialog).getByRole('textbox', { name: 'Key' })

    await user.type(key, '/team')
    await user.click(within(dialog).getByRole('button', { name: 'Add tag' }))
    expect(within(dialog).getByRole('alert').textContent).toBe('A key cannot start with a slash.')
    expect(key.getAttribute('aria-invalid')).toBe('true')

    await user.clear(key)
    await user.type(key, 'team:vision')
    expect(within(dialog).getByRole('alert').textContent).toContain('may only contain letters, digits')

    await user.clear(key)
    await user.type(key, 'owner/team')
    expect(within(dialog).queryByRole('alert')).toBeNull()
    await user.type(within(dialog).getByRole('textbox', { name: 'Value' }), 'vision')
    await user.click(within(dialog).getByRole('button', { name: 'Add tag' }))

    expect(await screen.findByText('Tagged 3 runs with owner/team=vision.')).toBeTruthy()
    for (const name of ['solo', 'other', 'child-1']) {
      expect(store.getRun(store.runIdOf(name) ?? '')?.tags.get('owner/team')).toBe('vision')
    }
    expect(store.getRun(store.runIdOf('parent') ?? '')?.tags.has('owner/team')).toBe(false)
    // Tagged runs stay selected.
    expect(toolbar().textContent).toContain('3 selected')
  })
})

describe('tagKeyProblem', () => {
  // mlflow/tests/utils/test_validation.py
  it.each([
    'a',
    'Ab-5_',
    'a/b/c',
    'a.b.c',
    '.a',
    'b.',
    'a..a/._./o_O/.e.',
    'a b/c d',
    'größe',
    'x'.repeat(250),
  ])('accepts %j', (key) => {
    expect(tagKeyProblem(key)).toBeUndefined()
  })
  it.each([
    '',
    '.',
    '/',
    '..',
    '//',
    'a//b',
    'a/./b',
    '/a',
    'a/',
    ':',
    '\\',
    './',
    '/./',
    'a/../b',
    '..a',
    'x'.repeat(251),
  ])('refuses %j', (key) => {
    expect(tagKeyProblem(key)).toBeDefined()
  })
})

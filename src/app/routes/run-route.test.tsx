import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { mlflowError } from '@mocks/handlers/protocol'
import { createMockServer } from '@mocks/node'
import { formatMetricValue } from '@/domain/format/format-number'
import { renderRoute } from '@/testing/render-route'

const mock = createMockServer('demo')
beforeAll(() => {
  mock.server.listen({ onUnhandledRequest: 'error' })
})
afterEach(() => {
  mock.server.resetHandlers()
})
afterAll(() => {
  mock.server.close()
})

const NOTE = 'mlflow.note.content'

/** A fresh run for one test, so tests that edit runs do not see each other's edits. */
function createRun(name: string, tags: Record<string, string> = {}): string {
  return mock.store.createRun('1', {
    runName: name,
    startTime: 1_700_000_000_000,
    userId: 'tester',
    tags: new Map(Object.entries({ 'mlflow.user': 'tester', ...tags })),
  }).runId
}

function storedRun(runId: string) {
  const run = mock.store.getRun(runId)
  if (run === undefined) throw new Error(`no run ${runId}`)
  return run
}

async function openRun(runId: string, name: string) {
  const user = userEvent.setup()
  const view = renderRoute(`/experiments/1/runs/${runId}`)
  await screen.findByRole('heading', { level: 1, name })
  return { user, ...view }
}

/** What the browser does when the user comes back to the tab (react-query listens for it). */
function returnToWindow() {
  act(() => {
    window.dispatchEvent(new Event('visibilitychange'))
  })
}

/** A handler that answers as the real server does when it refuses a write. */
function refuse(path: string, errorCode: string, message: string) {
  mock.server.use(http.post(`*/ajax-api/2.0/mlflow/${path}`, () => mlflowError(errorCode, message)))
}

/** A handler that holds requests to `path` until `release()` (then the normal handler answers). */
function hold(path: string) {
  let release = () => {}
  const gate = new Promise<void>((resolve) => {
    release = resolve
  })
  mock.server.use(
    http.post(`*/ajax-api/2.0/mlflow/${path}`, async () => {
      await gate
      return undefined
    }),
  )
  return release
}

describe('run page', () => {
  it('shows the run and, behind a proxied tracking server, links to it in MLflow’s own UI', async () => {
    const runId = mock.store.runIdOf('mnist-edge-values') ?? ''
    renderRoute(`/experiments/1/runs/${runId}`, { mode: 'proxy', trackingUri: 'https://mlflow.internal/' })
    // The first test also loads the route's code, which takes a while on a busy machine.
    expect(await screen.findByRole('heading', { name: 'mnist-edge-values' }, { timeout: 5_000 })).toBeTruthy()
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

  it('keeps MLflow’s system tags read-only, in their own folded section', async () => {
    const runId = createRun('system-tags', { team: 'cv' })
    await openRun(runId, 'system-tags')
    const userTags = screen.getByRole('table', { name: 'Tags' })
    expect(within(userTags).getByRole('row', { name: /team/ })).toBeTruthy()
    expect(within(userTags).queryByText('mlflow.user')).toBeNull()
    const systemTags = screen.getByRole('table', { name: 'System tags' })
    expect(systemTags.closest('details')?.open).toBe(false)
    expect(within(systemTags).getByRole('row', { name: /mlflow\.user/ }).textContent).toContain('tester')
    expect(within(systemTags).queryByRole('button')).toBeNull()
  })
})

describe('run page edits', () => {
  it('renames in place: the new name shows before the server answers, and the server has it', async () => {
    const runId = createRun('before-rename')
    const { user } = await openRun(runId, 'before-rename')
    const release = hold('runs/update')
    await user.click(screen.getByRole('button', { name: 'Rename' }))
    const input = screen.getByRole('textbox', { name: 'Run name' })
    await user.clear(input)
    await user.type(input, 'after-rename{Enter}')
    expect(screen.getByRole('heading', { level: 1, name: 'after-rename' })).toBeTruthy()
    expect(storedRun(runId).runName).toBe('before-rename')
    release()
    await waitFor(() => {
      expect(storedRun(runId).runName).toBe('after-rename')
    })
    expect(storedRun(runId).tags.get('mlflow.runName')).toBe('after-rename')
    expect(screen.queryByRole('status', { name: 'Changed elsewhere' })).toBeNull()
  })

  it('refuses an empty name (the server would ignore it) and Escape cancels', async () => {
    const runId = createRun('keep-name')
    const { user } = await openRun(runId, 'keep-name')
    await user.click(screen.getByRole('button', { name: 'Rename' }))
    await user.clear(screen.getByRole('textbox', { name: 'Run name' }))
    await user.keyboard('{Enter}')
    expect(screen.getByRole('alert').textContent).toBe('Enter a name.')
    await user.keyboard('{Escape}')
    expect(screen.getByRole('heading', { level: 1, name: 'keep-name' })).toBeTruthy()
    await waitFor(() => {
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Rename' }))
    })
  })

  it('edits the description as Markdown with a preview; Ctrl+Enter saves, Escape cancels', async () => {
    const runId = createRun('noted', { [NOTE]: 'First **draft**' })
    const { user } = await openRun(runId, 'noted')
    const section = screen.getByRole('region', { name: 'Description' })
    expect(within(section).getByText('draft').tagName).toBe('STRONG')

    await user.click(within(section).getByRole('button', { name: 'Edit description' }))
    const textarea = within(section).getByRole('textbox', { name: 'Description' })
    await user.type(textarea, ' and _more_')
    await user.keyboard('{Escape}')
    expect(within(section).queryByRole('textbox')).toBeNull()
    expect(within(section).queryByText(/more/)).toBeNull()

    await user.click(within(section).getByRole('button', { name: 'Edit description' }))
    await user.clear(within(section).getByRole('textbox', { name: 'Description' }))
    await user.type(
      within(section).getByRole('textbox', { name: 'Description' }),
      '# Result{Enter}Loss is *low*',
    )
    const preview = within(section).getByRole('region', { name: 'Preview' })
    await waitFor(() => {
      expect(within(preview).getByText('low').tagName).toBe('EM')
    })
    await user.keyboard('{Control>}{Enter}{/Control}')
    expect(within(section).queryByRole('textbox')).toBeNull()
    expect(within(section).getByRole('heading', { name: 'Result' })).toBeTruthy()
    await waitFor(() => {
      expect(storedRun(runId).tags.get(NOTE)).toBe('# Result\nLoss is *low*')
    })

    // Emptied, the note is removed from the run.
    await user.click(within(section).getByRole('button', { name: 'Edit description' }))
    await user.clear(within(section).getByRole('textbox', { name: 'Description' }))
    await user.click(within(section).getByRole('button', { name: 'Save' }))
    expect(within(section).getByText('No description.')).toBeTruthy()
    await waitFor(() => {
      expect(storedRun(runId).tags.has(NOTE)).toBe(false)
    })
  })

  it('adds a tag (checking MLflow’s key rules first), changes its value and deletes it', async () => {
    const runId = createRun('tagged', { team: 'cv' })
    const { user } = await openRun(runId, 'tagged')
    await user.click(screen.getByRole('button', { name: 'Add tag' }))
    await user.type(screen.getByRole('textbox', { name: 'New tag key' }), 'bad=key')
    expect(screen.getByRole('alert').textContent).toMatch(/may only contain letters/)
    await user.clear(screen.getByRole('textbox', { name: 'New tag key' }))
    await user.type(screen.getByRole('textbox', { name: 'New tag key' }), 'team')
    expect(screen.getByRole('alert').textContent).toMatch(/already has a tag “team”/)
    await user.clear(screen.getByRole('textbox', { name: 'New tag key' }))
    await user.type(screen.getByRole('textbox', { name: 'New tag key' }), 'owner')
    await user.type(screen.getByRole('textbox', { name: 'New tag value' }), 'alice{Enter}')
    const tags = screen.getByRole('table', { name: 'Tags' })
    expect(within(tags).getByRole('row', { name: /owner/ }).textContent).toContain('alice')
    await waitFor(() => {
      expect(storedRun(runId).tags.get('owner')).toBe('alice')
    })

    await user.click(screen.getByRole('button', { name: 'Edit tag team' }))
    const value = screen.getByRole('textbox', { name: 'Value of tag team' })
    await user.clear(value)
    await user.type(value, 'nlp{Enter}')
    expect(within(tags).getByRole('row', { name: /team/ }).textContent).toContain('nlp')
    await waitFor(() => {
      expect(storedRun(runId).tags.get('team')).toBe('nlp')
    })

    await user.click(screen.getByRole('button', { name: 'Delete tag owner' }))
    expect(within(tags).queryByRole('row', { name: /owner/ })).toBeNull()
    await waitFor(() => {
      expect(storedRun(runId).tags.has('owner')).toBe(false)
    })
  })

  it('deletes and restores the run after asking; a deleted run says so and cannot be edited', async () => {
    const runId = createRun('doomed')
    const { user } = await openRun(runId, 'doomed')
    await user.click(screen.getByRole('button', { name: 'Delete run' }))
    const dialog = screen.getByRole('dialog', { name: 'Delete run “doomed”?' })
    await user.click(within(dialog).getByRole('button', { name: 'Delete run' }))
    const banner = await screen.findByText('This run is deleted.')
    await waitFor(() => {
      expect(storedRun(runId).lifecycleStage).toBe('deleted')
    })
    expect(screen.queryByRole('button', { name: 'Rename' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Add tag' })).toBeNull()
    expect(screen.queryByRole('button', { name: /description/ })).toBeNull()

    await user.click(
      within(banner.closest('.run-deleted-banner') ?? document.body).getByRole('button', {
        name: 'Restore run',
      }),
    )
    await user.click(
      within(screen.getByRole('dialog', { name: 'Restore run “doomed”?' })).getByRole('button', {
        name: 'Restore run',
      }),
    )
    expect(screen.queryByText('This run is deleted.')).toBeNull()
    await waitFor(() => {
      expect(storedRun(runId).lifecycleStage).toBe('active')
    })
    expect(screen.getByRole('button', { name: 'Rename' })).toBeTruthy()
  })
})

describe('run page edits the server refuses', () => {
  it('rolls a rename back with the server’s error code and message', async () => {
    const runId = createRun('stays')
    const { user } = await openRun(runId, 'stays')
    refuse('runs/update', 'PERMISSION_DENIED', 'Permission denied for run stays.')
    await user.click(screen.getByRole('button', { name: 'Rename' }))
    await user.clear(screen.getByRole('textbox', { name: 'Run name' }))
    await user.type(screen.getByRole('textbox', { name: 'Run name' }), 'renamed{Enter}')
    const alert = await screen.findByText(/^Could not rename the run to “renamed”/)
    expect(alert.textContent).toBe(
      'Could not rename the run to “renamed”: PERMISSION_DENIED: Permission denied for run stays. The change was undone.',
    )
    // The editor is open again with what the user typed; the heading is gone while it is.
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Run name' }).value).toBe('renamed')
    await user.keyboard('{Escape}')
    expect(screen.getByRole('heading', { level: 1, name: 'stays' })).toBeTruthy()
  })

  it('keeps the note the user typed when the server refuses it (400), and says why', async () => {
    const runId = createRun('long-note', { [NOTE]: 'short' })
    const { user } = await openRun(runId, 'long-note')
    refuse('runs/set-tag', 'INVALID_PARAMETER_VALUE', "'value' exceeds the maximum length of 8000 characters")
    const section = screen.getByRole('region', { name: 'Description' })
    await user.click(within(section).getByRole('button', { name: 'Edit description' }))
    const typed = 'A much longer note'
    await user.clear(within(section).getByRole('textbox', { name: 'Description' }))
    await user.type(within(section).getByRole('textbox', { name: 'Description' }), typed)
    await user.click(within(section).getByRole('button', { name: 'Save' }))
    expect((await screen.findByText(/^Could not save the note/)).textContent).toBe(
      "Could not save the note: INVALID_PARAMETER_VALUE: 'value' exceeds the maximum length of 8000 characters The change was undone.",
    )
    const textarea = await within(section).findByRole<HTMLTextAreaElement>('textbox', { name: 'Description' })
    expect(textarea.value).toBe(typed)
    expect(storedRun(runId).tags.get(NOTE)).toBe('short')
  })

  it('does not send a note longer than MLflow keeps, and keeps the text', async () => {
    const runId = createRun('too-long')
    const { user } = await openRun(runId, 'too-long')
    const section = screen.getByRole('region', { name: 'Description' })
    await user.click(within(section).getByRole('button', { name: 'Add a description' }))
    await user.click(within(section).getByRole('textbox', { name: 'Description' }))
    await user.paste('x'.repeat(8001))
    expect(within(section).getByText(/has at most 8,000 characters/).textContent).toBe(
      'A note has at most 8,000 characters on an MLflow server; this one has 8,001. Shorten it to save.',
    )
    expect(within(section).getByRole('button', { name: 'Save' })).toHaveProperty('disabled', true)
    await user.keyboard('{Control>}{Enter}{/Control}')
    expect(
      within(section).getByRole<HTMLTextAreaElement>('textbox', { name: 'Description' }).value,
    ).toHaveLength(8001)
    expect(storedRun(runId).tags.has(NOTE)).toBe(false)
  })

  it('puts back a deleted tag, and an added one is taken away, when the server refuses', async () => {
    const runId = createRun('tags-refused', { team: 'cv' })
    const { user } = await openRun(runId, 'tags-refused')
    refuse('runs/delete-tag', 'INTERNAL_ERROR', 'database is locked')
    await user.click(screen.getByRole('button', { name: 'Delete tag team' }))
    expect((await screen.findByText(/^Could not delete tag “team”/)).textContent).toBe(
      'Could not delete tag “team”: INTERNAL_ERROR: database is locked The change was undone.',
    )
    const tags = screen.getByRole('table', { name: 'Tags' })
    expect(within(tags).getByRole('row', { name: /team/ }).textContent).toContain('cv')

    refuse('runs/set-tag', 'INVALID_PARAMETER_VALUE', 'Invalid value "x" for parameter \'key\' supplied.')
    await user.click(screen.getByRole('button', { name: 'Add tag' }))
    await user.type(screen.getByRole('textbox', { name: 'New tag key' }), 'owner')
    await user.type(screen.getByRole('textbox', { name: 'New tag value' }), 'me{Enter}')
    expect(await screen.findByText(/^Could not set tag “owner”/)).toBeTruthy()
    expect(within(tags).queryByRole('row', { name: /owner/ })).toBeNull()
    // The form is open again with what the user typed.
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'New tag key' }).value).toBe('owner')
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'New tag value' }).value).toBe('me')
  })

  it('rolls back a refused deletion', async () => {
    const runId = createRun('undeletable')
    const { user } = await openRun(runId, 'undeletable')
    refuse('runs/delete', 'PERMISSION_DENIED', 'Permission denied')
    await user.click(screen.getByRole('button', { name: 'Delete run' }))
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete run' }))
    expect((await screen.findByText(/^Could not delete the run/)).textContent).toBe(
      'Could not delete the run: PERMISSION_DENIED: Permission denied The change was undone.',
    )
    expect(screen.queryByText('This run is deleted.')).toBeNull()
    expect(storedRun(runId).lifecycleStage).toBe('active')
  })

  it('a run deleted elsewhere: the rename is refused as the server refuses it, and the page says what happened', async () => {
    const runId = createRun('deleted-meanwhile')
    const { user } = await openRun(runId, 'deleted-meanwhile')
    mock.store.setRunLifecycle(runId, 'deleted')
    await user.click(screen.getByRole('button', { name: 'Rename' }))
    await user.clear(screen.getByRole('textbox', { name: 'Run name' }))
    await user.type(screen.getByRole('textbox', { name: 'Run name' }), 'too late{Enter}')
    expect((await screen.findByText(/^Could not rename/)).textContent).toBe(
      `Could not rename the run to “too late”: INVALID_PARAMETER_VALUE: The run ${runId} must be in the 'active' state. Current state is deleted. The change was undone.`,
    )
    const notice = await screen.findByRole('status', { name: 'Changed elsewhere' })
    expect(notice.textContent).toContain('the run was deleted')
    expect(screen.getByText('This run is deleted.')).toBeTruthy()
  })
})

describe('run page in two tabs', () => {
  it('shows another tab’s edits after a refetch on focus, saying what changed elsewhere', async () => {
    const runId = createRun('shared-run', { team: 'cv', [NOTE]: 'old note' })
    const user = userEvent.setup()
    const tabA = renderRoute(`/experiments/1/runs/${runId}`)
    const tabB = renderRoute(`/experiments/1/runs/${runId}`)
    const a = within(tabA.container)
    const b = within(tabB.container)
    await a.findByRole('heading', { level: 1, name: 'shared-run' })
    await b.findByRole('heading', { level: 1, name: 'shared-run' })

    // Tab A's own edit is not news to tab A.
    await user.click(a.getByRole('button', { name: 'Edit tag team' }))
    await user.clear(a.getByRole('textbox', { name: 'Value of tag team' }))
    await user.type(a.getByRole('textbox', { name: 'Value of tag team' }), 'vision{Enter}')
    await waitFor(() => {
      expect(storedRun(runId).tags.get('team')).toBe('vision')
    })

    await user.click(b.getByRole('button', { name: 'Rename' }))
    await user.clear(b.getByRole('textbox', { name: 'Run name' }))
    await user.type(b.getByRole('textbox', { name: 'Run name' }), 'renamed-in-b{Enter}')
    await user.click(b.getByRole('button', { name: 'Add tag' }))
    await user.type(b.getByRole('textbox', { name: 'New tag key' }), 'owner')
    await user.type(b.getByRole('textbox', { name: 'New tag value' }), 'bob{Enter}')
    await waitFor(() => {
      expect(storedRun(runId).tags.get('owner')).toBe('bob')
    })
    expect(a.getByRole('heading', { level: 1, name: 'shared-run' })).toBeTruthy()

    returnToWindow()
    await a.findByRole('heading', { level: 1, name: 'renamed-in-b' })
    const notice = a.getByRole('status', { name: 'Changed elsewhere' })
    expect(notice.textContent).toContain('the name (“shared-run” → “renamed-in-b”), tag “owner” (added)')
    expect(notice.textContent).not.toContain('team')
    expect(
      within(a.getByRole('table', { name: 'Tags' })).getByRole('row', { name: /owner/ }).textContent,
    ).toContain('bob')
    // Tab B made those changes itself; what it did not make is tab A's change of “team”.
    const noticeB = b.getByRole('status', { name: 'Changed elsewhere' })
    expect(noticeB.textContent).toContain('tag “team” (changed)')
    expect(noticeB.textContent).not.toMatch(/name|owner/)

    await user.click(within(notice).getByRole('button', { name: 'Dismiss' }))
    expect(a.queryByRole('status', { name: 'Changed elsewhere' })).toBeNull()
  })

  it('keeps the note being typed when another tab changes the note meanwhile', async () => {
    const runId = createRun('typing', { [NOTE]: 'v1' })
    const user = userEvent.setup()
    renderRoute(`/experiments/1/runs/${runId}`)
    await screen.findByRole('heading', { level: 1, name: 'typing' })
    await user.click(screen.getByRole('button', { name: 'Edit description' }))
    await user.type(screen.getByRole('textbox', { name: 'Description' }), ' mine')
    mock.store.setTag(runId, NOTE, 'theirs')
    returnToWindow()
    expect((await screen.findByRole('status', { name: 'Changed elsewhere' })).textContent).toContain(
      'the note',
    )
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Description' }).value).toBe('v1 mine')
    await user.keyboard('{Control>}{Enter}{/Control}')
    await waitFor(() => {
      expect(storedRun(runId).tags.get(NOTE)).toBe('v1 mine')
    })
  })
})

describe('run notes are untrusted', () => {
  it('renders a hostile note inert: no script, no event handlers, no javascript: links', async () => {
    const hostile = [
      '<script>window.__pwned = true</script>',
      '<img src=x onerror="window.__pwned = true">',
      '[click me](javascript:window.__pwned=true) and [fine](https://example.com)',
      '<a href="javascript:alert(1)">raw</a>',
    ].join('\n\n')
    const runId = createRun('hostile', { [NOTE]: hostile })
    const { container } = await openRun(runId, 'hostile')
    const section = screen.getByRole('region', { name: 'Description' })
    expect(container.querySelector('script, img, iframe, [onerror], [onclick]')).toBeNull()
    const links = within(section).getAllByRole('link')
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['https://example.com'])
    expect(section.textContent).toContain('<script>window.__pwned = true</script>')
    expect(section.textContent).toContain('click me')
    expect('__pwned' in window).toBe(false)
  })

  it('renders a 1 MB note quickly, as plain text beyond what Markdown formatting handles fast', async () => {
    const line = 'Some **bold** words, a [link](https://example.com) and `code` *here*.\n'
    const note = line.repeat(Math.ceil(1_000_000 / line.length))
    const runId = createRun('huge-note', { [NOTE]: note })
    const started = performance.now()
    await openRun(runId, 'huge-note')
    const section = screen.getByRole('region', { name: 'Description' })
    expect(within(section).getByText(/too long to format/).textContent).toContain('1,000,')
    expect(performance.now() - started).toBeLessThan(2_000)
    const { user } = { user: userEvent.setup() }
    await user.click(within(section).getByRole('button', { name: 'Show the whole note' }))
    expect(section.querySelector('pre')?.textContent).toHaveLength(note.length)
  })
})

describe('run page parameters and metrics', () => {
  /** The finite min and max of a mock history, first occurrence in logging order, as the table writes them. */
  function extremesOf(runId: string, key: string) {
    let min: { value: number; step: number } | undefined
    let max: { value: number; step: number } | undefined
    for (const point of mock.store.metricHistory(runId, key).slice()) {
      const value = Number(point.value)
      if (!Number.isFinite(value)) continue
      if (min === undefined || value < min.value) min = { value, step: point.step }
      if (max === undefined || value > max.value) max = { value, step: point.step }
    }
    const text = (extreme: { value: number; step: number } | undefined) =>
      extreme === undefined
        ? '—'
        : `${formatMetricValue(extreme.value)} (step ${extreme.step.toLocaleString('en')})`
    return { min: text(min), max: text(max) }
  }

  /** Requests for full histories (`metrics/get-history`), as `run_id|metric_key`. */
  function recordFullHistoryRequests(): string[] {
    const requested: string[] = []
    mock.server.events.on('request:start', ({ request }) => {
      const url = new URL(request.url)
      if (url.pathname.endsWith('/metrics/get-history'))
        requested.push(`${url.searchParams.get('run_id')}|${url.searchParams.get('metric_key')}`)
    })
    return requested
  }

  afterEach(() => {
    mock.server.events.removeAllListeners()
  })

  it('shows per metric the latest value, min and max with their steps, the steps and a sparkline', async () => {
    const runId = mock.store.runIdOf('lr-0.01-seed-0') ?? ''
    const early = mock.store.runIdOf('lr-0.01-seed-2') ?? ''
    const experimentId = storedRun(runId).experimentId
    const first = renderRoute(`/experiments/${experimentId}/runs/${runId}`)
    const table = await screen.findByRole('table', { name: 'Model metrics' }, { timeout: 5_000 })
    const expected = extremesOf(runId, 'loss')
    // 200 steps fill the first sample exactly, so the full history follows; then nothing is marked sampled.
    await waitFor(() => {
      const row = within(table).getByRole('row', { name: /^loss/ })
      expect(within(row).getByRole('cell', { name: '200' })).toBeTruthy()
    })
    const row = within(table).getByRole('row', { name: /^loss/ })
    expect(row.textContent).toContain(expected.min)
    expect(row.textContent).toContain(expected.max)
    expect(row.textContent).not.toContain('sampled')
    const latest = storedRun(runId).latestMetrics.get('loss')
    expect(row.textContent).toContain(`${formatMetricValue(Number(latest?.value))} (step 199)`)
    expect(within(row).getByRole('img', { name: 'loss: line of 200 points' })).toBeTruthy()
    expect(screen.queryByRole('table', { name: 'System metrics' })).toBeNull()

    // A run that stopped at step 150: the first sample holds all of it.
    first.unmount()
    renderRoute(`/experiments/${experimentId}/runs/${early}`)
    const earlyTable = await screen.findByRole('table', { name: 'Model metrics' })
    const earlyExpected = extremesOf(early, 'val_accuracy')
    await waitFor(() => {
      const earlyRow = within(earlyTable).getByRole('row', { name: /^val_accuracy/ })
      expect(earlyRow.textContent).toContain(earlyExpected.max)
      expect(within(earlyRow).getByRole('cell', { name: '151' })).toBeTruthy()
    })
  })

  it('labels a 100,000-step history sampled and never presents the sample’s min and max as the full ones', async () => {
    const requested = recordFullHistoryRequests()
    const runId = mock.store.runIdOf('long-history-100k') ?? ''
    renderRoute(`/experiments/${storedRun(runId).experimentId}/runs/${runId}`)
    const table = await screen.findByRole('table', { name: 'Model metrics' }, { timeout: 5_000 })
    await waitFor(() => {
      expect(within(table).getByRole('row', { name: /^train_loss/ }).textContent).toContain('sampled')
    })
    const row = within(table).getByRole('row', { name: /^train_loss/ })
    expect(row.textContent).toContain('≈ 100,000')
    // Min and max carry the † mark, explained on hover and below the table.
    expect(within(row).getAllByTitle(/^Sampled: min, max and the line come from/)).not.toHaveLength(0)
    expect(row.textContent).toContain('†')
    expect(within(row).getByRole('img', { name: /^train_loss: sampled line of 200 points$/ })).toBeTruthy()
    expect(screen.getByText(/^† Sampled:/)).toBeTruthy()
    // eval_loss (20 points) is whole in its sample.
    const evalRow = within(table).getByRole('row', { name: /^eval_loss/ })
    await waitFor(() => {
      expect(within(evalRow).getByRole('cell', { name: '20' })).toBeTruthy()
    })
    expect(evalRow.textContent).not.toContain('sampled')
    // Over the budget: the 100,000 points are never requested in full.
    expect(requested.filter((request) => request.startsWith(runId))).toEqual([])
  })

  it('keeps system metrics in their own group, folded when there are many', async () => {
    const runId = createRun('with-system-metrics')
    const run = storedRun(runId)
    const logged = (value: number, step: number) => ({ step, timestamp: 1_700_000_000_000 + step, value })
    run.latestMetrics.set('loss', logged(0.25, 2))
    const systemKeys = Array.from({ length: 12 }, (_, index) => `system/gpu_${index}_utilization_percentage`)
    for (const key of systemKeys) run.latestMetrics.set(key, logged(50, 2))
    // The store cannot log points into a run made by a request: answer its sampled histories here.
    mock.server.use(
      http.get('*/ajax-api/2.0/mlflow/metrics/get-history-bulk-interval', ({ request }) => {
        const url = new URL(request.url)
        if (url.searchParams.get('run_ids') !== runId) return undefined
        const key = url.searchParams.get('metric_key') ?? ''
        const values = key === 'loss' ? [1, 0.5, 0.25] : [20, 90, 50]
        return HttpResponse.json({
          metrics: values.map((value, step) => ({ key, ...logged(value, step), run_id: runId })),
        })
      }),
    )
    const { user } = await openRun(runId, 'with-system-metrics')
    const model = screen.getByRole('table', { name: 'Model metrics' })
    expect(within(model).getAllByRole('row')).toHaveLength(2)
    expect(within(model).getByRole('row', { name: /^loss/ })).toBeTruthy()
    // Twelve system metrics start folded, behind a button.
    expect(screen.queryByRole('table', { name: 'System metrics' })).toBeNull()
    expect(screen.getByRole('heading', { name: 'System metrics (12)' })).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Show system metrics' }))
    const system = screen.getByRole('table', { name: 'System metrics' })
    expect(within(system).getAllByRole('row')).toHaveLength(13)
    await waitFor(() => {
      expect(within(system).getByRole('row', { name: /^system\/gpu_0_/ }).textContent).toContain(
        '90 (step 1)',
      )
    })
    expect(within(model).queryByRole('row', { name: /^system\// })).toBeNull()
  })

  it('fetches a metric’s history again when a refetch of the running run shows it moved on', async () => {
    const runId = createRun('still-training')
    const run = storedRun(runId)
    run.status = 'RUNNING'
    const logged = (value: number, step: number) => ({ step, timestamp: 1_700_000_000_000 + step, value })
    const history = [logged(1, 0), logged(0.5, 1)]
    run.latestMetrics.set('loss', logged(0.5, 1))
    run.latestMetrics.set('lr', logged(0.1, 0))
    const asked: string[] = []
    mock.server.use(
      http.get('*/ajax-api/2.0/mlflow/metrics/get-history-bulk-interval', ({ request }) => {
        const url = new URL(request.url)
        if (url.searchParams.get('run_ids') !== runId) return undefined
        const key = url.searchParams.get('metric_key') ?? ''
        asked.push(key)
        const points = key === 'loss' ? history : [logged(0.1, 0)]
        return HttpResponse.json({ metrics: points.map((point) => ({ key, ...point, run_id: runId })) })
      }),
    )
    await openRun(runId, 'still-training')
    const table = screen.getByRole('table', { name: 'Model metrics' })
    const lossRow = () => within(table).getByRole('row', { name: /^loss/ })
    await waitFor(() => {
      expect(lossRow().textContent).toContain('1 (step 0)')
    })
    const askedBefore = asked.length
    // The run logs a spike at step 2; the page's next refetch of the run sees the new latest point.
    history.push(logged(7, 2))
    run.latestMetrics.set('loss', logged(7, 2))
    returnToWindow()
    // The history's own figures follow: three steps now, and the spike is the max.
    await waitFor(() => {
      expect(within(lossRow()).getByRole('cell', { name: '3' })).toBeTruthy()
    })
    expect(lossRow().textContent).toContain('7 (step 2)')
    // Only the metric that moved was fetched again.
    expect(asked.slice(askedBefore)).toEqual(['loss'])
  })

  it('searches metrics and parameters by key, and says when nothing matches', async () => {
    const runId = mock.store.runIdOf('mnist-cnn-1') ?? ''
    const { user } = await openRun(runId, 'mnist-cnn-1')
    const table = screen.getByRole('table', { name: 'Model metrics' })
    const keysShown = () =>
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.querySelector('th')?.textContent)
    expect(keysShown()).toEqual(['accuracy', 'loss', 'val_accuracy', 'val_loss'])
    await user.type(screen.getByRole('searchbox', { name: 'Search metrics' }), 'VAL_')
    expect(keysShown()).toEqual(['val_accuracy', 'val_loss'])
    await user.type(screen.getByRole('searchbox', { name: 'Search metrics' }), 'zzz')
    expect(screen.getByText('No metric matches “VAL_zzz”.')).toBeTruthy()
    expect(screen.queryByRole('table', { name: 'Model metrics' })).toBeNull()

    const params = screen.getByRole('table', { name: 'Parameters' })
    const paramCount = within(params).getAllByRole('row').length
    expect(paramCount).toBeGreaterThan(1)
    const firstKey = within(params).getAllByRole('rowheader')[0]?.textContent ?? ''
    await user.type(screen.getByRole('searchbox', { name: 'Search parameters' }), firstKey.toUpperCase())
    expect(within(params).getAllByRole('row').length).toBeLessThan(paramCount)
    expect(within(params).getAllByRole('rowheader')[0]?.textContent).toBe(firstKey)
    await user.type(screen.getByRole('searchbox', { name: 'Search parameters' }), 'no-such-param')
    expect(screen.getByText(/^No parameter matches/)).toBeTruthy()
  })

  it('links each metric to the Metrics tab charting only that metric', async () => {
    await import('@/features/metric-charts/metric-charts')
    const runId = mock.store.runIdOf('mnist-cnn-1') ?? ''
    const { user, router } = await openRun(runId, 'mnist-cnn-1')
    const link = within(screen.getByRole('table', { name: 'Model metrics' })).getByRole('link', {
      name: 'val_loss',
    })
    expect(link.getAttribute('href')).toBe(`/experiments/1/runs/${runId}/metrics?metrics=val_loss`)
    await user.click(link)
    expect(await screen.findByRole('region', { name: 'Chart val_loss' })).toBeTruthy()
    expect(router.state.location.pathname).toBe(`/experiments/1/runs/${runId}/metrics`)
    expect(screen.queryByRole('region', { name: 'Chart loss' })).toBeNull()
  })

  it('fails one metric’s history without blanking the others, and retries it', async () => {
    const runId = mock.store.runIdOf('mnist-cnn-1') ?? ''
    let failing = true
    mock.server.use(
      http.get('*/ajax-api/2.0/mlflow/metrics/get-history-bulk-interval', ({ request }) => {
        const url = new URL(request.url)
        if (!failing || url.searchParams.get('metric_key') !== 'loss') return undefined
        return mlflowError('INTERNAL_ERROR', 'boom')
      }),
    )
    const { user } = await openRun(runId, 'mnist-cnn-1')
    const table = screen.getByRole('table', { name: 'Model metrics' })
    const lossRow = within(table).getByRole('row', { name: /^loss/ })
    expect(
      await within(lossRow).findByText(/^Could not load the history/, {}, { timeout: 5_000 }),
    ).toBeTruthy()
    await waitFor(() => {
      expect(within(table).getByRole('row', { name: /^val_loss/ }).textContent).toMatch(/\(step \d+\)/)
    })
    failing = false
    await user.click(within(lossRow).getByRole('button', { name: 'Retry' }))
    const expected = extremesOf(runId, 'loss')
    await waitFor(() => {
      expect(within(table).getByRole('row', { name: /^loss/ }).textContent).toContain(expected.min)
    })
  })

  it('folds long parameter values, shows them whole on demand, and copies them', async () => {
    const runId = createRun('long-params')
    const prompt = `${'You are a helpful assistant. '.repeat(20)}\nSecond line.`
    storedRun(runId).params.set('prompt', prompt)
    storedRun(runId).params.set('lr', '0.01')
    const { user } = await openRun(runId, 'long-params')
    const params = screen.getByRole('table', { name: 'Parameters' })
    const row = within(params).getByRole('row', { name: /^prompt/ })
    expect(row.textContent).not.toContain('Second line.')
    await user.click(within(row).getByRole('button', { name: /^Show all/ }))
    expect(row.textContent).toContain('Second line.')
    expect(within(row).getByRole('button', { name: 'Show less' }).getAttribute('aria-expanded')).toBe('true')
    await user.click(within(row).getByRole('button', { name: 'Copy value of prompt' }))
    expect(await navigator.clipboard.readText()).toBe(prompt)
    expect(within(row).getByText('Copied')).toBeTruthy()

    const lrRow = within(params).getByRole('row', { name: /^lr/ })
    expect(within(lrRow).queryByRole('button', { name: /^Show all/ })).toBeNull()
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValueOnce(new Error('denied'))
    await user.click(within(lrRow).getByRole('button', { name: 'Copy value of lr' }))
    expect(await within(lrRow).findByText(/^Could not copy/)).toBeTruthy()
  })

  it('says when a run logged no parameters or metrics', async () => {
    const runId = createRun('bare-run')
    await openRun(runId, 'bare-run')
    expect(screen.getByText('No parameters logged.')).toBeTruthy()
    expect(screen.getByText('No metrics logged.')).toBeTruthy()
  })
})

describe('run overview: where it came from, its family, data and models', () => {
  function runAt(runId: string) {
    return `/experiments/${storedRun(runId).experimentId}/runs/${runId}`
  }

  async function openOverview(runId: string) {
    const user = userEvent.setup()
    const view = renderRoute(runAt(runId))
    await screen.findByRole('heading', { level: 1, name: storedRun(runId).runName }, { timeout: 5_000 })
    return { user, ...view }
  }

  function fact(label: string): HTMLElement {
    const facts = screen.getByRole('definition', {
      name: (_, element) => element.previousElementSibling?.textContent === label,
    })
    return facts
  }

  it('shows the experiment by name, the source, the git commit linked to its repository and a copyable run id', async () => {
    const commit = '0123456789abcdef0123456789abcdef01234567'
    const runId = createRun('from-git', {
      'mlflow.source.name': '/home/tester/project/train_model.py',
      'mlflow.source.type': 'LOCAL',
      'mlflow.source.git.commit': commit,
      'mlflow.source.git.branch': 'feature/x',
      'mlflow.source.git.repoURL': 'git@github.com:acme/models.git',
    })
    const { user } = await openOverview(runId)
    const experimentName = mock.store.getExperiment('1')?.name ?? ''
    const facts = await screen.findByRole('region', { name: 'Run facts' })
    expect(await within(facts).findByRole('link', { name: experimentName })).toBeTruthy()
    // The breadcrumb names the experiment and the run too.
    const crumbs = screen.getByRole('navigation', { name: 'Breadcrumb' })
    expect(await within(crumbs).findByRole('link', { name: experimentName })).toBeTruthy()
    expect(within(crumbs).getByText('from-git').getAttribute('aria-current')).toBe('page')
    const source = screen.getByText('train_model.py')
    expect(source.getAttribute('title')).toBe('/home/tester/project/train_model.py')
    expect(fact('Source').textContent).toContain('local')
    const commitLink = screen.getByRole('link', { name: '0123456' })
    expect(commitLink.getAttribute('href')).toBe(`https://github.com/acme/models/commit/${commit}`)
    expect(fact('Git commit').textContent).toContain('feature/x')
    await user.click(screen.getByRole('button', { name: 'Copy git commit' }))
    expect(await navigator.clipboard.readText()).toBe(commit)
    await user.click(screen.getByRole('button', { name: 'Copy run ID' }))
    expect(await navigator.clipboard.readText()).toBe(runId)
    expect(within(fact('Run ID')).getByRole('status').textContent).toBe('Copied')
  })

  it('does not link a commit whose repository is not a web address', async () => {
    const runId = createRun('local-git', {
      'mlflow.source.git.commit': 'abcdef0123456789',
      'mlflow.source.git.repoURL': '/srv/git/models',
    })
    await openOverview(runId)
    expect(fact('Git commit').textContent).toContain('abcdef0')
    expect(screen.queryByRole('link', { name: 'abcdef0' })).toBeNull()
  })

  it('counts a running run’s duration up every second, and stops when it finishes', async () => {
    const runId = mock.store.createRun('1', {
      runName: 'live-run',
      startTime: Date.now() - 5_000,
      userId: 'tester',
      tags: new Map([['mlflow.user', 'tester']]),
    }).runId
    const { queryClient } = await openOverview(runId)
    const first = fact('Duration').textContent
    expect(first).toMatch(/^\d+s so far$/)
    await waitFor(
      () => {
        expect(fact('Duration').textContent).not.toBe(first)
      },
      { timeout: 3_000 },
    )
    mock.store.updateRun(runId, { status: 'FINISHED', endTime: storedRun(runId).startTime + 65_000 })
    await act(() => queryClient.invalidateQueries())
    await waitFor(() => {
      expect(fact('Duration').textContent).toBe('1m 05s')
    })
    expect(fact('Ended').querySelector('time')).not.toBeNull()
  })

  it('links the parent by name and lists all children 25 at a time', async () => {
    const parentId = createRun('big-parent')
    for (let index = 1; index <= 30; index++) {
      mock.store.createRun('1', {
        runName: `kid-${String(index).padStart(2, '0')}`,
        startTime: 1_700_000_000_000 + index * 1000,
        userId: 'tester',
        tags: new Map([['mlflow.parentRunId', parentId]]),
      })
    }
    const { user } = await openOverview(parentId)
    const children = await screen.findByRole('table', { name: 'Child runs' })
    expect(within(children).getAllByRole('link')).toHaveLength(25)
    // Newest first: the 30th child started last.
    expect(within(children).getAllByRole('link')[0]?.textContent).toBe('kid-30')
    expect(screen.getByRole('heading', { name: /Child runs/ }).textContent).toContain('25+')
    await user.click(screen.getByRole('button', { name: 'Load more child runs' }))
    await waitFor(() => {
      expect(within(children).getAllByRole('link')).toHaveLength(30)
    })
    expect(screen.queryByRole('button', { name: 'Load more child runs' })).toBeNull()
    expect(screen.getByRole('heading', { name: /Child runs/ }).textContent).toContain('30')

    await user.click(within(children).getByRole('link', { name: 'kid-07' }))
    await screen.findByRole('heading', { level: 1, name: 'kid-07' })
    expect(await within(fact('Parent run')).findByRole('link', { name: 'big-parent' })).toBeTruthy()
    expect(await screen.findByText('No child runs.')).toBeTruthy()
  })

  it('shows every dataset with its context, digest, size and schema', async () => {
    const runId = mock.store.runIdOf('mnist-with-datasets') ?? ''
    const { user } = await openOverview(runId)
    const train = screen.getByRole('listitem', { name: 'Dataset mnist (train)' })
    expect(train.textContent).toContain('3f2a9c1d')
    expect(train.textContent).toContain('60,000')
    expect(train.textContent).toContain('/data/mnist/train')
    expect(train.textContent).toContain('local')
    await user.click(within(train).getByText('Schema (2 columns)'))
    const schema = within(train).getByRole('table', { name: 'Schema of mnist (train)' })
    expect(within(schema).getByRole('row', { name: /label/ }).textContent).toContain('long')
    const evaluation = screen.getByRole('listitem', { name: 'Dataset mnist (eval)' })
    expect(evaluation.textContent).toContain('10,000')
    expect(within(evaluation).queryByText(/Schema/)).toBeNull()
  })

  it('shows an MLflow 3 logged model with a link to its files, its environment and registered versions', async () => {
    const runId = mock.store.runIdOf('artifact-zoo-train') ?? ''
    const modelId = mock.store.modelIdOf('zoo-classifier') ?? ''
    mock.server.use(
      http.get('*/ajax-api/2.0/mlflow/model-versions/search', ({ request }) => {
        const filter = new URL(request.url).searchParams.get('filter')
        return HttpResponse.json(
          filter === `run_id = '${runId}'`
            ? {
                model_versions: [
                  {
                    name: 'zoo',
                    version: '3',
                    creation_timestamp: 1_700_000_000_000,
                    last_updated_timestamp: 1_700_000_000_000,
                    current_stage: 'None',
                    description: '',
                    source: `models:/${modelId}`,
                    run_id: runId,
                    status: 'READY',
                  },
                ],
              }
            : {},
        )
      }),
    )
    const { user } = await openOverview(runId)
    const card = await screen.findByRole('listitem', { name: 'Model zoo-classifier' })
    await waitFor(() => {
      expect(card.textContent).toContain('classifier')
    })
    expect(card.textContent).toContain('ready')
    // MLflow 3 writes no log-model history: the flavors come from the model's own MLmodel.
    await waitFor(() => {
      expect(card.textContent).toContain('python_function, sklearn')
    })
    expect(within(card).getByRole('link', { name: 'Files' }).getAttribute('href')).toBe(
      `${runAt(runId)}/artifacts?model=${modelId}`,
    )
    await user.click(within(card).getByRole('button', { name: 'Show environment' }))
    const environment = within(card).getByRole('region', { name: 'Environment of zoo-classifier' })
    await waitFor(() => {
      expect(environment.textContent).toContain('3.11.7')
    })
    expect(environment.textContent).toContain('scikit-learn==1.5.2')
    const versions = await screen.findByRole('list', { name: 'Registered versions' })
    expect(within(versions).getByRole('link', { name: 'zoo v3' }).getAttribute('href')).toBe(
      '/models/zoo/versions/3',
    )
  })

  it('shows a model MLflow 2 logged into the run’s artifacts, linking to its directory', async () => {
    const runId = mock.store.runIdOf('mnist-cnn-4') ?? ''
    await openOverview(runId)
    const card = screen.getByRole('listitem', { name: 'Model model' })
    expect(card.textContent).toContain('python_function, pytorch')
    expect(within(card).getByRole('link', { name: 'Files' }).getAttribute('href')).toBe(
      `${runAt(runId)}/artifacts/model/`,
    )
    expect(within(card).getByRole('time')).toBeTruthy()
    expect(await screen.findByText('No registered versions come from this run.')).toBeTruthy()
  })

  it('keeps the rest of the page when the models or the children cannot be loaded', async () => {
    const runId = mock.store.runIdOf('artifact-zoo-train') ?? ''
    mock.server.use(
      http.get('*/ajax-api/2.0/mlflow/logged-models/:id', () =>
        mlflowError('PERMISSION_DENIED', 'Permission denied'),
      ),
      http.post('*/ajax-api/2.0/mlflow/runs/search', () =>
        mlflowError('INVALID_PARAMETER_VALUE', 'search broke'),
      ),
    )
    await openOverview(runId)
    expect(await screen.findByText(/Could not load the model m-/)).toBeTruthy()
    expect(await screen.findByText('Could not load the child runs')).toBeTruthy()
    expect(screen.getByRole('link', { name: 'Files' })).toBeTruthy()
    expect(fact('Run ID').textContent).toContain(runId)
    expect(screen.getByRole('heading', { name: 'Datasets' })).toBeTruthy()
  })
})

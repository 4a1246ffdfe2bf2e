import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http } from 'msw'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { mlflowError } from '@mocks/handlers/protocol'
import { createMockServer } from '@mocks/node'
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

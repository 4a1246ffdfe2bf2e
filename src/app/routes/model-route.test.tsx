import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createMockServer } from '@mocks/node'
import { registryOf } from '@mocks/store/registry-store'
import { REGISTRY_UNAVAILABLE_TITLE } from '@/api/registry-availability'
import { renderRoute } from '@/testing/render-route'

/** The first render loads the route's code and builds the demo world: allow it time. */
const LOAD = { timeout: 5_000 }
const API = '*/ajax-api/2.0/mlflow'

let mock = createMockServer('demo')

beforeAll(() => {
  mock.server.listen({ onUnhandledRequest: 'error' })
})
beforeEach(() => {
  mock.server.close()
  mock = createMockServer('demo')
  mock.server.listen({ onUnhandledRequest: 'error' })
})
afterAll(() => {
  mock.server.close()
})
afterEach(() => {
  mock.server.resetHandlers()
})

const registry = () => registryOf(mock.store)

function versionRow(version: string): HTMLElement {
  const table = screen.getByRole('table', { name: 'Versions' })
  const row = within(table)
    .getByRole('rowheader', { name: `Version ${version}` })
    .closest('tr')
  if (row === null) throw new Error(`no row for version ${version}`)
  return row
}

function aliasesOfRow(version: string): string {
  return within(versionRow(version)).getByRole('list', { name: `Aliases of version ${version}` }).textContent
}

async function openModel(name: string, { withVersions = true } = {}) {
  const view = renderRoute(`/models/${encodeURIComponent(name)}`)
  await screen.findByRole('heading', { level: 1, name }, LOAD)
  if (withVersions) await screen.findByRole('table', { name: 'Versions' }, LOAD)
  else await screen.findByText(/^No versions yet/, {}, LOAD)
  return view
}

describe('registered model page', () => {
  it('show the description as Markdown, the tags and the versions with their source runs', async () => {
    await openModel('cifar-resnet')
    expect(screen.getByRole('heading', { level: 1, name: 'cifar-resnet' })).toBeTruthy()
    expect(screen.getByText('cifar-sweep').tagName).toBe('STRONG')
    expect(
      within(screen.getByRole('table', { name: 'Tags' })).getByRole('rowheader', { name: 'owner' }),
    ).toBeTruthy()
    const table = screen.getByRole('table', { name: 'Versions' })
    // Newest first, each with its aliases; no stage column when every version is "None".
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Version 2', 'Version 1'])
    expect(within(table).queryByRole('columnheader', { name: 'Stage' })).toBeNull()
    expect(aliasesOfRow('2')).toContain('@champion')
    expect(aliasesOfRow('1')).toContain('@challenger')
    // The source run by name, linked to its page.
    const run = await within(versionRow('2')).findByRole('link', { name: 'sweep-b-trial-7' }, LOAD)
    expect(run.getAttribute('href')).toMatch(/^\/runs\/[0-9a-f]{32}$/)
    expect(within(versionRow('1')).getByText('Best trial of sweep A.')).toBeTruthy()
  })

  it('show the stage column for a model that uses stages', async () => {
    await openModel('mnist-classifier')
    const table = screen.getByRole('table', { name: 'Versions' })
    expect(within(table).getByRole('columnheader', { name: 'Stage' })).toBeTruthy()
    expect(within(versionRow('3')).getByText('Production')).toBeTruthy()
    expect(within(versionRow('1')).getByText('Archived')).toBeTruthy()
  })

  it('edit the description: shown at once and kept by the server', async () => {
    const user = userEvent.setup()
    await openModel('cifar-resnet')
    await user.click(screen.getByRole('button', { name: 'Edit description' }))
    const box = screen.getByRole('textbox', { name: 'Description' })
    await user.clear(box)
    await user.type(box, 'Now with *emphasis*')
    await user.keyboard('{Control>}{Enter}{/Control}')
    expect(screen.getByText('emphasis').tagName).toBe('EM')
    await waitFor(() => {
      expect(registry().getModel('cifar-resnet').description).toBe('Now with *emphasis*')
    }, LOAD)
  })

  it('add, move and remove aliases in place', async () => {
    const user = userEvent.setup()
    await openModel('cifar-resnet')
    await user.click(screen.getByRole('button', { name: 'Add an alias to version 1' }))
    const input = screen.getByRole('combobox', { name: 'New alias for version 1' })
    await user.type(input, 'champion')
    expect(screen.getByText('Moves “champion” from version 2 to version 1.')).toBeTruthy()
    await user.keyboard('{Enter}')
    // At once: the alias left version 2 for version 1.
    expect(aliasesOfRow('1')).toContain('@champion')
    expect(aliasesOfRow('2')).not.toContain('@champion')
    await waitFor(() => {
      expect(registry().versionByAlias('cifar-resnet', 'champion').version).toBe(1)
    }, LOAD)
    await user.click(screen.getByRole('button', { name: 'Remove alias challenger from version 1' }))
    expect(aliasesOfRow('1')).not.toContain('@challenger')
    await waitFor(() => {
      expect(() => registry().versionByAlias('cifar-resnet', 'challenger')).toThrow()
    }, LOAD)
  })

  it('refuse a reserved alias before asking the server', async () => {
    const user = userEvent.setup()
    await openModel('cifar-resnet')
    await user.click(screen.getByRole('button', { name: 'Add an alias to version 2' }))
    await user.type(screen.getByRole('combobox', { name: 'New alias for version 2' }), 'v3')
    await user.keyboard('{Enter}')
    expect(screen.getByRole('alert').textContent).toBe(
      '“v3” is reserved: MLflow reads it as a version number.',
    )
    expect(aliasesOfRow('2')).not.toContain('@v3')
  })

  it('undo an alias the server refuses, with its reason', async () => {
    const user = userEvent.setup()
    mock.server.use(
      http.post(`${API}/registered-models/alias`, () =>
        HttpResponse.json(
          { error_code: 'PERMISSION_DENIED', message: 'Only admins may set aliases.' },
          { status: 403 },
        ),
      ),
    )
    await openModel('cifar-resnet')
    await user.click(screen.getByRole('button', { name: 'Add an alias to version 2' }))
    await user.type(screen.getByRole('combobox', { name: 'New alias for version 2' }), 'prod')
    await user.keyboard('{Enter}')
    expect(
      (await screen.findByText(/^Could not set alias “prod” on version 2: PERMISSION_DENIED/, {}, LOAD))
        .textContent,
    ).toContain('Only admins may set aliases. The change was undone.')
    expect(aliasesOfRow('2')).not.toContain('@prod')
  })

  it('add and delete tags', async () => {
    const user = userEvent.setup()
    await openModel('cifar-resnet')
    await user.click(screen.getByRole('button', { name: 'Add tag' }))
    await user.type(screen.getByRole('textbox', { name: 'New tag key' }), 'stage')
    await user.type(screen.getByRole('textbox', { name: 'New tag value' }), 'beta{Enter}')
    expect(
      within(screen.getByRole('table', { name: 'Tags' })).getByRole('rowheader', { name: 'stage' }),
    ).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Delete tag owner' }))
    expect(
      within(screen.getByRole('table', { name: 'Tags' })).queryByRole('rowheader', { name: 'owner' }),
    ).toBeNull()
    await waitFor(() => {
      const tags = registry().getModel('cifar-resnet').tags
      expect(tags.get('stage')).toBe('beta')
      expect(tags.has('owner')).toBe(false)
    }, LOAD)
  })

  it('delete a version after confirming', async () => {
    const user = userEvent.setup()
    await openModel('cifar-resnet')
    await user.click(screen.getByRole('button', { name: 'Delete version 1' }))
    const dialog = screen.getByRole('dialog', { name: 'Delete version 1?' })
    expect(within(dialog).getByText(/with its aliases “challenger”/)).toBeTruthy()
    await user.click(within(dialog).getByRole('button', { name: 'Delete version 1' }))
    expect(
      within(screen.getByRole('table', { name: 'Versions' })).queryByRole('rowheader', { name: 'Version 1' }),
    ).toBeNull()
    await waitFor(() => {
      expect(() => registry().getVersion('cifar-resnet', 1)).toThrow()
    }, LOAD)
  })

  it('compare the runs of the selected versions', async () => {
    const user = userEvent.setup()
    const { router } = await openModel('cifar-resnet')
    expect(screen.getByRole('button', { name: 'Compare' })).toHaveProperty('disabled', true)
    await user.click(screen.getByRole('checkbox', { name: 'Select version 1' }))
    await user.click(screen.getByRole('checkbox', { name: 'Select version 2' }))
    await user.click(screen.getByRole('button', { name: 'Compare' }))
    const runIds = [
      registry().getVersion('cifar-resnet', 2).runId,
      registry().getVersion('cifar-resnet', 1).runId,
    ]
    await waitFor(() => {
      expect(router.state.location.pathname).toBe('/compare')
    }, LOAD)
    expect(new URLSearchParams(router.state.location.search).get('runs')?.split(',').sort()).toEqual(
      [...runIds].sort(),
    )
  })

  it('rename the model and follow it to its new address', async () => {
    const user = userEvent.setup()
    const { router } = await openModel('fraud-detector', { withVersions: false })
    await user.click(screen.getByRole('button', { name: 'Rename' }))
    const box = screen.getByRole('textbox', { name: 'New name' })
    await user.clear(box)
    await user.type(box, 'fraud-model{Enter}')
    await waitFor(() => {
      expect(router.state.location.pathname).toBe('/models/fraud-model')
    }, LOAD)
    expect(await screen.findByRole('heading', { level: 1, name: 'fraud-model' }, LOAD)).toBeTruthy()
  })

  it('delete the model after confirming and go back to the list', async () => {
    const user = userEvent.setup()
    const { router } = await openModel('fraud-detector', { withVersions: false })
    await user.click(screen.getByRole('button', { name: 'Delete model' }))
    await user.click(
      within(screen.getByRole('dialog', { name: 'Delete fraud-detector?' })).getByRole('button', {
        name: 'Delete model',
      }),
    )
    await waitFor(() => {
      expect(router.state.location.pathname).toBe('/models')
    }, LOAD)
    await screen.findByRole('link', { name: 'cifar-resnet' }, LOAD)
    expect(screen.queryByRole('link', { name: 'fraud-detector' })).toBeNull()
  })

  it('say plainly that a model does not exist', async () => {
    renderRoute('/models/no-such-model')
    expect(
      await screen.findByText('There is no registered model named “no-such-model”.', {}, LOAD),
    ).toBeTruthy()
  })

  it('show a server without a registry as such', async () => {
    mock.server.use(
      http.get(`${API}/registered-models/get`, () =>
        HttpResponse.json(
          { error_code: 'ENDPOINT_NOT_FOUND', message: 'No API found for GET' },
          { status: 404 },
        ),
      ),
    )
    renderRoute('/models/cifar-resnet')
    expect(await screen.findByText(REGISTRY_UNAVAILABLE_TITLE, {}, LOAD)).toBeTruthy()
  })
})

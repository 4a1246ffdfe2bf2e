import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createMockServer } from '@mocks/node'
import { PNG_16_BASE64 } from '@mocks/world/artifact-images'
import { renderRoute } from '@/testing/render-route'

/**
 * The compare page's Artifacts section. Three contract-world runs get artifacts of their own here
 * (inline handlers in front of the mock server), shaped as MLflow answers: listings of run-relative
 * full paths without `files` when empty, and `/get-artifact` honouring Range with a 206.
 */
// The page loads runs, charts and listings before the section shows: allow a busy machine time.
configure({ asyncUtilTimeout: 5000 })

const mock = createMockServer('contract')
beforeAll(() => {
  mock.server.listen({ onUnhandledRequest: 'error' })
})
afterEach(() => {
  mock.server.resetHandlers()
})
afterAll(() => {
  mock.server.close()
})

const id = (name: string) => mock.store.runIdOf(name) ?? name
const [A, B, C] = ['grid-001', 'grid-002', 'grid-003'].map(id)

const png = Uint8Array.from(atob(PNG_16_BASE64), (char) => char.charCodeAt(0))
const logged = (step: number) => `images/sample+step+${step}+timestamp+${1000 + step}+u${step}.png`

/** run id -> path -> content. */
const FILES: Record<string, Record<string, string | Uint8Array>> = {
  [A ?? 'a']: {
    'config/params.yaml': 'optimizer:\n  name: adam\n  lr: 0.001\nepochs: 10\n',
    'metrics.json': '{"acc": 0.9, "loss": 0.1}',
    'data.csv': 'epoch,loss\n1,0.5\n2,0.3\n',
    'plot.png': png,
    'report.html': '<p>hi</p>',
    [logged(0)]: png,
    [logged(5)]: png,
    [logged(10)]: png,
  },
  [B ?? 'b']: {
    'config/params.yaml': 'epochs: 10\noptimizer:\n  lr: 0.01\n  name: adam\n',
    'metrics.json': '{"loss": 0.1, "acc": 0.95}',
    'data.csv': 'epoch,loss\n1,0.5\n2,0.25\n',
    'plot.png': png,
    'report.html': '<p>hello</p>',
    [logged(0)]: png,
    [logged(10)]: png,
  },
  [C ?? 'c']: {
    'metrics.json': '{\n  "loss": 0.1,\n  "acc": 0.9\n}',
    'data.csv': 'epoch,loss\n1,0.5\n',
  },
}

function bytesOf(content: string | Uint8Array): Uint8Array {
  return typeof content === 'string' ? new TextEncoder().encode(content) : content
}

let requestedRanges: string[] = []

function serveFiles() {
  requestedRanges = []
  mock.server.use(
    http.get('*/ajax-api/2.0/mlflow/artifacts/list', ({ request }) => {
      const query = new URL(request.url).searchParams
      const files = FILES[query.get('run_id') ?? '']
      if (files === undefined) return undefined
      const dir = query.get('path') ?? ''
      const entries = new Map<string, { path: string; is_dir: boolean; file_size?: number }>()
      for (const [path, content] of Object.entries(files)) {
        if (dir !== '' && !path.startsWith(`${dir}/`)) continue
        const rest = dir === '' ? path : path.slice(dir.length + 1)
        const slash = rest.indexOf('/')
        const child =
          dir === ''
            ? rest.slice(0, slash < 0 ? undefined : slash)
            : `${dir}/${rest.slice(0, slash < 0 ? undefined : slash)}`
        entries.set(
          child,
          slash < 0
            ? { path: child, is_dir: false, file_size: bytesOf(content).length }
            : { path: child, is_dir: true },
        )
      }
      const rootUri = `mlflow-artifacts:/0/${query.get('run_id') ?? ''}/artifacts`
      return HttpResponse.json(
        entries.size === 0 ? { root_uri: rootUri } : { root_uri: rootUri, files: [...entries.values()] },
      )
    }),
    http.get('*/get-artifact', ({ request }) => {
      const query = new URL(request.url).searchParams
      const files = FILES[query.get('run_uuid') ?? '']
      if (files === undefined) return undefined
      const content = files[query.get('path') ?? '']
      if (content === undefined)
        return HttpResponse.json({ error_code: 'RESOURCE_DOES_NOT_EXIST' }, { status: 404 })
      const bytes = bytesOf(content)
      const range = request.headers.get('Range') ?? ''
      requestedRanges.push(range)
      const match = /^bytes=(\d+)-(\d+)$/.exec(range)
      if (match === null) return new HttpResponse(bytes, { status: 200 })
      const start = Number(match[1])
      const end = Math.min(Number(match[2]), bytes.length - 1)
      return new HttpResponse(bytes.slice(start, end + 1), {
        status: 206,
        headers: { 'Content-Range': `bytes ${start}-${end}/${bytes.length}` },
      })
    }),
  )
}

const compareUrl = (query = '') => `/compare?runs=${A},${B},${C}${query}`

/** One run's cell of the side-by-side view (a figure, a section or a list item, by kind). */
function cellOf(name: string) {
  return screen.queryByLabelText(name, { selector: '.sbs-cell' }) ?? undefined
}

describe('compare page: artifacts side by side', { timeout: 20_000 }, () => {
  beforeAll(() => {
    Object.defineProperty(URL, 'createObjectURL', { configurable: true, value: vi.fn(() => 'blob:image') })
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, value: vi.fn() })
  })

  it('lists the union of the runs’ files with counts, and a pick writes the URL', async () => {
    serveFiles()
    const user = userEvent.setup()
    const { router } = renderRoute(compareUrl())
    await user.click(await screen.findByRole('button', { name: 'Compare artifacts' }))
    const tree = await screen.findByRole('tree', { name: 'Artifacts of the compared runs' })
    expect(await within(tree).findByRole('treeitem', { name: 'metrics.json, in 3 of 3 runs' })).toBeTruthy()
    expect(within(tree).getByRole('treeitem', { name: 'report.html, in 2 of 3 runs' })).toBeTruthy()
    // From the keyboard: open `config` (→), step into it (↓), pick the file (Enter).
    const config = within(tree).getByRole('treeitem', { name: 'config, in 2 of 3 runs' })
    config.focus()
    await user.keyboard('{ArrowRight}')
    const params = await within(tree).findByRole('treeitem', { name: 'params.yaml, in 2 of 3 runs' })
    await user.keyboard('{ArrowDown}')
    expect(document.activeElement).toBe(params)
    await user.keyboard('{Enter}')
    await waitFor(() => {
      expect(new URLSearchParams(router.state.location.search).get('artifact')).toBe('config/params.yaml')
    })
    // The filter narrows the tree to matching paths.
    await user.type(screen.getByRole('searchbox', { name: 'Filter artifact paths' }), 'csv')
    await waitFor(() => {
      expect(within(tree).queryByRole('treeitem', { name: /^metrics\.json/ })).toBeNull()
    })
    expect(within(tree).getByRole('treeitem', { name: 'data.csv, in 3 of 3 runs' })).toBeTruthy()
  })

  it('diffs YAML against the baseline ignoring key order, and says where the file is missing', async () => {
    serveFiles()
    renderRoute(compareUrl('&artifact=config%2Fparams.yaml'))
    const other = await waitFor(() => {
      const cell = cellOf('grid-002')
      expect(cell).toBeDefined()
      return cell ?? document.body
    })
    expect(await within(other).findByText('Lines: 1 changed, 0 added, 0 removed')).toBeTruthy()
    const changed = other.querySelector('tr[data-kind="changed"]')
    expect(changed?.textContent).toContain('lr: 0.001')
    expect(changed?.textContent).toContain('lr: 0.01')
    expect(within(cellOf('grid-003') ?? document.body).getByText('Missing in this run')).toBeTruthy()
    expect(within(cellOf('grid-001') ?? document.body).getByText('baseline')).toBeTruthy()
    // Each file is fetched with a Range, never whole.
    expect(requestedRanges.every((range) => range.startsWith('bytes=0-'))).toBe(true)
  })

  it('diffs JSON by value and CSV by cell, against the baseline the page picked', async () => {
    serveFiles()
    const { router } = renderRoute(compareUrl(`&base=${B}&artifact=metrics.json`))
    await waitFor(() => {
      expect(
        within(cellOf('grid-001') ?? document.body).getByText('Lines: 1 changed, 0 added, 0 removed'),
      ).toBeTruthy()
    })
    // Run C has A's values, in another order and layout: against B only `acc` differs.
    expect(
      within(cellOf('grid-003') ?? document.body).getByText('Lines: 1 changed, 0 added, 0 removed'),
    ).toBeTruthy()
    expect(within(cellOf('grid-002') ?? document.body).getByText('baseline')).toBeTruthy()

    await router.navigate(compareUrl('&artifact=data.csv'))
    const b = await waitFor(() => {
      const cell = cellOf('grid-002')
      within(cell ?? document.body).getByText('Rows: 1 changed, 0 added, 0 removed')
      return cell ?? document.body
    })
    const changedCell = b.querySelector('td.sbs-cell-changed')
    expect(changedCell?.querySelector('del')?.textContent).toBe('0.3')
    expect(changedCell?.querySelector('ins')?.textContent).toBe('0.25')
    // C lost a row: aligned by a diff, the row counts as removed.
    expect(
      within(cellOf('grid-003') ?? document.body).getByText('Rows: 0 changed, 0 added, 1 removed'),
    ).toBeTruthy()
  })

  it('shows images in a grid with one zoom for all, and a step slider over the runs’ steps', async () => {
    serveFiles()
    const user = userEvent.setup()
    const { router } = renderRoute(compareUrl('&artifact=plot.png'))
    const images = await waitFor(() => {
      const found = screen.getAllByRole('img', { name: 'plot.png of this run' })
      expect(found).toHaveLength(2)
      return found
    })
    expect(within(cellOf('grid-003') ?? document.body).getByText('Missing in this run')).toBeTruthy()
    for (const image of images) {
      Object.defineProperty(image, 'naturalWidth', { value: 16 })
      Object.defineProperty(image, 'naturalHeight', { value: 16 })
      fireEvent.load(image)
    }
    await user.click(screen.getByRole('button', { name: 'Actual size' }))
    await user.click(screen.getByRole('button', { name: 'Zoom in' }))
    expect(screen.getByText('125%')).toBeTruthy()
    for (const image of images) expect(image.style.width).toBe('20px')

    // A per-step logged image: one entry in the tree for the series, whatever its files.
    const tree = screen.getByRole('tree', { name: 'Artifacts of the compared runs' })
    await user.click(within(tree).getByRole('treeitem', { name: 'images, in 2 of 3 runs' }))
    await user.click(await within(tree).findByRole('treeitem', { name: 'sample (per step), in 2 of 3 runs' }))
    await waitFor(() => {
      expect(new URLSearchParams(router.state.location.search).get('artifact')).toBe(logged(0))
    })
    expect(await screen.findByText('Step 0 (1 of 3)')).toBeTruthy()
    // The slider spans steps 0, 5 and 10 of both runs.
    await router.navigate(compareUrl(`&artifact=${encodeURIComponent(logged(10))}`))
    expect(await screen.findByText('Step 10 (3 of 3)')).toBeTruthy()
    const slider = screen.getByRole('slider', { name: 'Step of sample' })
    fireEvent.change(slider, { target: { value: '1' } })
    await waitFor(() => {
      expect(new URLSearchParams(router.state.location.search).get('step')).toBe('5')
    })
    // B logged no step 5: it shows its last image before it.
    expect(within(cellOf('grid-001') ?? document.body).getByText('step 5')).toBeTruthy()
    expect(within(cellOf('grid-002') ?? document.body).getByText('step 0')).toBeTruthy()
    expect(within(cellOf('grid-003') ?? document.body).getByText('Missing in this run')).toBeTruthy()
    // ← and → on the grid move the step too.
    screen.getByRole('group', { name: /Images of sample/ }).focus()
    await user.keyboard('{ArrowLeft}')
    await waitFor(() => {
      expect(new URLSearchParams(router.state.location.search).get('step')).toBe('0')
    })
    expect(screen.getByText('Step 0 (1 of 3)')).toBeTruthy()
  })

  it('keeps the other runs when one run’s files cannot be listed, and retries it', async () => {
    let failing = true
    serveFiles()
    // Handlers added later answer first.
    mock.server.use(
      http.get('*/ajax-api/2.0/mlflow/artifacts/list', ({ request }) => {
        if (!failing || new URL(request.url).searchParams.get('run_id') !== C) return undefined
        return HttpResponse.json(
          { error_code: 'PERMISSION_DENIED', message: 'The artifact store refused access' },
          { status: 403 },
        )
      }),
    )
    const user = userEvent.setup()
    renderRoute(compareUrl('&artifact=metrics.json'))
    const c = await waitFor(() => {
      const cell = cellOf('grid-003')
      expect(within(cell ?? document.body).getByRole('alert').textContent).toContain('refused access')
      return cell ?? document.body
    })
    expect(within(cellOf('grid-002') ?? document.body).getByText(/^Lines: /)).toBeTruthy()
    const tree = screen.getByRole('tree', { name: 'Artifacts of the compared runs' })
    expect(within(tree).getByText(/grid-003: could not list this folder/)).toBeTruthy()
    expect(within(tree).getByRole('treeitem', { name: 'metrics.json, in 2 of 3 runs' })).toBeTruthy()
    failing = false
    // C holds A's values in another key order and layout: no change.
    await user.click(within(c).getByRole('button', { name: 'Retry' }))
    await waitFor(() => {
      expect(within(cellOf('grid-003') ?? document.body).getByText('Same as the baseline')).toBeTruthy()
    })
  })

  it('offers download and run links for kinds it does not compare in place', async () => {
    serveFiles()
    renderRoute(compareUrl('&artifact=report.html'))
    await waitFor(() => {
      expect(screen.getAllByRole('link', { name: 'Download' })).toHaveLength(2)
    })
    const links = screen.getAllByRole('link', { name: 'Open in the run’s artifacts' })
    expect(links[0]?.getAttribute('href')).toContain(`/runs/${A ?? ''}/artifacts/report.html`)
    expect(screen.getByText('Missing in this run')).toBeTruthy()
  })
})

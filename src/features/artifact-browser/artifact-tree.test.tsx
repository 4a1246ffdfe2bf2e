import { runSource } from '@/domain/artifacts/artifact-source'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { useState } from 'react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { bindMlflowClient } from '@/api/client-binding'
import { createMlflowClient } from '@/api/http'
import { TEST_MLFLOW_API, TEST_MLFLOW_BASE, setupTestHttpServer } from '@/testing/http-test-server'
import { ArtifactTree } from './artifact-tree'

const server = setupTestHttpServer()
const MIB = 1024 * 1024

interface WireEntry {
  path: string
  is_dir?: boolean
  file_size?: number
}

/** Listings by directory, as MLflow answers them: run-relative full paths, no `files` when empty. */
const WORLD: Record<string, WireEntry[]> = {
  '': [
    { path: 'reports', is_dir: true },
    { path: 'plot.png', is_dir: false, file_size: Math.round(1.2 * MIB) },
    { path: 'model', is_dir: true },
    { path: 'notes.txt', is_dir: false, file_size: 1536 },
    { path: 'broken', is_dir: true },
    { path: 'metrics.json', is_dir: false, file_size: 2048 },
    { path: '../escape.txt', is_dir: false, file_size: 1 },
  ],
  reports: [
    { path: 'reports/sub', is_dir: true },
    { path: 'reports/b.html', is_dir: false, file_size: 3 * MIB },
    { path: 'reports/a.txt', is_dir: false, file_size: 10 },
  ],
  'reports/sub': [],
  model: [
    { path: 'model/MLmodel', is_dir: false, file_size: 400 },
    { path: 'model/conda.yaml', is_dir: false, file_size: 200 },
  ],
}

let requests: string[]

function serve(world: Record<string, WireEntry[]>) {
  server.use(
    http.get(`${TEST_MLFLOW_API}/artifacts/list`, ({ request }) => {
      const query = new URL(request.url).searchParams
      expect(query.get('run_id')).toBe('run-1')
      const path = query.get('path') ?? ''
      requests.push(path)
      if (path === 'broken') {
        return HttpResponse.json(
          { error_code: 'INTERNAL_ERROR', message: 'The artifact store refused access' },
          { status: 500 },
        )
      }
      const files = world[path]
      const rootUri = 'mlflow-artifacts:/1/run-1/artifacts'
      return HttpResponse.json(
        files === undefined || files.length === 0 ? { root_uri: rootUri } : { root_uri: rootUri, files },
      )
    }),
  )
}

beforeEach(() => {
  requests = []
})

function renderTree(initialPath?: string, root?: string) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: 30_000 } },
  })
  bindMlflowClient(queryClient, createMlflowClient({ baseUrl: TEST_MLFLOW_BASE }))
  const onSelect = vi.fn<(path: string, isDir: boolean) => void>()
  function Harness() {
    const [selected, setSelected] = useState(initialPath)
    return (
      <ArtifactTree
        source={runSource('run-1')}
        root={root}
        selectedPath={selected}
        onSelect={(path, isDir) => {
          onSelect(path, isDir)
          setSelected(path)
        }}
      />
    )
  }
  const user = userEvent.setup()
  render(
    <QueryClientProvider client={queryClient}>
      <Harness />
    </QueryClientProvider>,
  )
  return { user, onSelect }
}

const tree = () => screen.getByRole('tree', { name: 'Artifacts' })
const item = (name: string) => within(tree()).getByRole('treeitem', { name })
const names = () =>
  within(tree())
    .getAllByRole('treeitem')
    .map(
      (row) =>
        `${'  '.repeat(Number(row.getAttribute('aria-level')) - 1)}${row.getAttribute('aria-label') ?? ''}`,
    )
const activeName = () => {
  const id = tree().getAttribute('aria-activedescendant')
  return id === null ? undefined : document.getElementById(id)?.getAttribute('aria-label')
}
const count = (path: string) => requests.filter((requested) => requested === path).length

/** jsdom does not scroll: give the scroller a scroll position that `scrollTo` moves, as a browser would. */
function emulateScrolling(element: HTMLElement) {
  let top = 0
  Object.defineProperty(element, 'scrollTop', {
    configurable: true,
    get: () => top,
    set: (value: number) => {
      top = value
    },
  })
  Object.defineProperty(element, 'scrollHeight', {
    configurable: true,
    get: () => Number.parseFloat((element.firstElementChild as HTMLElement | null)?.style.height ?? '0'),
  })
  element.scrollTo = ((options: ScrollToOptions) => {
    top = options.top ?? top
    element.dispatchEvent(new Event('scroll'))
  }) as typeof element.scrollTo
}

async function loadedRoot() {
  await screen.findByRole('treeitem', { name: 'reports' })
}

describe('ArtifactTree', () => {
  it('rooted at a directory, lists only that directory, from the top', async () => {
    serve(WORLD)
    const { user, onSelect } = renderTree(undefined, 'model')
    await screen.findByRole('treeitem', { name: 'MLmodel' })
    expect(names()).toEqual(['conda.yaml', 'MLmodel'])
    expect(requests).toEqual(['model'])
    await user.click(item('conda.yaml'))
    expect(onSelect).toHaveBeenLastCalledWith('model/conda.yaml', false)
  })

  it('lists the root: directories first, sizes and kinds, unsafe paths left out', async () => {
    serve(WORLD)
    renderTree()
    expect(screen.getByRole('status').textContent).toContain('Loading artifacts')
    await loadedRoot()
    expect(names()).toEqual(['broken', 'model', 'reports', 'metrics.json', 'notes.txt', 'plot.png'])
    expect(item('plot.png').textContent).toContain('1.2 MB')
    expect(item('plot.png').querySelector('[title="Image"]')).not.toBeNull()
    expect(item('notes.txt').textContent).toContain('1.5 KB')
    expect(item('metrics.json').textContent).toContain('2 KB')
    expect(item('reports').getAttribute('aria-expanded')).toBe('false')
    expect(item('notes.txt').hasAttribute('aria-expanded')).toBe(false)
    expect(item('reports').getAttribute('aria-level')).toBe('1')
    expect(item('model').getAttribute('aria-posinset')).toBe('2')
    expect(item('model').getAttribute('aria-setsize')).toBe('6')
    expect(screen.getByText('1 entry with an unexpected path hidden')).toBeTruthy()
    expect(requests).toEqual([''])
  })

  it('says so when the run has no artifacts', async () => {
    serve({ '': [] })
    renderTree()
    expect(await screen.findByText('No artifacts')).toBeTruthy()
    expect(screen.queryByRole('tree')).toBeNull()
  })

  it('expands a directory on click, fetching it once across collapse and expand', async () => {
    serve(WORLD)
    const { user, onSelect } = renderTree()
    await loadedRoot()
    await user.click(item('reports'))
    expect(onSelect).toHaveBeenLastCalledWith('reports', true)
    expect(item('reports').getAttribute('aria-expanded')).toBe('true')
    expect(await within(tree()).findByRole('treeitem', { name: 'a.txt' })).toBeTruthy()
    expect(names()).toEqual([
      'broken',
      'model',
      'reports',
      '  sub',
      '  a.txt',
      '  b.html',
      'metrics.json',
      'notes.txt',
      'plot.png',
    ])
    expect(item('b.html').textContent).toContain('3 MB')

    await user.click(item('reports'))
    expect(within(tree()).queryByRole('treeitem', { name: 'a.txt' })).toBeNull()
    await user.click(item('reports'))
    expect(item('a.txt')).toBeTruthy()
    expect(count('reports')).toBe(1)
    // Only what was opened is fetched.
    expect(count('model')).toBe(0)
  })

  it('shows "No artifacts" inside an empty directory', async () => {
    serve(WORLD)
    const { user } = renderTree()
    await loadedRoot()
    await user.click(item('reports'))
    await user.click(await within(tree()).findByRole('treeitem', { name: 'sub' }))
    expect(await within(tree()).findByText('No artifacts')).toBeTruthy()
  })

  it('moves, expands, collapses and selects with the keyboard', async () => {
    serve(WORLD)
    const { user, onSelect } = renderTree()
    await loadedRoot()
    tree().focus()
    expect(activeName()).toBe('broken')

    await user.keyboard('{ArrowDown}')
    expect(activeName()).toBe('model')
    await user.keyboard('{ArrowRight}')
    expect(item('model').getAttribute('aria-expanded')).toBe('true')
    await within(tree()).findByRole('treeitem', { name: 'conda.yaml' })
    expect(count('model')).toBe(1)
    await user.keyboard('{ArrowRight}')
    expect(activeName()).toBe('conda.yaml')
    await user.keyboard('{ArrowDown}')
    expect(activeName()).toBe('MLmodel')
    expect(item('MLmodel').getAttribute('aria-level')).toBe('2')
    await user.keyboard('{ArrowLeft}')
    expect(activeName()).toBe('model')
    await user.keyboard('{ArrowLeft}')
    expect(item('model').getAttribute('aria-expanded')).toBe('false')
    expect(within(tree()).queryByRole('treeitem', { name: 'MLmodel' })).toBeNull()

    await user.keyboard('{End}')
    expect(activeName()).toBe('plot.png')
    await user.keyboard('{Enter}')
    expect(onSelect).toHaveBeenLastCalledWith('plot.png', false)
    expect(item('plot.png').getAttribute('aria-selected')).toBe('true')
    expect(item('notes.txt').getAttribute('aria-selected')).toBe('false')

    await user.keyboard('{Home}')
    expect(activeName()).toBe('broken')
    await user.keyboard('{ArrowUp}')
    expect(activeName()).toBe('broken')
    await user.keyboard('n')
    expect(activeName()).toBe('notes.txt')
    await user.keyboard('{ArrowUp}{ArrowUp}')
    expect(activeName()).toBe('reports')
    await user.keyboard(' ')
    expect(onSelect).toHaveBeenLastCalledWith('reports', true)
    expect(count('model')).toBe(1)
  })

  it('narrows to the listed names that match, keeping their directories', async () => {
    serve(WORLD)
    const { user } = renderTree()
    await loadedRoot()
    await user.click(item('reports'))
    await within(tree()).findByRole('treeitem', { name: 'a.txt' })

    await user.type(screen.getByRole('searchbox', { name: 'Filter artifacts by name' }), 'TXT')
    expect(names()).toEqual(['reports', '  a.txt', 'notes.txt'])
    await user.clear(screen.getByRole('searchbox'))
    await user.type(screen.getByRole('searchbox'), 'nothing-like-this')
    expect(screen.queryByRole('tree')).toBeNull()
    expect(screen.getByText(/No listed files match/).textContent).toContain('nothing-like-this')
    await user.clear(screen.getByRole('searchbox'))
    expect(names()).toHaveLength(9)
  })

  it('shows a failing directory’s error in place while the rest keeps working', async () => {
    serve(WORLD)
    const { user } = renderTree()
    await loadedRoot()
    await user.click(item('broken'))
    const alert = await within(tree()).findByRole('alert')
    expect(alert.textContent).toContain('Could not list broken')
    expect(names()).toEqual(['broken', 'model', 'reports', 'metrics.json', 'notes.txt', 'plot.png'])

    await user.click(item('reports'))
    expect(await within(tree()).findByRole('treeitem', { name: 'a.txt' })).toBeTruthy()
    expect(within(tree()).getByRole('alert').textContent).toContain('Could not list broken')

    await user.click(within(tree()).getByRole('button', { name: 'Retry' }))
    await waitFor(() => {
      expect(count('broken')).toBe(2)
    })
  })

  it('reveals the selected path by expanding its ancestors', async () => {
    serve(WORLD)
    renderTree('reports/sub/deep.txt')
    expect(await within(await screen.findByRole('tree')).findByRole('treeitem', { name: 'sub' })).toBeTruthy()
    expect(item('sub').getAttribute('aria-expanded')).toBe('true')
    await within(tree()).findByText('No artifacts')
    expect([...requests].sort()).toEqual(['', 'reports', 'reports/sub'])
  })

  it('renders only a window of rows for a directory of 5,000 files', async () => {
    const files = Array.from({ length: 5000 }, (_, index) => ({
      path: `file-${index}.txt`,
      is_dir: false,
      file_size: index,
    }))
    serve({ '': files })
    const { user, onSelect } = renderTree()
    await screen.findByRole('treeitem', { name: 'file-0.txt' })
    const rendered = within(tree()).getAllByRole('treeitem')
    expect(rendered.length).toBeGreaterThan(10)
    expect(rendered.length).toBeLessThan(100)
    expect(rendered[0]?.getAttribute('aria-setsize')).toBe('5000')
    // Numeric order: file-2 before file-10.
    expect(names().slice(0, 3)).toEqual(['file-0.txt', 'file-1.txt', 'file-2.txt'])

    emulateScrolling(tree())
    tree().focus()
    await user.keyboard('{End}')
    await waitFor(() => {
      expect(activeName()).toBe('file-4999.txt')
    })
    expect(within(tree()).queryByRole('treeitem', { name: 'file-0.txt' })).toBeNull()
    expect(within(tree()).getAllByRole('treeitem').length).toBeLessThan(100)

    await user.type(screen.getByRole('searchbox'), 'file-4999')
    expect(names()).toEqual(['file-4999.txt'])
    await user.keyboard('{ArrowDown}')
    expect(document.activeElement).toBe(tree())
    await user.keyboard('{Enter}')
    expect(onSelect).toHaveBeenLastCalledWith('file-4999.txt', false)
  })
})

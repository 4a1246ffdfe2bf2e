import { runSource } from '@/domain/artifacts/artifact-source'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMockServer } from '@mocks/node'
import { ARTIFACT_ZOO } from '@mocks/world/artifacts'
import { bindMlflowClient } from '@/api/client-binding'
import { createMlflowClient } from '@/api/http'
import { ArtifactPreview } from './artifact-preview'
import { decodeChunks, findMatches } from './text-preview'

const ORIGIN = 'http://runboard.test'
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

const P = ARTIFACT_ZOO.paths
const runId = () => mock.store.runIdOf(ARTIFACT_ZOO.runName) ?? ARTIFACT_ZOO.runName

function renderPreview(path: string, size?: number) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  bindMlflowClient(queryClient, createMlflowClient({ baseUrl: ORIGIN }))
  return render(
    <QueryClientProvider client={queryClient}>
      <ArtifactPreview
        source={runSource(runId())}
        path={path}
        size={size}
        downloadHref={`${ORIGIN}/dl/${path}`}
      />
    </QueryClientProvider>,
  )
}

/** Records the Range header of every artifact read, to prove what was (not) fetched whole. */
function recordRanges(): (string | null)[] {
  const ranges: (string | null)[] = []
  mock.server.events.on('request:start', ({ request }) => {
    if (request.url.includes('/get-artifact')) ranges.push(request.headers.get('range'))
  })
  return ranges
}
afterEach(() => {
  mock.server.events.removeAllListeners()
})

describe('decodeChunks', () => {
  const bytes = new TextEncoder().encode('héllo\nwörld\n')
  const chunk = (from: number, to: number, partial: boolean) => ({
    bytes: bytes.slice(from, to),
    totalSize: bytes.length,
    contentType: 'text/plain',
    partial,
  })

  it('keeps a UTF-8 character cut by a chunk boundary whole', () => {
    // 'é' is bytes 1-2: cut between them.
    const cut = decodeChunks([chunk(0, 2, true), chunk(2, bytes.length, true)])
    expect(cut).toMatchObject({ lines: ['héllo', 'wörld'], complete: true })
  })

  it('holds back a cut character at the end of what is loaded', () => {
    expect(decodeChunks([chunk(0, 2, true)]).lines).toEqual(['h'])
  })

  it('finds case-insensitive matches in reading order', () => {
    expect(findMatches(['aXa', 'xx'], 'x')).toEqual([
      { line: 0, start: 1, end: 2 },
      { line: 1, start: 0, end: 1 },
      { line: 1, start: 1, end: 2 },
    ])
  })
})

describe('text preview', () => {
  // jsdom does not scroll: make element.scrollTo move scrollTop and fire `scroll`, as a browser does.
  beforeAll(() => {
    Object.defineProperty(HTMLElement.prototype, 'scrollHeight', {
      configurable: true,
      get: () => 10_000_000,
    })
    Element.prototype.scrollTo = function scrollTo(this: Element, options?: ScrollToOptions | number) {
      // jsdom's scrollTop is always 0; shadow it with the requested offset.
      if (typeof options === 'object' && options.top !== undefined)
        Object.defineProperty(this, 'scrollTop', { configurable: true, value: options.top })
      this.dispatchEvent(new Event('scroll'))
    }
  })
  afterAll(() => {
    Reflect.deleteProperty(Element.prototype, 'scrollTo')
    Reflect.deleteProperty(HTMLElement.prototype, 'scrollHeight')
  })

  it('shows the first 256 KB of a log with line numbers, loads more, and searches', async () => {
    const user = userEvent.setup()
    const ranges = recordRanges()
    renderPreview(P.log, 320_000)
    const lines = await screen.findByRole('region', { name: `Text of ${P.log}` })
    expect(within(lines).getByText('1')).toBeTruthy()
    expect(within(lines).getByText(/step 1 loss/)).toBeTruthy()
    // Virtualised: far fewer rows in the DOM than lines in the chunk.
    expect(lines.querySelectorAll('.text-line').length).toBeLessThan(200)
    expect(screen.getByText(/^Showing the first 256 KB of \d+ KB$/)).toBeTruthy()
    expect(ranges).toEqual([`bytes=0-${256 * 1024 - 1}`])

    await user.click(screen.getByRole('button', { name: 'Load the next 256 KB' }))
    await screen.findByText(`${ARTIFACT_ZOO.logLines.toLocaleString('en-US')} lines`)
    expect(ranges[1]).toBe(`bytes=${256 * 1024}-${512 * 1024 - 1}`)

    // Pasted rather than typed: each keystroke searches half a megabyte, which is slow on a busy machine.
    await user.click(screen.getByRole('searchbox', { name: 'Search the text' }))
    await user.paste('step 3499 ')
    await screen.findByText('1 of 1')
    // The first match of a new search is scrolled into view.
    await waitFor(() => {
      expect(lines.querySelector('mark.match-current')?.textContent).toBe('step 3499 ')
    })
    await user.clear(screen.getByRole('searchbox', { name: 'Search the text' }))
    await user.paste('step 100')
    await screen.findByText('1 of 11')
    await user.click(screen.getByRole('button', { name: 'Next' }))
    expect(screen.getByText('2 of 11')).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Previous' }))
    await user.click(screen.getByRole('button', { name: 'Previous' }))
    expect(screen.getByText('11 of 11')).toBeTruthy()
  }, 20_000)

  it('shows YAML as text, whole when small', async () => {
    renderPreview(P.yaml, 100)
    const lines = await screen.findByRole('region', { name: `Text of ${P.yaml}` })
    expect(within(lines).getByText('model:')).toBeTruthy()
    expect(await screen.findByText(/^\d+ lines$/)).toBeTruthy()
  })
})

describe('image preview', () => {
  const created: Blob[] = []
  const revoked: string[] = []
  beforeEach(() => {
    created.length = 0
    revoked.length = 0
    vi.stubGlobal(
      'URL',
      Object.assign(URL, {
        createObjectURL: (blob: Blob) => {
          created.push(blob)
          return `blob:${ORIGIN}/${created.length}`
        },
        revokeObjectURL: (url: string) => {
          revoked.push(url)
        },
      }),
    )
  })
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('shows a PNG from a blob URL, toggles fit and zooms, and revokes the URL on unmount', async () => {
    const user = userEvent.setup()
    const view = renderPreview(P.png, 100)
    const image = await screen.findByRole('img', { name: P.png })
    await waitFor(() => {
      expect(image.getAttribute('src')).toBe(`blob:${ORIGIN}/1`)
    })
    expect(created[0]?.type).toBe('image/png')
    expect(screen.getByRole('button', { name: 'Fit' }).getAttribute('aria-pressed')).toBe('true')
    await user.click(screen.getByRole('button', { name: 'Actual size' }))
    expect(screen.getByRole('button', { name: 'Actual size' }).getAttribute('aria-pressed')).toBe('true')
    expect(screen.getByText(/^100%/)).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Zoom in' }))
    expect(screen.getByText(/^125%/)).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Reset zoom' }))
    expect(screen.getByRole('button', { name: 'Fit' }).getAttribute('aria-pressed')).toBe('true')
    view.unmount()
    expect(revoked).toEqual([`blob:${ORIGIN}/1`])
  })

  it('shows a hostile SVG only as an image, never as markup', async () => {
    const view = renderPreview(P.hostileSvg, 1000)
    const image = await screen.findByRole('img', { name: P.hostileSvg })
    await waitFor(() => {
      expect(image.getAttribute('src')).toMatch(/^blob:/)
    })
    expect(created[0]?.type).toBe('image/svg+xml')
    expect(view.container.querySelector('svg, object, embed, iframe, script')).toBeNull()
  })
})

describe('JSON preview', () => {
  it('folds and unfolds objects', async () => {
    const user = userEvent.setup()
    renderPreview(P.json, 500)
    const tree = await screen.findByRole('region', { name: `JSON of ${P.json}` })
    expect(within(tree).getByText('"cnn"')).toBeTruthy()
    // Depth 2 (`model.layers`) starts folded.
    const layers = within(tree).getByRole('button', { name: 'Unfold layers' })
    expect(within(tree).queryByText('"conv"')).toBeNull()
    await user.click(layers)
    await user.click(within(tree).getByRole('button', { name: 'Unfold 0' }))
    expect(within(tree).getByText('"conv"')).toBeTruthy()
    const model = within(tree).getByRole('button', { name: 'Fold model' })
    model.focus()
    await user.keyboard('{Enter}')
    expect(within(tree).queryByText('"cnn"')).toBeNull()
  })

  it('renders the 2 MB document 100 items at a time', async () => {
    const user = userEvent.setup()
    renderPreview(P.bigJson)
    const tree = await screen.findByRole('region', { name: `JSON of ${P.bigJson}` }, { timeout: 5000 })
    expect(within(tree).getByText(`[${ARTIFACT_ZOO.bigJsonItems} items]`)).toBeTruthy()
    expect(within(tree).getAllByRole('button', { name: /^Unfold \d+$/ }).length).toBe(100)
    await user.click(within(tree).getByRole('button', { name: /^Show 100 more/ }))
    expect(within(tree).getAllByRole('button', { name: /^Unfold \d+$/ }).length).toBe(200)
  })

  it('falls back to text for invalid JSON', async () => {
    mock.server.use(
      http.get(
        '*/get-artifact',
        () => new HttpResponse('{"a": 1,,}', { headers: { 'Content-Type': 'text/plain' } }),
      ),
    )
    renderPreview('broken.json', 10)
    expect(await screen.findByText(/^Not valid JSON .*shown as text\.$/)).toBeTruthy()
    expect(await screen.findByText('{"a": 1,,}')).toBeTruthy()
  })
})

describe('markdown preview', () => {
  it('renders the zoo README without live script or javascript: links', async () => {
    const view = renderPreview(P.markdown, 300)
    await screen.findByRole('heading', { name: 'Model card' })
    expect(screen.getByRole('link', { name: 'the docs' }).getAttribute('href')).toBe('https://mlflow.org')
    expect(screen.queryByRole('link', { name: 'click me' })).toBeNull()
    expect(view.container.querySelector('script, img, [onerror]')).toBeNull()
    expect(view.container.innerHTML).not.toContain('href="javascript:')
  })
})

describe('preview shell', () => {
  it('offers the first 256 KB and a download for a file above its kind’s limit, without fetching it', async () => {
    const user = userEvent.setup()
    const ranges = recordRanges()
    renderPreview(P.bigJson, 6 * 1024 * 1024)
    expect(screen.getByText('This file is too large to preview (6 MB).')).toBeTruthy()
    expect(screen.getByRole('link', { name: 'Download' }).getAttribute('href')).toBe(
      `${ORIGIN}/dl/${P.bigJson}`,
    )
    expect(ranges).toEqual([])
    await user.click(screen.getByRole('button', { name: 'Preview the first 256 KB' }))
    await screen.findByRole('region', { name: `Text of ${P.bigJson}` })
    expect(ranges).toEqual([`bytes=0-${256 * 1024 - 1}`])
  })

  it('reads at most the limit when the size is unknown', async () => {
    const ranges = recordRanges()
    renderPreview(P.markdown)
    await screen.findByRole('heading', { name: 'Model card' })
    expect(ranges).toEqual([`bytes=0-${1024 * 1024}`])
  })

  it('hands tables, HTML and PDF to their previews, and offers only a download for binaries', async () => {
    const csv = renderPreview(P.csv)
    expect(
      await screen.findByText(new RegExp(`^${ARTIFACT_ZOO.csvRows.toLocaleString('en')} rows`)),
    ).toBeTruthy()
    csv.unmount()
    const html = renderPreview(P.html)
    const frame = await screen.findByTitle('HTML preview')
    // Scripts off by default: an empty sandbox, never same-origin.
    expect(frame.getAttribute('sandbox')).toBe('')
    html.unmount()
    const pdf = renderPreview(P.pdf)
    expect(await screen.findByRole('link', { name: 'Open the PDF in a new tab' })).toBeTruthy()
    pdf.unmount()
    renderPreview(P.binary, 1000)
    expect(screen.getByText('No preview for this type of file.')).toBeTruthy()
    expect(screen.getByRole('link', { name: 'Download' })).toBeTruthy()
  })

  it('shows a server error with a retry', async () => {
    mock.server.use(
      http.get('*/get-artifact', () =>
        HttpResponse.json({ error_code: 'RESOURCE_DOES_NOT_EXIST', message: 'gone' }, { status: 404 }),
      ),
    )
    renderPreview(P.json, 500)
    const alert = await screen.findByRole('alert')
    expect(within(alert).getByText('gone')).toBeTruthy()
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeTruthy()
  })
})

import { spawn, type ChildProcess } from 'node:child_process'
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { HUGE_ARTIFACTS } from '../mocks/world/huge-artifacts'
import { at } from './json-at'

/**
 * A 1 GiB binary, a 1 GiB log and a 50 MiB JSON file cost nothing until asked for, and the page stays
 * responsive. Only the mocks have such files (the `huge` scenario makes their bytes as they are
 * read), so this file starts its own demo server with that scenario, on a port of its own (e2e runs
 * hold the e2e lock, as for the configured servers).
 */

const PORT = 5199
const BASE_URL = `http://127.0.0.1:${PORT}`
const MIB = 1024 * 1024
const CHUNK = 256 * 1024
/** Far below every file here; the app's own heap is a few MB to a few tens of MB. */
const HEAP_LIMIT = 48 * MIB

let server: ChildProcess | undefined

test.use({ baseURL: BASE_URL })

test.beforeAll(async () => {
  const child = spawn(
    process.execPath,
    ['bin/runboard.mjs', '--demo', '--mock-scenario', 'huge', '--port', String(PORT)],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  )
  server = child
  const exited = new Promise<never>((_, reject) => {
    child.once('exit', (code) => {
      reject(new Error(`the huge demo server exited with ${String(code)}`))
    })
  })
  const ready = (async () => {
    for (;;) {
      const ok = await fetch(`${BASE_URL}/health`).then(
        (response) => response.ok,
        () => false,
      )
      if (ok) return
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  })()
  await Promise.race([ready, exited])
})

test.afterAll(() => {
  server?.kill()
})

async function hugeRunUrl(request: APIRequestContext): Promise<string> {
  const experiment = await request.get('/ajax-api/2.0/mlflow/experiments/get-by-name', {
    params: { experiment_name: HUGE_ARTIFACTS.experiment },
  })
  const experimentId = String(at(await experiment.json(), 'experiment', 'experiment_id'))
  const search = await request.post('/ajax-api/2.0/mlflow/runs/search', {
    data: { experiment_ids: [experimentId], max_results: 1 },
  })
  const runId = String(at(await search.json(), 'runs', 0, 'info', 'run_id'))
  return `/experiments/${experimentId}/runs/${runId}/artifacts`
}

interface ArtifactRequest {
  path: string
  range: string | undefined
  status: number
  /** Bytes the answer says it carries: the Content-Range span, or Content-Length. */
  bytes: number
}

/** Every answered `/get-artifact` request of the page. */
function recordArtifactRequests(page: Page): ArtifactRequest[] {
  const requests: ArtifactRequest[] = []
  page.on('response', (response) => {
    const url = new URL(response.url())
    if (url.pathname !== '/get-artifact') return
    const span = /^bytes (\d+)-(\d+)\//.exec(response.headers()['content-range'] ?? '')
    requests.push({
      path: url.searchParams.get('path') ?? '',
      range: response.request().headers().range,
      status: response.status(),
      bytes:
        span === null
          ? Number(response.headers()['content-length'] ?? NaN)
          : Number(span[2]) - Number(span[1]) + 1,
    })
  })
  return requests
}

/** The page's JS heap after a full garbage collection. */
async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  try {
    await cdp.send('HeapProfiler.collectGarbage')
    const { usedSize } = await cdp.send('Runtime.getHeapUsage')
    return usedSize
  } finally {
    await cdp.detach()
  }
}

/** Records the page's long tasks (main-thread work over 50 ms) from now on. */
async function watchLongTasks(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const durations: number[] = []
    Reflect.set(window, '__longTasks', durations)
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) durations.push(entry.duration)
    }).observe({ type: 'longtask' })
  })
  return () =>
    page.evaluate(() => {
      const durations: unknown = Reflect.get(window, '__longTasks')
      return Array.isArray(durations) ? Math.max(0, ...durations.map(Number)) : Number.NaN
    })
}

async function openBigFolder(page: Page, request: APIRequestContext) {
  await page.goto(await hugeRunUrl(request))
  const tree = page.getByRole('tree', { name: 'Artifacts' })
  await tree.getByRole('treeitem', { name: HUGE_ARTIFACTS.dir, exact: true }).click()
  return tree
}

test('a 1 GB binary shows its size and Download, and fetches no byte @demo-only', async ({
  page,
  request,
}) => {
  const requests = recordArtifactRequests(page)
  const tree = await openBigFolder(page, request)
  await tree.getByRole('treeitem', { name: 'weights-1gb.bin' }).click()

  const details = page.getByRole('region', { name: 'File weights-1gb.bin' })
  await expect(details).toContainText('1 GB')
  await expect(details.getByText('No preview for this type of file.')).toBeVisible()
  const download = details.getByRole('link', { name: 'Download' }).first()
  await expect(download).toHaveAttribute('href', /get-artifact\?path=big%2Fweights-1gb\.bin/)

  expect(requests).toEqual([])
  expect(await heapAfterGc(page)).toBeLessThan(HEAP_LIMIT)
})

test('a 1 GB log shows its first lines from one Range request; Load more fetches the next chunk only @demo-only', async ({
  page,
  request,
}) => {
  const requests = recordArtifactRequests(page)
  const tree = await openBigFolder(page, request)
  await tree.getByRole('treeitem', { name: 'train-1gb.log' }).click()

  const text = page.getByRole('region', { name: `Text of ${HUGE_ARTIFACTS.paths.log}` })
  await expect(text).toContainText('step=000000000 loss=')
  const preview = page.getByRole('region', { name: 'Preview' })
  await expect(preview).toContainText('Showing the first 256 KB of 1 GB')
  expect(requests).toEqual([
    { path: HUGE_ARTIFACTS.paths.log, range: `bytes=0-${CHUNK - 1}`, status: 206, bytes: CHUNK },
  ])

  await preview.getByRole('button', { name: 'Load the next 256 KB' }).click()
  await expect(preview).toContainText('Showing the first 512 KB of 1 GB')
  // The second chunk's first line (2,048 lines of 128 bytes make a chunk) is there to be found.
  await preview.getByRole('searchbox', { name: 'Search the text' }).fill('step=000002048 ')
  await expect(preview).toContainText('1 of 1')
  await expect(text).toContainText('step=000002048 loss=')
  expect(requests).toEqual([
    { path: HUGE_ARTIFACTS.paths.log, range: `bytes=0-${CHUNK - 1}`, status: 206, bytes: CHUNK },
    { path: HUGE_ARTIFACTS.paths.log, range: `bytes=${CHUNK}-${2 * CHUNK - 1}`, status: 206, bytes: CHUNK },
  ])
  expect(await heapAfterGc(page)).toBeLessThan(HEAP_LIMIT)
})

test('a 50 MB JSON file is never fetched whole, and the page keeps answering @demo-only', async ({
  page,
  request,
}) => {
  const requests = recordArtifactRequests(page)
  const tree = await openBigFolder(page, request)
  const longestTask = await watchLongTasks(page)
  await tree.getByRole('treeitem', { name: 'payload-50mb.json' }).click()

  const preview = page.getByRole('region', { name: 'Preview' })
  await expect(preview).toContainText('This file is too large to preview (50 MB).')
  expect(requests).toEqual([])

  // Its beginning, as text, from one Range request.
  await preview.getByRole('button', { name: 'Preview the first 256 KB' }).click()
  const text = page.getByRole('region', { name: `Text of ${HUGE_ARTIFACTS.paths.json}` })
  await expect(text).toContainText('{"id":        0, "label": "class-0"')
  await expect(preview).toContainText('Showing the first 256 KB of 50 MB')
  expect(requests).toEqual([
    { path: HUGE_ARTIFACTS.paths.json, range: `bytes=0-${CHUNK - 1}`, status: 206, bytes: CHUNK },
  ])

  // The page answers input at once: the tree filter narrows the listing.
  const started = Date.now()
  await page.getByRole('searchbox', { name: 'Filter artifacts by name' }).fill('weights')
  await expect(tree.getByRole('treeitem', { name: 'train-1gb.log' })).toBeHidden({ timeout: 2000 })
  await expect(tree.getByRole('treeitem', { name: 'weights-1gb.bin' })).toBeVisible({ timeout: 2000 })
  expect(Date.now() - started).toBeLessThan(2000)
  expect(await longestTask()).toBeLessThan(500)
  expect(await heapAfterGc(page)).toBeLessThan(HEAP_LIMIT)
})

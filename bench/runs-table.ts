/**
 * `npm run bench:runs-table`: the runs table on a 20,000-run experiment. Starts the runboard server
 * in demo mode with the `runs-20k` scenario on the current production build, opens
 * `/experiments/<id of sweep-20k>` in the system Chromium (a fresh context each time, so nothing is
 * cached) and measures, in the page's own clock:
 *
 * - response→rows: from the end of the first runs/search response to the first run row painted;
 * - all loaded: from navigation to the loading status saying it is done;
 * - scrolling the runs scroller by 120 px a frame for 300 frames: p95 frame time and frames over 50 ms
 *   (and frames whose viewport showed no row, i.e. the virtualiser fell behind);
 * - DOM nodes after loading and after scrolling; the JS heap after a GC, in total and per 1,000 runs.
 *
 * It relies on the table's DOM contract (spec "Table DOM"): `[role=grid][aria-label=Runs]` rows with
 * `data-run-id`, `[data-testid=runs-scroller]`, and `[role=status][aria-label="Run loading status"]`
 * with `data-state`. Figures only; nothing is asserted. Options: `--runs <n>` (default 5),
 * `--query <text>` (added to the page URL, e.g. `sort=metrics.val_loss&desc=1`), `--no-build` (use
 * dist/ as it is instead of rebuilding it when the sources are newer).
 */

import { cpus, loadavg, totalmem } from 'node:os'
import { parseArgs } from 'node:util'
import { chromium, type Browser, type Page } from '@playwright/test'
import { SWEEP_20K_EXPERIMENT } from '../mocks/world/sweep-20k-world'
import type { Runboard } from '../server/main'
import { BenchError, startDemoServer } from './demo-server'
import { chromiumVersion, ensureChromium, osName } from '../scripts/chromium'
import { CHROMIUM_ARGS } from '../scripts/chromium-args'

const ROW = '[role=grid][aria-label=Runs] [role=row][data-run-id]'
const STATUS = '[role=status][aria-label="Run loading status"]'
const SCROLLER = '[data-testid=runs-scroller]'
const FIRST_ROW_TIMEOUT_MS = 60_000
const ALL_LOADED_TIMEOUT_MS = 300_000
const SCROLL_FRAMES = 300
const SCROLL_STEP_PX = 120
const LONG_FRAME_MS = 50
const VIEWPORT = { width: 1600, height: 900 }

/**
 * Installed before the app loads: records, in `performance.now()` time, when the first run row is in
 * the DOM and when it has been painted (the task after the next animation frame), and when the loading
 * status first leaves `loading` after rows appeared. Plain JavaScript: it runs in the page as is.
 */
const MARKS_SCRIPT = `(() => {
  const marks = { firstRowDom: null, firstRowPaint: null, finishedAt: null, finishedState: null, finishedText: null }
  window.__runsTableBench = marks
  const check = () => {
    if (marks.firstRowDom === null && document.querySelector(${JSON.stringify(ROW)}) !== null) {
      marks.firstRowDom = performance.now()
      requestAnimationFrame(() => {
        const channel = new MessageChannel()
        channel.port1.onmessage = () => { marks.firstRowPaint = performance.now() }
        channel.port2.postMessage(null)
      })
    }
    if (marks.firstRowDom !== null && marks.finishedAt === null) {
      const status = document.querySelector(${JSON.stringify(STATUS)})
      const state = status === null ? null : status.getAttribute('data-state')
      if (state !== null && state !== 'loading') {
        marks.finishedAt = performance.now()
        marks.finishedState = state
        marks.finishedText = status.textContent
      }
    }
    if (marks.firstRowDom !== null && marks.finishedAt !== null) observer.disconnect()
  }
  const observer = new MutationObserver(check)
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-state'] })
})()`

interface Marks {
  firstRowDom: number | null
  firstRowPaint: number | null
  finishedAt: number | null
  finishedState: string | null
  finishedText: string | null
}

interface ScrollResult {
  deltas: number[]
  blankFrames: number
  scrolledPx: number
}

/** Scrolls the runs scroller by a fixed step each animation frame and times the frames. */
const SCROLL_SCRIPT = `new Promise((resolve, reject) => {
  const scroller = document.querySelector(${JSON.stringify(SCROLLER)})
  if (scroller === null) { reject(new Error('no ${SCROLLER} element')); return }
  if (scroller.scrollHeight <= scroller.clientHeight) { reject(new Error('the runs scroller does not scroll (scrollHeight ' + scroller.scrollHeight + ', clientHeight ' + scroller.clientHeight + ')')); return }
  const start = scroller.scrollTop
  const deltas = []
  let blankFrames = 0
  let last = null
  let frame = 0
  const step = (now) => {
    if (last !== null) deltas.push(now - last)
    last = now
    if (frame > 0) {
      const box = scroller.getBoundingClientRect()
      const hit = document.elementFromPoint(box.left + 40, box.top + box.height / 2)
      if (hit === null || hit.closest('[role=row][data-run-id]') === null) blankFrames++
    }
    if (frame === ${SCROLL_FRAMES}) { resolve({ deltas, blankFrames, scrolledPx: scroller.scrollTop - start }); return }
    scroller.scrollTop += ${SCROLL_STEP_PX}
    frame++
    requestAnimationFrame(step)
  }
  requestAnimationFrame(step)
})`

interface Sample {
  firstSearchEnd: number
  firstRowPaint: number
  finishedAt: number
  finishedState: string
  runsLoaded: number
  searchRequests: number
  scrollP95: number
  scrollMax: number
  longFrames: number
  blankFrames: number
  domAfterLoad: number
  domAfterScroll: number
  heapBytes: number
}

function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN
}

function median(values: readonly number[]): number {
  return percentile(values, 0.5)
}

function readMarks(value: unknown): Marks {
  const read = (key: string): unknown =>
    value !== null && typeof value === 'object' ? Reflect.get(value, key) : undefined
  const numberOrNull = (key: string) => {
    const item = read(key)
    return typeof item === 'number' ? item : null
  }
  const stringOrNull = (key: string) => {
    const item = read(key)
    return typeof item === 'string' ? item : null
  }
  return {
    firstRowDom: numberOrNull('firstRowDom'),
    firstRowPaint: numberOrNull('firstRowPaint'),
    finishedAt: numberOrNull('finishedAt'),
    finishedState: stringOrNull('finishedState'),
    finishedText: stringOrNull('finishedText'),
  }
}

async function marksOf(page: Page): Promise<Marks> {
  return readMarks(await page.evaluate('window.__runsTableBench'))
}

/** What the page shows, for a readable failure. */
async function describePage(page: Page, searches: readonly string[]): Promise<string> {
  const summary = await page
    .evaluate(
      `(() => ({
        url: location.href,
        heading: document.querySelector('h1')?.textContent ?? '(no h1)',
        grid: document.querySelector('[role=grid][aria-label=Runs]') !== null,
        rows: document.querySelectorAll(${JSON.stringify(ROW)}).length,
        status: document.querySelector(${JSON.stringify(STATUS)})?.outerHTML.slice(0, 200) ?? '(no status element)',
      }))()`,
    )
    .catch((error: unknown) => ({ error: String(error) }))
  const requests =
    searches.length === 0
      ? 'no runs/search request was sent'
      : `runs/search responses: ${searches.join(', ')}`
  return `${JSON.stringify(summary)}; ${requests}`
}

/**
 * Polls the page's marks until `done` holds. (Not `waitForFunction`: the app's Content Security Policy
 * forbids the eval it uses for string predicates.)
 */
async function waitForMark(
  page: Page,
  done: (marks: Marks) => boolean,
  timeoutMs: number,
  what: string,
  searches: readonly string[],
): Promise<void> {
  const deadline = performance.now() + timeoutMs
  while (!done(await marksOf(page))) {
    if (performance.now() > deadline) {
      throw new BenchError(
        `${what} within ${timeoutMs / 1000} s. The page: ${await describePage(page, searches)}`,
      )
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** End of the first runs/search response in page time, from Resource Timing. */
async function firstSearchEnd(page: Page): Promise<number | undefined> {
  const ends: unknown = await page.evaluate(
    `performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/runs/search')).map((entry) => entry.responseEnd)`,
  )
  if (!Array.isArray(ends)) return undefined
  const numbers = ends.filter((end): end is number => typeof end === 'number' && end > 0)
  return numbers.length === 0 ? undefined : Math.min(...numbers)
}

async function domNodes(page: Page): Promise<number> {
  const count: unknown = await page.evaluate(`document.getElementsByTagName('*').length`)
  return typeof count === 'number' ? count : Number.NaN
}

function parseScroll(value: unknown): ScrollResult {
  const read = (key: string): unknown =>
    value !== null && typeof value === 'object' ? Reflect.get(value, key) : undefined
  const deltas = read('deltas')
  const blankFrames = read('blankFrames')
  const scrolledPx = read('scrolledPx')
  return {
    deltas: Array.isArray(deltas) ? deltas.filter((d): d is number => typeof d === 'number') : [],
    blankFrames: typeof blankFrames === 'number' ? blankFrames : Number.NaN,
    scrolledPx: typeof scrolledPx === 'number' ? scrolledPx : Number.NaN,
  }
}

/** "20,000 runs" → 20000; the grid's aria-rowcount when the text has no number. */
async function runsLoaded(page: Page, statusText: string | null): Promise<number> {
  const digits = /(\d[\d,. ]*)\s*runs?\b/.exec(statusText ?? '')?.[1]?.replace(/\D/g, '')
  if (digits !== undefined && digits !== '') return Number(digits)
  const rowCount: unknown = await page.evaluate(
    `Number(document.querySelector('[role=grid][aria-label=Runs]')?.getAttribute('aria-rowcount') ?? NaN) - 1`,
  )
  return typeof rowCount === 'number' ? rowCount : Number.NaN
}

async function measureOnce(browser: Browser, url: string): Promise<Sample> {
  const context = await browser.newContext({ viewport: VIEWPORT })
  try {
    await context.addInitScript({ content: MARKS_SCRIPT })
    const page = await context.newPage()
    const searches: string[] = []
    page.on('response', (response) => {
      if (response.url().includes('/runs/search')) searches.push(String(response.status()))
    })
    const cdp = await context.newCDPSession(page)
    await cdp.send('Performance.enable')
    await page.goto(url)

    await waitForMark(
      page,
      (marks) => marks.firstRowPaint !== null,
      FIRST_ROW_TIMEOUT_MS,
      `No run row (${ROW}) was painted`,
      searches,
    )
    await waitForMark(
      page,
      (marks) => marks.finishedAt !== null,
      ALL_LOADED_TIMEOUT_MS,
      `The loading status (${STATUS}) did not leave data-state="loading"`,
      searches,
    )
    const marks = await marksOf(page)
    if (marks.firstRowPaint === null || marks.finishedAt === null) throw new BenchError('marks went missing')
    const searchEnd = await firstSearchEnd(page)
    if (searchEnd === undefined) {
      throw new BenchError(
        `rows appeared, but Resource Timing has no runs/search entry (${await describePage(page, searches)})`,
      )
    }
    const loaded = await runsLoaded(page, marks.finishedText)
    const domAfterLoad = await domNodes(page)

    let scroll: ScrollResult
    try {
      scroll = parseScroll(await page.evaluate(SCROLL_SCRIPT))
    } catch (error) {
      throw new BenchError(
        `scrolling failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      )
    }
    // Let the last scroll position render before counting.
    await page.evaluate(
      'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))',
    )
    const domAfterScroll = await domNodes(page)

    await cdp.send('HeapProfiler.collectGarbage')
    const { metrics } = await cdp.send('Performance.getMetrics')
    const heapBytes = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? Number.NaN

    return {
      firstSearchEnd: searchEnd,
      firstRowPaint: marks.firstRowPaint,
      finishedAt: marks.finishedAt,
      finishedState: marks.finishedState ?? '?',
      runsLoaded: loaded,
      searchRequests: searches.length,
      scrollP95: percentile(scroll.deltas, 0.95),
      scrollMax: Math.max(...scroll.deltas),
      longFrames: scroll.deltas.filter((delta) => delta > LONG_FRAME_MS).length,
      blankFrames: scroll.blankFrames,
      domAfterLoad,
      domAfterScroll,
      heapBytes,
    }
  } finally {
    await context.close()
  }
}

async function experimentId(server: Runboard): Promise<string> {
  const response = await fetch(
    `${server.url}ajax-api/2.0/mlflow/experiments/get-by-name?experiment_name=${SWEEP_20K_EXPERIMENT}`,
  )
  const body: unknown = await response.json()
  const experiment: unknown =
    body !== null && typeof body === 'object' ? Reflect.get(body, 'experiment') : undefined
  const id: unknown =
    experiment !== null && typeof experiment === 'object'
      ? Reflect.get(experiment, 'experiment_id')
      : undefined
  if (typeof id !== 'string') {
    throw new BenchError(
      `the demo server has no ${SWEEP_20K_EXPERIMENT} experiment (is the scenario runs-20k?)`,
    )
  }
  return id
}

/** The scenario makes its runs on first access; pay that before measuring. */
async function warmUp(server: Runboard, id: string): Promise<number> {
  const started = performance.now()
  const response = await fetch(`${server.url}ajax-api/2.0/mlflow/runs/search`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ experiment_ids: [id], max_results: 1 }),
  })
  if (!response.ok)
    throw new BenchError(`warm-up runs/search failed: ${response.status} ${await response.text()}`)
  return performance.now() - started
}

const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)} ms` : '—')
const count = (value: number) => (Number.isFinite(value) ? value.toLocaleString('en-US') : '—')
const mb = (bytes: number) => (Number.isFinite(bytes) ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : '—')

function printTable(samples: readonly Sample[]): void {
  const columns: [string, (sample: Sample) => number, (value: number) => string][] = [
    ['first search end', (s) => s.firstSearchEnd, ms],
    ['first rows', (s) => s.firstRowPaint, ms],
    ['response→rows', (s) => s.firstRowPaint - s.firstSearchEnd, ms],
    ['all loaded', (s) => s.finishedAt, ms],
    ['runs', (s) => s.runsLoaded, count],
    ['searches', (s) => s.searchRequests, count],
    ['scroll p95', (s) => s.scrollP95, ms],
    ['scroll max', (s) => s.scrollMax, ms],
    [`>${LONG_FRAME_MS} ms`, (s) => s.longFrames, count],
    ['blank', (s) => s.blankFrames, count],
    ['DOM loaded', (s) => s.domAfterLoad, count],
    ['DOM scrolled', (s) => s.domAfterScroll, count],
    ['heap', (s) => s.heapBytes, mb],
    ['heap/1k runs', (s) => (s.heapBytes / s.runsLoaded) * 1000, mb],
  ]
  const rows = [
    ...samples.map((sample, index) => [
      `run ${index + 1}`,
      ...columns.map(([, get, show]) => show(get(sample))),
    ]),
    ['median', ...columns.map(([, get, show]) => show(median(samples.map(get))))],
  ]
  const header = ['', ...columns.map(([name]) => name)]
  const widths = header.map((name, i) => Math.max(name.length, ...rows.map((row) => (row[i] ?? '').length)))
  const line = (cells: readonly string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ')
  console.log(line(header))
  for (const row of rows) console.log(line(row))
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '5' },
      query: { type: 'string', default: '' },
      'no-build': { type: 'boolean', default: false },
    },
  })
  const runs = Number(values.runs)
  if (!Number.isInteger(runs) || runs < 1)
    throw new BenchError(`--runs must be a positive integer, not ${values.runs}`)

  const server = await startDemoServer({ scenario: 'runs-20k', noBuild: values['no-build'] })
  const executablePath = ensureChromium()
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
  const samples: Sample[] = []
  try {
    const id = await experimentId(server)
    const warm = await warmUp(server, id)
    const url = `${server.url}experiments/${id}${values.query === '' ? '' : `?${values.query}`}`
    const cpuList = cpus()
    console.log(
      `Machine: ${cpuList[0]?.model ?? 'unknown CPU'}, ${cpuList.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GB, ` +
        `load ${loadavg()
          .map((load) => load.toFixed(2))
          .join(' ')}; ${osName()}; Node ${process.version}; ` +
        `${chromiumVersion(executablePath)} (Playwright reports ${browser.version()}), headless, ${VIEWPORT.width}×${VIEWPORT.height}`,
    )
    console.log(`Server warm-up (the scenario makes its 20,000 runs): ${ms(warm)}`)
    console.log(`Page: ${url.replace(server.url, '/')}; ${runs} runs, a fresh browser context each\n`)
    for (let run = 0; run < runs; run++) {
      samples.push(await measureOnce(browser, url))
      process.stdout.write(`  run ${run + 1}/${runs} done\n`)
    }
  } finally {
    await browser.close()
    await server.close()
  }
  console.log(
    `\nTimes are ms since navigation in the page's clock; response→rows = first rows painted − end of the first runs/search` +
      ` response; scroll = ${SCROLL_FRAMES} frames of ${SCROLL_STEP_PX} px (requestAnimationFrame deltas); blank = frames whose` +
      ` viewport showed no row; heap = JSHeapUsedSize after a GC.\n`,
  )
  printTable(samples)
  const states = new Set(samples.map((sample) => sample.finishedState))
  if (!(states.size === 1 && states.has('done'))) {
    console.log(`\nNote: the loading status ended as ${[...states].join(', ')}, not only "done".`)
  }
}

main().catch((error: unknown) => {
  console.error(
    error instanceof BenchError
      ? `bench:runs-table: ${error.message}`
      : error instanceof Error
        ? (error.stack ?? error.message)
        : error,
  )
  process.exit(1)
})

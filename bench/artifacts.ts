/**
 * `npm run bench:artifacts`: the run page's Artifacts tab on big inputs. Starts the runboard server in
 * demo mode with the `huge` scenario (the demo world, with the artifact zoo's 5,000-file run, plus
 * `artifact-huge`: a 1 GiB binary, a 1 GiB log and a 50 MiB JSON array, made as they are read) on the
 * current production build, and opens the Artifacts tab in the system Chromium, a fresh context (cold
 * cache) per case and repetition:
 *
 * - many: the 5,000-file directory `many/`: from the click that opens it to its first rows drawn, the
 *   rows in the DOM, then End (keyboard) to the last row drawn, and the JS heap after a GC.
 * - binary: selecting the 1 GiB binary: the time until its panel (size, Download) is drawn, the
 *   `/get-artifact` requests and bytes fetched, the heap.
 * - log: selecting the 1 GiB log until its first lines are drawn; "Load the next 256 KB" until the
 *   next lines are there; requests, bytes, heap.
 * - json: selecting the 50 MiB JSON until its preview panel is drawn, then "Preview the first 256 KB"
 *   until its first lines are drawn; the longest main-thread task over both; requests, bytes, heap.
 *
 * Times are in the page's clock, from the click (or key press) dispatched in the page to the frame
 * after the DOM showed the result (painted = the task after the next animation frame). It relies on
 * the browser's DOM contract: `[role=tree][aria-label=Artifacts]`, tree items' `data-path`, the
 * preview section `[aria-label=Preview]` and its button labels, the text preview's `.text-line`s.
 * Figures only; nothing is asserted. Not part of `npm test`.
 *
 * Options: `--runs <n>` (default 5); `--no-build` (use dist/ as it is).
 */

import { cpus, loadavg, totalmem } from 'node:os'
import { parseArgs } from 'node:util'
import { chromium, type Browser, type Page } from '@playwright/test'
import { ARTIFACT_ZOO } from '../mocks/world/artifacts'
import { HUGE_ARTIFACTS } from '../mocks/world/huge-artifacts'
import type { Runboard } from '../server/main'
import { chromiumVersion, ensureChromium, osName } from '../scripts/chromium'
import { CHROMIUM_ARGS } from '../scripts/chromium-args'
import { BenchError, startDemoServer } from './demo-server'

const VIEWPORT = { width: 1600, height: 900 }
const STEP_TIMEOUT_MS = 60_000
const API = 'ajax-api/2.0/mlflow/'

/**
 * Installed before the app loads (plain JavaScript, run in the page as is): records long tasks, and
 * `__artifactsBench.act(target, action, done)` runs an action and resolves with the ms from just
 * before it to the paint after `done()` first holds (checked on every DOM change).
 */
const BENCH_SCRIPT = `(() => {
  const longTasks = []
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration })
    }).observe({ type: 'longtask', buffered: true })
  } catch {}
  const afterPaint = (resolve) => requestAnimationFrame(() => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => { resolve(performance.now()) }
    channel.port2.postMessage(null)
  })
  const when = (done) => new Promise((resolve) => {
    let finished = false
    const check = () => {
      if (finished || !done()) return false
      finished = true
      observer.disconnect()
      afterPaint(resolve)
      return true
    }
    const observer = new MutationObserver(check)
    if (!check()) observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true })
  })
  window.__artifactsBench = {
    longTasks,
    async act(action, done) {
      const start = performance.now()
      const drawn = when(done)
      action()
      return { start, end: await drawn }
    },
  }
})()`

interface Sample {
  [figure: string]: number
}

interface Step {
  start: number
  end: number
}

/** Runs `action` in the page and waits for `done`; both are JavaScript function bodies. */
async function act(page: Page, action: string, done: string): Promise<Step> {
  const result: unknown = await page.evaluate(
    `window.__artifactsBench.act(() => { ${action} }, () => { ${done} })`,
  )
  const start = Number(Reflect.get(Object(result), 'start'))
  const end = Number(Reflect.get(Object(result), 'end'))
  return { start, end }
}

/** JavaScript: the tree item whose `data-path` is `path`. */
function treeItem(path: string): string {
  return `document.querySelector('[role=tree][aria-label=Artifacts] [data-path=${JSON.stringify(path)}]')`
}

/** JavaScript: the Preview section's button whose text starts with `label`. */
function previewButton(label: string): string {
  return `[...document.querySelectorAll('[aria-label=Preview] button')].find((b) => b.textContent.startsWith(${JSON.stringify(label)}))`
}

function previewText(): string {
  return `(document.querySelector('[aria-label=Preview]')?.textContent ?? '')`
}

async function longestTask(page: Page, from: number): Promise<number> {
  const raw: unknown = await page.evaluate('window.__artifactsBench.longTasks')
  const tasks = Array.isArray(raw) ? raw : []
  let longest = 0
  for (const task of tasks) {
    const start = Number(Reflect.get(Object(task), 'start'))
    const duration = Number(Reflect.get(Object(task), 'duration'))
    if (start + duration >= from) longest = Math.max(longest, duration)
  }
  return longest
}

interface Fetched {
  requests: number
  bytes: number
  ranges: string[]
}

/** `/get-artifact` answers: how many, their body bytes, and the Range each asked for. */
function watchDownloads(page: Page): Fetched {
  const fetched: Fetched = { requests: 0, bytes: 0, ranges: [] }
  page.on('response', (response) => {
    if (new URL(response.url()).pathname !== '/get-artifact') return
    fetched.requests += 1
    fetched.ranges.push(response.request().headers().range ?? 'none')
    const span = /^bytes (\d+)-(\d+)\//.exec(response.headers()['content-range'] ?? '')
    fetched.bytes +=
      span === null
        ? Number(response.headers()['content-length'] ?? NaN)
        : Number(span[2]) - Number(span[1]) + 1
  })
  return fetched
}

async function openPage(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: VIEWPORT })
  await context.addInitScript({ content: BENCH_SCRIPT })
  const page = await context.newPage()
  page.setDefaultTimeout(STEP_TIMEOUT_MS)
  const cdp = await context.newCDPSession(page)
  const heapAfterGc = async () => {
    await cdp.send('HeapProfiler.collectGarbage')
    return (await cdp.send('Runtime.getHeapUsage')).usedSize
  }
  const fetched = watchDownloads(page)
  await page.goto(url)
  return { context, page, heapAfterGc, fetched }
}

async function measureMany(browser: Browser, runUrl: string): Promise<Sample> {
  const { context, page, heapAfterGc } = await openPage(browser, runUrl)
  try {
    const dir = ARTIFACT_ZOO.manyDir
    const last = ARTIFACT_ZOO.manyFile(ARTIFACT_ZOO.manyCount - 1)
    await page.waitForSelector(`[role=tree] [data-path="${dir}"]`)
    const open = await act(
      page,
      `${treeItem(dir)}.click()`,
      `return ${treeItem(ARTIFACT_ZOO.manyFile(0))} !== null`,
    )
    const rows = await page.locator('[role=tree] [role=treeitem]').count()
    const end = await act(
      page,
      `document.querySelector('[role=tree][aria-label=Artifacts]').dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true, cancelable: true }))`,
      `return ${treeItem(last)} !== null`,
    )
    const rowsAtEnd = await page.locator('[role=tree] [role=treeitem]').count()
    const listing: unknown = await page.evaluate(
      `performance.getEntriesByType('resource').filter((e) => e.name.includes('artifacts/list') && e.name.includes('path=${dir}')).map((e) => e.duration)[0] ?? NaN`,
    )
    return {
      open: open.end - open.start,
      listing: Number(listing),
      rows,
      end: end.end - end.start,
      rowsAtEnd,
      heap: await heapAfterGc(),
    }
  } finally {
    await context.close()
  }
}

async function openBig(browser: Browser, runUrl: string) {
  const opened = await openPage(browser, `${runUrl}?path=${encodeURIComponent(`${HUGE_ARTIFACTS.dir}/`)}`)
  await opened.page.waitForSelector(`[role=tree] [data-path="${HUGE_ARTIFACTS.paths.log}"]`)
  return opened
}

async function measureBinary(browser: Browser, runUrl: string): Promise<Sample> {
  const { context, page, heapAfterGc, fetched } = await openBig(browser, runUrl)
  try {
    const select = await act(
      page,
      `${treeItem(HUGE_ARTIFACTS.paths.binary)}.click()`,
      `return ${previewText()}.includes('No preview')`,
    )
    return {
      select: select.end - select.start,
      requests: fetched.requests,
      bytes: fetched.bytes,
      heap: await heapAfterGc(),
    }
  } finally {
    await context.close()
  }
}

async function measureLog(browser: Browser, runUrl: string): Promise<Sample> {
  const { context, page, heapAfterGc, fetched } = await openBig(browser, runUrl)
  try {
    const first = await act(
      page,
      `${treeItem(HUGE_ARTIFACTS.paths.log)}.click()`,
      `return [...document.querySelectorAll('.text-line')].some((line) => line.textContent.includes('step=000000000 '))`,
    )
    const firstRequests = fetched.requests
    const more = await act(
      page,
      `${previewButton('Load the next')}.click()`,
      `return ${previewText()}.includes('Showing the first 512 KB')`,
    )
    return {
      first: first.end - first.start,
      firstRequests,
      more: more.end - more.start,
      requests: fetched.requests,
      bytes: fetched.bytes,
      longest: await longestTask(page, first.start),
      heap: await heapAfterGc(),
    }
  } finally {
    await context.close()
  }
}

async function measureJson(browser: Browser, runUrl: string): Promise<Sample> {
  const { context, page, heapAfterGc, fetched } = await openBig(browser, runUrl)
  try {
    const shown = await act(
      page,
      `${treeItem(HUGE_ARTIFACTS.paths.json)}.click()`,
      `return ${previewText()}.includes('too large to preview')`,
    )
    const requestsBefore = fetched.requests
    const head = await act(
      page,
      `${previewButton('Preview the first')}.click()`,
      `return [...document.querySelectorAll('.text-line')].some((line) => line.textContent.includes('"id":        0,'))`,
    )
    return {
      shown: shown.end - shown.start,
      requestsBefore,
      head: head.end - head.start,
      requests: fetched.requests,
      bytes: fetched.bytes,
      longest: await longestTask(page, shown.start),
      heap: await heapAfterGc(),
    }
  } finally {
    await context.close()
  }
}

// ---- ids ----

async function apiJson(server: Runboard, path: string, init?: RequestInit): Promise<unknown> {
  const response = await fetch(`${server.url}${API}${path}`, init)
  if (!response.ok) throw new BenchError(`${path} failed: ${response.status} ${await response.text()}`)
  const body: unknown = await response.json()
  return body
}

function get(value: unknown, ...path: (string | number)[]): unknown {
  let current = value
  for (const key of path)
    current = current !== null && typeof current === 'object' ? Reflect.get(current, key) : undefined
  return current
}

/** `/experiments/<id>/runs/<run id>/artifacts` of a run found by experiment and run name. */
async function runArtifactsUrl(server: Runboard, experiment: string, run: string): Promise<string> {
  const found = await apiJson(
    server,
    `experiments/get-by-name?experiment_name=${encodeURIComponent(experiment)}`,
  )
  const experimentId = get(found, 'experiment', 'experiment_id')
  if (typeof experimentId !== 'string')
    throw new BenchError(`the demo server has no ${experiment} experiment (is the scenario huge?)`)
  const search = await apiJson(server, 'runs/search', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      experiment_ids: [experimentId],
      filter: `attributes.run_name = '${run}'`,
      max_results: 1,
    }),
  })
  const runId = get(search, 'runs', 0, 'info', 'run_id')
  if (typeof runId !== 'string') throw new BenchError(`no run ${run} in ${experiment}`)
  return `${server.url}experiments/${experimentId}/runs/${runId}/artifacts`
}

// ---- the table ----

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.ceil(sorted.length / 2) - 1] ?? Number.NaN
}

const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)} ms` : '—')
const count = (value: number) => (Number.isFinite(value) ? value.toLocaleString('en-US') : '—')
const mb = (bytes: number) => (Number.isFinite(bytes) ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : '—')
/** Long tasks are those of 50 ms or more; none is the good case. */
const task = (value: number) => (value === 0 ? 'none ≥ 50 ms' : ms(value))
const kb = (bytes: number) => (Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(0)} KB` : '—')

interface Row {
  name: string
  key: string
  show: (value: number) => string
}

function printTable(title: string, samples: readonly Sample[], rows: readonly Row[]): void {
  console.log(`\n${title}`)
  const table = rows.map((row) => {
    const values = samples.map((sample) => sample[row.key] ?? Number.NaN)
    const finite = values.filter((value) => Number.isFinite(value))
    const range =
      finite.length === 0 ? '—' : `${row.show(Math.min(...finite))} – ${row.show(Math.max(...finite))}`
    return [row.name, row.show(median(values)), range, values.map(row.show).join(', ')]
  })
  const header = ['', 'median', 'range', 'runs']
  const widths = header.map((name, i) =>
    Math.max(name.length, ...table.map((cells) => (cells[i] ?? '').length)),
  )
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === 0 || i === 3 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd()
  console.log(line(header))
  for (const cells of table) console.log(line(cells))
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '5' }, 'no-build': { type: 'boolean', default: false } },
  })
  const runs = Number(values.runs)
  if (!Number.isInteger(runs) || runs < 1)
    throw new BenchError(`--runs must be a positive integer, not ${values.runs}`)

  const server = await startDemoServer({ scenario: 'huge', noBuild: values['no-build'] })
  const executablePath = ensureChromium()
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
  const samples = { many: [] as Sample[], binary: [] as Sample[], log: [] as Sample[], json: [] as Sample[] }
  try {
    const manyUrl = await runArtifactsUrl(server, ARTIFACT_ZOO.experiment, ARTIFACT_ZOO.manyRunName)
    const hugeUrl = await runArtifactsUrl(server, HUGE_ARTIFACTS.experiment, HUGE_ARTIFACTS.runName)
    const cpuList = cpus()
    console.log(
      `Machine: ${cpuList[0]?.model ?? 'unknown CPU'}, ${cpuList.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GB, ` +
        `load ${loadavg()
          .map((load) => load.toFixed(2))
          .join(' ')}; ${osName()}; Node ${process.version}; ` +
        `${chromiumVersion(executablePath)} (Playwright reports ${browser.version()}), headless, ${VIEWPORT.width}×${VIEWPORT.height}`,
    )
    console.log(`${runs} runs per case, a fresh browser context (cold cache) each.`)
    for (let run = 0; run < runs; run++) {
      samples.many.push(await measureMany(browser, manyUrl))
      samples.binary.push(await measureBinary(browser, hugeUrl))
      samples.log.push(await measureLog(browser, hugeUrl))
      samples.json.push(await measureJson(browser, hugeUrl))
      process.stdout.write(`  run ${run + 1}/${runs} done\n`)
    }
  } finally {
    await browser.close()
    await server.close()
  }
  console.log(
    '\nTimes: from the click or key press, dispatched in the page, to the paint after the DOM showed the ' +
      'result. Heap: the page’s JS heap after a GC. Bytes: what the /get-artifact answers carried.',
  )
  printTable(
    `A directory of ${ARTIFACT_ZOO.manyCount.toLocaleString('en-US')} files (${ARTIFACT_ZOO.manyDir}/)`,
    samples.many,
    [
      { name: 'open → first rows drawn', key: 'open', show: ms },
      { name: '  of which the listing request', key: 'listing', show: ms },
      { name: 'rows in the DOM', key: 'rows', show: count },
      { name: 'End → last row drawn', key: 'end', show: ms },
      { name: 'rows in the DOM at the end', key: 'rowsAtEnd', show: count },
      { name: 'JS heap after GC', key: 'heap', show: mb },
    ],
  )
  printTable(`The 1 GiB binary (${HUGE_ARTIFACTS.paths.binary})`, samples.binary, [
    { name: 'select → size and Download drawn', key: 'select', show: ms },
    { name: 'requests to /get-artifact', key: 'requests', show: count },
    { name: 'bytes fetched', key: 'bytes', show: kb },
    { name: 'JS heap after GC', key: 'heap', show: mb },
  ])
  printTable(`The 1 GiB log (${HUGE_ARTIFACTS.paths.log})`, samples.log, [
    { name: 'select → first lines drawn', key: 'first', show: ms },
    { name: '  requests by then', key: 'firstRequests', show: count },
    { name: 'Load more → next 256 KB shown', key: 'more', show: ms },
    { name: 'requests in all', key: 'requests', show: count },
    { name: 'bytes fetched', key: 'bytes', show: kb },
    { name: 'longest main-thread task', key: 'longest', show: task },
    { name: 'JS heap after GC', key: 'heap', show: mb },
  ])
  printTable(`The 50 MiB JSON (${HUGE_ARTIFACTS.paths.json})`, samples.json, [
    { name: 'select → preview panel drawn', key: 'shown', show: ms },
    { name: '  requests by then', key: 'requestsBefore', show: count },
    { name: '"Preview the first 256 KB" → lines drawn', key: 'head', show: ms },
    { name: 'requests in all', key: 'requests', show: count },
    { name: 'bytes fetched', key: 'bytes', show: kb },
    { name: 'longest main-thread task (select to end)', key: 'longest', show: task },
    { name: 'JS heap after GC', key: 'heap', show: mb },
  ])
}

main().catch((error: unknown) => {
  console.error(
    error instanceof BenchError
      ? `bench:artifacts: ${error.message}`
      : error instanceof Error
        ? (error.stack ?? error.message)
        : error,
  )
  process.exit(1)
})

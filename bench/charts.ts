/**
 * `npm run bench:charts`: the compare page's metric charts on big histories. Starts the runboard
 * server in demo mode with the `charts-bench` scenario on the current production build, and opens
 * the compare page in the system Chromium, a fresh context (cold cache) per repetition, for two cases:
 *
 * - A, one chart of 10 runs × 100,000 steps of `train_loss` (1,000,000 points): navigation to the
 *   first sampled response and to the first line painted; then "Load all points" and the time from
 *   the click until the chart says `all 1,000,000 points`, with the reduction time in the worker
 *   (per call and in total), where each reduction ran, the get-history requests and the main thread's
 *   long tasks meanwhile; hover frame times across the chart; the JS heap after a GC.
 * - B, 30 charts (`m01` .. `m30`) of 10 runs × 10,000 steps: navigation to the first line, and to
 *   all points in every chart drawn without scrolling (the page's diff table comes first, so these
 *   are the charts just below the fold that the page loads ahead); scrolling the page to the bottom
 *   one step per frame (frame times) and the time until all 30 charts draw all their points; hover
 *   frame times on the first chart; the JS heap after a GC.
 *
 * Before the browser runs it times the server's answers on these histories (from Node, over HTTP
 * with gzip, as the browser asks). Times are in the page's clock, from navigation start. It relies on
 * the charts' DOM contract (src/features/metric-charts): `section.chart-card[aria-label="Chart <key>"]`,
 * its `.chart-fidelity` text, the `Load all points (~N)` button, Recharts' `path.recharts-line-curve`,
 * the `.chart-overlay` hover layer and `.chart-tooltip`; and on the `runboard:reduce` User Timing
 * measures that reduce-off-thread.ts (page: where each reduction ran) and reduce-worker.ts (worker:
 * its compute time) record. Figures only; nothing is asserted.
 *
 * Options: `--runs <n>` (default 5); `--case a|b|both` (default both); `--profile` (CPU profiles of
 * the main thread, first run only, while case A loads all points and while case B scrolls and loads
 * the rest of its charts, written to the temp folder for DevTools, their top functions printed);
 * `--no-build` (use dist/ as it is instead of rebuilding it when the sources are newer); `--dist <dir>`
 * (serve another build, e.g. an unminified one for readable profiles:
 * `npx vite build --minify false --outDir /tmp/runboard-dist`).
 */

import { writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test'
import {
  CHARTS_BENCH_EXPERIMENT,
  CHARTS_BENCH_GRID,
  CHARTS_BENCH_LONG,
  chartsBenchGridRunName,
  chartsBenchLongRunName,
} from '../mocks/world/charts-bench-world'
import type { Runboard } from '../server/main'
import { BenchError, startDemoServer } from './demo-server'
import { chromiumVersion, ensureChromium, osName } from '../scripts/chromium'
import { CHROMIUM_ARGS } from '../scripts/chromium-args'

const VIEWPORT = { width: 1600, height: 900 }
const FIRST_LINES_TIMEOUT_MS = 60_000
const FULL_TIMEOUT_MS = 180_000
const HOVER_STEPS = 120
const SCROLL_STEP_PX = 80
const MAX_SCROLL_FRAMES = 3000
const LONG_FRAME_MS = 50
const LONG_CHART = `Chart ${CHARTS_BENCH_LONG.metricKey}`
const FIRST_GRID_CHART = `Chart ${CHARTS_BENCH_GRID.metricKeys[0] ?? 'm01'}`
const LONG_POINTS = CHARTS_BENCH_LONG.runCount * CHARTS_BENCH_LONG.steps
const API = 'ajax-api/2.0/mlflow/'

/**
 * Installed before the app loads (plain JavaScript, run in the page as is). Records in
 * `performance.now()` time: the first chart line with a path in the DOM and painted (the task after
 * the next animation frame); per chart, when its lines were painted, when its label said it was
 * loading all points, and when it said `all N points` (painted); the click on "Load all points"; and
 * every long task and long animation frame (with its scripts), for attributing main-thread time.
 */
const MARKS_SCRIPT = `(() => {
  const LINE = 'path.recharts-line-curve'
  const ALL = /^all [\\d,]+ points$/
  const marks = { firstLineDom: null, firstLinePaint: null, clickAt: null, charts: {}, longTasks: [], frames: [] }
  window.__chartsBench = marks
  try { performance.setResourceTimingBufferSize(100000) } catch {}
  const afterPaint = (set) => requestAnimationFrame(() => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => { set(performance.now()) }
    channel.port2.postMessage(null)
  })
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) marks.longTasks.push({ start: entry.startTime, duration: entry.duration })
    }).observe({ type: 'longtask', buffered: true })
  } catch {}
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) marks.frames.push({
        start: entry.startTime,
        duration: entry.duration,
        blocking: entry.blockingDuration,
        scripts: entry.scripts.map((script) => ({
          invoker: script.invokerType + ' ' + script.invoker,
          source: (script.sourceFunctionName || '(anonymous)') + ' ' + script.sourceURL.replace(/^.*\\//, '') + ':' + script.sourceCharPosition,
          duration: script.duration,
          forcedLayout: script.forcedStyleAndLayoutDuration,
        })),
      })
    }).observe({ type: 'long-animation-frame', buffered: true })
  } catch {}
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null
    if (marks.clickAt === null && button !== null && /^Load all points/.test(button.textContent || '')) marks.clickAt = performance.now()
  }, true)
  const hasLine = (root) => {
    for (const path of root.querySelectorAll(LINE)) if ((path.getAttribute('d') || '') !== '') return true
    return false
  }
  const check = () => {
    if (marks.firstLineDom === null && hasLine(document)) {
      marks.firstLineDom = performance.now()
      afterPaint((time) => { marks.firstLinePaint = time })
    }
    for (const card of document.querySelectorAll('section.chart-card')) {
      const label = card.getAttribute('aria-label') || '?'
      let chart = marks.charts[label]
      if (chart === undefined) {
        chart = { linesPaint: null, linesDom: null, refiningAt: null, allDom: null, allPaint: null, allText: null }
        marks.charts[label] = chart
      }
      if (chart.allDom !== null) continue
      if (chart.linesDom === null && hasLine(card)) {
        chart.linesDom = performance.now()
        afterPaint((time) => { chart.linesPaint = time })
      }
      const text = (card.querySelector('.chart-fidelity') || {}).textContent || ''
      if (chart.refiningAt === null && text.includes('loading all points')) chart.refiningAt = performance.now()
      if (ALL.test(text)) {
        chart.allDom = performance.now()
        chart.allText = text
        afterPaint((time) => { chart.allPaint = time })
      }
    }
  }
  new MutationObserver(check).observe(document, {
    childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['d'],
  })
})()`

interface ChartMarks {
  linesPaint: number | null
  refiningAt: number | null
  allPaint: number | null
  allText: string | null
}

interface Marks {
  firstLinePaint: number | null
  clickAt: number | null
  charts: Map<string, ChartMarks>
}

/** Reads `key` of an object that came out of the page; undefined for anything else. */
function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' ? Reflect.get(value, key) : undefined
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' ? value : fallback
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' ? value : null
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

async function marksOf(page: Page): Promise<Marks> {
  const raw: unknown = await page.evaluate(
    `(() => { const m = window.__chartsBench; return m === undefined ? null : { firstLinePaint: m.firstLinePaint, clickAt: m.clickAt, charts: m.charts } })()`,
  )
  const charts = new Map<string, ChartMarks>()
  const rawCharts = field(raw, 'charts')
  if (rawCharts !== null && typeof rawCharts === 'object') {
    for (const [label, chart] of Object.entries(rawCharts)) {
      charts.set(label, {
        linesPaint: numberOrNull(field(chart, 'linesPaint')),
        refiningAt: numberOrNull(field(chart, 'refiningAt')),
        allPaint: numberOrNull(field(chart, 'allPaint')),
        allText: typeof field(chart, 'allText') === 'string' ? stringOr(field(chart, 'allText'), '') : null,
      })
    }
  }
  return {
    firstLinePaint: numberOrNull(field(raw, 'firstLinePaint')),
    clickAt: numberOrNull(field(raw, 'clickAt')),
    charts,
  }
}

/** What the page shows, for a readable failure. */
async function describePage(page: Page): Promise<string> {
  const summary: unknown = await page
    .evaluate(
      `(() => ({
        url: location.href,
        heading: document.querySelector('h1')?.textContent ?? '(no h1)',
        charts: [...document.querySelectorAll('section.chart-card')].slice(0, 6).map((card) =>
          card.getAttribute('aria-label') + ': ' + (card.querySelector('.chart-fidelity')?.textContent ?? '(no label)') +
          ' / ' + (card.querySelector('.chart-box')?.textContent?.slice(0, 120) ?? '')),
        errors: [...document.querySelectorAll('[role=alert]')].map((alert) => alert.textContent?.slice(0, 200)),
      }))()`,
    )
    .catch((error: unknown) => ({ error: String(error) }))
  return JSON.stringify(summary)
}

/**
 * Polls the page's marks until `done` holds. (Not `waitForFunction`: the app's Content Security Policy
 * forbids the eval it uses for string predicates.)
 */
async function waitForMarks(
  page: Page,
  done: (marks: Marks) => boolean,
  timeoutMs: number,
  what: string,
): Promise<Marks> {
  const deadline = performance.now() + timeoutMs
  for (;;) {
    const marks = await marksOf(page)
    if (done(marks)) return marks
    if (performance.now() > deadline) {
      throw new BenchError(`${what} within ${timeoutMs / 1000} s. The page: ${await describePage(page)}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

/** End of the first response whose URL contains `part`, in page time (Resource Timing). */
async function firstResponseEnd(page: Page, part: string): Promise<number> {
  const ends: unknown = await page.evaluate(
    `performance.getEntriesByType('resource').filter((entry) => entry.name.includes(${JSON.stringify(part)})).map((entry) => entry.responseEnd)`,
  )
  const numbers = listOf(ends).filter((end): end is number => typeof end === 'number' && end > 0)
  return numbers.length === 0 ? Number.NaN : Math.min(...numbers)
}

/** Two animation frames: whatever was rendered has been painted. */
async function nextFrames(page: Page): Promise<void> {
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))')
}

interface FrameTimes {
  deltas: number[]
  /** Hover: frames that showed the tooltip. Scroll: frames whose viewport centre showed a chart without lines. */
  flagged: number
}

function parseFrameTimes(value: unknown): FrameTimes {
  return {
    deltas: listOf(field(value, 'deltas')).filter((delta): delta is number => typeof delta === 'number'),
    flagged: numberOr(field(value, 'flagged'), Number.NaN),
  }
}

/**
 * Moves the pointer across a chart's plot, left to right through its middle, one step per animation
 * frame: a `mousemove` MouseEvent dispatched on the `.chart-overlay` (what React's onMouseMove
 * listens to), and the frame's timestamp recorded.
 */
function hoverScript(label: string): string {
  return `new Promise((resolve, reject) => {
    const card = document.querySelector('section.chart-card[aria-label=' + ${JSON.stringify(JSON.stringify(label))} + ']')
    const overlay = card === null ? null : card.querySelector('.chart-overlay')
    if (overlay === null) { reject(new Error('no .chart-overlay in ' + ${JSON.stringify(label)})); return }
    const box = overlay.getBoundingClientRect()
    const y = box.top + box.height / 2
    const deltas = []
    let flagged = 0
    let last = null
    let frame = 0
    const step = (now) => {
      if (last !== null) deltas.push(now - last)
      last = now
      if (frame > 0 && card.querySelector('.chart-tooltip') !== null) flagged++
      if (frame === ${HOVER_STEPS}) { resolve({ deltas, flagged }); return }
      const x = box.left + 1 + ((box.width - 2) * frame) / ${HOVER_STEPS - 1}
      overlay.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, cancelable: true, view: window, clientX: x, clientY: y }))
      frame++
      requestAnimationFrame(step)
    }
    requestAnimationFrame(step)
  })`
}

async function hoverOver(page: Page, label: string): Promise<FrameTimes> {
  await page.evaluate(
    `document.querySelector('section.chart-card[aria-label=' + ${JSON.stringify(JSON.stringify(label))} + ']')?.scrollIntoView({ block: 'center' })`,
  )
  await nextFrames(page)
  try {
    return parseFrameTimes(await page.evaluate(hoverScript(label)))
  } catch (error) {
    throw new BenchError(
      `hovering ${label} failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    )
  }
}

/**
 * Scrolls the page's scroller (the nearest scrolling ancestor of the chart grid, else the document)
 * to the bottom by a fixed step per animation frame, timing the frames and counting those whose
 * viewport centre showed a chart card without lines (not drawn yet).
 */
const SCROLL_SCRIPT = `new Promise((resolve, reject) => {
  const grid = document.querySelector('.chart-grid')
  if (grid === null) { reject(new Error('no .chart-grid')); return }
  let scroller = grid.parentElement
  while (scroller !== null && scroller !== document.body && scroller !== document.documentElement) {
    const style = getComputedStyle(scroller)
    if (/(auto|scroll)/.test(style.overflowY) && scroller.scrollHeight > scroller.clientHeight) break
    scroller = scroller.parentElement
  }
  if (scroller === null || scroller === document.body || scroller === document.documentElement) scroller = document.scrollingElement
  if (scroller.scrollHeight <= scroller.clientHeight) { reject(new Error('the page does not scroll')); return }
  scroller.scrollTop = 0
  const deltas = []
  let flagged = 0
  let last = null
  let frame = 0
  const step = (now) => {
    if (last !== null) deltas.push(now - last)
    last = now
    if (frame > 0) {
      const hit = document.elementFromPoint(window.innerWidth / 2, window.innerHeight / 2)
      const card = hit === null ? null : hit.closest('section.chart-card')
      if (card !== null && card.querySelector('path.recharts-line-curve') === null) flagged++
    }
    const atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1
    if (atEnd || frame === ${MAX_SCROLL_FRAMES}) { resolve({ deltas, flagged }); return }
    scroller.scrollTop += ${SCROLL_STEP_PX}
    frame++
    requestAnimationFrame(step)
  }
  requestAnimationFrame(step)
})`

/**
 * Charts the page drew without scrolling: those whose box has content (a chart mounts its content
 * once it nears the viewport), and how many of them intersect the viewport.
 */
async function mountedCharts(page: Page): Promise<{ labels: string[]; inView: number }> {
  const raw: unknown = await page.evaluate(
    `(() => {
      const cards = [...document.querySelectorAll('section.chart-card')].filter((card) => card.querySelector('.chart-box > *') !== null)
      const inView = cards.filter((card) => {
        const box = card.getBoundingClientRect()
        return box.bottom > 0 && box.top < window.innerHeight && box.right > 0 && box.left < window.innerWidth
      })
      return { labels: cards.map((card) => card.getAttribute('aria-label')), inView: inView.length }
    })()`,
  )
  return {
    labels: listOf(field(raw, 'labels')).filter((label): label is string => typeof label === 'string'),
    inView: numberOr(field(raw, 'inView'), Number.NaN),
  }
}

/** The main isolate's JS heap after a full GC. */
async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage')
  const usage = await cdp.send('Runtime.getHeapUsage')
  return usage.usedSize
}

interface PhaseScript {
  invoker: string
  source: string
  duration: number
  forcedLayout: number
}

interface Phase {
  longTasks: { start: number; duration: number }[]
  frames: { start: number; duration: number; blocking: number; scripts: PhaseScript[] }[]
  /** Full-history page requests started in the phase. */
  history: { start: number; end: number; bytes: number }[]
  /** The page's `runboard:reduce` measures: request to result, and where it ran. */
  reductions: { start: number; duration: number; points: number; thread: string }[]
}

/** Long tasks, long animation frames, get-history requests and reductions from `from` to `to` (page time). */
async function phaseOf(page: Page, from: number, to: number): Promise<Phase> {
  const raw: unknown = await page.evaluate(`(() => {
    const from = ${from}, to = ${to}
    const marks = window.__chartsBench
    return {
      longTasks: marks.longTasks.filter((task) => task.start + task.duration > from && task.start < to),
      frames: marks.frames.filter((frame) => frame.start + frame.duration > from && frame.start < to),
      history: performance.getEntriesByType('resource')
        .filter((entry) => entry.name.includes('/metrics/get-history?') && entry.startTime >= from && entry.startTime < to)
        .map((entry) => ({ start: entry.startTime, end: entry.responseEnd, bytes: entry.encodedBodySize })),
      reductions: performance.getEntriesByName('runboard:reduce')
        .filter((entry) => entry.startTime >= from && entry.startTime < to)
        .map((entry) => ({ start: entry.startTime, duration: entry.duration, points: entry.detail?.points, thread: entry.detail?.thread })),
    }
  })()`)
  return {
    longTasks: listOf(field(raw, 'longTasks')).map((task) => ({
      start: numberOr(field(task, 'start'), Number.NaN),
      duration: numberOr(field(task, 'duration'), 0),
    })),
    frames: listOf(field(raw, 'frames')).map((frame) => ({
      start: numberOr(field(frame, 'start'), Number.NaN),
      duration: numberOr(field(frame, 'duration'), 0),
      blocking: numberOr(field(frame, 'blocking'), 0),
      scripts: listOf(field(frame, 'scripts')).map((script) => ({
        invoker: stringOr(field(script, 'invoker'), '?'),
        source: stringOr(field(script, 'source'), '?'),
        duration: numberOr(field(script, 'duration'), 0),
        forcedLayout: numberOr(field(script, 'forcedLayout'), 0),
      })),
    })),
    history: listOf(field(raw, 'history')).map((entry) => ({
      start: numberOr(field(entry, 'start'), Number.NaN),
      end: numberOr(field(entry, 'end'), Number.NaN),
      bytes: numberOr(field(entry, 'bytes'), 0),
    })),
    reductions: listOf(field(raw, 'reductions')).map((entry) => ({
      start: numberOr(field(entry, 'start'), Number.NaN),
      duration: numberOr(field(entry, 'duration'), Number.NaN),
      points: numberOr(field(entry, 'points'), Number.NaN),
      thread: stringOr(field(entry, 'thread'), '?'),
    })),
  }
}

/** The reduce worker's own `runboard:reduce` measures (its compute time per call), read in the worker. */
async function workerReductions(page: Page): Promise<{ duration: number; points: number }[]> {
  const workers = page.workers().filter((worker) => worker.url().includes('reduce-worker'))
  const out: { duration: number; points: number }[] = []
  for (const worker of workers) {
    const raw: unknown = await worker.evaluate(
      `performance.getEntriesByName('runboard:reduce').map((entry) => ({ duration: entry.duration, points: entry.detail?.points }))`,
    )
    for (const entry of listOf(raw)) {
      out.push({
        duration: numberOr(field(entry, 'duration'), Number.NaN),
        points: numberOr(field(entry, 'points'), Number.NaN),
      })
    }
  }
  return out
}

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
}

/** Self time by function from a CDP CPU profile, biggest first. */
function profileTop(
  profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] },
  limit: number,
): { name: string; ms: number }[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const self = new Map<string, number>()
  const samples = profile.samples ?? []
  const deltas = profile.timeDeltas ?? []
  samples.forEach((id, index) => {
    const frame = byId.get(id)?.callFrame
    if (frame === undefined) return
    const file = frame.url.replace(/^.*\//, '')
    const name =
      file === ''
        ? frame.functionName || '(anonymous)'
        : `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`
    self.set(name, (self.get(name) ?? 0) + (deltas[index] ?? 0) / 1000)
  })
  return [...self.entries()]
    .map(([name, ms]) => ({ name, ms }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, limit)
}

interface Profile {
  top: { name: string; ms: number }[]
  path: string
}

async function startProfile(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 })
  await cdp.send('Profiler.start')
}

/** Stops the profiler, writes the profile to the temp folder (for DevTools) and sums it up. */
async function stopProfile(cdp: CDPSession, name: string): Promise<Profile> {
  const { profile } = await cdp.send('Profiler.stop')
  const path = join(tmpdir(), `runboard-charts-${name}-${Date.now()}.cpuprofile`)
  writeFileSync(path, JSON.stringify(profile))
  return { top: profileTop(profile, 20), path }
}

interface LongSample {
  bulkEnd: number
  firstLines: number
  buttonText: string
  clickToRefining: number
  clickToFull: number
  fullText: string
  historyRequests: number
  /** Request start to response end of one get-history page. */
  historyMedian: number
  /** Summed durations of the pages. */
  historyBusy: number
  historyBytes: number
  clickToLastHistory: number
  reductionCalls: number
  reductionsOnMain: number
  reductionPoints: number
  workerCalls: number
  workerTotal: number
  workerMax: number
  roundTripMax: number
  longTasks: number
  longTaskTotal: number
  longTaskMax: number
  frames: Phase['frames']
  hoverP95: number
  hoverMax: number
  hoverTooltipFrames: number
  heapBytes: number
  profile: Profile | undefined
}

async function openPage(browser: Browser) {
  const context = await browser.newContext({ viewport: VIEWPORT })
  await context.addInitScript({ content: MARKS_SCRIPT })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  return { context, page, cdp }
}

async function measureLong(browser: Browser, url: string, profile: boolean): Promise<LongSample> {
  const { context, page, cdp } = await openPage(browser)
  try {
    await page.goto(url)
    const first = await waitForMarks(
      page,
      (marks) => marks.firstLinePaint !== null,
      FIRST_LINES_TIMEOUT_MS,
      'No chart line (path.recharts-line-curve) was painted',
    )
    const bulkEnd = await firstResponseEnd(page, '/metrics/get-history-bulk-interval')
    const button = page.getByRole('button', { name: /^Load all points/ })
    try {
      await button.waitFor({ timeout: FIRST_LINES_TIMEOUT_MS })
    } catch {
      throw new BenchError(`no "Load all points" button appeared. The page: ${await describePage(page)}`)
    }
    const buttonText = (await button.textContent()) ?? ''
    await nextFrames(page)
    if (profile) await startProfile(cdp)
    await button.click()
    const marks = await waitForMarks(
      page,
      (current) => (current.charts.get(LONG_CHART)?.allPaint ?? null) !== null,
      FULL_TIMEOUT_MS,
      `${LONG_CHART} did not say "all … points" after "Load all points"`,
    )
    const profiled = profile ? await stopProfile(cdp, 'a-load-all') : undefined
    const chart = marks.charts.get(LONG_CHART)
    const clickAt = marks.clickAt
    if (chart === undefined || chart.allPaint === null || clickAt === null)
      throw new BenchError('marks went missing')
    const fullAt = chart.allPaint
    const phase = await phaseOf(page, clickAt, fullAt)
    const worker = await workerReductions(page)
    const hover = await hoverOver(page, LONG_CHART)
    const heapBytes = await heapAfterGc(cdp)
    const lastHistory = Math.max(...phase.history.map((entry) => entry.end))
    return {
      bulkEnd,
      firstLines: first.firstLinePaint ?? Number.NaN,
      buttonText,
      clickToRefining: (chart.refiningAt ?? Number.NaN) - clickAt,
      clickToFull: fullAt - clickAt,
      fullText: chart.allText ?? '?',
      historyRequests: phase.history.length,
      historyMedian: median(phase.history.map((entry) => entry.end - entry.start)),
      historyBusy: phase.history.reduce((sum, entry) => sum + entry.end - entry.start, 0),
      historyBytes: phase.history.reduce((sum, entry) => sum + entry.bytes, 0),
      clickToLastHistory: lastHistory - clickAt,
      reductionCalls: phase.reductions.length,
      reductionsOnMain: phase.reductions.filter((entry) => entry.thread !== 'worker').length,
      reductionPoints: phase.reductions.reduce((sum, entry) => sum + entry.points, 0),
      workerCalls: worker.length,
      workerTotal: worker.reduce((sum, entry) => sum + entry.duration, 0),
      workerMax: Math.max(...worker.map((entry) => entry.duration)),
      roundTripMax: Math.max(...phase.reductions.map((entry) => entry.duration)),
      longTasks: phase.longTasks.length,
      longTaskTotal: phase.longTasks.reduce((sum, task) => sum + task.duration, 0),
      longTaskMax: Math.max(0, ...phase.longTasks.map((task) => task.duration)),
      frames: phase.frames,
      hoverP95: percentile(hover.deltas, 0.95),
      hoverMax: Math.max(...hover.deltas),
      hoverTooltipFrames: hover.flagged,
      heapBytes,
      profile: profiled,
    }
  } finally {
    await context.close()
  }
}

interface GridSample {
  bulkEnd: number
  firstLines: number
  /** Long animation frames from navigation to the first lines. */
  firstFrames: Phase['frames']
  mountedCharts: number
  mountedInView: number
  mountedAll: number
  loadLongTasks: number
  loadLongTaskTotal: number
  scrollFrames: number
  scrollP95: number
  scrollMax: number
  scrollLongFrames: number
  scrollBlankFrames: number
  scrollEnd: number
  /** Long animation frames while scrolling. */
  scrollFramesLong: Phase['frames']
  allChartsAll: number
  /** Main-thread long tasks from the scroll's start until all charts show all points. */
  restLongTaskTotal: number
  restHistoryRequests: number
  /** Request start to response end of one of them. */
  restHistoryMedian: number
  /** Their summed durations: with two in flight at a time, half of this is the time the queue needed. */
  restHistoryBusy: number
  chartsAll: number
  reductionCalls: number
  reductionsOnMain: number
  workerTotal: number
  workerMax: number
  hoverP95: number
  hoverMax: number
  hoverTooltipFrames: number
  heapBytes: number
  profile: Profile | undefined
}

async function measureGrid(browser: Browser, url: string, profile: boolean): Promise<GridSample> {
  const { context, page, cdp } = await openPage(browser)
  try {
    await page.goto(url)
    const first = await waitForMarks(
      page,
      (marks) => marks.firstLinePaint !== null,
      FIRST_LINES_TIMEOUT_MS,
      'No chart line (path.recharts-line-curve) was painted',
    )
    const bulkEnd = await firstResponseEnd(page, '/metrics/get-history-bulk-interval')
    const mounted = await mountedCharts(page)
    const firstLines = first.firstLinePaint ?? Number.NaN
    const firstPhase = await phaseOf(page, 0, firstLines)
    const whenMountedAll = await waitForMarks(
      page,
      (marks) => mounted.labels.every((label) => (marks.charts.get(label)?.allPaint ?? null) !== null),
      FULL_TIMEOUT_MS,
      `The charts drawn without scrolling (${mounted.labels.join(', ')}) did not all say "all … points"`,
    )
    const mountedAll = Math.max(
      ...mounted.labels.map((label) => whenMountedAll.charts.get(label)?.allPaint ?? Number.NaN),
    )
    const loadPhase = await phaseOf(page, 0, mountedAll)
    if (profile) await startProfile(cdp)
    const scrollStart = numberOr(await page.evaluate('performance.now()'), Number.NaN)

    let scroll: FrameTimes
    try {
      scroll = parseFrameTimes(await page.evaluate(SCROLL_SCRIPT))
    } catch (error) {
      throw new BenchError(
        `scrolling failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      )
    }
    const scrollEnd = numberOr(await page.evaluate('performance.now()'), Number.NaN)
    const scrollPhase = await phaseOf(page, scrollStart, scrollEnd)
    const total = CHARTS_BENCH_GRID.metricKeys.length
    const done = await waitForMarks(
      page,
      (marks) => [...marks.charts.values()].filter((chart) => chart.allPaint !== null).length >= total,
      FULL_TIMEOUT_MS,
      `Not all ${total} charts said "all … points" after scrolling to the bottom`,
    )
    const allChartsAll = Math.max(...[...done.charts.values()].map((chart) => chart.allPaint ?? Number.NaN))
    const profiled = profile ? await stopProfile(cdp, 'b-scroll') : undefined
    const restPhase = await phaseOf(page, scrollStart, allChartsAll)
    const phase = await phaseOf(page, 0, allChartsAll + 1)
    const worker = await workerReductions(page)
    const hover = await hoverOver(page, FIRST_GRID_CHART)
    const heapBytes = await heapAfterGc(cdp)
    return {
      bulkEnd,
      firstLines,
      firstFrames: firstPhase.frames,
      mountedCharts: mounted.labels.length,
      mountedInView: mounted.inView,
      mountedAll,
      loadLongTasks: loadPhase.longTasks.length,
      loadLongTaskTotal: loadPhase.longTasks.reduce((sum, task) => sum + task.duration, 0),
      scrollFrames: scroll.deltas.length,
      scrollP95: percentile(scroll.deltas, 0.95),
      scrollMax: Math.max(...scroll.deltas),
      scrollLongFrames: scroll.deltas.filter((delta) => delta > LONG_FRAME_MS).length,
      scrollBlankFrames: scroll.flagged,
      scrollEnd,
      scrollFramesLong: scrollPhase.frames,
      allChartsAll,
      restLongTaskTotal: restPhase.longTasks.reduce((sum, task) => sum + task.duration, 0),
      restHistoryRequests: restPhase.history.length,
      restHistoryMedian: median(restPhase.history.map((entry) => entry.end - entry.start)),
      restHistoryBusy: restPhase.history.reduce((sum, entry) => sum + entry.end - entry.start, 0),
      chartsAll: [...done.charts.values()].filter((chart) => chart.allPaint !== null).length,
      reductionCalls: phase.reductions.length,
      reductionsOnMain: phase.reductions.filter((entry) => entry.thread !== 'worker').length,
      workerTotal: worker.reduce((sum, entry) => sum + entry.duration, 0),
      workerMax: Math.max(...worker.map((entry) => entry.duration)),
      hoverP95: percentile(hover.deltas, 0.95),
      hoverMax: Math.max(...hover.deltas),
      hoverTooltipFrames: hover.flagged,
      heapBytes,
      profile: profiled,
    }
  } finally {
    await context.close()
  }
}

function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN
}

function median(values: readonly number[]): number {
  return percentile(values, 0.5)
}

// ---- the server side ----

async function apiJson(server: Runboard, path: string, init?: RequestInit): Promise<unknown> {
  const response = await fetch(`${server.url}${API}${path}`, init)
  if (!response.ok) throw new BenchError(`${path} failed: ${response.status} ${await response.text()}`)
  const body: unknown = await response.json()
  return body
}

/** Run ids by run name in the charts-bench experiment; the search also makes the scenario's runs. */
async function benchRunIds(server: Runboard): Promise<Map<string, string>> {
  const found = await apiJson(
    server,
    `experiments/get-by-name?experiment_name=${CHARTS_BENCH_EXPERIMENT}`,
  ).catch(() => undefined)
  const experimentId = field(field(found, 'experiment'), 'experiment_id')
  if (typeof experimentId !== 'string') {
    throw new BenchError(
      `the demo server has no ${CHARTS_BENCH_EXPERIMENT} experiment (is the scenario charts-bench?)`,
    )
  }
  const body = await apiJson(server, 'runs/search', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ experiment_ids: [experimentId], max_results: 100 }),
  })
  const ids = new Map<string, string>()
  for (const run of listOf(field(body, 'runs'))) {
    const info = field(run, 'info')
    const name = field(info, 'run_name')
    const id = field(info, 'run_id')
    if (typeof name === 'string' && typeof id === 'string') ids.set(name, id)
  }
  return ids
}

function idsOf(ids: ReadonlyMap<string, string>, names: readonly string[]): string[] {
  return names.map((name) => {
    const id = ids.get(name)
    if (id === undefined) throw new BenchError(`the ${CHARTS_BENCH_EXPERIMENT} experiment has no run ${name}`)
    return id
  })
}

/** Time to the response headers and to the end of the body of one GET, from Node (gzip accepted). */
async function timeGet(url: string): Promise<{ headers: number; total: number; bytes: number }> {
  const started = performance.now()
  const response = await fetch(url, { headers: { 'Accept-Encoding': 'gzip' } })
  const headers = performance.now() - started
  const body = await response.arrayBuffer()
  if (!response.ok) throw new BenchError(`${url} failed: ${response.status}`)
  return { headers, total: performance.now() - started, bytes: body.byteLength }
}

interface ServerTimes {
  pageHeaders: number[]
  pageTotals: number[]
  historyTotals: number[]
  bulkTotals: number[]
  bulkBytes: number
  pageBytes: number
}

/** The server's answers on the bench histories: 25,000-point pages, whole 100,000-point histories, the sampled bulk request. */
async function timeServer(server: Runboard, longIds: readonly string[]): Promise<ServerTimes> {
  const base = `${server.url}${API}metrics/`
  const pageUrl = (runId: string, offset: number) =>
    `${base}get-history?run_id=${runId}&metric_key=${CHARTS_BENCH_LONG.metricKey}&max_results=25000` +
    (offset === 0 ? '' : `&page_token=${encodeURIComponent(btoa(`{"offset": ${offset}}`))}`)
  const bulkUrl =
    `${base}get-history-bulk-interval?${longIds.map((id) => `run_ids=${id}`).join('&')}` +
    `&metric_key=${CHARTS_BENCH_LONG.metricKey}&max_results=1500`
  // Warm-up: the first request of a process pays for compiling the handlers.
  await timeGet(pageUrl(longIds[0] ?? '', 0))
  await timeGet(bulkUrl)
  const times: ServerTimes = {
    pageHeaders: [],
    pageTotals: [],
    historyTotals: [],
    bulkTotals: [],
    bulkBytes: 0,
    pageBytes: 0,
  }
  for (const runId of longIds.slice(0, 5)) {
    let history = 0
    for (let offset = 0; offset < CHARTS_BENCH_LONG.steps; offset += 25_000) {
      const page = await timeGet(pageUrl(runId, offset))
      times.pageHeaders.push(page.headers)
      times.pageTotals.push(page.total)
      times.pageBytes = page.bytes
      history += page.total
    }
    times.historyTotals.push(history)
  }
  for (let repeat = 0; repeat < 5; repeat++) {
    const bulk = await timeGet(bulkUrl)
    times.bulkTotals.push(bulk.total)
    times.bulkBytes = bulk.bytes
  }
  return times
}

// ---- output ----

const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)} ms` : '—')
const ms1 = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : '—')
const count = (value: number) => (Number.isFinite(value) ? value.toLocaleString('en-US') : '—')
const mb = (bytes: number) => (Number.isFinite(bytes) ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : '—')

interface Row<S> {
  name: string
  get: (sample: S) => number
  show: (value: number) => string
  target?: string
}

/** One line per figure: median, range and every run's value. */
function printRows<S>(title: string, samples: readonly S[], rows: readonly Row<S>[]): void {
  console.log(`\n${title}`)
  const table = rows.map((row) => {
    const values = samples.map(row.get)
    const finite = values.filter((value) => Number.isFinite(value))
    const range =
      finite.length === 0 ? '—' : `${row.show(Math.min(...finite))} – ${row.show(Math.max(...finite))}`
    return [row.name, row.show(median(values)), range, row.target ?? '', values.map(row.show).join(', ')]
  })
  const header = ['', 'median', 'range', 'target', 'runs']
  const widths = header.map((name, i) =>
    Math.max(name.length, ...table.map((cells) => (cells[i] ?? '').length)),
  )
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === 0 || i >= 3 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd()
  console.log(line(header))
  for (const cells of table) console.log(line(cells))
}

function printServer(times: ServerTimes): void {
  const show = (values: readonly number[]) =>
    `median ${ms1(median(values))}, max ${ms1(Math.max(...values))} (${values.length})`
  console.log('Server (demo mode, from Node over HTTP, gzip, after a warm-up):')
  console.log(
    `  get-history, a 25,000-point page of a 100,000-step history (${mb(times.pageBytes)} gzipped):`,
  )
  console.log(`    to headers ${show(times.pageHeaders)}; whole page ${show(times.pageTotals)}`)
  console.log(`  a whole 100,000-step history in 4 pages, one after another: ${show(times.historyTotals)}`)
  console.log(
    `  get-history-bulk-interval, 10 runs × 100,000 steps, 1,500 per run (${mb(times.bulkBytes)} gzipped): ${show(times.bulkTotals)}`,
  )
}

/** Main-thread time in long animation frames (over 50 ms) of one phase, by script, averaged over the runs. */
function printFrames(title: string, framesPerRun: readonly Phase['frames'][]): void {
  const bySource = new Map<string, { ms: number; calls: number }>()
  let frameTotal = 0
  let scriptTotal = 0
  let forced = 0
  let frames = 0
  for (const runFrames of framesPerRun) {
    for (const frame of runFrames) {
      frames++
      frameTotal += frame.duration
      for (const script of frame.scripts) {
        scriptTotal += script.duration
        forced += script.forcedLayout
        const key = `${script.invoker} → ${script.source}`
        const entry = bySource.get(key) ?? { ms: 0, calls: 0 }
        entry.ms += script.duration
        entry.calls++
        bySource.set(key, entry)
      }
    }
  }
  const runs = Math.max(framesPerRun.length, 1)
  console.log(
    `\n${title}: long animation frames, per run: ${(frames / runs).toFixed(1)} frames, ${ms(frameTotal / runs)} in all, ` +
      `of which scripts ${ms(scriptTotal / runs)} (forced style and layout in them ${ms(forced / runs)}); the rest is ` +
      `style, layout, paint, GC and parsing outside scripts. Scripts by time, per run:`,
  )
  const top = [...bySource.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 8)
  for (const [key, { ms: total, calls }] of top) {
    console.log(`  ${ms(total / runs).padStart(7)}  ${(calls / runs).toFixed(1).padStart(5)}×  ${key}`)
  }
}

function printLong(samples: readonly LongSample[]): void {
  printRows(
    `Case A: one chart, ${CHARTS_BENCH_LONG.runCount} runs × ${count(CHARTS_BENCH_LONG.steps)} steps of ${CHARTS_BENCH_LONG.metricKey}`,
    samples,
    [
      { name: 'navigation → first sampled response', get: (s) => s.bulkEnd, show: ms },
      { name: 'navigation → first lines painted', get: (s) => s.firstLines, show: ms },
      {
        name: 'first response → first lines',
        get: (s) => s.firstLines - s.bulkEnd,
        show: ms,
        target: '≤ 300 ms',
      },
      { name: 'click "Load all" → "loading all points…"', get: (s) => s.clickToRefining, show: ms },
      { name: 'click → last get-history response', get: (s) => s.clickToLastHistory, show: ms },
      { name: 'click → "all 1,000,000 points" painted', get: (s) => s.clickToFull, show: ms },
      { name: 'get-history requests', get: (s) => s.historyRequests, show: count },
      { name: '  one request → response, median', get: (s) => s.historyMedian, show: ms1 },
      { name: '  all of them, summed ÷ 2 in flight', get: (s) => s.historyBusy / 2, show: ms },
      { name: 'get-history bytes (gzipped)', get: (s) => s.historyBytes, show: mb },
      { name: 'reductions (page measures)', get: (s) => s.reductionCalls, show: count },
      { name: '  of them on the main thread', get: (s) => s.reductionsOnMain, show: count, target: '0' },
      { name: '  points reduced', get: (s) => s.reductionPoints, show: count },
      {
        name: 'worker reduction time, total',
        get: (s) => s.workerTotal,
        show: ms1,
        target: `≤ 200 ms for ${count(LONG_POINTS)}`,
      },
      { name: 'worker reduction time, max per call', get: (s) => s.workerMax, show: ms1 },
      { name: 'worker calls (worker measures)', get: (s) => s.workerCalls, show: count },
      { name: 'reduction request → result, max', get: (s) => s.roundTripMax, show: ms1 },
      { name: 'main-thread long tasks, click → all', get: (s) => s.longTasks, show: count },
      { name: '  their total', get: (s) => s.longTaskTotal, show: ms },
      { name: '  the longest', get: (s) => s.longTaskMax, show: ms },
      {
        name: `hover frame p95 (${HOVER_STEPS} steps)`,
        get: (s) => s.hoverP95,
        show: ms1,
        target: '≤ 17 ms',
      },
      { name: 'hover frame max', get: (s) => s.hoverMax, show: ms1 },
      { name: 'hover frames with a tooltip', get: (s) => s.hoverTooltipFrames, show: count },
      { name: 'JS heap after GC', get: (s) => s.heapBytes, show: mb },
    ],
  )
  const first = samples[0]
  if (first !== undefined) {
    console.log(`  (button: "${first.buttonText}"; label at the end: "${first.fullText}")`)
  }
  printFrames(
    'Case A, click "Load all" → all points painted',
    samples.map((sample) => sample.frames),
  )
  printProfile('Case A, click → all points, run 1', samples.find((sample) => sample.profile)?.profile)
}

function printGrid(samples: readonly GridSample[]): void {
  const charts = CHARTS_BENCH_GRID.metricKeys.length
  printRows(
    `Case B: ${charts} charts, ${CHARTS_BENCH_GRID.runCount} runs × ${count(CHARTS_BENCH_GRID.steps)} steps each`,
    samples,
    [
      { name: 'navigation → first sampled response', get: (s) => s.bulkEnd, show: ms },
      { name: 'navigation → first lines painted', get: (s) => s.firstLines, show: ms },
      {
        name: 'first response → first lines',
        get: (s) => s.firstLines - s.bulkEnd,
        show: ms,
        target: '≤ 300 ms',
      },
      { name: 'charts drawn without scrolling', get: (s) => s.mountedCharts, show: count },
      { name: '  of them in the viewport', get: (s) => s.mountedInView, show: count },
      { name: 'navigation → those all points', get: (s) => s.mountedAll, show: ms },
      { name: '  main-thread long tasks until then', get: (s) => s.loadLongTasks, show: count },
      { name: '  their total', get: (s) => s.loadLongTaskTotal, show: ms },
      {
        name: `scroll to bottom: frames (${SCROLL_STEP_PX} px each)`,
        get: (s) => s.scrollFrames,
        show: count,
      },
      { name: '  frame p95', get: (s) => s.scrollP95, show: ms1 },
      { name: '  frame max', get: (s) => s.scrollMax, show: ms },
      { name: `  frames > ${LONG_FRAME_MS} ms`, get: (s) => s.scrollLongFrames, show: count },
      { name: '  frames centred on an undrawn chart', get: (s) => s.scrollBlankFrames, show: count },
      { name: 'navigation → scrolled to the bottom', get: (s) => s.scrollEnd, show: ms },
      { name: `navigation → all ${charts} charts all points`, get: (s) => s.allChartsAll, show: ms },
      { name: '  scroll end → all charts all points', get: (s) => s.allChartsAll - s.scrollEnd, show: ms },
      {
        name: '  long tasks, scroll start → all charts',
        get: (s) => s.restLongTaskTotal,
        show: ms,
      },
      { name: '  get-history requests meanwhile', get: (s) => s.restHistoryRequests, show: count },
      { name: '  one request → response, median', get: (s) => s.restHistoryMedian, show: ms1 },
      { name: '  all of them, summed ÷ 2 in flight', get: (s) => s.restHistoryBusy / 2, show: ms },
      { name: 'reductions (page measures)', get: (s) => s.reductionCalls, show: count },
      { name: '  of them on the main thread', get: (s) => s.reductionsOnMain, show: count, target: '0' },
      { name: 'worker reduction time, total', get: (s) => s.workerTotal, show: ms1 },
      { name: 'worker reduction time, max per call', get: (s) => s.workerMax, show: ms1 },
      { name: `hover frame p95 (${FIRST_GRID_CHART})`, get: (s) => s.hoverP95, show: ms1, target: '≤ 17 ms' },
      { name: 'hover frame max', get: (s) => s.hoverMax, show: ms1 },
      { name: 'hover frames with a tooltip', get: (s) => s.hoverTooltipFrames, show: count },
      { name: 'JS heap after GC', get: (s) => s.heapBytes, show: mb },
    ],
  )
  printFrames(
    'Case B, navigation → first lines',
    samples.map((sample) => sample.firstFrames),
  )
  printFrames(
    'Case B, scrolling to the bottom',
    samples.map((sample) => sample.scrollFramesLong),
  )
  printProfile(
    'Case B, scroll start → all charts all points, run 1',
    samples.find((sample) => sample.profile)?.profile,
  )
}

function printProfile(title: string, profile: Profile | undefined): void {
  if (profile === undefined) return
  console.log(`\n${title}: main-thread CPU profile (${profile.path}), self time by function:`)
  for (const { name, ms: total } of profile.top) console.log(`  ${ms1(total).padStart(9)}  ${name}`)
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '5' },
      case: { type: 'string', default: 'both' },
      profile: { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      dist: { type: 'string' },
    },
  })
  const runs = Number(values.runs)
  if (!Number.isInteger(runs) || runs < 1)
    throw new BenchError(`--runs must be a positive integer, not ${values.runs}`)
  const which = values.case
  if (which !== 'a' && which !== 'b' && which !== 'both')
    throw new BenchError(`--case must be a, b or both, not ${which}`)

  const server = await startDemoServer({
    scenario: 'charts-bench',
    noBuild: values['no-build'],
    dist: values.dist,
  })
  const executablePath = ensureChromium()
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
  const longSamples: LongSample[] = []
  const gridSamples: GridSample[] = []
  try {
    const ids = await benchRunIds(server)
    const longIds = idsOf(
      ids,
      Array.from({ length: CHARTS_BENCH_LONG.runCount }, (_, index) => chartsBenchLongRunName(index)),
    )
    const gridIds = idsOf(
      ids,
      Array.from({ length: CHARTS_BENCH_GRID.runCount }, (_, index) => chartsBenchGridRunName(index)),
    )
    const longUrl = `${server.url}compare?runs=${longIds.join(',')}&metrics=${CHARTS_BENCH_LONG.metricKey}`
    const gridUrl = `${server.url}compare?runs=${gridIds.join(',')}&metrics=${CHARTS_BENCH_GRID.metricKeys.join(',')}`
    const cpuList = cpus()
    console.log(
      `Machine: ${cpuList[0]?.model ?? 'unknown CPU'}, ${cpuList.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GB, ` +
        `load ${loadavg()
          .map((load) => load.toFixed(2))
          .join(' ')}; ${osName()}; Node ${process.version}; ` +
        `${chromiumVersion(executablePath)} (Playwright reports ${browser.version()}), headless, ${VIEWPORT.width}×${VIEWPORT.height}`,
    )
    printServer(await timeServer(server, longIds))
    console.log(`\n${runs} runs per case, a fresh browser context (cold cache) each.`)
    if (which !== 'b') {
      console.log(`Case A page: ${longUrl.replace(server.url, '/').slice(0, 80)}…`)
      for (let run = 0; run < runs; run++) {
        longSamples.push(await measureLong(browser, longUrl, values.profile && run === 0))
        process.stdout.write(`  case A run ${run + 1}/${runs} done\n`)
      }
    }
    if (which !== 'a') {
      console.log(`Case B page: ${gridUrl.replace(server.url, '/').slice(0, 80)}…`)
      for (let run = 0; run < runs; run++) {
        gridSamples.push(await measureGrid(browser, gridUrl, values.profile && run === 0))
        process.stdout.write(`  case B run ${run + 1}/${runs} done\n`)
      }
    }
  } finally {
    await browser.close()
    await server.close()
  }
  console.log(
    `\nTimes are ms since navigation in the page's clock, painted = the task after the next animation frame. ` +
      `Reduction: the worker's own compute time (its runboard:reduce measures); "request → result" adds the transfer ` +
      `and the wait in the worker's queue. Hover: a mousemove dispatched on the chart's overlay each animation ` +
      `frame, left to right; frame times are requestAnimationFrame deltas. Heap: the page's JS heap after a GC ` +
      `(without the worker's).`,
  )
  console.log(
    `Load average at the end: ${loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')} (other processes on this machine compete with the server and the browser).`,
  )
  if (longSamples.length > 0) printLong(longSamples)
  if (gridSamples.length > 0) printGrid(gridSamples)
}

main().catch((error: unknown) => {
  console.error(
    error instanceof BenchError
      ? `bench:charts: ${error.message}`
      : error instanceof Error
        ? (error.stack ?? error.message)
        : error,
  )
  process.exit(1)
})

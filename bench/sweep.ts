/**
 * `npm run bench:sweep`: the experiment page's chart view on a 5,000-run sweep. Starts the runboard
 * server in demo mode with the `sweep-5k` scenario on the current production build and opens the
 * experiment page with the chart view on, showing one scatter (`learning_rate` on a log axis against
 * `val_accuracy`, with a trend line) and one parallel coordinates chart (the five params' numeric and
 * categorical axes and both metrics, coloured by `val_accuracy`), in the system Chromium, a fresh
 * context (cold cache) per repetition. It prints, per chart:
 *
 * - first draw: ms from navigation until the chart first painted runs (the page shows its first 50
 *   runs before the rest arrive), and until it painted all 5,000 runs;
 * - the chart's own cost for 5,000 runs: from the start of its layout (scales, pixel positions, hit
 *   grid) to the end of the canvas paint, as the `sweep:scatter-draw` / `sweep:parallel-draw` User
 *   Timing measures the charts record (target ≤ 300 ms);
 *
 * then the frame times (requestAnimationFrame deltas) while brushing: a drag along the parallel
 * coordinates' `val_accuracy` axis, one pointer move per frame, down and back up (target p95 ≤ 17 ms),
 * and while hovering across the scatter (one move per frame); the same loop with no events as a
 * control (a busy machine drops frames by itself); and the page's JS heap after a GC.
 *
 * It relies on the charts' DOM contract (src/features/sweep-charts): `figure.sweep-scatter`,
 * `figure.sweep-parallel`, `.sweep-canvas-box`, the axis handles `.sweep-axis-handle[data-axis]`.
 * Figures only; nothing is asserted. Not part of `npm test`.
 *
 * Options: `--runs <n>` (default 3); `--no-build` (use dist/ as it is); `--dist <dir>`.
 */

import { cpus, loadavg, totalmem } from 'node:os'
import { parseArgs } from 'node:util'
import { chromium, type Browser } from '@playwright/test'
import { SWEEP_5K } from '../mocks/world/contract-sweep'
import type { Runboard } from '../server/main'
import { chromiumVersion, ensureChromium, osName } from '../scripts/chromium'
import { CHROMIUM_ARGS } from '../scripts/chromium-args'
import { BenchError, startDemoServer } from './demo-server'

const VIEWPORT = { width: 1600, height: 1000 }
const LOAD_TIMEOUT_MS = 60_000
const BRUSH_FRAMES = 120
const HOVER_FRAMES = 120
const API = 'ajax-api/2.0/mlflow/'
const BRUSH_AXIS = 'metrics.val_accuracy'

const CHARTS = [
  'scatter:params.learning_rate:metrics.val_accuracy:logx:trend',
  'parallel:params.learning_rate,params.optimizer,params.batch_size,params.dropout,params.seed,metrics.val_loss,metrics.val_accuracy:color=metrics.val_accuracy',
]

/**
 * Run in the page (plain JavaScript): drags along an axis handle, or moves over a chart, one
 * pointer event per animation frame, and resolves with the frame deltas.
 */
const FRAMES_SCRIPT = `async ({ selector, frames, mode }) => {
  const target = document.querySelector(selector)
  if (target === null) throw new Error('no element ' + selector)
  target.scrollIntoView({ block: 'center' })
  await new Promise((resolve) => requestAnimationFrame(resolve))
  const rect = target.getBoundingClientRect()
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve))
  const fire = (type, x, y) => target.dispatchEvent(new PointerEvent(type, {
    bubbles: true, cancelable: true, composed: true, pointerId: 1, pointerType: 'mouse', isPrimary: true,
    button: 0, buttons: type === 'pointerup' ? 0 : 1, clientX: x, clientY: y,
  }))
  const point = (step) => {
    const t = step / frames
    if (mode === 'brush') {
      // Down the axis and back up: the brush grows, then shrinks.
      const along = t < 0.5 ? t * 2 : (1 - t) * 2
      return [rect.left + rect.width / 2, rect.top + 12 + along * (rect.height - 24)]
    }
    return [rect.left + 20 + t * (rect.width - 40), rect.top + rect.height * (0.2 + 0.6 * ((step * 7) % 13) / 13)]
  }
  await nextFrame()
  if (mode === 'brush') { const [x, y] = point(0); fire('pointerdown', x, y - 4) }
  const deltas = []
  let last = await nextFrame()
  for (let step = 1; step <= frames; step++) {
    const [x, y] = point(step)
    if (mode !== 'idle') fire('pointermove', x, y)
    const time = await nextFrame()
    deltas.push(time - last)
    last = time
  }
  if (mode === 'brush') { const [x, y] = point(frames); fire('pointerup', x, y) }
  return deltas
}`

interface DrawEntry {
  end: number
  duration: number
  marks: number
}

interface Sample {
  scatterFirst: number
  scatterFull: number
  scatterCost: number
  scatterPoints: number
  parallelFirst: number
  parallelFull: number
  parallelCost: number
  brushFrames: number[]
  brushDraws: number[]
  hoverFrames: number[]
  idleFrames: number[]
  heap: number
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object'
}

function drawEntries(value: unknown): DrawEntry[] {
  if (!Array.isArray(value)) return []
  const items: readonly unknown[] = value
  return items.flatMap((item) => {
    if (!isRecord(item)) return []
    const { end, duration, marks } = item
    return typeof end === 'number' && typeof duration === 'number' && typeof marks === 'number'
      ? [{ end, duration, marks }]
      : []
  })
}

function numbers(value: unknown): number[] {
  if (!Array.isArray(value)) return []
  const items: readonly unknown[] = value
  return items.filter((item) => typeof item === 'number')
}

const ENTRIES_SCRIPT = (
  name: string,
) => `performance.getEntriesByName(${JSON.stringify(name)}).map((entry) => ({
  end: entry.startTime + entry.duration, duration: entry.duration, marks: entry.detail?.marks ?? 0 }))`

async function experimentId(server: Runboard): Promise<string> {
  const response = await fetch(
    `${server.url}${API}experiments/get-by-name?experiment_name=${encodeURIComponent(SWEEP_5K.experiment)}`,
  )
  const body: unknown = await response.json()
  const experiment = isRecord(body) ? body.experiment : undefined
  const id = isRecord(experiment) ? experiment.experiment_id : undefined
  if (typeof id !== 'string') throw new BenchError(`the server has no experiment ${SWEEP_5K.experiment}`)
  return id
}

async function measure(browser: Browser, url: string): Promise<Sample> {
  const context = await browser.newContext({ viewport: VIEWPORT })
  try {
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await page.goto(url)
    // Every run on both charts: the parallel coordinates draw all 5,000 lines.
    await page
      .waitForFunction(
        // A function, not a string: the app's CSP forbids eval.
        (count) =>
          performance
            .getEntriesByName('sweep:parallel-draw')
            .some(
              (entry) =>
                entry instanceof PerformanceMeasure &&
                typeof entry.detail === 'object' &&
                entry.detail !== null &&
                Reflect.get(entry.detail, 'marks') === count,
            ),
        SWEEP_5K.runCount,
        { timeout: LOAD_TIMEOUT_MS },
      )
      .catch((error: unknown) => {
        throw new BenchError(
          `the parallel coordinates never drew ${SWEEP_5K.runCount} runs at ${url}: ${error instanceof Error ? error.message : String(error)}`,
        )
      })
    const scatter = drawEntries(await page.evaluate(ENTRIES_SCRIPT('sweep:scatter-draw')))
    const parallel = drawEntries(await page.evaluate(ENTRIES_SCRIPT('sweep:parallel-draw')))
    const fullScatter = scatter.reduce<DrawEntry | undefined>(
      (best, entry) => (best === undefined || entry.marks > best.marks ? entry : best),
      undefined,
    )
    const fullParallel = parallel.find((entry) => entry.marks === SWEEP_5K.runCount)
    const drawsBefore = parallel.length
    const brushFrames = numbers(
      await page.evaluate(
        `(${FRAMES_SCRIPT})(${JSON.stringify({
          selector: `.sweep-parallel .sweep-axis-handle[data-axis="${BRUSH_AXIS}"]`,
          frames: BRUSH_FRAMES,
          mode: 'brush',
        })})`,
      ),
    )
    const brushDraws = drawEntries(await page.evaluate(ENTRIES_SCRIPT('sweep:parallel-draw')))
      .slice(drawsBefore)
      .map((entry) => entry.duration)
    const hoverFrames = numbers(
      await page.evaluate(
        `(${FRAMES_SCRIPT})(${JSON.stringify({
          selector: '.sweep-scatter .sweep-canvas-box',
          frames: HOVER_FRAMES,
          mode: 'hover',
        })})`,
      ),
    )
    // The same loop without events: what this machine's frames look like with nothing to do.
    const idleFrames = numbers(
      await page.evaluate(
        `(${FRAMES_SCRIPT})(${JSON.stringify({ selector: '.sweep-scatter .sweep-canvas-box', frames: HOVER_FRAMES, mode: 'idle' })})`,
      ),
    )
    await cdp.send('HeapProfiler.collectGarbage')
    const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize
    return {
      scatterFirst: scatter.find((entry) => entry.marks > 0)?.end ?? Number.NaN,
      scatterFull: fullScatter?.end ?? Number.NaN,
      scatterCost: fullScatter?.duration ?? Number.NaN,
      scatterPoints: fullScatter?.marks ?? 0,
      parallelFirst: parallel.find((entry) => entry.marks > 0)?.end ?? Number.NaN,
      parallelFull: fullParallel?.end ?? Number.NaN,
      parallelCost: fullParallel?.duration ?? Number.NaN,
      brushFrames,
      brushDraws,
      hoverFrames,
      idleFrames,
      heap,
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

const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : '—')

function printSamples(samples: readonly Sample[]): void {
  const rows: [string, (sample: Sample) => number, (value: number) => string, string][] = [
    ['scatter: first draw (since navigation)', (s) => s.scatterFirst, ms, ''],
    ['scatter: all runs drawn (since navigation)', (s) => s.scatterFull, ms, ''],
    ['scatter: layout + paint of all runs', (s) => s.scatterCost, ms, '≤ 300 ms'],
    ['scatter: points drawn', (s) => s.scatterPoints, String, ''],
    ['parallel: first draw (since navigation)', (s) => s.parallelFirst, ms, ''],
    ['parallel: all runs drawn (since navigation)', (s) => s.parallelFull, ms, ''],
    ['parallel: layout + paint of 5,000 lines', (s) => s.parallelCost, ms, '≤ 300 ms'],
    [`brushing: frame p95 (${BRUSH_FRAMES} frames)`, (s) => percentile(s.brushFrames, 0.95), ms, '≤ 17 ms'],
    ['brushing: frame max', (s) => Math.max(...s.brushFrames), ms, ''],
    ['brushing: repaint of the lines, median', (s) => median(s.brushDraws), ms, ''],
    ['brushing: repaint of the lines, p95', (s) => percentile(s.brushDraws, 0.95), ms, ''],
    [
      `scatter hover: frame p95 (${HOVER_FRAMES} frames)`,
      (s) => percentile(s.hoverFrames, 0.95),
      ms,
      '≤ 17 ms',
    ],
    [
      `control: idle frame p95 (${HOVER_FRAMES} frames, no events)`,
      (s) => percentile(s.idleFrames, 0.95),
      ms,
      '',
    ],
    ['JS heap after GC', (s) => s.heap / 2 ** 20, (v) => `${v.toFixed(1)} MB`, ''],
  ]
  const width = Math.max(...rows.map(([name]) => name.length))
  console.log(`\n${'figure'.padEnd(width)}  ${'median'.padStart(10)}  ${'runs'.padEnd(30)}  target`)
  for (const [name, get, show, target] of rows) {
    const values = samples.map(get)
    console.log(
      `${name.padEnd(width)}  ${show(median(values)).padStart(10)}  ${values.map(show).join(', ').padEnd(30)}  ${target}`,
    )
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      'no-build': { type: 'boolean', default: false },
      dist: { type: 'string' },
    },
  })
  const runs = Number(values.runs)
  if (!Number.isInteger(runs) || runs < 1)
    throw new BenchError(`--runs must be a positive integer, not ${values.runs}`)
  const server = await startDemoServer({
    scenario: 'sweep-5k',
    noBuild: values['no-build'],
    dist: values.dist,
  })
  const executablePath = ensureChromium()
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
  const samples: Sample[] = []
  try {
    const id = await experimentId(server)
    const query = new URLSearchParams([
      ['charts', '1'],
      ...CHARTS.map((chart): [string, string] => ['chart', chart]),
    ])
    const url = `${server.url}experiments/${id}?${query.toString()}`
    const cpuList = cpus()
    console.log(
      `Machine: ${cpuList[0]?.model ?? 'unknown CPU'}, ${cpuList.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GB, ` +
        `load ${loadavg()
          .map((load) => load.toFixed(2))
          .join(' ')}; ${osName()}; Node ${process.version}; ` +
        `${chromiumVersion(executablePath)}, headless, ${VIEWPORT.width}×${VIEWPORT.height}`,
    )
    console.log(`Page: ${url.replace(server.url, '/')}`)
    for (let run = 0; run < runs; run++) {
      samples.push(await measure(browser, url))
      console.log(`  run ${run + 1}/${runs} done`)
    }
  } finally {
    await browser.close()
    await server.close()
  }
  console.log(
    `\nTimes are ms in the page's clock. "First draw" is the end of the chart's first canvas paint after ` +
      `navigation; the page loads runs progressively (50, then pages of 1,000), so "all runs drawn" includes ` +
      `fetching them. "Layout + paint" is the chart's own work for the full data: from the start of its layout ` +
      `to the end of its canvas paint (User Timing). Frame times are requestAnimationFrame deltas with one ` +
      `pointer event dispatched per frame.`,
  )
  printSamples(samples)
}

main().catch((error: unknown) => {
  console.error(
    error instanceof BenchError
      ? `bench:sweep: ${error.message}`
      : error instanceof Error
        ? (error.stack ?? error.message)
        : error,
  )
  process.exit(1)
})

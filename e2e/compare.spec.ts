import { readFile } from 'node:fs/promises'
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { CONTRACT_EXPERIMENTS, LONG_HISTORY, SEED_RUNS } from '../mocks/world/contract-world'
import { at } from './json-at'

/**
 * The compare page, one journey per test, against the contract world both backends hold: the seed
 * runs of one configuration (logged at different steps) and the 100,000-step history with its
 * one-step spike and NaN values.
 */

test.use({ viewport: { width: 1600, height: 1000 } })

/** Run ids by name, from the server under test (ids differ between the demo and a real server). */
async function runIds(request: APIRequestContext, names: readonly string[]): Promise<string[]> {
  const experimentId = at(
    await (
      await request.get('/ajax-api/2.0/mlflow/experiments/get-by-name', {
        params: { experiment_name: CONTRACT_EXPERIMENTS.curves },
      })
    ).json(),
    'experiment',
    'experiment_id',
  )
  const response = await request.post('/ajax-api/2.0/mlflow/runs/search', {
    data: { experiment_ids: [experimentId], max_results: 100 },
  })
  const runs = at(await response.json(), 'runs')
  const byName = new Map<string, string>()
  for (const run of Array.isArray(runs) ? runs : [])
    byName.set(String(at(run, 'info', 'run_name')), String(at(run, 'info', 'run_id')))
  return names.map((name) => {
    const id = byName.get(name)
    if (id === undefined) throw new Error(`no run named ${name}`)
    return id
  })
}

const chart = (page: Page, metricKey: string) => page.getByRole('region', { name: `Chart ${metricKey}` })

test('compares seeds of two configurations: the diff, every point charted, values on hover, settings kept on reload', async ({
  page,
  request,
}) => {
  const names = SEED_RUNS.map((run) => run.runName)
  const perConfiguration = SEED_RUNS.filter((run) => run.lr === SEED_RUNS[0]?.lr).length
  const ids = await runIds(request, names)
  await page.goto(`/compare?runs=${ids.join(',')}`)

  const diff = page.getByRole('table', { name: 'Run differences' })
  await expect(diff.getByRole('row', { name: /^seed/ })).toBeVisible()

  const loss = chart(page, 'loss')
  await loss.scrollIntoViewIfNeeded()
  await expect(loss.locator('.chart-fidelity')).toHaveText(/^all [\d,]+ points$/)
  await expect(loss.locator('path.recharts-line-curve')).toHaveCount(names.length)

  const plot = loss.getByRole('img', { name: /loss chart/ })
  const box = await plot.boundingBox()
  if (box === null) throw new Error('the loss chart has no box')
  // Early on, where every seed has logged: one row per run in the hover list.
  await page.mouse.move(box.x + box.width * 0.1, box.y + box.height / 2)
  const tooltip = loss.getByRole('status')
  await expect(tooltip.getByRole('listitem')).toHaveCount(names.length)
  for (const name of names) await expect(tooltip).toContainText(name)

  // Exports: the chart as SVG (its lines, with a title) and as PNG.
  const svgDownload = page.waitForEvent('download')
  await loss.getByRole('button', { name: 'SVG' }).click()
  const svg = await readFile(await (await svgDownload).path(), 'utf8')
  expect(svg).toContain('<svg')
  expect(svg.match(/recharts-line-curve/g)?.length).toBe(names.length)
  expect(svg).toContain('>loss</text>')
  const pngDownload = page.waitForEvent('download')
  await loss.getByRole('button', { name: 'PNG' }).click()
  const png = await readFile(await (await pngDownload).path())
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG')
  expect((await pngDownload).suggestedFilename()).toBe('loss.png')

  const toolbar = page.getByRole('toolbar', { name: 'Chart settings' })
  // The settings live in the URL: the box shows checked once the URL says so.
  await toolbar.getByRole('checkbox', { name: 'Log scale' }).click()
  await expect(toolbar.getByRole('checkbox', { name: 'Log scale' })).toBeChecked()
  await toolbar.getByRole('combobox', { name: 'Group by' }).selectOption('params.lr')
  await expect(page.getByRole('list', { name: 'Groups' })).toContainText(
    `${SEED_RUNS[0]?.lr ?? ''} (${perConfiguration})`,
  )
  await expect.poll(() => new URL(page.url()).searchParams.get('group')).toBe('params.lr')

  await page.reload()
  await expect(toolbar.getByRole('checkbox', { name: 'Log scale' })).toBeChecked()
  await expect(toolbar.getByRole('combobox', { name: 'Group by' })).toHaveValue('params.lr')
  await chart(page, 'loss').scrollIntoViewIfNeeded()
  await expect(chart(page, 'loss').locator('.chart-band, .recharts-area')).not.toHaveCount(0)
})

test('draws a 100,000-step history from every point, keeps its one-step spike, and zooms into it', async ({
  page,
  request,
}) => {
  const [longRun] = await runIds(request, [LONG_HISTORY.runName])
  await page.goto(`/compare?runs=${longRun ?? ''}&metrics=${LONG_HISTORY.metricKey}`)
  const history = chart(page, LONG_HISTORY.metricKey)
  await expect(history.locator('.chart-fidelity')).toHaveText('all 100,000 points', { timeout: 30_000 })

  // The spike survives the reduction: the y axis reaches it, and the CSV of the drawn line holds it.
  const downloading = page.waitForEvent('download')
  await history.getByRole('button', { name: 'CSV' }).click()
  const csv = await readFile(await (await downloading).path(), 'utf8')
  expect(csv).toContain(`,${LONG_HISTORY.spikeStep},${LONG_HISTORY.spikeValue}\r\n`)
  for (const step of LONG_HISTORY.nanSteps) expect(csv).toContain(`,${step},NaN\r\n`)

  // Drag across the spike's neighbourhood: the zoom goes to the URL and the detail is fetched.
  const plot = history.getByRole('img', { name: /chart/ })
  // The mouse acts in the viewport: bring the whole chart into it first.
  await history.scrollIntoViewIfNeeded()
  const box = await plot.boundingBox()
  if (box === null) throw new Error('the chart has no box')
  const xOf = (step: number) => box.x + (step / (LONG_HISTORY.steps - 1)) * box.width
  await page.mouse.move(xOf(LONG_HISTORY.spikeStep - 1500), box.y + box.height / 2)
  await page.mouse.down()
  await page.mouse.move(xOf(LONG_HISTORY.spikeStep + 1500), box.y + box.height / 2, { steps: 5 })
  await page.mouse.up()
  await expect.poll(() => new URL(page.url()).searchParams.get('zoom')).toMatch(/^\d+~\d+$/)
  const [start, end] = (new URL(page.url()).searchParams.get('zoom') ?? '').split('~').map(Number)
  expect(start).toBeLessThan(LONG_HISTORY.spikeStep)
  expect(end).toBeGreaterThan(LONG_HISTORY.spikeStep)
  await expect(history.getByRole('button', { name: 'Reset zoom' })).toBeVisible()

  await plot.dblclick()
  await expect.poll(() => new URL(page.url()).searchParams.get('zoom')).toBeNull()
})

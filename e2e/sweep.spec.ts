import { expect, test, type Locator, type Page } from '@playwright/test'
import { IMPORTANCE_SWEEP, importanceSweepRuns } from '../mocks/world/contract-sweep'
import { formatMetricValue } from '../src/domain/format/format-number'
import { MlflowApi, RunsTable } from './runs-table.page'

/**
 * The experiment page's chart view over `importance-sweep` (48 runs, the same in the demo world and
 * the seeded real server): open it, brush an axis of the parallel coordinates with the mouse, see the
 * run list and the scatter shrink, reload and find the same view.
 */

test.use({ viewport: { width: 1920, height: 1200 } })

const RUNS = IMPORTANCE_SWEEP.runCount

function listed(page: Page): Locator {
  return page.getByRole('status', { name: 'Listed runs' })
}

function charted(page: Page): Locator {
  return page.getByRole('status', { name: 'Charted runs' })
}

function scatterLegend(page: Page): Locator {
  return page.getByRole('figure', { name: /^Scatter / }).locator('figcaption')
}

async function countOf(locator: Locator): Promise<number> {
  const text = (await locator.textContent()) ?? ''
  return Number(/^[\d,]+/.exec(text)?.[0]?.replaceAll(',', '') ?? Number.NaN)
}

test('brushing the parallel coordinates narrows the run list and the scatter, and a reload keeps the view', async ({
  page,
  request,
}) => {
  const table = new RunsTable(page)
  const experimentId = await new MlflowApi(request).experimentId(IMPORTANCE_SWEEP.experiment)
  await table.open(experimentId)
  await table.loaded(`${RUNS} runs`)
  await page.getByRole('button', { name: 'Charts', exact: true }).click()
  await expect(page).toHaveURL(/[?&]charts=1/)
  await expect(listed(page)).toHaveText(`${RUNS} of ${RUNS} runs`)
  await expect(charted(page)).toHaveText(`${RUNS} runs on the charts`)
  // Four runs failed before logging val_accuracy: the scatter of it shows the other 44.
  await expect(scatterLegend(page)).toHaveText(/^44 runs/)

  // Drag down the upper part of the val_accuracy axis: the best runs.
  const axis = page.locator('.sweep-axis-handle[data-axis="metrics.val_accuracy"]')
  await axis.scrollIntoViewIfNeeded()
  const box = await axis.boundingBox()
  if (box === null) throw new Error('the val_accuracy axis is not on screen')
  await page.mouse.move(box.x + box.width / 2, box.y + 6)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.3, { steps: 8 })
  await page.mouse.up()

  await expect(page).toHaveURL(/[?&]brush=metrics\.val_accuracy%3A/)
  await expect.poll(() => countOf(listed(page))).toBeLessThan(RUNS)
  const kept = await countOf(listed(page))
  expect(kept).toBeGreaterThan(0)
  await expect(charted(page)).toHaveText(`${kept} runs on the charts`)
  await expect(table.rows).toHaveCount(kept)
  // Every run inside a val_accuracy brush has the metric: the scatter shows exactly them.
  await expect(scatterLegend(page)).toHaveText(new RegExp(`^${kept} runs`))
  await expect(page.getByRole('figure', { name: 'Parallel coordinates' })).toContainText(
    `${kept} of ${RUNS} runs inside the brushes`,
  )

  const url = page.url()
  await page.reload()
  await expect(page).toHaveURL(url)
  await expect(listed(page)).toHaveText(`${kept} of ${RUNS} runs`)
  await expect(scatterLegend(page)).toHaveText(new RegExp(`^${kept} runs`))
  await expect(page.getByRole('group', { name: 'Brushes' })).toContainText('val_accuracy')
  await expect(page.locator('section[data-chart-type]')).toHaveCount(4)
})

test('a run hidden with its eye leaves the charts and stays listed, across a reload', async ({
  page,
  request,
}) => {
  const table = new RunsTable(page)
  const experimentId = await new MlflowApi(request).experimentId(IMPORTANCE_SWEEP.experiment)
  await table.open(experimentId, 'charts=1')
  await expect(charted(page)).toHaveText(`${RUNS} runs on the charts`)
  const [first] = await table.names()
  if (first === undefined) throw new Error('no runs listed')
  await page.getByRole('button', { name: `Hide ${first} from the charts`, exact: true }).click()
  await expect(charted(page)).toHaveText(`${RUNS - 1} runs on the charts`)
  await page.reload()
  await expect(charted(page)).toHaveText(`${RUNS - 1} runs on the charts`)
  await expect(page.getByRole('button', { name: `Show ${first} on the charts`, exact: true })).toBeVisible()
  await expect(listed(page)).toHaveText(`${RUNS} of ${RUNS} runs`)
})

/** The lowest val_accuracy a run of the world logged (its histories are 10 points: the server's sample keeps all). */
function lowestAccuracy(runName: string): number {
  const series = importanceSweepRuns.find((run) => run.name === runName)?.metrics.val_accuracy
  if (series === undefined || !Array.isArray(series))
    throw new Error(`${runName} has no val_accuracy history`)
  return Math.min(...series.map((point: { value: number | string }) => Number(point.value)))
}

test('importance ranks learning_rate first, bars show the sampled minimum, boxes group by optimizer', async ({
  page,
  request,
}) => {
  const table = new RunsTable(page)
  const experimentId = await new MlflowApi(request).experimentId(IMPORTANCE_SWEEP.experiment)
  await table.open(
    experimentId,
    'charts=1&chart=importance:val_accuracy&chart=bar:val_accuracy:min&chart=box:val_accuracy:optimizer',
  )
  await expect(charted(page)).toHaveText(`${RUNS} runs on the charts`)

  const importance = page
    .getByRole('list', { name: 'Param importance for val_accuracy' })
    .getByRole('listitem')
  await expect(importance.first()).toHaveAttribute('aria-label', /^learning_rate: /)
  await expect(page.locator('[data-param="dropout"]')).toHaveAttribute('aria-label', /^dropout: 0\.00 /)

  // min() needs each run's history: fetched on demand through the sampled bulk endpoint.
  const bars = page.getByRole('list', { name: 'Bars: min(val_accuracy), sampled' }).getByRole('listitem')
  await expect(bars).toHaveCount(44)
  const best = 'imp-adam-lr7-b'
  await expect(bars.and(page.locator(`[aria-label^="${best}:"]`))).toHaveAttribute(
    'aria-label',
    `${best}: ${formatMetricValue(lowestAccuracy(best))} (sampled)`,
  )

  const boxes = page.getByRole('list', { name: 'Boxes: val_accuracy by optimizer' }).getByRole('listitem')
  await expect(boxes).toHaveCount(3)
  // Two sgd and two rmsprop runs failed before logging val_accuracy.
  await expect(boxes.and(page.locator('[aria-label^="optimizer adam:"]'))).toHaveAttribute(
    'aria-label',
    /^optimizer adam: n 16,/,
  )
  await expect(page.locator('[aria-label^="optimizer sgd:"]')).toHaveAttribute(
    'aria-label',
    /^optimizer sgd: n 14,/,
  )
})

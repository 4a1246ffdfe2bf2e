import { expect, test, type Locator, type Page } from '@playwright/test'
import { IMPORTANCE_SWEEP } from '../mocks/world/contract-sweep'
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

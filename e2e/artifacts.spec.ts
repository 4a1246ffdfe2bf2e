import { expect, test, type APIRequestContext } from '@playwright/test'
import { ARTIFACT_ZOO } from '../mocks/world/artifacts'
import { at } from './json-at'

/** The run page's Artifacts tab, against the artifact zoo both backends hold. */

async function zooRun(request: APIRequestContext): Promise<{ experimentId: string; runId: string }> {
  const experiment = await request.get('/ajax-api/2.0/mlflow/experiments/get-by-name', {
    params: { experiment_name: ARTIFACT_ZOO.experiment },
  })
  const experimentId = String(at(await experiment.json(), 'experiment', 'experiment_id'))
  const search = await request.post('/ajax-api/2.0/mlflow/runs/search', {
    data: {
      experiment_ids: [experimentId],
      filter: `attributes.run_name = '${ARTIFACT_ZOO.runName}'`,
      max_results: 1,
    },
  })
  return { experimentId, runId: String(at(await search.json(), 'runs', 0, 'info', 'run_id')) }
}

test('browses a run’s artifacts from the tree, keeps the path in the URL, and downloads a file', async ({
  page,
  request,
}) => {
  const { experimentId, runId } = await zooRun(request)
  await page.goto(`/experiments/${experimentId}/runs/${runId}/artifacts`)
  const tree = page.getByRole('tree', { name: 'Artifacts' })
  await tree.getByRole('treeitem', { name: /^reports/ }).click()
  await tree.getByRole('treeitem', { name: /^notes/ }).click()
  await tree.getByRole('treeitem', { name: /^summary\.txt/ }).click()
  // The selected file is in the path: …/artifacts/reports/notes/summary.txt.
  await expect
    .poll(() => decodeURIComponent(new URL(page.url()).pathname))
    .toBe(`/experiments/${experimentId}/runs/${runId}/artifacts/${ARTIFACT_ZOO.paths.reportText}`)

  const details = page.getByRole('region', { name: 'File summary.txt' })
  await expect(details).toContainText('Text')
  const downloading = page.waitForEvent('download')
  await details.getByRole('link', { name: 'Download' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe('summary.txt')

  // A reload (or a shared link) opens the same file with its directories expanded.
  await page.reload()
  await expect(tree.getByRole('treeitem', { name: /^summary\.txt/ })).toHaveAttribute('aria-selected', 'true')
})

test('a hostile HTML artifact runs no script by default, and with scripts on still cannot reach Runboard', async ({
  page,
  request,
}) => {
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  const { experimentId, runId } = await zooRun(request)
  const url = `/experiments/${experimentId}/runs/${runId}/artifacts/${ARTIFACT_ZOO.paths.html}`
  await page.goto(url)
  const frame = page.getByTitle('HTML preview')
  await expect(frame).toHaveAttribute('sandbox', '')
  await expect(page.frameLocator('iframe[title="HTML preview"]').locator('h1')).toHaveText('Quarterly report')

  await page.getByRole('switch', { name: 'Run interactive content (scripts)' }).check()
  await expect(frame).toHaveAttribute('sandbox', 'allow-scripts')
  const inner = () => page.frames().find((candidate) => candidate !== page.mainFrame())
  // Wait until the file's scripts and onload (which tries to navigate the top window) have run.
  await expect.poll(async () => inner()?.evaluate(() => document.readyState)).toBe('complete')
  await expect(page.frameLocator('iframe[title="HTML preview"]').locator('h1')).toHaveText('Quarterly report')
  expect(dialogs).toEqual([])
  // The top window stayed where it was (the file tried to navigate it away).
  expect(decodeURIComponent(new URL(page.url()).pathname)).toBe(
    `/experiments/${experimentId}/runs/${runId}/artifacts/${ARTIFACT_ZOO.paths.html}`,
  )
})

test('a plotly figure logged with log_figure says it loads plotly from the internet', async ({
  page,
  request,
}) => {
  const { experimentId, runId } = await zooRun(request)
  await page.goto(`/experiments/${experimentId}/runs/${runId}/artifacts/${ARTIFACT_ZOO.paths.plotlyCdn}`)
  await expect(
    page.getByText(
      'This figure loads plotly from the internet; it works only where the viewer can reach it.',
    ),
  ).toBeVisible()
  await expect(page.getByTitle('HTML preview')).toHaveAttribute('sandbox', '')
})

import { expect, test, type APIRequestContext } from '@playwright/test'
import { at } from './json-at'

/**
 * Artifacts that real training code logged (python/real_usage_train.py): an MLflow 3 logged model,
 * images logged per step with log_image, and plotly figures. Only the real server holds them.
 */

async function baselineRun(request: APIRequestContext): Promise<{ experimentId: string; runId: string }> {
  const experiment = await request.get('/ajax-api/2.0/mlflow/experiments/get-by-name', {
    params: { experiment_name: 'sklearn-real-usage' },
  })
  const experimentId = String(at(await experiment.json(), 'experiment', 'experiment_id'))
  const search = await request.post('/ajax-api/2.0/mlflow/runs/search', {
    data: {
      experiment_ids: [experimentId],
      filter: "attributes.run_name = 'logreg-baseline'",
      max_results: 1,
    },
  })
  return { experimentId, runId: String(at(await search.json(), 'runs', 0, 'info', 'run_id')) }
}

test('opens the files of the model a run logged with MLflow 3, with flavors, signature and environment @real-only', async ({
  page,
  request,
}) => {
  const { experimentId, runId } = await baselineRun(request)
  await page.goto(`/experiments/${experimentId}/runs/${runId}/artifacts`)
  const sources = page.getByRole('radiogroup', { name: 'Files of' })
  await expect(sources.getByRole('radio', { name: /Run files/ })).toHaveAttribute('aria-checked', 'true')
  await sources.getByRole('radio', { name: /^model/ }).click()
  await expect.poll(() => new URL(page.url()).searchParams.get('model')).toMatch(/^m-[0-9a-f]{32}$/)

  // The model's root holds MLmodel: the main pane shows the model at a glance.
  const model = page.getByRole('region', { name: 'MLflow model' })
  await expect(model.getByRole('region', { name: 'Flavors' })).toContainText('sklearn')
  await expect(model.getByRole('table', { name: 'Inputs' })).toContainText('sepal length (cm)')
  await expect(model.getByRole('region', { name: 'Python environment' })).toContainText(/Python \d+\.\d+/)
  await expect(model.getByRole('region', { name: 'Requirements' })).toContainText('scikit-learn==')
  await expect(model.getByText(/models:\/m-[0-9a-f]{32}/).first()).toBeVisible()

  // A file of the model opens in the tree, and a reload comes back to it.
  const tree = page.getByRole('tree', { name: 'Artifacts' })
  await tree.getByRole('treeitem', { name: /^requirements\.txt/ }).click()
  await expect(page.getByRole('region', { name: 'File requirements.txt' })).toContainText('mlflow==')
  await page.reload()
  await expect(tree.getByRole('treeitem', { name: /^requirements\.txt/ })).toHaveAttribute(
    'aria-selected',
    'true',
  )
  await expect(sources.getByRole('radio', { name: /^model/ })).toHaveAttribute('aria-checked', 'true')
})

test('steps through images logged per step with log_image @real-only', async ({ page, request }) => {
  const { experimentId, runId } = await baselineRun(request)
  await page.goto(`/experiments/${experimentId}/runs/${runId}/artifacts/images/`)
  const tree = page.getByRole('tree', { name: 'Artifacts' })
  await tree.getByRole('treeitem', { name: /^confusion_matrix\+step\+0\+.*\.png/ }).click()
  const steps = page.getByRole('group', { name: 'Steps of confusion_matrix' })
  await expect(steps).toContainText('step 0')
  await expect(steps).toContainText('1 of 3')
  const slider = steps.getByRole('slider', { name: 'Step' })
  await slider.focus()
  await page.keyboard.press('End')
  await expect(steps).toContainText('step 2')
  await expect
    .poll(() => decodeURIComponent(new URL(page.url()).pathname))
    .toMatch(/\/artifacts\/images\/confusion_matrix\+step\+2\+/)
  await expect(page.getByRole('img', { name: /confusion_matrix\+step\+2\+/ })).toBeVisible()
  await steps.getByRole('button', { name: 'Previous step' }).click()
  await expect(steps).toContainText('step 1')
})

test('a self-contained plotly figure draws with scripts on; a CDN one says it needs the network @real-only', async ({
  page,
  request,
}) => {
  const { experimentId, runId } = await baselineRun(request)
  const base = `/experiments/${experimentId}/runs/${runId}/artifacts`
  await page.goto(`${base}/figures/plotly_self_contained.html`)
  await expect(page.getByText(/loads plotly from the internet/)).toHaveCount(0)
  await page.getByRole('switch', { name: 'Run interactive content (scripts)' }).check()
  await expect(page.frameLocator('iframe[title="HTML preview"]').locator('svg.main-svg').first()).toBeVisible(
    {
      timeout: 20_000,
    },
  )

  await page.goto(`${base}/figures/cdn_figure.html`)
  await expect(
    page.getByText(
      'This figure loads plotly from the internet; it works only where the viewer can reach it.',
    ),
  ).toBeVisible()
})

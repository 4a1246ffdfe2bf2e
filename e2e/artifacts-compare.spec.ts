import { expect, test, type APIRequestContext } from '@playwright/test'
import { ARTIFACT_COMPARE, ARTIFACT_ZOO } from '../mocks/world/artifacts'
import { at } from './json-at'

/** The compare page's Artifacts section, on the artifact zoo run and its two siblings. */

async function runIds(request: APIRequestContext, names: readonly string[]): Promise<string[]> {
  const experiment = await request.get('/ajax-api/2.0/mlflow/experiments/get-by-name', {
    params: { experiment_name: ARTIFACT_ZOO.experiment },
  })
  const experimentId = String(at(await experiment.json(), 'experiment', 'experiment_id'))
  const ids: string[] = []
  for (const name of names) {
    const search = await request.post('/ajax-api/2.0/mlflow/runs/search', {
      data: { experiment_ids: [experimentId], filter: `attributes.run_name = '${name}'`, max_results: 1 },
    })
    ids.push(String(at(await search.json(), 'runs', 0, 'info', 'run_id')))
  }
  return ids
}

/** One run's cell of the side-by-side view. */
const cellSelector = (runName: string) => `.sbs-cell[aria-label="${runName}"]`

test('compares a YAML file and a per-step image across runs, and a reload keeps the view', async ({
  page,
  request,
}) => {
  const names = [ARTIFACT_ZOO.runName, ARTIFACT_COMPARE.runB, ARTIFACT_COMPARE.runC]
  const ids = await runIds(request, names)
  await page.goto(`/compare?runs=${ids.join(',')}`)
  await page.getByRole('button', { name: 'Compare artifacts' }).click()
  const tree = page.getByRole('tree', { name: 'Artifacts of the compared runs' })

  // A YAML file all three runs have: run B's changed learning rate is marked against the baseline.
  await tree.getByRole('treeitem', { name: `${ARTIFACT_ZOO.paths.yaml}, in 3 of 3 runs` }).click()
  await expect.poll(() => new URL(page.url()).searchParams.get('artifact')).toBe(ARTIFACT_ZOO.paths.yaml)
  const runB = page.locator(cellSelector(ARTIFACT_COMPARE.runB))
  const changedLr = runB.locator('tr[data-kind="changed"]', { hasText: 'lr: 0.0005' })
  await expect(changedLr).toContainText('lr: 0.001')
  await expect(runB.locator('tr[data-kind="added"]', { hasText: 'scheduler: cosine' })).toBeVisible()
  await expect(page.locator(cellSelector(ARTIFACT_ZOO.runName))).toContainText('baseline')

  // A per-step image: the slider runs over the union of the runs' steps.
  await tree.getByRole('treeitem', { name: 'images, in 3 of 3 runs' }).click()
  // The series is one entry, whatever the number of files per step and run.
  await tree
    .getByRole('treeitem', { name: `${ARTIFACT_ZOO.imageKeys.confusion} (per step), in 3 of 3 runs` })
    .click()
  const slider = page.getByRole('slider', { name: `Step of ${ARTIFACT_ZOO.imageKeys.confusion}` })
  await expect(page.getByText('Step 0 (1 of 5)')).toBeVisible()
  await slider.focus()
  await page.keyboard.press('ArrowRight')
  await expect(page.getByText('Step 1 (2 of 5)')).toBeVisible()
  await expect.poll(() => new URL(page.url()).searchParams.get('step')).toBe('1')
  // Run C logged steps 0 and 2 only: at step 1 it shows its step-0 image.
  const runC = page.locator(cellSelector(ARTIFACT_COMPARE.runC))
  await expect(runC).toContainText('step 0')
  await expect(page.locator(cellSelector(ARTIFACT_ZOO.runName))).toContainText('step 1')
  const zooImage = page.locator(cellSelector(ARTIFACT_ZOO.runName)).getByRole('img')
  await expect
    .poll(() => zooImage.evaluate((image: HTMLImageElement) => image.naturalWidth))
    .toBeGreaterThan(0)

  // A reload (or a shared link) shows the same image at the same step.
  await page.reload()
  await expect(page.getByText('Step 1 (2 of 5)')).toBeVisible()
  await expect(page.locator(cellSelector(ARTIFACT_COMPARE.runC))).toContainText('step 0')
})

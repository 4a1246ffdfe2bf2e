import { expect, test, type APIRequestContext } from '@playwright/test'
import { CONTRACT_REGISTRY } from '../mocks/world/contract-registry'
import { at } from './json-at'
import { CONTRACT_EXPERIMENTS, MlflowApi } from './runs-table.page'

/**
 * The model version page on the seeded registry (read-only), and edits on a registered model the
 * test creates itself from a seeded run's model directory, checked again after a reload.
 */

const API = '/ajax-api/2.0/mlflow'

async function call(
  request: APIRequestContext,
  method: 'get' | 'post' | 'delete',
  path: string,
  data: object,
) {
  const response =
    method === 'get'
      ? await request.get(`${API}/${path}`, { params: Object.fromEntries(Object.entries(data)) })
      : await request.fetch(`${API}/${path}`, { method: method.toUpperCase(), data })
  expect(response.ok(), `${path}: ${response.status()} ${await response.text()}`).toBe(true)
  const body: unknown = await response.json()
  return body
}

/** The id of a seeded run, by experiment and run name. */
async function seededRunId(request: APIRequestContext, experiment: string, runName: string): Promise<string> {
  const experimentId = await new MlflowApi(request).experimentId(experiment)
  const body = await call(request, 'post', 'runs/search', {
    experiment_ids: [experimentId],
    filter: `attributes.run_name = '${runName}'`,
    max_results: 1,
  })
  const runId = at(body, 'runs', '0', 'info', 'run_id')
  if (typeof runId !== 'string') throw new Error(`no run ${runName} in ${experiment}`)
  return runId
}

test('shows a version registered from a LoggedModel: its signature and files', async ({ page }) => {
  const { name } = CONTRACT_REGISTRY.loggedModels
  await page.goto(`/models/${name}/versions/2`)
  await expect(page.getByRole('heading', { level: 1, name: `${name} version 2` })).toBeVisible()
  await expect(page.getByText('@champion').first()).toBeVisible()
  const tree = page.getByRole('tree', { name: 'Artifacts' })
  await expect(tree.getByRole('treeitem', { name: 'MLmodel' })).toBeVisible()
  const model = page.getByRole('region', { name: 'MLflow model' })
  await expect(model.getByRole('table', { name: /Inputs/ })).toBeVisible()
  await expect(model.getByRole('region', { name: 'Requirements' })).toBeVisible()
})

test('adds an alias and a tag to its own version from a run; a reload shows them', async ({
  page,
  request,
}, testInfo) => {
  const runName = CONTRACT_REGISTRY.stages.runs[1]
  const runId = await seededRunId(request, CONTRACT_EXPERIMENTS.mnist, runName)
  const name = `e2e-version-page-${testInfo.project.name}-${Date.now()}`
  await call(request, 'post', 'registered-models/create', { name })
  try {
    await call(request, 'post', 'model-versions/create', {
      name,
      source: `runs:/${runId}/${CONTRACT_REGISTRY.modelPath}`,
      run_id: runId,
    })
    await page.goto(`/models/${name}/versions/1`)
    await expect(page.getByRole('heading', { level: 1, name: `${name} version 1` })).toBeVisible()
    await expect(page.getByRole('link', { name: runName })).toBeVisible()
    // Rooted at the run's model directory: the model's files, Python version and requirements.
    const tree = page.getByRole('tree', { name: 'Artifacts' })
    await expect(tree.getByRole('treeitem', { name: 'MLmodel' })).toBeVisible()
    await expect(tree.getByRole('treeitem', { name: 'data' })).toBeVisible()
    const model = page.getByRole('region', { name: 'MLflow model' })
    await expect(model.getByRole('region', { name: 'Python environment' })).toContainText('3.11.7')

    await page.getByRole('button', { name: 'Add alias' }).click()
    await page.getByRole('textbox', { name: 'New alias' }).fill('candidate')
    await page.getByRole('textbox', { name: 'New alias' }).press('Enter')
    await expect(page.getByRole('list', { name: 'Aliases' }).getByText('@candidate')).toBeVisible()

    await page.getByRole('button', { name: 'Add tag' }).click()
    await page.getByRole('textbox', { name: 'New tag key' }).fill('reviewed_by')
    await page.getByRole('textbox', { name: 'New tag value' }).fill('playwright')
    await page.getByRole('textbox', { name: 'New tag value' }).press('Enter')
    const tags = page.getByRole('table', { name: 'Tags' })
    await expect(tags.getByRole('row', { name: /reviewed_by/ })).toContainText('playwright')

    // Both writes reached the server before the reload.
    await expect
      .poll(async () => {
        const body = JSON.stringify(await call(request, 'get', 'model-versions/get', { name, version: '1' }))
        return body.includes('"candidate"') && body.includes('reviewed_by')
      })
      .toBe(true)
    await page.reload()
    await expect(page.getByRole('list', { name: 'Aliases' }).getByText('@candidate')).toBeVisible()
    await expect(
      page.getByRole('table', { name: 'Tags' }).getByRole('row', { name: /reviewed_by/ }),
    ).toContainText('playwright')
  } finally {
    await call(request, 'delete', 'registered-models/delete', { name })
  }
})

test('moves versions through stages, archiving the one in Production, and deletes a version', async ({
  page,
  request,
}, testInfo) => {
  const runName = CONTRACT_REGISTRY.stages.runs[1]
  const runId = await seededRunId(request, CONTRACT_EXPERIMENTS.mnist, runName)
  const name = `e2e-version-stages-${testInfo.project.name}-${Date.now()}`
  const source = `runs:/${runId}/${CONTRACT_REGISTRY.modelPath}`
  await call(request, 'post', 'registered-models/create', { name })
  try {
    await call(request, 'post', 'model-versions/create', { name, source, run_id: runId })
    await call(request, 'post', 'model-versions/create', { name, source, run_id: runId })
    const stageOf = async (version: string) =>
      at(
        await call(request, 'get', 'model-versions/get', { name, version }),
        'model_version',
        'current_stage',
      )
    const moveTo = async (stage: string, archive: boolean) => {
      await page.getByRole('button', { name: 'Change stage…' }).click()
      const dialog = page.getByRole('dialog', { name: 'Change stage' })
      await dialog.getByRole('radio', { name: stage }).check()
      if (archive)
        await dialog.getByRole('checkbox', { name: `Archive the versions now in ${stage}` }).check()
      await dialog.getByRole('button', { name: `Move to ${stage}` }).click()
      await expect(page.getByText(`Stage: ${stage}`)).toBeVisible()
    }

    await page.goto(`/models/${name}/versions/1`)
    await moveTo('Production', false)
    await expect.poll(() => stageOf('1')).toBe('Production')

    await page.goto(`/models/${name}/versions/2`)
    await moveTo('Production', true)
    await expect.poll(() => stageOf('2')).toBe('Production')
    // The server archived version 1; the page learns it when it loads that version.
    await expect.poll(() => stageOf('1')).toBe('Archived')

    await page.getByRole('button', { name: 'Delete version' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Delete version' }).click()
    await expect(page).toHaveURL(new RegExp(`/models/${name}$`))
    const versions = page.getByRole('table', { name: /versions/i })
    await expect(versions.getByRole('link', { name: 'Version 1' })).toBeVisible()
    await expect(versions.getByRole('link', { name: 'Version 2' })).toHaveCount(0)
    await expect(versions).toContainText('Archived')
  } finally {
    await call(request, 'delete', 'registered-models/delete', { name })
  }
})

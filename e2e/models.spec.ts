import { expect, test, type APIRequestContext } from '@playwright/test'
import { CONTRACT_REGISTRY } from '../mocks/world/contract-registry'
import { at } from './json-at'
import { CONTRACT_EXPERIMENTS, MlflowApi } from './runs-table.page'

/**
 * The registered-models list and one model's page: the seeded registry is only read; edits go to a
 * registered model the test creates itself from seeded runs' model directories, and are checked
 * again after a reload.
 */

const API = '/ajax-api/2.0/mlflow'

async function call(request: APIRequestContext, method: 'post' | 'delete', path: string, data: object) {
  const response = await request.fetch(`${API}/${path}`, { method: method.toUpperCase(), data })
  expect(response.ok(), `${path}: ${response.status()} ${await response.text()}`).toBe(true)
  const body: unknown = await response.json()
  return body
}

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

test('searches the registered models and opens one: its versions link to their runs', async ({ page }) => {
  const { name, runs } = CONTRACT_REGISTRY.aliases
  await page.goto('/models')
  const table = page.getByRole('table', { name: 'Registered models' })
  await expect(table.getByRole('link', { name: CONTRACT_REGISTRY.stages.name })).toBeVisible()
  await page.getByRole('searchbox', { name: 'Search models' }).fill('RESNET')
  await expect(page).toHaveURL(/\?q=RESNET$/)
  await expect(table.getByRole('rowheader')).toHaveText([name])
  await expect(table.getByRole('row', { name: new RegExp(name) })).toContainText('@champion → v2')

  await table.getByRole('link', { name }).click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  const versions = page.getByRole('table', { name: 'Versions' })
  await expect(versions.getByRole('rowheader')).toHaveText(['Version 2', 'Version 1'])
  // Version n came from runs[n - 1], shown by name and linked to the run's page.
  const sourceRun = versions.getByRole('row', { name: /Version 1/ }).getByRole('link', { name: runs[0] })
  await expect(sourceRun).toBeVisible()
  await sourceRun.click()
  await expect(page.getByRole('heading', { level: 1, name: runs[0] })).toBeVisible()
  await expect(page).toHaveURL(/\/experiments\/\d+\/runs\/[0-9a-f]{32}/)
})

test('edits the description and an alias of its own model; a reload shows them', async ({
  page,
  request,
}, testInfo) => {
  const [first, second] = CONTRACT_REGISTRY.stages.runs
  const name = `e2e-models-${testInfo.project.name}-${Date.now()}`
  await call(request, 'post', 'registered-models/create', { name })
  let deleted = false
  try {
    for (const runName of [first, second]) {
      const runId = await seededRunId(request, CONTRACT_EXPERIMENTS.mnist, runName)
      await call(request, 'post', 'model-versions/create', {
        name,
        source: `runs:/${runId}/${CONTRACT_REGISTRY.modelPath}`,
        run_id: runId,
      })
    }
    await page.goto(`/models?q=${encodeURIComponent(name)}`)
    await page.getByRole('link', { name }).click()
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()

    await page.getByRole('button', { name: 'Add a description' }).click()
    await page.getByRole('textbox', { name: 'Description' }).fill('Served by **Playwright**.')
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await expect(page.getByText('Playwright', { exact: true })).toHaveJSProperty('tagName', 'STRONG')

    await page.getByRole('button', { name: 'Add an alias to version 1' }).click()
    await page.getByRole('combobox', { name: 'New alias for version 1' }).fill('candidate')
    await page.getByRole('combobox', { name: 'New alias for version 1' }).press('Enter')
    const aliasesOfOne = page.getByRole('list', { name: 'Aliases of version 1' })
    await expect(aliasesOfOne).toContainText('@candidate')
    // Moving it to version 2 takes it from version 1.
    await page.getByRole('button', { name: 'Add an alias to version 2' }).click()
    await page.getByRole('combobox', { name: 'New alias for version 2' }).fill('candidate')
    await expect(page.getByText('Moves “candidate” from version 1 to version 2.')).toBeVisible()
    await page.getByRole('combobox', { name: 'New alias for version 2' }).press('Enter')
    const aliasesOfTwo = page.getByRole('list', { name: 'Aliases of version 2' })
    await expect(aliasesOfTwo).toContainText('@candidate')
    await expect(aliasesOfOne).not.toContainText('@candidate')

    // Both writes reached the server before the reload.
    await expect
      .poll(async () => {
        const response = await request.get(`${API}/registered-models/get`, { params: { name } })
        const body = await response.text()
        return (
          body.includes('Served by **Playwright**.') &&
          /"alias":\s*"candidate",\s*"version":\s*"2"/.test(body)
        )
      })
      .toBe(true)
    await page.reload()
    await expect(page.getByText('Playwright', { exact: true })).toHaveJSProperty('tagName', 'STRONG')
    await expect(page.getByRole('list', { name: 'Aliases of version 2' })).toContainText('@candidate')
    await expect(page.getByRole('list', { name: 'Aliases of version 1' })).not.toContainText('@candidate')

    await page.getByRole('button', { name: 'Delete model' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Delete model' }).click()
    await expect(page).toHaveURL(/\/models$/)
    deleted = true
    await expect(page.getByRole('link', { name })).toHaveCount(0)
  } finally {
    if (!deleted) await call(request, 'delete', 'registered-models/delete', { name })
  }
})

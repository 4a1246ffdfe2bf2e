import { expect, test } from '@playwright/test'
import { LOGGED_MODELS } from '../mocks/world/logged-models'
import { at } from './json-at'

/** The experiment's Models tab and a logged model's page, against the logged models both backends hold. */

test('lists an experiment’s logged models, opens one with its files, and registers it as a new version', async ({
  page,
  request,
}) => {
  const experiment = await request.get('/ajax-api/2.0/mlflow/experiments/get-by-name', {
    params: { experiment_name: LOGGED_MODELS.experiment },
  })
  const experimentId = String(at(await experiment.json(), 'experiment', 'experiment_id'))

  await page.goto(`/experiments/${experimentId}`)
  await page
    .getByRole('navigation', { name: 'Experiment sections' })
    .getByRole('link', { name: 'Models' })
    .click()
  const list = page.getByRole('region', { name: 'Logged models' })
  for (const name of [LOGGED_MODELS.classifier, LOGGED_MODELS.checkpoint, LOGGED_MODELS.failed]) {
    await expect(list.getByRole('link', { name, exact: true })).toBeVisible()
  }
  await expect(list.getByText('upload failed')).toBeVisible()

  // The name filter and the order are in the URL.
  await list.getByRole('searchbox', { name: 'Filter models by name' }).fill('epoch')
  await expect(list.getByRole('link', { name: LOGGED_MODELS.classifier, exact: true })).toHaveCount(0)
  await expect(page).toHaveURL(/\?q=epoch$/)
  await page.reload()
  await expect(list.getByRole('link', { name: LOGGED_MODELS.checkpoint, exact: true })).toBeVisible()
  await expect(list.getByRole('link', { name: LOGGED_MODELS.classifier, exact: true })).toHaveCount(0)

  await list.getByRole('link', { name: LOGGED_MODELS.checkpoint, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: LOGGED_MODELS.checkpoint })).toBeVisible()
  const tree = page.getByRole('tree', { name: 'Artifacts' })
  await tree.getByRole('treeitem', { name: /^requirements\.txt/ }).click()
  await expect(page.getByRole('region', { name: 'File requirements.txt' })).toContainText('scikit-learn')
  await expect(page).toHaveURL(/\/artifacts\/requirements\.txt$/)

  const name = `e2e-checkpoint-${Date.now()}`
  await page.getByRole('button', { name: 'Register model' }).click()
  const dialog = page.getByRole('dialog', { name: 'Register a model version' })
  await dialog.getByRole('combobox', { name: 'Registered model' }).fill(name)
  await dialog.getByRole('button', { name: 'Register' }).click()
  const done = page.getByRole('dialog', { name: 'Model version registered' })
  const link = done.getByRole('link', { name: `${name} v1` })
  await expect(link).toHaveAttribute('href', `/models/${name}/versions/1`)
  await done.getByRole('button', { name: 'Close' }).click()
  await expect(page.getByRole('list', { name: 'Registered versions' })).toContainText(`${name} v1`)
})

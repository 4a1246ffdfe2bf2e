import { expect, test } from '@playwright/test'

const BASE = 'http://127.0.0.1:5193'

test('serves under a base path, for portals that mount it at /mlflow/ @demo-only', async ({ page }) => {
  await page.goto(`${BASE}/`)
  await expect(page).toHaveURL(`${BASE}/mlflow/experiments`)
  await page.getByRole('link', { name: 'cifar-sweep' }).click()
  await expect(page).toHaveURL(`${BASE}/mlflow/experiments/2`)
  await expect(page.getByRole('heading', { name: 'cifar-sweep' })).toBeVisible()
  // A deep link loads directly, with its assets resolved against the base path.
  await page.goto(`${BASE}/mlflow/experiments/3`)
  await expect(page.getByRole('heading', { name: 'lr-grid' })).toBeVisible()
})

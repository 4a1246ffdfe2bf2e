import { expect, test } from '@playwright/test'

test('opens a local SQLite store as mlflow ui does (--backend-store-uri) @real-only', async ({ page }) => {
  await page.goto('http://127.0.0.1:5194/')
  await expect(page.getByRole('link', { name: 'mnist-baseline' })).toBeVisible()
  await expect(page.getByText(/sqlite:\/\//)).toBeVisible()
  await expect(page.getByText('Demo data')).toHaveCount(0)
})

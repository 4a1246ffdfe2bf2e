import { expect, test } from '@playwright/test'

test('opens the experiments page, an experiment, and one of its runs', async ({ page }, testInfo) => {
  await page.goto('/')
  await expect(page).toHaveURL(/\/experiments$/)
  const experimentLink = page.getByRole('link', { name: 'mnist-baseline' })
  await expect(experimentLink).toBeVisible()
  if (testInfo.project.name === 'demo') {
    await expect(page.getByText('Demo data')).toBeVisible()
  } else {
    await expect(page.getByText('Demo data')).toHaveCount(0)
    await expect(page.getByText('MLflow 3.17.2')).toBeVisible()
  }

  await experimentLink.click()
  await expect(page.getByRole('heading', { name: 'mnist-baseline' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'MNIST baseline' })).toBeVisible()
  await page.getByRole('link', { name: 'mnist-edge-values' }).click()

  await expect(page).toHaveURL(/\/experiments\/1\/runs\/[0-9a-f]{32}$/)
  await expect(page.getByRole('heading', { name: 'mnist-edge-values' })).toBeVisible()
  const metrics = page.getByRole('table', { name: 'Metrics' })
  await expect(metrics.getByRole('row', { name: /diverged_loss/ })).toContainText('NaN')
  await expect(
    page.getByRole('table', { name: 'Parameters' }).getByRole('row', { name: /optimizer/ }),
  ).toContainText('adam')
})

test('shows a run that a real training script logged, with its source and git commit @real-only', async ({
  page,
}) => {
  await page.goto('/experiments?q=sklearn-real-usage')
  await page.getByRole('link', { name: 'sklearn-real-usage' }).click()
  await page.getByRole('link', { name: 'logreg-baseline' }).click()
  await expect(page.getByRole('heading', { name: 'logreg-baseline' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Run facts' }).getByText('train.py')).toBeVisible()
  await expect(page.getByRole('region', { name: 'Run facts' }).getByText('Git commit')).toBeVisible()
})

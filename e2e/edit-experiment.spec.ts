import { expect, test } from '@playwright/test'

/**
 * Edits an experiment the test creates itself (the seeded data stays read-only), then reloads and
 * checks that the URL brings the same view back.
 */
test('creates, renames, describes, deletes and restores its own experiment', async ({ page }, testInfo) => {
  const name = `e2e-${testInfo.project.name}-${Date.now()}`
  await page.goto('/experiments')
  await page.getByRole('button', { name: 'New experiment' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('Name', { exact: true }).fill(name)
  await dialog.getByRole('button', { name: 'Create' }).click()
  await expect(page.getByRole('heading', { name })).toBeVisible()

  await page.goto(`/experiments?q=${encodeURIComponent(name)}&view=all`)
  await page.getByRole('button', { name: `Rename ${name}` }).click()
  await dialog.getByLabel('New name').fill(`${name}-renamed`)
  await dialog.getByRole('button', { name: 'Rename', exact: true }).click()
  await expect(page.getByRole('link', { name: `${name}-renamed` })).toBeVisible()

  await page.getByRole('button', { name: `Edit the description of ${name}-renamed` }).click()
  await dialog.getByLabel('Description (Markdown)').fill('Written by **Playwright**')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('row', { name: new RegExp(`${name}-renamed`) })).toContainText(
    'Written by Playwright',
  )

  await page.getByRole('button', { name: `Delete ${name}-renamed` }).click()
  await dialog.getByRole('button', { name: 'Delete' }).click()
  await expect(page.getByRole('button', { name: `Restore ${name}-renamed` })).toBeVisible()

  // The view survives a reload: the URL holds the search and the view.
  await page.reload()
  await expect(page.getByRole('searchbox', { name: 'Search experiments by name' })).toHaveValue(name)
  await expect(page.getByRole('button', { name: `Restore ${name}-renamed` })).toBeVisible()

  await page.getByRole('button', { name: `Restore ${name}-renamed` }).click()
  await dialog.getByRole('button', { name: 'Restore' }).click()
  await expect(page.getByRole('button', { name: `Delete ${name}-renamed` })).toBeVisible()
})

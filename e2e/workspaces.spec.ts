import { expect, test } from '@playwright/test'

const WORKSPACES = 'http://127.0.0.1:5195'

test('switches workspaces on a server that has them, and the URL keeps the workspace @real-only', async ({
  page,
}) => {
  await page.goto(`${WORKSPACES}/experiments`)
  await expect(page.getByRole('link', { name: 'Default' })).toBeVisible()
  const menu = page.getByRole('combobox', { name: 'Workspace' })
  await expect(menu).toHaveValue('default')

  await menu.selectOption('team-a')
  await expect(page).toHaveURL(`${WORKSPACES}/w/team-a/experiments`)
  await page.getByRole('link', { name: 'team-a-experiment' }).click()
  await expect(page).toHaveURL(`${WORKSPACES}/w/team-a/experiments/1`)
  await page.reload()
  await expect(page.getByRole('heading', { name: 'team-a-experiment' })).toBeVisible()
  await expect(page.getByRole('combobox', { name: 'Workspace' })).toHaveValue('team-a')
})

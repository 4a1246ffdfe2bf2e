import { expect, test, type APIRequestContext } from '@playwright/test'
import { MlflowApi } from './runs-table.page'

/**
 * Edits a run the test creates itself through the REST API (the seeded data stays read-only), then
 * reloads and checks that the page shows what the server has.
 */

const NOTE = 'mlflow.note.content'

/** A value inside parsed JSON, by path, or undefined. */
function at(value: unknown, ...path: (string | number)[]): unknown {
  let current = value
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined
    current = Reflect.get(current, key)
  }
  return current
}

/** The run as the server has it: name, lifecycle stage and tags. */
async function serverRun(request: APIRequestContext, runId: string) {
  const response = await request.get('/ajax-api/2.0/mlflow/runs/get', { params: { run_id: runId } })
  expect(response.ok()).toBe(true)
  const body: unknown = await response.json()
  const tagList = at(body, 'run', 'data', 'tags')
  const tags: Record<string, string> = {}
  if (Array.isArray(tagList)) {
    for (const tag of tagList) tags[String(at(tag, 'key'))] = String(at(tag, 'value'))
  }
  return {
    name: at(body, 'run', 'info', 'run_name'),
    lifecycle: at(body, 'run', 'info', 'lifecycle_stage'),
    tags,
  }
}

async function newRun(request: APIRequestContext, label: string, projectName: string) {
  const api = new MlflowApi(request)
  const experimentName = `e2e-run-page-${label}-${projectName}-${Date.now()}`
  const experimentId = await api.createExperiment(experimentName)
  const runId = await api.createRun(experimentId, `${label}-run`, Date.now() - 120_000)
  return { api, experimentId, runId }
}

async function deleteExperiment(request: APIRequestContext, experimentId: string) {
  await request.post('/ajax-api/2.0/mlflow/experiments/delete', { data: { experiment_id: experimentId } })
}

test('renames, describes, tags, deletes and restores its own run; a reload shows the server’s state', async ({
  page,
  request,
}, testInfo) => {
  const { api, experimentId, runId } = await newRun(request, 'edits', testInfo.project.name)
  await api.setTag(runId, 'team', 'cv')
  await api.setTag(runId, 'stale', 'remove me')
  await page.goto(`/experiments/${experimentId}/runs/${runId}`)
  await expect(page.getByRole('heading', { level: 1, name: 'edits-run' })).toBeVisible()

  await page.getByRole('button', { name: 'Rename' }).click()
  await page.getByRole('textbox', { name: 'Run name' }).fill('edited-run')
  await page.getByRole('textbox', { name: 'Run name' }).press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'edited-run' })).toBeVisible()

  const description = page.getByRole('region', { name: 'Description' })
  await description.getByRole('button', { name: 'Add a description' }).click()
  await description.getByRole('textbox', { name: 'Description' }).fill('Written by **Playwright**')
  await expect(description.getByRole('region', { name: 'Preview' }).locator('strong')).toHaveText(
    'Playwright',
  )
  await description.getByRole('textbox', { name: 'Description' }).press('Control+Enter')
  await expect(description.locator('strong')).toHaveText('Playwright')

  const tags = page.getByRole('table', { name: 'Tags' })
  await page.getByRole('button', { name: 'Add tag' }).click()
  await page.getByRole('textbox', { name: 'New tag key' }).fill('owner')
  await page.getByRole('textbox', { name: 'New tag value' }).fill('alice')
  await page.getByRole('textbox', { name: 'New tag value' }).press('Enter')
  await expect(tags.getByRole('row', { name: /owner/ })).toContainText('alice')
  await page.getByRole('button', { name: 'Edit tag team' }).click()
  await page.getByRole('textbox', { name: 'Value of tag team' }).fill('nlp')
  await page.getByRole('textbox', { name: 'Value of tag team' }).press('Enter')
  await expect(tags.getByRole('row', { name: /team/ })).toContainText('nlp')
  await page.getByRole('button', { name: 'Delete tag stale' }).click()
  await expect(tags.getByRole('row', { name: /stale/ })).toHaveCount(0)

  await page.getByRole('button', { name: 'Delete run' }).click()
  await page
    .getByRole('dialog', { name: 'Delete run “edited-run”?' })
    .getByRole('button', { name: 'Delete run' })
    .click()
  await expect(page.getByText('This run is deleted.')).toBeVisible()
  await expect.poll(async () => (await serverRun(request, runId)).lifecycle).toBe('deleted')
  await page.getByRole('button', { name: 'Restore run' }).click()
  await page
    .getByRole('dialog', { name: 'Restore run “edited-run”?' })
    .getByRole('button', { name: 'Restore run' })
    .click()
  await expect(page.getByText('This run is deleted.')).toHaveCount(0)
  await expect.poll(async () => (await serverRun(request, runId)).lifecycle).toBe('active')

  const stored = await serverRun(request, runId)
  expect(stored.name).toBe('edited-run')
  expect(stored.tags).toMatchObject({
    'mlflow.runName': 'edited-run',
    [NOTE]: 'Written by **Playwright**',
    owner: 'alice',
    team: 'nlp',
  })
  expect(stored.tags).not.toHaveProperty('stale')

  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'edited-run' })).toBeVisible()
  await expect(description.locator('strong')).toHaveText('Playwright')
  await expect(tags.getByRole('row', { name: /owner/ })).toContainText('alice')
  await expect(tags.getByRole('row', { name: /team/ })).toContainText('nlp')
  await expect(tags.getByRole('row', { name: /stale/ })).toHaveCount(0)
  await expect(page.getByText('This run is deleted.')).toHaveCount(0)
  await expect(page.getByRole('alert')).toHaveCount(0)
  await deleteExperiment(request, experimentId)
})

test('a hostile note set through the API renders inert, with no dialog', async ({
  page,
  request,
}, testInfo) => {
  const { api, experimentId, runId } = await newRun(request, 'hostile', testInfo.project.name)
  const hostile = [
    '<script>alert("script")</script>',
    '<img src=x onerror="alert(\'onerror\')">',
    '[click me](javascript:alert("link")) and [safe](https://example.com)',
  ].join('\n\n')
  await api.setTag(runId, NOTE, hostile)
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  await page.goto(`/experiments/${experimentId}/runs/${runId}`)
  const description = page.getByRole('region', { name: 'Description' })
  await expect(description).toContainText('<img src=x onerror=')
  await expect(description).toContainText('<script>alert("script")</script>')
  await expect(description.locator('script, img, [onerror]')).toHaveCount(0)
  await expect(description.getByRole('link')).toHaveCount(1)
  await expect(description.getByRole('link')).toHaveAttribute('href', 'https://example.com')
  await description.getByText('click me').click()
  expect(dialogs).toEqual([])
  await deleteExperiment(request, experimentId)
})

import { expect, test, type APIRequestContext } from '@playwright/test'
import { MlflowApi } from './runs-table.page'
import { at } from './json-at'

/**
 * Edits a run the test creates itself through the REST API (the seeded data stays read-only), then
 * reloads and checks that the page shows what the server has.
 */

const NOTE = 'mlflow.note.content'

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

/** The run of the real seed's training script (python/real_usage_train.py) with this name. */
async function realUsageRun(request: APIRequestContext, runName: string) {
  const api = new MlflowApi(request)
  const experimentId = await api.experimentId('sklearn-real-usage')
  const search = await request.post('/ajax-api/2.0/mlflow/runs/search', {
    data: { experiment_ids: [experimentId], filter: `attributes.run_name = '${runName}'`, max_results: 1 },
  })
  expect(search.ok()).toBe(true)
  return { experimentId, runId: String(at(await search.json(), 'runs', 0, 'info', 'run_id')) }
}

test('shows where a real training run came from, its dataset and the model it logged, with a link to its files @real-only', async ({
  page,
  request,
}) => {
  const { experimentId, runId } = await realUsageRun(request, 'logreg-baseline')
  await page.goto(`/experiments/${experimentId}/runs/${runId}`)
  await expect(page.getByRole('heading', { level: 1, name: 'logreg-baseline' })).toBeVisible()
  const facts = page.getByRole('region', { name: 'Run facts' })
  await expect(facts.getByRole('link', { name: 'sklearn-real-usage' })).toBeVisible()
  await expect(facts.getByText('train.py', { exact: true })).toHaveAttribute('title', /train\.py$/)
  // The seed's scratch repository has a GitHub remote, so the commit links to it.
  await expect(facts.getByRole('link', { name: /^[0-9a-f]{7}$/ })).toHaveAttribute(
    'href',
    /^https:\/\/github\.com\/runboard-demo\/iris-classifier\/commit\/[0-9a-f]{40}$/,
  )
  await expect(facts.getByRole('button', { name: 'Copy git commit' })).toBeVisible()

  // sklearn autolog logs the training data with the context "train".
  const dataset = page.getByRole('listitem', { name: /^Dataset .+ \(train\)$/ }).first()
  await expect(dataset).toBeVisible()
  await expect(dataset.getByText('train', { exact: true })).toBeVisible()

  const model = page.getByRole('listitem', { name: 'Model model' })
  await expect(model).toContainText('ready')
  // Read from the model's MLmodel: MLflow 3's log_model writes no mlflow.log-model.history.
  await expect(model).toContainText('python_function, sklearn')
  await model.getByRole('button', { name: 'Show environment' }).click()
  await expect(model.getByRole('region', { name: 'Environment of model' })).toContainText('scikit-learn==')
  await model.getByRole('link', { name: 'Files' }).click()
  await expect.poll(() => new URL(page.url()).searchParams.get('model')).toMatch(/^m-[0-9a-f]{32}$/)
  await expect(page.getByRole('region', { name: 'MLflow model' })).toBeVisible()
})

test('links a nested run to its parent and lists the parent’s children', async ({
  page,
  request,
}, testInfo) => {
  const { api, experimentId, runId: parentId } = await newRun(request, 'family', testInfo.project.name)
  const started = Date.now() - 60_000
  for (const [index, name] of ['child-a', 'child-b'].entries()) {
    const childId = await api.createRun(experimentId, name, started + index * 1000)
    await api.setTag(childId, 'mlflow.parentRunId', parentId)
  }
  await page.goto(`/experiments/${experimentId}/runs/${parentId}`)
  const children = page.getByRole('table', { name: 'Child runs' })
  await expect(children.getByRole('link')).toHaveText(['child-b', 'child-a'])
  await children.getByRole('link', { name: 'child-a' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'child-a' })).toBeVisible()
  await expect(
    page.getByRole('region', { name: 'Run facts' }).getByRole('link', { name: 'family-run' }),
  ).toBeVisible()
  await expect(page.getByText('No child runs.')).toBeVisible()
  await deleteExperiment(request, experimentId)
})

test('a run’s metrics table shows min and max with their steps, and a 100,000-step history stays sampled', async ({
  page,
  request,
}) => {
  const api = new MlflowApi(request)
  const experimentId = await api.experimentId('training-curves')
  const search = await request.post('/ajax-api/2.0/mlflow/runs/search', {
    data: {
      experiment_ids: [experimentId],
      filter: "attributes.run_name = 'long-history-100k'",
      max_results: 1,
    },
  })
  expect(search.ok()).toBe(true)
  const runId = String(at(await search.json(), 'runs', 0, 'info', 'run_id'))
  await page.goto(`/experiments/${experimentId}/runs/${runId}`)
  const table = page.getByRole('table', { name: 'Model metrics' })
  // eval_loss: 20 points, every 5,000 steps, whole in its sample.
  const evalRow = table.getByRole('row', { name: /^eval_loss/ })
  await expect(evalRow.getByRole('cell').nth(1)).toHaveText(/^\S+ \(step [\d,]+\)$/)
  await expect(evalRow.getByRole('cell').nth(2)).toHaveText(/^\S+ \(step [\d,]+\)$/)
  await expect(evalRow.getByRole('cell').nth(3)).toHaveText('20')
  // train_loss: 100,000 points, over the budget, so sampled and marked as such.
  const trainRow = table.getByRole('row', { name: /^train_loss/ })
  await expect(trainRow.getByRole('cell').nth(3)).toContainText('≈ 100,000')
  await expect(trainRow.getByRole('cell').nth(3)).toContainText('sampled')
  await expect(trainRow.getByRole('cell').nth(2)).toContainText('†')
  await trainRow.getByRole('link', { name: 'train_loss' }).click()
  await expect(page.getByRole('region', { name: 'Chart train_loss' })).toBeVisible()
  expect(new URL(page.url()).searchParams.get('metrics')).toBe('train_loss')
  await expect(page.getByRole('region', { name: 'Chart eval_loss' })).toHaveCount(0)
})

import { expect, test } from '@playwright/test'

test('an MLflow UI hash link lands on the same run', async ({ page, request }) => {
  const response = await request.post('/ajax-api/2.0/mlflow/runs/search', {
    data: { experiment_ids: ['1'], filter: "attributes.run_name = 'mnist-cnn-2'", max_results: 1 },
  })
  const body: unknown = await response.json()
  const runs: unknown = body !== null && typeof body === 'object' ? Reflect.get(body, 'runs') : undefined
  const first: unknown = Array.isArray(runs) ? runs[0] : undefined
  const info: unknown = first !== null && typeof first === 'object' ? Reflect.get(first, 'info') : undefined
  const runId: unknown = info !== null && typeof info === 'object' ? Reflect.get(info, 'run_id') : undefined
  expect(typeof runId).toBe('string')

  await page.goto(`/#/experiments/1/runs/${String(runId)}`)
  await expect(page).toHaveURL(new RegExp(`/experiments/1/runs/${String(runId)}$`))
  await expect(page.getByRole('heading', { name: 'mnist-cnn-2' })).toBeVisible()
})

test('an unknown address shows the not-found page inside the app', async ({ page }) => {
  await page.goto('/no/such/page')
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
  await page.getByRole('link', { name: 'Go to the experiments' }).click()
  await expect(page).toHaveURL(/\/experiments$/)
})

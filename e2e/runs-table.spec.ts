import { readFile } from 'node:fs/promises'
import {
  expect,
  test,
  type APIRequestContext,
  type Locator,
  type Page,
  type TestInfo,
} from '@playwright/test'
import { metricPoints } from '../mocks/world/curves'
import type { WorldRun } from '../mocks/world/types'
import { CONTRACT_EXPERIMENTS, MlflowApi, RunsTable, parseCsv, worldRuns } from './runs-table.page'

/**
 * The runs table, one user journey per test, against the contract world that both backends hold
 * (the seeded data stays read-only: the bulk-action test writes only into its own experiment).
 * Expected names and counts come from the world itself, so the tests follow it when it changes.
 */

const GRID = CONTRACT_EXPERIMENTS.grid
const SWEEP = CONTRACT_EXPERIMENTS.sweep

// Wide and tall enough that the default columns (and a metric or two) and a few dozen rows render
// without scrolling the virtualised grid.
test.use({ viewport: { width: 1920, height: 1080 } })

/** "120 runs", possibly followed by " (updating…)" while a live refresh runs. */
function runCount(n: number): RegExp {
  return new RegExp(`^${n} runs?(?: \\(updating…\\))?$`)
}

function searchParams(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams
}

function scoreOf(run: WorldRun): number {
  const value = metricPoints(run.metrics.score ?? []).at(-1)?.value
  return typeof value === 'number' ? value : Number.NaN
}

test('finds runs with a filter and a sort, and a reload or the history brings the view back', async ({
  page,
}) => {
  const table = new RunsTable(page)
  const filter = "params.lr = '0.1'"
  const matching = worldRuns(GRID, (run) => run.params.lr === '0.1')
  // Descending by score, NaN last: what the table shows once every run has loaded.
  const byScore = [...matching]
    .sort((a, b) => {
      const [x, y] = [scoreOf(a), scoreOf(b)]
      if (Number.isNaN(x) || Number.isNaN(y)) return Number(Number.isNaN(x)) - Number(Number.isNaN(y))
      return y - x
    })
    .map((run) => run.name)

  await table.openFromExperimentsPage(GRID)
  await table.loaded(runCount(worldRuns(GRID).length))
  const unfiltered = (await table.names()).slice(0, 5)
  expect(unfiltered).toHaveLength(5)

  await table.applyFilter(filter)
  await expect.poll(() => searchParams(page).get('filter')).toBe(filter)
  await table.loaded(runCount(matching.length))

  await table.sortButton('score (metrics)').click()
  await expect(table.header('score (metrics)')).toHaveAttribute('aria-sort', 'descending')
  await expect.poll(() => searchParams(page).get('sort')).toBe('metrics.score')
  expect(searchParams(page).get('filter')).toBe(filter)
  await table.loaded(runCount(matching.length))
  await expect.poll(async () => (await table.names()).slice(0, 5)).toEqual(byScore.slice(0, 5))

  // The URL is the whole view: a reload shows the same filter, sort and rows.
  await page.reload()
  await expect(table.filter).toHaveValue(filter)
  await expect(table.header('score (metrics)')).toHaveAttribute('aria-sort', 'descending')
  await table.loaded(runCount(matching.length))
  await expect.poll(async () => (await table.names()).slice(0, 5)).toEqual(byScore.slice(0, 5))

  // Back: first the filtered view before the sort, then the unfiltered one.
  await page.goBack()
  await expect.poll(() => searchParams(page).get('sort')).toBeNull()
  await expect(table.header('score (metrics)')).toHaveAttribute('aria-sort', 'none')
  await expect(table.filter).toHaveValue(filter)
  await table.loaded(runCount(matching.length))

  await page.goBack()
  await expect.poll(() => searchParams(page).get('filter')).toBeNull()
  await expect(table.filter).toHaveValue('')
  await table.loaded(runCount(worldRuns(GRID).length))
  await expect.poll(async () => (await table.names()).slice(0, 5)).toEqual(unfiltered)
})

test('a typed filter whose runs include a NaN metric leaves the table working', async ({ page, request }) => {
  const table = new RunsTable(page)
  const matching = worldRuns(GRID, (run) => run.params.lr === '0.01')
  expect(matching.some((run) => Number.isNaN(scoreOf(run)))).toBe(true)
  await table.open(await new MlflowApi(request).experimentId(GRID))
  await table.loaded(runCount(worldRuns(GRID).length))
  await table.applyFilter("params.lr = '0.01'")
  await table.loaded(runCount(matching.length))
  await expect(page.getByText('Something went wrong')).toHaveCount(0)
  await expect(table.row('grid-043')).toBeVisible()
})

test('marks a malformed filter without sending it, and applies a status list in the browser', async ({
  page,
  request,
}) => {
  const table = new RunsTable(page)
  const searches: string[] = []
  page.on('request', (sent) => {
    if (sent.url().endsWith('/runs/search')) searches.push(sent.postData() ?? '')
  })
  const total = worldRuns(GRID).length
  await table.open(await new MlflowApi(request).experimentId(GRID))
  await table.loaded(runCount(total))

  await table.applyFilter('metrics.loss >> 1')
  await expect(table.filter).toHaveAttribute('aria-invalid', 'true')
  const filters = page.getByRole('region', { name: 'Run filters' })
  await expect(filters.getByRole('alert')).toHaveText(/expected|invalid/i)
  // The offending part is marked in the text.
  await expect(filters.locator('mark')).toHaveText(/\S/)
  expect(searchParams(page).get('filter')).toBeNull()
  expect(searches.filter((body) => body.includes('>>'))).toEqual([])
  await expect(table.status).toHaveText(runCount(total))
  await expect(table.rows.first()).toBeVisible()

  const failedOrKilled = worldRuns(GRID, (run) => run.status === 'FAILED' || run.status === 'KILLED')
  const statusFilter = "attributes.status IN ('FAILED', 'KILLED')"
  await table.applyFilter(statusFilter)
  await expect(table.filter).toHaveAttribute('aria-invalid', 'false')
  await expect.poll(() => searchParams(page).get('filter')).toBe(statusFilter)
  await table.loaded(`${failedOrKilled.length} runs (of ${total} from the server)`)
  await expect(filters).toContainText('Runs in the browser:')
  await expect(table.rows).toHaveCount(failedOrKilled.length)
  expect(new Set(await table.rows.locator('.status').allTextContents())).toEqual(
    new Set(['failed', 'killed']),
  )
  expect((await table.names()).sort()).toEqual(failedOrKilled.map((run) => run.name).sort())
})

function byStartDesc(runs: readonly WorldRun[]): string[] {
  return [...runs].sort((a, b) => b.startTime - a.startTime).map((run) => run.name)
}

test('shows nested runs collapsed under their parents, and expands them', async ({ page, request }) => {
  const table = new RunsTable(page)
  await table.open(await new MlflowApi(request).experimentId(SWEEP))
  await table.loaded(runCount(worldRuns(SWEEP).length))
  await table.expectNames(['sweep-b', 'sweep-a'])
  await expect(table.row('sweep-a')).toHaveAttribute('aria-expanded', 'false')

  const trials = worldRuns(SWEEP, (run) => run.parent === 'sweep-a')
  await page.getByRole('button', { name: `Expand sweep-a (${trials.length} child runs)` }).click()
  await expect(table.row('sweep-a')).toHaveAttribute('aria-expanded', 'true')
  await table.expectNames(['sweep-b', 'sweep-a', ...byStartDesc(trials)])
  await expect(table.row('sweep-a-trial-1')).toHaveAttribute('aria-level', '2')
  await expect(table.row('sweep-a-trial-1')).toHaveAttribute('aria-expanded', 'false')
  await expect.poll(() => searchParams(page).get('expand')).toBe(await table.runId('sweep-a'))

  // The expansion is in the URL: a reload keeps it.
  await page.reload()
  await table.loaded(runCount(worldRuns(SWEEP).length))
  await table.expectNames(['sweep-b', 'sweep-a', ...byStartDesc(trials)])
})

test('a filter matching only grandchildren shows their parent and grandparent as context rows', async ({
  page,
  request,
}) => {
  const table = new RunsTable(page)
  const folds = worldRuns(SWEEP, (run) => run.parent === 'sweep-b-trial-3')
  const filter = "attributes.run_name LIKE 'sweep-b-trial-3-fold-%'"
  await table.open(
    await new MlflowApi(request).experimentId(SWEEP),
    new URLSearchParams({ filter }).toString(),
  )
  await table.loaded(runCount(folds.length))
  await expect(table.row('sweep-b-trial-3')).toContainText('(parent)')
  await table.expectNames(['sweep-b', 'sweep-b-trial-3', ...byStartDesc(folds)])
  await expect(table.row('sweep-b')).toContainText('(parent)')
  await expect(table.row('sweep-b')).toHaveAttribute('aria-level', '1')
  await expect(table.row('sweep-b-trial-3')).toHaveAttribute('aria-level', '2')
  for (const fold of folds) {
    await expect(table.row(fold.name)).not.toContainText('(parent)')
    await expect(table.row(fold.name)).toHaveAttribute('aria-level', '3')
  }
})

test('works from the keyboard: / to filter, arrows to move, Space to select, Enter to open', async ({
  page,
  request,
}) => {
  const table = new RunsTable(page)
  const experimentId = await new MlflowApi(request).experimentId(GRID)
  await table.open(experimentId, 'sort=attributes.run_name&desc=0')
  await table.loaded(runCount(worldRuns(GRID).length))
  await expect.poll(async () => (await table.names()).slice(0, 2)).toEqual(['grid-001', 'grid-002'])

  await page.keyboard.press('/')
  await expect(table.filter).toBeFocused()
  await expect(table.filter).toHaveValue('')

  await table.grid.focus()
  await page.keyboard.press('ArrowDown')
  await expect(table.row('grid-002')).toHaveClass(/\bis-active\b/)
  await expect(table.grid).toHaveAttribute('aria-activedescendant', 'run-grid-row-1')

  await page.keyboard.press('Space')
  await expect(table.checkbox('grid-002')).toBeChecked()
  await expect(table.row('grid-002')).toHaveAttribute('aria-selected', 'true')
  await expect(table.selection).toContainText('1 selected')
  await expect(table.grid).toBeFocused()
  await page.keyboard.press('Space')
  await expect(table.checkbox('grid-002')).not.toBeChecked()
  await expect(table.selection).toHaveCount(0)

  const runId = await table.runId('grid-002')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`/experiments/${experimentId}/runs/${runId}$`))
  await expect(page.getByRole('heading', { name: 'grid-002', exact: true })).toBeVisible()
})

test('selects runs by click and shift-click range, and compares them', async ({ page, request }) => {
  const table = new RunsTable(page)
  await table.open(await new MlflowApi(request).experimentId(GRID), 'sort=attributes.run_name&desc=0')
  await table.loaded(runCount(worldRuns(GRID).length))
  const compare = table.selection.getByRole('button', { name: 'Compare', exact: true })

  await table.checkbox('grid-002').click()
  await expect(table.selection).toContainText('1 selected')
  await expect(compare).toBeDisabled()
  await table.checkbox('grid-005').click()
  await expect(table.selection).toContainText('2 selected')
  await expect(compare).toBeEnabled()

  // Shift-click selects from the last toggled row (grid-005) to this one.
  await table.checkbox('grid-007').click({ modifiers: ['Shift'] })
  await expect(table.selection).toContainText('4 selected')
  const chosen = ['grid-002', 'grid-005', 'grid-006', 'grid-007']
  for (const name of chosen) await expect(table.checkbox(name)).toBeChecked()
  for (const name of ['grid-001', 'grid-003', 'grid-004', 'grid-008'])
    await expect(table.checkbox(name)).not.toBeChecked()

  const ids = await Promise.all(chosen.map((name) => table.runId(name)))
  await expect.poll(() => searchParams(page).get('sel')).toBe(ids.join(','))
  await compare.click()
  await expect
    .poll(() => {
      const url = new URL(page.url())
      return `${url.pathname}${url.search}`
    })
    .toBe(`/compare?runs=${ids.join(',')}`)
})

test('exports the matching runs as CSV', async ({ page, request }) => {
  const table = new RunsTable(page)
  const filter = "params.lr = '0.01'"
  const matching = worldRuns(GRID, (run) => run.params.lr === '0.01')
  await table.open(
    await new MlflowApi(request).experimentId(GRID),
    new URLSearchParams({ filter }).toString(),
  )
  await table.loaded(runCount(matching.length))

  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export CSV' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe('runs.csv')
  const text = await readFile(await download.path(), 'utf8')
  expect(text.endsWith('\r\n')).toBe(true)

  const [header = [], ...lines] = parseCsv(text)
  // The table's columns, in its order: attributes by label, the rest by id (`metrics.score`).
  const columns = await table.grid.getByRole('columnheader').evaluateAll((cells) =>
    cells.flatMap((cell) => {
      const id = cell.getAttribute('title')
      if (id === null) return []
      return [id.startsWith('attributes.') ? (cell.querySelector('.header-label')?.textContent ?? id) : id]
    }),
  )
  expect(header).toEqual(columns)
  expect(header.slice(0, 2)).toEqual(['Run', 'Status'])
  expect(header).toContain('metrics.score')
  expect(lines).toHaveLength(matching.length)
  expect(await table.status.textContent()).toMatch(new RegExp(`^${lines.length} runs`))
  expect(lines.map((line) => line[0]).sort()).toEqual(matching.map((run) => run.name).sort())
  // grid-043's score is NaN, and spelled so.
  const score = header.indexOf('metrics.score')
  expect(lines.find((line) => line[0] === 'grid-043')?.[score]).toBe('NaN')
})

/** An experiment of the test's own: a parent with one child, and one more run, all finished. */
async function createBulkExperiment(request: APIRequestContext, testInfo: TestInfo) {
  const api = new MlflowApi(request)
  const name = `e2e-runs-${testInfo.project.name}-${Date.now()}-${testInfo.repeatEachIndex}`
  const experimentId = await api.createExperiment(name)
  const start = Date.now() - 10 * 60_000
  const parent = await api.createRun(experimentId, 'bulk-parent', start)
  const child = await api.createRun(experimentId, 'bulk-child', start + 60_000)
  await api.setTag(child, 'mlflow.parentRunId', parent)
  await api.createRun(experimentId, 'bulk-other', start + 120_000)
  return { name, experimentId }
}

/** What a finished bulk write says ("Deleted 2 runs."). */
function bulkResult(page: Page, text: string): Locator {
  return page.getByRole('status').filter({ hasText: text })
}

test('deletes a parent with its child run, then restores both, in its own experiment', async ({
  page,
  request,
}, testInfo) => {
  const { name, experimentId } = await createBulkExperiment(request, testInfo)
  const table = new RunsTable(page)
  const dialog = page.getByRole('dialog')
  const state = page.getByRole('combobox', { name: 'State', exact: true })
  await table.open(experimentId)
  await expect(page.getByRole('heading', { name, exact: true })).toBeVisible()
  await table.loaded(runCount(3))
  await table.expectNames(['bulk-other', 'bulk-parent'])

  // Deleting the parent deletes its child too.
  await table.checkbox('bulk-parent').click()
  await table.selection.getByRole('button', { name: 'Delete…' }).click()
  await expect(dialog).toContainText('2 runs, including 1 child run, will be deleted.')
  await dialog.getByRole('button', { name: 'Delete 2 runs' }).click()
  await expect(bulkResult(page, 'Deleted 2 runs.')).toBeVisible()
  await table.loaded(runCount(1))
  await table.expectNames(['bulk-other'])

  // The deleted ones, restored together.
  await state.selectOption('deleted')
  await expect.poll(() => searchParams(page).get('view')).toBe('deleted')
  await table.loaded(runCount(2))
  await table.expectNames(['bulk-parent'])
  await page.getByRole('button', { name: 'Expand all' }).click()
  await table.expectNames(['bulk-parent', 'bulk-child'])
  await table.checkbox('bulk-parent').click()
  await table.checkbox('bulk-child').click()
  await expect(table.selection).toContainText('2 selected')
  await expect(table.selection.getByRole('button', { name: 'Delete…' })).toHaveCount(0)
  await table.selection.getByRole('button', { name: 'Restore…' }).click()
  await dialog.getByRole('button', { name: 'Restore 2 runs' }).click()
  await expect(bulkResult(page, 'Restored 2 runs.')).toBeVisible()
  await expect(page.getByText('No runs match this filter.')).toBeVisible()

  await state.selectOption('active')
  await table.loaded(runCount(3))
  await table.expectNames(['bulk-other', 'bulk-parent', 'bulk-child'])
})

test('tags a selected run, and the tag shows in its column, in its own experiment', async ({
  page,
  request,
}, testInfo) => {
  const { name, experimentId } = await createBulkExperiment(request, testInfo)
  const table = new RunsTable(page)
  const dialog = page.getByRole('dialog')
  await table.open(experimentId)
  await expect(page.getByRole('heading', { name, exact: true })).toBeVisible()
  await table.loaded(runCount(3))

  await table.checkbox('bulk-other').click()
  await table.selection.getByRole('button', { name: 'Add tag…' }).click()
  await expect(dialog).toContainText('Add a tag to 1 run')
  await dialog.getByLabel('Key').fill('reviewed')
  await dialog.getByLabel('Value').fill('by-playwright')
  await dialog.getByRole('button', { name: 'Add tag' }).click()
  await expect(bulkResult(page, 'Tagged 1 run with reviewed=by-playwright.')).toBeVisible()

  // Tags are not default columns: show it from the column picker.
  await page.getByRole('button', { name: /^Columns/ }).click()
  const picker = page.getByRole('dialog', { name: 'Columns' })
  await picker.getByRole('searchbox', { name: 'Search columns' }).fill('reviewed')
  // Its state comes back through the URL, a moment after the click: not `check()`, which looks at once.
  const reviewed = picker.getByRole('checkbox', { name: 'reviewed', exact: true })
  await reviewed.click()
  await expect(reviewed).toBeChecked()
  await page.keyboard.press('Escape')
  await expect(picker).toHaveCount(0)
  await expect(table.sortButton('reviewed (tags)')).toBeVisible()
  await expect(table.row('bulk-other')).toContainText('by-playwright')
  await expect(table.row('bulk-parent')).not.toContainText('by-playwright')
  await expect.poll(() => searchParams(page).get('show')).toBe('tags.reviewed')
})

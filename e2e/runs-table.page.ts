import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test'
import { CONTRACT_EXPERIMENTS, contractWorld } from '../mocks/world/contract-world'
import type { WorldRun } from '../mocks/world/types'
import { at } from './json-at'

/** The runs of a contract experiment that are not deleted: what both backends list by default. */
export function worldRuns(experiment: string, keep: (run: WorldRun) => boolean = () => true): WorldRun[] {
  return contractWorld.runs.filter(
    (run) => run.experiment === experiment && run.deleted !== true && keep(run),
  )
}

export { CONTRACT_EXPERIMENTS }

function stringAt(value: unknown, ...path: string[]): string {
  const found = at(value, ...path)
  if (typeof found !== 'string') throw new Error(`no string at ${path.join('.')} in ${JSON.stringify(value)}`)
  return found
}

/**
 * MLflow's REST API through the Runboard server under test (it proxies a real tracking server, or
 * answers from the demo mocks, which accept writes too).
 */
export class MlflowApi {
  constructor(private readonly request: APIRequestContext) {}

  private async post(path: string, data: unknown): Promise<unknown> {
    const response = await this.request.post(`/ajax-api/2.0/mlflow/${path}`, { data })
    expect(response.ok(), `${path}: ${response.status()} ${await response.text()}`).toBe(true)
    return response.json()
  }

  async experimentId(name: string): Promise<string> {
    const response = await this.request.get('/ajax-api/2.0/mlflow/experiments/get-by-name', {
      params: { experiment_name: name },
    })
    expect(response.ok(), `experiments/get-by-name ${name}: ${response.status()}`).toBe(true)
    return stringAt(await response.json(), 'experiment', 'experiment_id')
  }

  async createExperiment(name: string): Promise<string> {
    return stringAt(await this.post('experiments/create', { name }), 'experiment_id')
  }

  /** A finished run (a RUNNING one would be polled while the test runs). */
  async createRun(experimentId: string, runName: string, startTime: number): Promise<string> {
    const created = await this.post('runs/create', {
      experiment_id: experimentId,
      run_name: runName,
      start_time: startTime,
    })
    const runId = stringAt(created, 'run', 'info', 'run_id')
    await this.post('runs/update', { run_id: runId, status: 'FINISHED', end_time: startTime + 60_000 })
    return runId
  }

  async setTag(runId: string, key: string, value: string): Promise<void> {
    await this.post('runs/set-tag', { run_id: runId, key, value })
  }
}

/** The runs table of an experiment page, through the roles and names the UI exposes. */
export class RunsTable {
  readonly grid: Locator
  readonly status: Locator
  readonly filter: Locator
  readonly selection: Locator
  readonly rows: Locator

  constructor(readonly page: Page) {
    this.grid = page.getByRole('grid', { name: 'Runs' })
    this.status = page.getByRole('status', { name: 'Run loading status' })
    this.filter = page.getByRole('combobox', { name: 'Filter runs' })
    this.selection = page.getByRole('toolbar', { name: 'Selected runs' })
    this.rows = this.grid.locator('[role=row][data-run-id]')
  }

  /** Opens an experiment as a user does: the experiments page, a search, a click on its name. */
  async openFromExperimentsPage(name: string): Promise<void> {
    await this.page.goto('/experiments')
    await this.page.getByRole('searchbox', { name: 'Search experiments by name' }).fill(name)
    // Wait for the search to reach the URL (it is debounced) before clicking, as a user waits for
    // the list to narrow: a click just as it lands carries `?q=` onto the experiment's page.
    await expect.poll(() => new URL(this.page.url()).searchParams.get('q')).toBe(name)
    await this.page.getByRole('link', { name, exact: true }).click()
    await expect(this.page).toHaveURL(/\/experiments\/[^/?]+$/)
    await expect(this.page.getByRole('heading', { name, exact: true })).toBeVisible()
  }

  /** Opens an experiment's runs with a view given in the URL (`sort=...&desc=0`). */
  async open(experimentId: string, query = ''): Promise<void> {
    await this.page.goto(`/experiments/${experimentId}${query === '' ? '' : `?${query}`}`)
  }

  /** Waits until every run has loaded; `text` is what the status then says ("120 runs"). */
  async loaded(text?: string | RegExp): Promise<void> {
    await expect(this.status).toHaveAttribute('data-state', 'done')
    if (text !== undefined) await expect(this.status).toHaveText(text)
  }

  /** A body row, by the run name its link shows. */
  row(name: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('link', { name, exact: true }) })
  }

  checkbox(name: string): Locator {
    return this.grid.getByRole('checkbox', { name: `Select ${name}`, exact: true })
  }

  /** The sort button of a column header: `Sort by Run`, `Sort by score (metrics)`. */
  sortButton(label: string): Locator {
    return this.grid.getByRole('button', { name: `Sort by ${label}`, exact: true })
  }

  header(label: string): Locator {
    return this.grid.getByRole('columnheader').filter({
      has: this.page.getByRole('button', { name: `Sort by ${label}`, exact: true }),
    })
  }

  /** Names of the rendered body rows, top to bottom. */
  async names(): Promise<string[]> {
    return this.rows.evaluateAll((rows) =>
      rows
        .map((row) => ({
          index: Number(row.getAttribute('aria-rowindex')),
          name: row.querySelector('.name-cell a')?.textContent ?? '',
        }))
        .sort((a, b) => a.index - b.index)
        .map((row) => row.name),
    )
  }

  /** Waits until the rendered rows are exactly these runs, in this order. */
  async expectNames(names: readonly string[]): Promise<void> {
    await expect.poll(() => this.names()).toEqual(names)
  }

  async runId(name: string): Promise<string> {
    const id = await this.row(name).getAttribute('data-run-id')
    if (id === null) throw new Error(`no run id on the row of ${name}`)
    return id
  }

  /** Types a filter into the box and applies it with Enter. */
  async applyFilter(text: string): Promise<void> {
    await this.filter.fill(text)
    await this.filter.press('Enter')
  }
}

/** RFC 4180 CSV into rows of fields (quoted fields, doubled quotes, CRLF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i)
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      row.push(field)
      field = ''
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else field += char
  }
  if (field !== '' || row.length > 0) rows.push([...row, field])
  return rows
}

/**
 * The requests the contract test sends to both backends, over the contract world. Every mock handler
 * change adds its requests here. Cases cover every endpoint the client uses, the filter, order_by and
 * paging rules of the contract doc (§6, §8, §9), its smoke list (§15), and bad input.
 */

import { artifactFiles } from '../mocks/world/artifacts'
import {
  ARTIFACT_COMPARE,
  ARTIFACT_ZOO,
  CONTRACT_EPOCH,
  CONTRACT_EXPERIMENTS as E,
  CONTRACT_REGISTRY,
  contractWorld,
  LOGGED_MODELS,
  LONG_HISTORY,
  SEED_RUNS,
} from '../mocks/world/contract-world'
import type { ContractRequest } from './backends'

export interface ContractCase {
  name: string
  request: ContractRequest
  /**
   * Follow `next_page_token` until the last page, sending it as this field (query or body), and
   * compare every page.
   */
  followPages?: boolean
  /**
   * Fields that change after the first page (merged into the query or body with the token), e.g. a
   * larger `max_results`, as the runs table asks for 50 runs first and then bigger pages.
   */
  laterPages?: Readonly<Record<string, string | number>>
  /** A write that creates something: remember its id under this name for later cases. */
  learn?: { kind: 'exp' | 'run'; name: string }
}

const API = '/api/2.0/mlflow'
const AJAX = '/ajax-api/2.0/mlflow'

function get(
  name: string,
  path: string,
  query: ContractRequest['query'] = {},
  followPages = false,
): ContractCase {
  return { name, request: { method: 'GET', path, query }, followPages }
}

function post(name: string, path: string, body: unknown, followPages = false): ContractCase {
  return { name, request: { method: 'POST', path, body }, followPages }
}

const exp = (name: string) => `{{exp:${name}}}`
const run = (name: string) => `{{run:${name}}}`

function searchRuns(name: string, body: Record<string, unknown>, followPages = false): ContractCase {
  return post(`runs/search: ${name}`, `${API}/runs/search`, { max_results: 1000, ...body }, followPages)
}

const mnist = [exp(E.mnist)]
const grid = [exp(E.grid)]
const sweep = [exp(E.sweep)]

export const serverCases: ContractCase[] = [
  get('version', '/version'),
  get('workspaces: disabled by default', '/ajax-api/3.0/mlflow/workspaces'),
  {
    name: 'a workspace header on a server without workspaces',
    request: {
      method: 'GET',
      path: `${API}/experiments/search`,
      query: { max_results: '5' },
      headers: { 'X-MLFLOW-WORKSPACE': 'team-a' },
    },
  },
  {
    name: 'a workspace header on /version',
    request: { method: 'GET', path: '/version', headers: { 'X-MLFLOW-WORKSPACE': 'team-a' } },
  },
  get('health', '/health'),
  get('server-info (ajax)', '/ajax-api/3.0/mlflow/server-info'),
  get('server-info (api)', '/api/3.0/mlflow/server-info'),
]

export const experimentCases: ContractCase[] = [
  get('experiments/search: default order', `${API}/experiments/search`, { max_results: '1000' }),
  get('experiments/search: ajax prefix', `${AJAX}/experiments/search`, { max_results: '1000' }),
  get('experiments/search: all view types', `${API}/experiments/search`, {
    max_results: '100',
    view_type: 'ALL',
  }),
  get('experiments/search: deleted only', `${API}/experiments/search`, {
    max_results: '100',
    view_type: 'DELETED_ONLY',
  }),
  get('experiments/search: view type by number', `${API}/experiments/search`, {
    max_results: '100',
    view_type: '3',
  }),
  get('experiments/search: pages of 2', `${API}/experiments/search`, { max_results: '2' }, true),
  get('experiments/search: name ASC', `${API}/experiments/search`, {
    max_results: '100',
    order_by: 'name ASC',
  }),
  get('experiments/search: name DESC', `${API}/experiments/search`, {
    max_results: '100',
    order_by: 'name DESC',
  }),
  get('experiments/search: experiment_id', `${API}/experiments/search`, {
    max_results: '100',
    order_by: 'experiment_id',
  }),
  get('experiments/search: two keys', `${API}/experiments/search`, {
    max_results: '100',
    order_by: ['last_update_time DESC', 'name'],
  }),
  get('experiments/search: name LIKE', `${API}/experiments/search`, {
    max_results: '100',
    filter: "name LIKE 'mnist%'",
  }),
  get('experiments/search: name ILIKE', `${API}/experiments/search`, {
    max_results: '100',
    filter: "name ILIKE '%SWEEP%'",
  }),
  get('experiments/search: name =', `${API}/experiments/search`, {
    max_results: '100',
    filter: `name = '${E.grid}'`,
  }),
  get('experiments/search: tag =', `${API}/experiments/search`, {
    max_results: '100',
    filter: "tags.team = 'vision'",
  }),
  get('experiments/search: tag !=', `${API}/experiments/search`, {
    max_results: '100',
    filter: "tags.team != 'vision'",
  }),
  get('experiments/search: quoted tag key', `${API}/experiments/search`, {
    max_results: '100',
    filter: "tags.`team name` LIKE 'nlp%'",
  }),
  get('experiments/search: tag IS NULL', `${API}/experiments/search`, {
    max_results: '100',
    filter: 'tags.team IS NULL',
  }),
  get('experiments/search: tag AND name', `${API}/experiments/search`, {
    max_results: '100',
    filter: "tags.team = 'vision' AND name LIKE '%sweep%'",
  }),
  post('experiments/search: POST body', `${API}/experiments/search`, { max_results: 3, order_by: ['name'] }),
  get('experiments/search: without max_results', `${API}/experiments/search`),
  get('experiments/search: OR is rejected', `${API}/experiments/search`, {
    max_results: '10',
    filter: "name = 'a' OR name = 'b'",
  }),
  get('experiments/search: unknown entity', `${API}/experiments/search`, {
    max_results: '10',
    filter: 'metrics.x > 1',
  }),
  get('experiments/search: bad order_by', `${API}/experiments/search`, {
    max_results: '10',
    order_by: 'status',
  }),
  get('experiments/search: bad page token', `${API}/experiments/search`, {
    max_results: '10',
    page_token: 'not-a-token',
  }),
  get('experiments/get: by id', `${API}/experiments/get`, { experiment_id: exp(E.sweep) }),
  get('experiments/get: Default', `${API}/experiments/get`, { experiment_id: '0' }),
  get('experiments/get: deleted', `${API}/experiments/get`, { experiment_id: exp(E.archived) }),
  get('experiments/get: unknown id', `${API}/experiments/get`, { experiment_id: '9999' }),
  get('experiments/get: non-integer id', `${API}/experiments/get`, { experiment_id: 'abc' }),
  get('experiments/get: missing id', `${API}/experiments/get`),
  get('experiments/get-by-name', `${API}/experiments/get-by-name`, { experiment_name: E.quoting }),
  get('experiments/get-by-name: unknown', `${API}/experiments/get-by-name`, {
    experiment_name: 'no such experiment',
  }),
]

/** The requests the runs table sends (runs/search paging, parent fetches, filter bar, column sorts). */
const runTableCases: ContractCase[] = [
  {
    ...searchRuns('pages of 50, then 1000', { experiment_ids: grid, max_results: 50 }, true),
    laterPages: { max_results: 1000 },
  },
  {
    ...searchRuns(
      'pages of 50, then 1000, sorted by a metric',
      { experiment_ids: grid, max_results: 50, order_by: ['metrics.score DESC'] },
      true,
    ),
    laterPages: { max_results: 1000 },
  },
  searchRuns('missing parents by run_id IN, all views', {
    experiment_ids: [exp(E.sweep), exp(E.mnist)],
    filter: `attributes.run_id IN ('${run('sweep-a')}','${run('sweep-b-trial-3')}','${run('mnist-deleted-1')}')`,
    run_view_type: 'ALL',
  }),
  searchRuns('start_time > and a metric, newest first', {
    experiment_ids: grid,
    filter: `attributes.start_time > ${CONTRACT_EPOCH + 450 * 60_000} AND metrics.score > 0.3`,
    order_by: ['attributes.start_time DESC'],
  }),
  searchRuns('status, start_time and name together', {
    experiment_ids: [exp(E.mnist), exp(E.sweep)],
    filter: `attributes.status = 'FINISHED' AND attributes.start_time >= ${CONTRACT_EPOCH} AND attributes.run_name ILIKE '%FOLD-2%'`,
    order_by: ['attributes.start_time DESC'],
  }),
  searchRuns('param ASC, missing on parents', { experiment_ids: sweep, order_by: ['params.lr ASC'] }),
  searchRuns('tag DESC, missing on some runs', { experiment_ids: mnist, order_by: ['tags.team DESC'] }),
  searchRuns('metric DESC with NaN, then run name', {
    experiment_ids: grid,
    order_by: ['metrics.score DESC', 'attributes.run_name ASC'],
  }),
  searchRuns('run_name ILIKE', { experiment_ids: sweep, filter: "attributes.run_name ILIKE '%TRIAL-1%'" }),
  searchRuns('status RUNNING across experiments', {
    experiment_ids: [exp(E.mnist), exp(E.quoting)],
    filter: "attributes.status = 'RUNNING'",
  }),
  searchRuns('dataset name IN', {
    experiment_ids: [exp(E.mnist), exp(E.grid)],
    filter: "dataset.name IN ('mnist', 'cifar10')",
  }),
  searchRuns('status IN is rejected', {
    experiment_ids: mnist,
    filter: "attributes.status IN ('FAILED','KILLED')",
  }),
]

export const runSearchCases: ContractCase[] = [
  ...runTableCases,
  searchRuns('default order', { experiment_ids: mnist }),
  searchRuns('ajax prefix', { experiment_ids: mnist }),
  searchRuns('sweep, nested runs', { experiment_ids: sweep }),
  searchRuns('several experiments', { experiment_ids: [exp(E.mnist), exp(E.quoting)] }),
  searchRuns('no experiments', { experiment_ids: [] }),
  searchRuns('empty experiment', { experiment_ids: [exp(E.empty)] }),
  searchRuns('deleted only', { experiment_ids: mnist, run_view_type: 'DELETED_ONLY' }),
  searchRuns('all', { experiment_ids: mnist, run_view_type: 'ALL' }),
  searchRuns('deleted experiment, all', { experiment_ids: [exp(E.archived)], run_view_type: 'ALL' }),
  searchRuns('pages of 7', { experiment_ids: grid, max_results: 7 }, true),
  searchRuns(
    'pages of 50 sorted by score',
    { experiment_ids: grid, max_results: 50, order_by: ['metrics.score DESC'] },
    true,
  ),
  searchRuns('metric DESC with NaN', { experiment_ids: grid, order_by: ['metrics.score DESC'] }),
  searchRuns('metric ASC with NaN', { experiment_ids: grid, order_by: ['metrics.score ASC'] }),
  searchRuns('metric missing on some runs', { experiment_ids: mnist, order_by: ['metrics.val_loss ASC'] }),
  searchRuns('param as string', { experiment_ids: mnist, order_by: ['params.batch_size DESC'] }),
  searchRuns('param then metric', { experiment_ids: grid, order_by: ['params.lr', 'metrics.score DESC'] }),
  searchRuns('quoted tag key', { experiment_ids: grid, order_by: ['tags.`mlflow.user` ASC'] }),
  searchRuns('start_time ASC', { experiment_ids: mnist, order_by: ['attributes.start_time ASC'] }),
  searchRuns('end_time DESC', { experiment_ids: mnist, order_by: ['attributes.end_time DESC'] }),
  searchRuns('status', { experiment_ids: grid, order_by: ['attributes.status'] }),
  searchRuns('run_name DESC', { experiment_ids: sweep, order_by: ['attributes.run_name DESC'] }),
  searchRuns('key with a space', { experiment_ids: mnist, order_by: ['params.`warmup steps` DESC'] }),
  searchRuns('duplicate order key', {
    experiment_ids: mnist,
    order_by: ['metrics.loss', 'metrics.loss DESC'],
  }),
  searchRuns('bad order key', { experiment_ids: mnist, order_by: ['foo.bar'] }),
  searchRuns('metric >', { experiment_ids: grid, filter: 'metrics.score > 0.5' }),
  searchRuns('metric <=', { experiment_ids: mnist, filter: 'metrics.val_loss <= 1' }),
  searchRuns('metric =', { experiment_ids: [exp(E.quoting)], filter: 'metrics.`f1 score` = 0.88' }),
  searchRuns('param =', { experiment_ids: mnist, filter: "params.optimizer = 'adam'" }),
  searchRuns('param LIKE', { experiment_ids: mnist, filter: "params.lr LIKE '0.0%'" }),
  searchRuns('param ILIKE', { experiment_ids: mnist, filter: "params.optimizer ILIKE 'ADAM'" }),
  searchRuns('param with dot in key', { experiment_ids: mnist, filter: "params.`model.depth` = '3'" }),
  searchRuns('param with space, double quotes', {
    experiment_ids: mnist,
    filter: 'params."warmup steps" = \'100\'',
  }),
  searchRuns('tag = is case-sensitive', { experiment_ids: mnist, filter: "tags.team = 'vision'" }),
  searchRuns('tag != skips runs without it', { experiment_ids: mnist, filter: "tags.team != 'vision'" }),
  searchRuns('tag IS NULL', { experiment_ids: mnist, filter: 'tags.priority IS NULL' }),
  searchRuns('tag IS NOT NULL', { experiment_ids: mnist, filter: 'tags.priority IS NOT NULL' }),
  searchRuns('param IS NULL', { experiment_ids: mnist, filter: 'params.batch_size IS NULL' }),
  searchRuns('system tag', { experiment_ids: grid, filter: "tags.`mlflow.user` = 'alice'" }),
  searchRuns('children of a run', {
    experiment_ids: sweep,
    filter: `tags.\`mlflow.parentRunId\` = '${run('sweep-a')}'`,
  }),
  searchRuns('status attribute', { experiment_ids: grid, filter: "attributes.status = 'FAILED'" }),
  searchRuns('bare status', { experiment_ids: mnist, filter: "status = 'RUNNING'" }),
  searchRuns('status LIKE', { experiment_ids: grid, filter: "attributes.status LIKE 'F%'" }),
  searchRuns('run_name =', { experiment_ids: mnist, filter: "attributes.run_name = 'mnist-cnn-1'" }),
  searchRuns('run_name LIKE', {
    experiment_ids: sweep,
    filter: "attributes.run_name LIKE 'sweep-a-trial-1%'",
  }),
  searchRuns('run name with quotes', {
    experiment_ids: [exp(E.quoting)],
    filter: "run_name LIKE '%''quoted''%'",
  }),
  searchRuns('run_id IN', {
    experiment_ids: grid,
    filter: `attributes.run_id IN ('${run('grid-001')}', '${run('grid-120')}')`,
  }),
  searchRuns('run_id NOT IN', {
    experiment_ids: mnist,
    filter: `attributes.run_id NOT IN ('${run('mnist-cnn-1')}')`,
  }),
  searchRuns('start_time >=', {
    experiment_ids: grid,
    filter: `attributes.start_time >= ${CONTRACT_EPOCH + 600 * 60_000}`,
  }),
  searchRuns('created alias', { experiment_ids: grid, filter: `created < ${CONTRACT_EPOCH + 400 * 60_000}` }),
  searchRuns('end_time', { experiment_ids: mnist, filter: `attributes.end_time > ${CONTRACT_EPOCH}` }),
  searchRuns('user_id', { experiment_ids: mnist, filter: "attributes.user_id = 'alice'" }),
  searchRuns('dataset name', { experiment_ids: mnist, filter: "dataset.name = 'mnist'" }),
  searchRuns('dataset context', { experiment_ids: mnist, filter: "dataset.context = 'eval'" }),
  searchRuns('dataset digest IN', {
    experiment_ids: mnist,
    filter: "dataset.digest IN ('3f2a9c1d', 'ffff')",
  }),
  searchRuns('three clauses, lower-case and', {
    experiment_ids: grid,
    filter: "params.lr = '0.01' and metrics.score > 0.2 and tags.stage = 'prod'",
  }),
  searchRuns('filter and order and pages', {
    experiment_ids: sweep,
    filter: "params.optimizer != 'sgd'",
    order_by: ['metrics.val_accuracy DESC'],
    max_results: 10,
  }),
  searchRuns('OR is rejected', { experiment_ids: mnist, filter: "params.a = '1' OR params.b = '2'" }),
  searchRuns('parentheses are rejected', { experiment_ids: mnist, filter: "(params.a = '1')" }),
  searchRuns('quoted metric value', { experiment_ids: mnist, filter: "metrics.loss > '1'" }),
  searchRuns('unquoted param value', { experiment_ids: mnist, filter: 'params.lr = 0.1' }),
  searchRuns('unknown entity', { experiment_ids: mnist, filter: "foo.bar = '1'" }),
  searchRuns('unknown attribute', { experiment_ids: mnist, filter: "attributes.color = 'red'" }),
  searchRuns('IN on a param', { experiment_ids: mnist, filter: "params.lr IN ('0.1')" }),
  searchRuns('LIKE on a metric', { experiment_ids: mnist, filter: "metrics.loss LIKE '1%'" }),
  searchRuns('dangling AND', { experiment_ids: mnist, filter: "params.lr = '0.1' AND" }),
  searchRuns('max_results over the cap', { experiment_ids: mnist, max_results: 50001 }),
  searchRuns('bad page token', { experiment_ids: mnist, page_token: 'garbage!' }),
  {
    name: 'runs/search: no content type',
    request: {
      method: 'POST',
      path: `${API}/runs/search`,
      rawBody: '{"experiment_ids":["1"],"max_results":1}',
    },
  },
]

export const runCases: ContractCase[] = [
  get('runs/get', `${API}/runs/get`, { run_id: run('mnist-cnn-1') }),
  get('runs/get: ajax', `${AJAX}/runs/get`, { run_id: run('mnist-cnn-2') }),
  get('runs/get: run_uuid', `${API}/runs/get`, { run_uuid: run('mnist-edge-values') }),
  get('runs/get: running', `${API}/runs/get`, { run_id: run('mnist-still-running') }),
  get('runs/get: scheduled', `${API}/runs/get`, { run_id: run('bert-scheduled') }),
  get('runs/get: deleted', `${API}/runs/get`, { run_id: run('mnist-deleted-1') }),
  get('runs/get: datasets', `${API}/runs/get`, { run_id: run('mnist-with-datasets') }),
  get('runs/get: nested child', `${API}/runs/get`, { run_id: run('sweep-b-trial-3-fold-2') }),
  get('runs/get: quoting', `${API}/runs/get`, { run_id: run("bert-base 'quoted' run") }),
  get('runs/get: unknown', `${API}/runs/get`, { run_id: '0123456789abcdef0123456789abcdef' }),
  get('runs/get: missing id', `${API}/runs/get`),
]

const edge = run('mnist-edge-values')
export const metricCases: ContractCase[] = [
  ...['diverged_loss', 'grad_norm', 'throughput', 'eval_score', 'warmup_lr'].map((key) =>
    get(`metrics/get-history: ${key}`, `${API}/metrics/get-history`, {
      run_id: edge,
      metric_key: key,
      max_results: '25000',
    }),
  ),
  get(
    'metrics/get-history: pages of 100',
    `${API}/metrics/get-history`,
    {
      run_id: edge,
      metric_key: 'long_history',
      max_results: '100',
    },
    true,
  ),
  get('metrics/get-history: without max_results', `${API}/metrics/get-history`, {
    run_id: edge,
    metric_key: 'eval_score',
  }),
  get('metrics/get-history: ajax', `${AJAX}/metrics/get-history`, {
    run_id: run('mnist-cnn-2'),
    metric_key: 'val_loss',
    max_results: '25000',
  }),
  get('metrics/get-history: unknown key', `${API}/metrics/get-history`, {
    run_id: edge,
    metric_key: 'nope',
    max_results: '10',
  }),
  get('metrics/get-history: unknown run', `${API}/metrics/get-history`, {
    run_id: '0123456789abcdef0123456789abcdef',
    metric_key: 'loss',
    max_results: '10',
  }),
  get('bulk-interval: one run', `${API}/metrics/get-history-bulk-interval`, {
    run_ids: [run('mnist-cnn-3')],
    metric_key: 'loss',
    max_results: '320',
  }),
  get('bulk-interval: folds, 5 samples', `${AJAX}/metrics/get-history-bulk-interval`, {
    run_ids: [1, 2, 3, 4].map((fold) => run(`sweep-a-trial-2-fold-${fold}`)),
    metric_key: 'val_loss',
    max_results: '5',
  }),
  get('bulk-interval: long history sampled', `${API}/metrics/get-history-bulk-interval`, {
    run_ids: [edge],
    metric_key: 'long_history',
    max_results: '320',
  }),
  get('bulk-interval: zoomed window', `${API}/metrics/get-history-bulk-interval`, {
    run_ids: [edge],
    metric_key: 'long_history',
    max_results: '50',
    start_step: '100',
    end_step: '200',
  }),
  get('bulk-interval: negative steps', `${API}/metrics/get-history-bulk-interval`, {
    run_ids: [edge],
    metric_key: 'warmup_lr',
    max_results: '4',
  }),
  get('bulk-interval: values at one step', `${API}/metrics/get-history-bulk-interval`, {
    run_ids: [edge],
    metric_key: 'throughput',
    max_results: '3',
  }),
  get('bulk-interval: several values per step', `${API}/metrics/get-history-bulk-interval`, {
    run_ids: [edge],
    metric_key: 'eval_score',
    max_results: '2',
  }),
  get('bulk-interval: one sample', `${API}/metrics/get-history-bulk-interval`, {
    run_ids: [edge],
    metric_key: 'diverged_loss',
    max_results: '1',
  }),
  get('bulk-interval: 101 runs', `${API}/metrics/get-history-bulk-interval`, {
    run_ids: Array.from({ length: 101 }, (_, i) => run(`grid-${String(i + 1).padStart(3, '0')}`)),
    metric_key: 'loss',
  }),
  get('bulk-interval: only start_step', `${API}/metrics/get-history-bulk-interval`, {
    run_ids: [edge],
    metric_key: 'long_history',
    start_step: '5',
  }),
  get('bulk-interval: start after end', `${API}/metrics/get-history-bulk-interval`, {
    run_ids: [edge],
    metric_key: 'long_history',
    start_step: '50',
    end_step: '5',
  }),
  get('bulk-interval: max_results 0', `${API}/metrics/get-history-bulk-interval`, {
    run_ids: [edge],
    metric_key: 'long_history',
    max_results: '0',
  }),
  get('bulk-interval: max_results 2501', `${API}/metrics/get-history-bulk-interval`, {
    run_ids: [edge],
    metric_key: 'long_history',
    max_results: '2501',
  }),
  get('bulk-interval: no run ids', `${API}/metrics/get-history-bulk-interval`, { metric_key: 'loss' }),
  get('bulk-interval: unknown run', `${API}/metrics/get-history-bulk-interval`, {
    run_ids: ['0123456789abcdef0123456789abcdef'],
    metric_key: 'loss',
  }),
]

/**
 * The compare page's per-step charts over the curves experiment: seeds of one configuration logged
 * at different steps, and a 100,000-step history with one spike and two NaN values.
 */
const seedRuns = SEED_RUNS.map((seedRun) => run(seedRun.runName))
const long = run(LONG_HISTORY.runName)
const bulk = `${API}/metrics/get-history-bulk-interval`
export const curveCases: ContractCase[] = [
  searchRuns('training curves', { experiment_ids: [exp(E.curves)] }),
  searchRuns('training curves by lr, then seed', {
    experiment_ids: [exp(E.curves)],
    filter: "params.optimizer = 'adam'",
    order_by: ['params.lr ASC', 'params.seed DESC'],
  }),
  get('runs/get: 100k-step run', `${API}/runs/get`, { run_id: long }),
  // Every point, in four pages of 25,000 (the page size MLflow's UI uses).
  get(
    'metrics/get-history: 100k steps in pages of 25,000',
    `${API}/metrics/get-history`,
    { run_id: long, metric_key: LONG_HISTORY.metricKey, max_results: '25000' },
    true,
  ),
  get('metrics/get-history: eval every 5,000 steps', `${API}/metrics/get-history`, {
    run_id: long,
    metric_key: LONG_HISTORY.evalMetricKey,
    max_results: '25000',
  }),
  ...SEED_RUNS.filter((seedRun) => seedRun.lr === '0.01').map((seedRun) =>
    get(`metrics/get-history: ${seedRun.runName} (${seedRun.stepSet})`, `${API}/metrics/get-history`, {
      run_id: run(seedRun.runName),
      metric_key: 'loss',
      max_results: '25000',
    }),
  ),
  get('bulk-interval: six seeds, 320 samples', bulk, {
    run_ids: seedRuns,
    metric_key: 'loss',
    max_results: '320',
  }),
  get('bulk-interval: six seeds, 50 samples', `${AJAX}/metrics/get-history-bulk-interval`, {
    run_ids: seedRuns,
    metric_key: 'loss',
    max_results: '50',
  }),
  get('bulk-interval: six seeds, val_accuracy zoomed to steps 140..160', bulk, {
    run_ids: seedRuns,
    metric_key: 'val_accuracy',
    max_results: '8',
    start_step: '140',
    end_step: '160',
  }),
  get('bulk-interval: six seeds and the long run, default samples', bulk, {
    run_ids: [...seedRuns, long],
    metric_key: 'loss',
  }),
  get('bulk-interval: 100k steps, 1000 samples', bulk, {
    run_ids: [long],
    metric_key: LONG_HISTORY.metricKey,
    max_results: '1000',
  }),
  get('bulk-interval: 100k steps, 320 samples', bulk, {
    run_ids: [long],
    metric_key: LONG_HISTORY.metricKey,
    max_results: '320',
  }),
  // A zoom narrow enough (1,001 steps, under max_results) to hold every row, the spike included.
  get('bulk-interval: 100k steps, zoomed onto the spike', bulk, {
    run_ids: [long],
    metric_key: LONG_HISTORY.metricKey,
    max_results: '2500',
    start_step: '61000',
    end_step: '62000',
  }),
  get('bulk-interval: 100k steps, zoomed onto the NaN values', bulk, {
    run_ids: [long],
    metric_key: LONG_HISTORY.metricKey,
    max_results: '2500',
    start_step: '19990',
    end_step: '20010',
  }),
  get('bulk-interval: 100k steps, a wide range', bulk, {
    run_ids: [long],
    metric_key: LONG_HISTORY.metricKey,
    max_results: '320',
    start_step: '10000',
    end_step: '90000',
  }),
  get('bulk-interval: 100k steps, a range past the end', bulk, {
    run_ids: [long],
    metric_key: LONG_HISTORY.metricKey,
    max_results: '100',
    start_step: '99950',
    end_step: '200000',
  }),
  get('bulk-interval: 100k steps, an empty range', bulk, {
    run_ids: [long],
    metric_key: LONG_HISTORY.metricKey,
    max_results: '100',
    start_step: '100000',
    end_step: '100500',
  }),
  get('bulk-interval: 100k steps, a one-step range', bulk, {
    run_ids: [long],
    metric_key: LONG_HISTORY.metricKey,
    max_results: '10',
    start_step: String(LONG_HISTORY.spikeStep),
    end_step: String(LONG_HISTORY.spikeStep),
  }),
]

export const artifactCases: ContractCase[] = [
  get('artifacts/list: root', `${API}/artifacts/list`, { run_id: run('mnist-cnn-1') }),
  get('artifacts/list: subdirectory', `${API}/artifacts/list`, { run_id: run('mnist-cnn-1'), path: 'plots' }),
  get('artifacts/list: unsafe path', `${API}/artifacts/list`, {
    run_id: run('mnist-cnn-1'),
    path: '../secrets',
  }),
  get('artifacts/list: unknown run', `${API}/artifacts/list`, { run_id: '0123456789abcdef0123456789abcdef' }),
  get('artifacts/list: missing run', `${API}/artifacts/list`),
  get('get-artifact: missing file', '/get-artifact', { run_uuid: run('mnist-cnn-1'), path: 'nope.txt' }),
  get('get-artifact: run_id alias', '/get-artifact', { run_id: run('mnist-cnn-1'), path: 'nope.txt' }),
  get('get-artifact: unsafe path', '/get-artifact', {
    run_uuid: run('mnist-cnn-1'),
    path: '../../etc/passwd',
  }),
  get('get-artifact: unknown run', '/get-artifact', {
    run_uuid: '0123456789abcdef0123456789abcdef',
    path: 'a.txt',
  }),
  get('get-artifact: missing path', '/get-artifact', { run_uuid: run('mnist-cnn-1') }),
  ...zooCases(),
]

/** The artifact zoo: listings, every preview type's bytes and headers, ranges, bad paths. */
function zooCases(): ContractCase[] {
  const zoo = run(ARTIFACT_ZOO.runName)
  const many = run(ARTIFACT_ZOO.manyRunName)
  const list = (name: string, runRef: string, path?: string): ContractCase =>
    get(`artifacts/list: zoo ${name}`, `${API}/artifacts/list`, {
      run_id: runRef,
      ...(path === undefined ? {} : { path }),
    })
  const file = (name: string, path: string, headers?: Record<string, string>): ContractCase => ({
    name: `get-artifact: zoo ${name}`,
    request: { method: 'GET', path: '/get-artifact', query: { run_uuid: zoo, path }, headers },
  })
  const P = ARTIFACT_ZOO.paths
  return [
    list('root', zoo),
    list('subdirectory', zoo, 'plots'),
    list('nested subdirectory', zoo, 'plots/roc'),
    list('trailing slash', zoo, 'reports/'),
    list('a file', zoo, P.json),
    list('missing folder', zoo, 'no/such/dir'),
    list('5,000 files in one folder (not paged)', many, ARTIFACT_ZOO.manyDir),
    list('5,000 files: root', many),
    get('artifacts/list: zoo (ajax)', `${AJAX}/artifacts/list`, { run_id: zoo, path: 'data' }),
    ...Object.entries(P).map(([kind, path]) => file(kind, path)),
    file('a file of the 5,000', ARTIFACT_ZOO.manyFile(1234)),
    {
      name: 'get-artifact: zoo run_id alias',
      request: { method: 'GET', path: '/get-artifact', query: { run_id: zoo, path: P.yaml } },
    },
    file('range: first 100 bytes', P.log, { Range: 'bytes=0-99' }),
    file('range: open-ended', P.bigJson, { Range: 'bytes=2000000-' }),
    file('range: suffix', P.csv, { Range: 'bytes=-50' }),
    file('range: past the end', P.png, { Range: 'bytes=100000-' }),
    file('range: longer than the file', P.png, { Range: 'bytes=0-999999' }),
    file('range: the whole file', P.png, { Range: 'bytes=0-' }),
    file('range: two ranges', P.log, { Range: 'bytes=0-9,20-29' }),
    file('range: another unit', P.log, { Range: 'lines=1-2' }),
    file('range: garbage', P.log, { Range: 'bytes=abc' }),
    file('range: end before start', P.log, { Range: 'bytes=50-10' }),
    file('range: suffix longer than the file', P.png, { Range: 'bytes=-5000' }),
    file('range: blanks and upper case', P.log, { Range: 'BYTES = 0 - 9' }),
    file('a folder', 'plots'),
    file('missing file', 'plots/nope.png'),
    file('unsafe path', '../x'),
    file('unsafe nested path', 'plots/../../x'),
    file('absolute path', '/etc/passwd'),
    ...compareCases(),
  ]
}

/** The zoo run's images logged per step, and its siblings that share paths with other contents. */
function compareCases(): ContractCase[] {
  const P = ARTIFACT_ZOO.paths
  const runs = [ARTIFACT_ZOO.runName, ARTIFACT_COMPARE.runB, ARTIFACT_COMPARE.runC]
  const imagesOf = (name: string): string[] =>
    artifactFiles(contractWorld.runs.find((candidate) => candidate.name === name)?.artifacts)
      .map((file) => file.path)
      .filter((path) => path.startsWith('images/'))
  const fileOf = (name: string, path: string): ContractCase => ({
    name: `get-artifact: ${name} ${path}`,
    request: { method: 'GET', path: '/get-artifact', query: { run_uuid: run(name), path } },
  })
  return [
    ...runs.flatMap((name) => [
      get(`artifacts/list: ${name} root`, `${API}/artifacts/list`, { run_id: run(name) }),
      get(`artifacts/list: ${name} images`, `${API}/artifacts/list`, { run_id: run(name), path: 'images' }),
    ]),
    // Every logged image of every run (small PNGs), and the shared paths of each sibling.
    ...runs.flatMap((name) => imagesOf(name).map((path) => fileOf(name, path))),
    ...[ARTIFACT_COMPARE.runB, ARTIFACT_COMPARE.runC].flatMap((name) =>
      [P.yaml, P.json, P.predictions, P.evalLog, P.png, ARTIFACT_COMPARE.onlyInC].map((path) =>
        fileOf(name, path),
      ),
    ),
    fileOf(ARTIFACT_ZOO.runName, ARTIFACT_COMPARE.onlyInC),
    searchRuns('the artifact zoo experiment', { experiment_ids: [exp(E.artifacts)] }),
  ]
}

export const modelCases: ContractCase[] = [
  ...registryReadCases(),
  post('logged-models/search', `${API}/logged-models/search`, { experiment_ids: mnist, max_results: 10 }),
  get('logged-models/get: unknown', `${API}/logged-models/m-0123456789abcdef0123456789abcdef`),
  ...loggedModelCases(),
]

/** The LoggedModels of the artifact zoo: lookups, searches, their files, and the runs that made them. */
function loggedModelCases(): ContractCase[] {
  const M = LOGGED_MODELS
  const model = (name: string) => `{{model:${name}}}`
  const zoo = [exp(E.artifacts)]
  const search = (name: string, body: Record<string, unknown>, followPages = false): ContractCase =>
    post(`logged-models/search: ${name}`, `${API}/logged-models/search`, body, followPages)
  const directories = (name: string, modelName: string, path?: string): ContractCase =>
    get(
      `logged-models/directories: ${name}`,
      `${API}/logged-models/${model(modelName)}/artifacts/directories`,
      path === undefined ? {} : { artifact_directory_path: path },
    )
  const files = (modelName: string) => `${AJAX}/logged-models/${model(modelName)}/artifacts/files`
  const file = (name: string, path: string | undefined, headers?: Record<string, string>): ContractCase => ({
    name: `logged-models/files: ${name}`,
    request: {
      method: 'GET',
      path: files(M.classifier),
      query: path === undefined ? {} : { artifact_file_path: path },
      headers,
    },
  })
  return [
    get('logged-models/get', `${API}/logged-models/${model(M.classifier)}`),
    get('logged-models/get: ajax prefix', `${AJAX}/logged-models/${model(M.checkpoint)}`),
    get('logged-models/get: upload failed, no params', `${API}/logged-models/${model(M.failed)}`),
    get('logged-models/get: allow_deleted', `${API}/logged-models/${model(M.classifier)}`, {
      allow_deleted: 'true',
    }),
    get('logged-models/get: GET search is a model id', `${API}/logged-models/search`, {
      experiment_ids: zoo,
    }),
    search('an experiment, newest first', { experiment_ids: zoo }),
    search('two experiments', { experiment_ids: [...zoo, ...mnist] }),
    search('no experiments', { experiment_ids: [] }),
    search('missing experiment_ids', {}),
    search('unknown experiment', { experiment_ids: ['9999'] }),
    search('max_results 0 means the default', { experiment_ids: zoo, max_results: 0 }),
    search('pages of 1', { experiment_ids: zoo, max_results: 1 }, true),
    search(
      'pages of 2 by name',
      { experiment_ids: zoo, max_results: 2, order_by: [{ field_name: 'name', ascending: true }] },
      true,
    ),
    search('name DESC', { experiment_ids: zoo, order_by: [{ field_name: 'name', ascending: false }] }),
    search('creation_time ascending', { experiment_ids: zoo, order_by: [{ field_name: 'creation_time' }] }),
    search('status, then name', {
      experiment_ids: zoo,
      order_by: [{ field_name: 'status' }, { field_name: 'name', ascending: false }],
    }),
    search('unknown order field', { experiment_ids: zoo, order_by: [{ field_name: 'color' }] }),
    search('order by a param', { experiment_ids: zoo, order_by: [{ field_name: 'params.C' }] }),
    search('latest metric DESC, missing last', {
      experiment_ids: zoo,
      order_by: [{ field_name: 'metrics.eval_accuracy', ascending: false }],
    }),
    search('metric on one dataset ASC', {
      experiment_ids: zoo,
      order_by: [{ field_name: 'metrics.eval_accuracy', dataset_name: 'iris-test' }],
    }),
    get('metrics/get-history: a metric logged with a model', `${API}/metrics/get-history`, {
      run_id: run(M.trainRun),
      metric_key: 'eval_accuracy',
    }),
    search('name =', { experiment_ids: zoo, filter: `name = '${M.checkpoint}'` }),
    search('param =', { experiment_ids: zoo, filter: "params.max_iter = '200'" }),
    search('tag and source run', {
      experiment_ids: zoo,
      filter: `tags.\`mlflow.user\` = 'alice' AND source_run_id = '${run(M.trainRun)}'`,
    }),
    search('param !=', { experiment_ids: zoo, filter: "params.C != '1.0'" }),
    // The Models tab's name filter, and the runs table's lookup of the models on screen.
    search('name ILIKE', { experiment_ids: zoo, filter: "name ILIKE '%EPOCH%'" }),
    search('name LIKE is case-sensitive', { experiment_ids: zoo, filter: "name LIKE '%Epoch%'" }),
    search('name LIKE with _', { experiment_ids: zoo, filter: "name LIKE 'zoo_classifier-_ailed'" }),
    search('model_id IN', {
      experiment_ids: zoo,
      filter: `model_id IN ('${model(M.classifier)}', '${model(M.failed)}')`,
      max_results: 2,
    }),
    search('name NOT IN', { experiment_ids: zoo, filter: `name NOT IN ('${M.classifier}')` }),
    search('param LIKE and tag ILIKE', {
      experiment_ids: zoo,
      filter: "params.solver LIKE 'lb%' AND tags.`mlflow.user` ILIKE 'ALICE'",
    }),
    search('a page token for other experiments', {
      experiment_ids: zoo,
      max_results: 1,
      order_by: [{ field_name: 'name' }],
      page_token: btoa('{"experiment_ids": ["9"], "filter_string": null, "order_by": null, "offset": 1}'),
    }),
    search('a page token that is not base64', { experiment_ids: zoo, page_token: 'abc' }),
    directories('root', M.classifier),
    get(
      'logged-models/directories: ajax prefix',
      `${AJAX}/logged-models/${model(M.checkpoint)}/artifacts/directories`,
    ),
    directories('a model without files', M.failed),
    directories('a file lists nothing', M.classifier, M.files.mlmodel),
    directories('missing folder', M.classifier, 'no/such/dir'),
    directories('unsafe path', M.classifier, '../secrets'),
    get(
      'logged-models/directories: unknown model',
      `${API}/logged-models/m-0123456789abcdef0123456789abcdef/artifacts/directories`,
    ),
    ...Object.values(M.files).map((path) => file(path, path)),
    {
      name: 'logged-models/files: the checkpoint MLmodel',
      request: { method: 'GET', path: files(M.checkpoint), query: { artifact_file_path: M.files.mlmodel } },
    },
    file('missing artifact_file_path', undefined),
    file('empty artifact_file_path', ''),
    file('missing file', 'nope.txt'),
    file('unsafe path', '../x'),
    file('absolute path', '/etc/passwd'),
    file('range: first 10 bytes', M.files.mlmodel, { Range: 'bytes=0-9' }),
    file('range: suffix', M.files.pickle, { Range: 'bytes=-16' }),
    file('range: past the end', M.files.pickle, { Range: 'bytes=100000-' }),
    get(
      'logged-models/files: unknown model',
      `${AJAX}/logged-models/m-0123456789abcdef0123456789abcdef/artifacts/files`,
      {
        artifact_file_path: 'MLmodel',
      },
    ),
    get(
      'logged-models/files: not under /api',
      `${API}/logged-models/${model(M.classifier)}/artifacts/files`,
      {
        artifact_file_path: 'MLmodel',
      },
    ),
    get('runs/get: outputs.model_outputs', `${API}/runs/get`, { run_id: run(M.trainRun) }),
    get('runs/get: the source run of a model it did not output', `${API}/runs/get`, {
      run_id: run(ARTIFACT_COMPARE.runC),
    }),
    searchRuns('model outputs of the zoo', { experiment_ids: zoo, order_by: ['attributes.run_name'] }),
  ]
}

/** The seeded registry (contract-registry.ts): every read endpoint, its filters, orders, pages and errors. */
function registryReadCases(): ContractCase[] {
  const R = CONTRACT_REGISTRY
  const models = [R.stages.name, R.aliases.name, R.loggedModels.name, R.empty.name]
  const rm = (name: string, query: ContractRequest['query'] = {}, followPages = false): ContractCase =>
    get(`registered-models/search: ${name}`, `${API}/registered-models/search`, query, followPages)
  const mv = (name: string, query: ContractRequest['query'] = {}, followPages = false): ContractCase =>
    get(`model-versions/search: ${name}`, `${API}/model-versions/search`, query, followPages)
  const version = (name: string, model: string, number: string) =>
    get(`model-versions/get: ${name}`, `${API}/model-versions/get`, { name: model, version: number })
  const alias = (name: string, model: string, aliasName: string) =>
    get(`registered-models/alias: ${name}`, `${API}/registered-models/alias`, {
      name: model,
      alias: aliasName,
    })
  const latest = (name: string, query: ContractRequest['query']) =>
    get(
      `registered-models/get-latest-versions: ${name}`,
      `${API}/registered-models/get-latest-versions`,
      query,
    )
  return [
    rm('default order'),
    get('registered-models/search: ajax prefix', `${AJAX}/registered-models/search`),
    rm('pages of 1', { max_results: '1' }, true),
    rm('pages of 3', { max_results: '3' }, true),
    rm('name DESC', { order_by: 'name DESC' }),
    rm('last updated, newest first', { order_by: 'last_updated_timestamp DESC' }),
    rm('timestamp ASC, then name', { order_by: ['timestamp ASC', 'name'] }),
    rm('name LIKE', { filter: "name LIKE 'mnist%'" }),
    rm('LIKE is case-sensitive', { filter: "name LIKE 'MNIST%'" }),
    rm('name ILIKE', { filter: "name ILIKE '%CLASSIFIER%'" }),
    rm('name =', { filter: `name = '${R.empty.name}'` }),
    rm('name !=', { filter: `name != '${R.empty.name}'` }),
    rm('name IN', { filter: `name IN ('${R.stages.name}', '${R.aliases.name}', 'nope')` }),
    rm('tag =', { filter: "tags.team = 'vision'" }),
    rm('tag LIKE and name', { filter: "tags.team LIKE 'v%' AND name LIKE '%resnet'" }),
    rm('tag != skips models without it', { filter: "tags.framework != 'sklearn'" }),
    rm('quoted tag key', { filter: "tags.`team` = 'risk'" }),
    rm('a filter and a page', { filter: "name LIKE '%-%'", max_results: '2' }, true),
    rm('OR is rejected', { filter: "name = 'a' OR name = 'b'" }),
    rm('unknown attribute', { filter: "run_id = 'a'" }),
    rm('IN on a tag', { filter: "tags.team IN ('a')" }),
    rm('> on the name', { filter: "name > 'a'" }),
    rm('unknown order key', { order_by: 'creation_timestamp' }),
    rm('bad direction', { order_by: 'name UP' }),
    rm('duplicate order key', { order_by: ['name', 'name DESC'] }),
    rm('max_results over the cap', { max_results: '1001' }),
    rm('max_results 0', { max_results: '0' }),
    rm('max_results not a number', { max_results: 'ten' }),
    rm('bad page token', { page_token: 'garbage!' }),
    ...models.map((name) => get(`registered-models/get: ${name}`, `${API}/registered-models/get`, { name })),
    get('registered-models/get: ajax', `${AJAX}/registered-models/get`, { name: R.aliases.name }),
    get('registered-models/get: unknown', `${API}/registered-models/get`, { name: 'no-such-model' }),
    get('registered-models/get: missing name', `${API}/registered-models/get`),
    get('registered-models/get: bad name', `${API}/registered-models/get`, { name: 'a/b' }),
    latest('every stage', { name: R.stages.name }),
    latest('one stage, any case', { name: R.stages.name, stages: ['production', 'None'] }),
    latest('stage without versions', { name: R.aliases.name, stages: 'Staging' }),
    latest('a model without versions', { name: R.empty.name }),
    latest('unknown stage', { name: R.stages.name, stages: 'Live' }),
    latest('unknown model', { name: 'no-such-model' }),
    post('registered-models/get-latest-versions: POST', `${API}/registered-models/get-latest-versions`, {
      name: R.stages.name,
      stages: ['Staging'],
    }),
    alias('champion', R.aliases.name, 'champion'),
    alias('challenger', R.aliases.name, 'challenger'),
    alias('champion of a LoggedModel version', R.loggedModels.name, 'champion'),
    alias('latest', R.stages.name, 'LATEST'),
    alias('latest of a model without versions', R.empty.name, 'latest'),
    alias('unknown alias', R.aliases.name, 'nope'),
    alias('unknown model', 'no-such-model', 'champion'),
    alias('bad alias name', R.aliases.name, 'a b'),
    get('registered-models/alias: missing alias', `${API}/registered-models/alias`, { name: R.aliases.name }),
    mv('default order'),
    get('model-versions/search: ajax prefix', `${AJAX}/model-versions/search`),
    mv('pages of 2', { max_results: '2' }, true),
    mv('one model', { filter: `name = '${R.stages.name}'` }),
    mv('several models', { filter: `name IN ('${R.stages.name}', '${R.loggedModels.name}')` }),
    mv('runs of the runs table (run_id IN)', {
      filter: `run_id IN ('${[...R.stages.runs, ...R.aliases.runs, 'mnist-cnn-4'].map(run).join("','")}')`,
      max_results: '10000',
    }),
    mv('run_id =', { filter: `run_id = '${run(R.stages.runs[0])}'` }),
    mv('a run without versions', { filter: `run_id = '${run('mnist-cnn-4')}'` }),
    mv('LoggedModel sources', { filter: "source_path LIKE 'models:/%'" }),
    mv('version_number', { filter: 'version_number >= 2' }),
    mv('quoted version_number', { filter: "version_number = '1'" }),
    mv('tag with a space in its key', { filter: "tags.`validation status` = 'approved'" }),
    mv('tag and name', { filter: `tags.framework = 'pytorch' AND name ILIKE 'MNIST%'` }),
    mv('version ASC', { order_by: 'version_number ASC' }),
    mv('created, newest first', { order_by: 'creation_timestamp DESC' }),
    mv('name DESC, then version ASC', { order_by: ['name DESC', 'version_number'] }),
    mv('unknown order key', { order_by: 'run_id' }),
    mv('duplicate order key', { order_by: ['name', 'name DESC'] }),
    mv('unknown attribute', { filter: "stage = 'Production'" }),
    mv('float version', { filter: 'version_number = 1.5' }),
    mv('max_results 0', { max_results: '0' }),
    mv('max_results over the cap', { max_results: '200001' }),
    mv('bad page token', { page_token: 'garbage!' }),
    version('from a run, archived', R.stages.name, '1'),
    version('no description', R.stages.name, '2'),
    version('with an alias', R.aliases.name, '2'),
    version('from a LoggedModel', R.loggedModels.name, '1'),
    version('from a LoggedModel, with an alias', R.loggedModels.name, '2'),
    version('unknown version', R.stages.name, '9'),
    version('version 0', R.stages.name, '0'),
    version('version not a number', R.stages.name, 'two'),
    version('unknown model', 'no-such-model', '1'),
    get('model-versions/get: missing version', `${API}/model-versions/get`, { name: R.stages.name }),
    get('model-versions/get: ajax', `${AJAX}/model-versions/get`, { name: R.aliases.name, version: '1' }),
    ...[
      [R.stages.name, '3'],
      [R.loggedModels.name, '2'],
      [R.stages.name, '9'],
      ['', '1'],
      [R.stages.name, ''],
    ].map(([name = '', number = '']) =>
      get(
        `model-versions/get-download-uri: ${name || '(no name)'} ${number || '(no version)'}`,
        `${API}/model-versions/get-download-uri`,
        {
          ...(name === '' ? {} : { name }),
          ...(number === '' ? {} : { version: number }),
        },
      ),
    ),
    get(
      'logged-models/get: a registered LoggedModel',
      `${API}/logged-models/{{model:${LOGGED_MODELS.classifier}}}`,
    ),
    ...R.stages.runs.map((name) =>
      get(`artifacts/list: the model of ${name}`, `${API}/artifacts/list`, {
        run_id: run(name),
        path: 'model',
      }),
    ),
  ]
}

export const readCases: ContractCase[] = [
  ...serverCases,
  ...experimentCases,
  ...runSearchCases,
  ...runCases,
  ...metricCases,
  ...curveCases,
  ...artifactCases,
  ...modelCases,
]

const WRITE_EXPERIMENT = 'contract-writes'
const WRITE_RUN = 'contract-write-run'
const WRITE_MODEL = 'contract-write-model'
const WRITE_MODEL_RENAMED = 'contract-write-model-renamed'

function write(name: string, path: string, body: unknown, learn?: ContractCase['learn']): ContractCase {
  return { name, request: { method: 'POST', path, body }, learn }
}

/**
 * Writes, in order, on both backends: each creates what it changes (the seeded world stays
 * read-only), and reads back after every change.
 */
export const writeCases: ContractCase[] = [
  write(
    'experiments/create',
    `${API}/experiments/create`,
    { name: WRITE_EXPERIMENT, tags: [{ key: 'purpose', value: 'contract writes' }] },
    { kind: 'exp', name: WRITE_EXPERIMENT },
  ),
  write('experiments/create: duplicate name', `${API}/experiments/create`, { name: WRITE_EXPERIMENT }),
  write('experiments/create: no name', `${API}/experiments/create`, {}),
  get('experiments/get-by-name: created', `${API}/experiments/get-by-name`, {
    experiment_name: WRITE_EXPERIMENT,
  }),
  write('experiments/update: rename', `${API}/experiments/update`, {
    experiment_id: exp(WRITE_EXPERIMENT),
    new_name: `${WRITE_EXPERIMENT} (renamed)`,
  }),
  write('experiments/update: rename onto another name', `${API}/experiments/update`, {
    experiment_id: exp(WRITE_EXPERIMENT),
    new_name: E.mnist,
  }),
  write('experiments/set-experiment-tag: description', `${API}/experiments/set-experiment-tag`, {
    experiment_id: exp(WRITE_EXPERIMENT),
    key: 'mlflow.note.content',
    value: '**Written** by the contract test',
  }),
  get('experiments/get: after rename and tag', `${API}/experiments/get`, {
    experiment_id: exp(WRITE_EXPERIMENT),
  }),
  write('experiments/delete-experiment-tag', `${API}/experiments/delete-experiment-tag`, {
    experiment_id: exp(WRITE_EXPERIMENT),
    key: 'purpose',
  }),
  write('experiments/set-experiment-tag: unknown experiment', `${API}/experiments/set-experiment-tag`, {
    experiment_id: '9999',
    key: 'a',
    value: 'b',
  }),
  write(
    'runs/create',
    `${API}/runs/create`,
    {
      experiment_id: exp(WRITE_EXPERIMENT),
      run_name: WRITE_RUN,
      start_time: CONTRACT_EPOCH + 90 * 24 * 60 * 60_000,
      user_id: 'tester',
      tags: [{ key: 'team', value: 'writers' }],
    },
    { kind: 'run', name: WRITE_RUN },
  ),
  write('runs/create: unknown experiment', `${API}/runs/create`, { experiment_id: '9999', run_name: 'x' }),
  write('runs/create: name and tag disagree', `${API}/runs/create`, {
    experiment_id: exp(WRITE_EXPERIMENT),
    run_name: 'a',
    tags: [{ key: 'mlflow.runName', value: 'b' }],
  }),
  write('runs/set-tag', `${API}/runs/set-tag`, { run_id: run(WRITE_RUN), key: 'note', value: 'first' }),
  write('runs/set-tag: overwrite', `${API}/runs/set-tag`, {
    run_id: run(WRITE_RUN),
    key: 'note',
    value: 'second',
  }),
  write('runs/set-tag: run_uuid', `${API}/runs/set-tag`, {
    run_uuid: run(WRITE_RUN),
    key: 'via',
    value: 'run_uuid',
  }),
  write('runs/set-tag: description', `${API}/runs/set-tag`, {
    run_id: run(WRITE_RUN),
    key: 'mlflow.note.content',
    value: '# Notes',
  }),
  write('runs/set-tag: unknown run', `${API}/runs/set-tag`, {
    run_id: '0123456789abcdef0123456789abcdef',
    key: 'a',
    value: 'b',
  }),
  write('runs/delete-tag', `${API}/runs/delete-tag`, { run_id: run(WRITE_RUN), key: 'team' }),
  write('runs/delete-tag: missing tag', `${API}/runs/delete-tag`, {
    run_id: run(WRITE_RUN),
    key: 'no-such-tag',
  }),
  get('runs/get: after tag edits', `${API}/runs/get`, { run_id: run(WRITE_RUN) }),
  write('runs/update', `${API}/runs/update`, {
    run_id: run(WRITE_RUN),
    run_name: `${WRITE_RUN}-renamed`,
    status: 'KILLED',
    end_time: CONTRACT_EPOCH + 90 * 24 * 60 * 60_000 + 5000,
  }),
  get('runs/get: after update', `${API}/runs/get`, { run_id: run(WRITE_RUN) }),
  write('runs/set-tag: rename through the name tag', `${API}/runs/set-tag`, {
    run_id: run(WRITE_RUN),
    key: 'mlflow.runName',
    value: WRITE_RUN,
  }),
  write('runs/set-tag: empty name tag (ignored)', `${API}/runs/set-tag`, {
    run_id: run(WRITE_RUN),
    key: 'mlflow.runName',
    value: '',
  }),
  write('runs/set-tag: bad key character', `${API}/runs/set-tag`, {
    run_id: run(WRITE_RUN),
    key: 'a=b',
    value: 'v',
  }),
  write('runs/set-tag: key that is not a normalised path', `${API}/runs/set-tag`, {
    run_id: run(WRITE_RUN),
    key: 'a/../b',
    value: 'v',
  }),
  write('runs/set-tag: unicode and colon in the key', `${API}/runs/set-tag`, {
    run_id: run(WRITE_RUN),
    key: 'équipe: owner',
    value: 'v',
  }),
  write('runs/set-tag: value over 8,000 characters (truncated)', `${API}/runs/set-tag`, {
    run_id: run(WRITE_RUN),
    key: 'long',
    value: 'x'.repeat(8001),
  }),
  write('runs/set-tag: bad key on an unknown run', `${API}/runs/set-tag`, {
    run_id: '0123456789abcdef0123456789abcdef',
    key: 'a=b',
    value: 'v',
  }),
  searchRuns('after writes', { experiment_ids: [exp(WRITE_EXPERIMENT)] }),
  write('runs/delete', `${API}/runs/delete`, { run_id: run(WRITE_RUN) }),
  get('runs/get: deleted by the test', `${API}/runs/get`, { run_id: run(WRITE_RUN) }),
  write('runs/set-tag: deleted run', `${API}/runs/set-tag`, { run_id: run(WRITE_RUN), key: 'a', value: 'b' }),
  write('runs/update: deleted run', `${API}/runs/update`, { run_id: run(WRITE_RUN), status: 'FINISHED' }),
  write('runs/restore', `${API}/runs/restore`, { run_id: run(WRITE_RUN) }),
  write('experiments/delete', `${API}/experiments/delete`, { experiment_id: exp(WRITE_EXPERIMENT) }),
  get('experiments/get: deleted by the test', `${API}/experiments/get`, {
    experiment_id: exp(WRITE_EXPERIMENT),
  }),
  searchRuns('runs of a deleted experiment', {
    experiment_ids: [exp(WRITE_EXPERIMENT)],
    run_view_type: 'ALL',
  }),
  write('experiments/delete: again', `${API}/experiments/delete`, { experiment_id: exp(WRITE_EXPERIMENT) }),
  write('runs/create: in a deleted experiment', `${API}/runs/create`, {
    experiment_id: exp(WRITE_EXPERIMENT),
    run_name: 'too-late',
  }),
  write('experiments/restore', `${API}/experiments/restore`, { experiment_id: exp(WRITE_EXPERIMENT) }),
  searchRuns('runs after restoring the experiment', {
    experiment_ids: [exp(WRITE_EXPERIMENT)],
    run_view_type: 'ALL',
  }),
  write('experiments/restore: not deleted', `${API}/experiments/restore`, {
    experiment_id: exp(WRITE_EXPERIMENT),
  }),
  // Last: the registry's writes.
  ...registryWriteCases(),
]

function send(name: string, method: 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): ContractCase {
  return { name, request: { method, path, body } }
}

/**
 * Registry and LoggedModel writes, after every other write: a model of their own, its versions from
 * a run and from a LoggedModel (which then lists the version in its `mlflow.modelVersions` tag),
 * tags, descriptions, stages, aliases, deletes and a rename, each read back.
 */
function registryWriteCases(): ContractCase[] {
  const M = WRITE_MODEL
  const source = `runs:/${run('mnist-cnn-1')}/model`
  const failed = `{{model:${LOGGED_MODELS.failed}}}`
  const rm = (path: string) => `${API}/registered-models/${path}`
  const mv = (path: string) => `${API}/model-versions/${path}`
  const getModel = (name: string, model = M) =>
    get(`registered-models/get: ${name}`, rm('get'), { name: model })
  const getVersion = (name: string, version: string, model = M) =>
    get(`model-versions/get: ${name}`, mv('get'), { name: model, version })
  const versions = (name: string, model = M) =>
    get(`model-versions/search: ${name}`, mv('search'), {
      filter: `name = '${model}'`,
      order_by: 'version_number',
    })
  return [
    send('registered-models/create', 'POST', rm('create'), {
      name: M,
      description: '# Written\n\nby the contract test',
      tags: [
        { key: 'b', value: '1' },
        { key: 'a', value: '2' },
      ],
    }),
    send('registered-models/create: duplicate name', 'POST', rm('create'), { name: M }),
    send('registered-models/create: no name', 'POST', rm('create'), {}),
    send('registered-models/create: blank name', 'POST', rm('create'), { name: ' ' }),
    send('registered-models/create: a slash in the name', 'POST', rm('create'), { name: 'a/b' }),
    send('registered-models/create: bad tag key', 'POST', rm('create'), {
      name: 'contract-bad-tag',
      tags: [{ key: 'a=b', value: '1' }],
    }),
    getModel('created'),
    send('registered-models/set-tag', 'POST', rm('set-tag'), { name: M, key: 'c', value: '3' }),
    send('registered-models/set-tag: overwrite keeps the place', 'POST', rm('set-tag'), {
      name: M,
      key: 'b',
      value: 'new',
    }),
    send('registered-models/set-tag: no value', 'POST', rm('set-tag'), { name: M, key: 'empty' }),
    send('registered-models/set-tag: bad key', 'POST', rm('set-tag'), { name: M, key: 'a/../b', value: 'v' }),
    send('registered-models/set-tag: unknown model', 'POST', rm('set-tag'), {
      name: 'no-such-model',
      key: 'a',
      value: 'b',
    }),
    send('registered-models/delete-tag', 'DELETE', rm('delete-tag'), { name: M, key: 'a' }),
    send('registered-models/delete-tag: missing tag', 'DELETE', rm('delete-tag'), { name: M, key: 'zzz' }),
    send('registered-models/update: description', 'PATCH', rm('update'), {
      name: M,
      description: 'Edited **description**',
    }),
    send('registered-models/update: unknown model', 'PATCH', rm('update'), { name: 'no-such-model' }),
    getModel('after tag and description edits'),
    send('model-versions/create: from a run', 'POST', mv('create'), {
      name: M,
      source,
      run_id: run('mnist-cnn-1'),
      description: 'From a run',
      tags: [
        { key: 'z', value: '1' },
        { key: 'y', value: '2' },
      ],
    }),
    send('model-versions/create: from a LoggedModel', 'POST', mv('create'), {
      name: M,
      source: `models:/${failed}`,
      model_id: failed,
    }),
    get('logged-models/get: now lists the version', `${API}/logged-models/${failed}`),
    send('model-versions/create: from another version', 'POST', mv('create'), {
      name: M,
      source: `models:/${M}/1`,
    }),
    send('model-versions/create: run_id of another run', 'POST', mv('create'), {
      name: M,
      source,
      run_id: run('mnist-cnn-2'),
    }),
    send('model-versions/create: runs:/ without run_id', 'POST', mv('create'), { name: M, source }),
    send('model-versions/create: models:/ without model_id', 'POST', mv('create'), {
      name: M,
      source: `models:/${failed}`,
    }),
    send('model-versions/create: unknown LoggedModel', 'POST', mv('create'), {
      name: M,
      source: 'models:/m-0123456789abcdef0123456789abcdef',
      model_id: 'm-0123456789abcdef0123456789abcdef',
    }),
    send('model-versions/create: a relative path', 'POST', mv('create'), {
      name: M,
      source: `runs:/${run('mnist-cnn-1')}/../model`,
      run_id: run('mnist-cnn-1'),
    }),
    send('model-versions/create: a local path', 'POST', mv('create'), {
      name: M,
      source: '/tmp/model',
      run_id: run('mnist-cnn-1'),
    }),
    send('model-versions/create: an object store, no run', 'POST', mv('create'), {
      name: M,
      source: 's3://bucket/models/m',
    }),
    send('model-versions/create: no source', 'POST', mv('create'), { name: M }),
    send('model-versions/create: unknown registered model', 'POST', mv('create'), {
      name: 'no-such-model',
      source,
      run_id: run('mnist-cnn-1'),
    }),
    versions('after creating versions'),
    getVersion('from a LoggedModel', '2'),
    get('model-versions/get-download-uri: from a LoggedModel', mv('get-download-uri'), {
      name: M,
      version: '2',
    }),
    get('model-versions/get-download-uri: from a version', mv('get-download-uri'), { name: M, version: '3' }),
    send('model-versions/update: description', 'PATCH', mv('update'), {
      name: M,
      version: '1',
      description: 'Edited',
    }),
    send('model-versions/update: without a description', 'PATCH', mv('update'), { name: M, version: '2' }),
    send('model-versions/update: unknown version', 'PATCH', mv('update'), { name: M, version: '99' }),
    send('model-versions/set-tag', 'POST', mv('set-tag'), { name: M, version: '2', key: 'q', value: '1' }),
    send('model-versions/set-tag: bad version', 'POST', mv('set-tag'), { name: M, version: 'x', key: 'q' }),
    send('model-versions/set-tag: unknown version', 'POST', mv('set-tag'), {
      name: M,
      version: '99',
      key: 'q',
      value: '1',
    }),
    send('model-versions/delete-tag', 'DELETE', mv('delete-tag'), { name: M, version: '1', key: 'z' }),
    send('model-versions/delete-tag: missing tag', 'DELETE', mv('delete-tag'), {
      name: M,
      version: '1',
      key: 'zzz',
    }),
    send('model-versions/transition-stage: Staging', 'POST', mv('transition-stage'), {
      name: M,
      version: '1',
      stage: 'Staging',
    }),
    send('model-versions/transition-stage: archiving the others', 'POST', mv('transition-stage'), {
      name: M,
      version: '2',
      stage: 'staging',
      archive_existing_versions: true,
    }),
    send('model-versions/transition-stage: unknown stage', 'POST', mv('transition-stage'), {
      name: M,
      version: '2',
      stage: 'Live',
    }),
    send('model-versions/transition-stage: archiving into Archived', 'POST', mv('transition-stage'), {
      name: M,
      version: '2',
      stage: 'Archived',
      archive_existing_versions: true,
    }),
    send('model-versions/transition-stage: no stage', 'POST', mv('transition-stage'), {
      name: M,
      version: '2',
    }),
    send('registered-models/alias: set', 'POST', rm('alias'), { name: M, alias: 'champion', version: '2' }),
    send('registered-models/alias: another', 'POST', rm('alias'), { name: M, alias: 'Beta', version: '2' }),
    send('registered-models/alias: move', 'POST', rm('alias'), { name: M, alias: 'champion', version: '1' }),
    send('registered-models/alias: a version name', 'POST', rm('alias'), {
      name: M,
      alias: 'v1',
      version: '1',
    }),
    send('registered-models/alias: latest', 'POST', rm('alias'), { name: M, alias: 'Latest', version: '1' }),
    send('registered-models/alias: a space', 'POST', rm('alias'), { name: M, alias: 'a b', version: '1' }),
    send('registered-models/alias: unknown version', 'POST', rm('alias'), {
      name: M,
      alias: 'ok',
      version: '99',
    }),
    send('registered-models/alias: version not a number', 'POST', rm('alias'), {
      name: M,
      alias: 'ok',
      version: 'x',
    }),
    get('registered-models/alias: after setting', rm('alias'), { name: M, alias: 'champion' }),
    get('registered-models/get-latest-versions: after writes', rm('get-latest-versions'), { name: M }),
    getModel('with stages and aliases'),
    send('registered-models/alias: delete', 'DELETE', rm('alias'), { name: M, alias: 'Beta' }),
    send('registered-models/alias: delete a missing alias', 'DELETE', rm('alias'), {
      name: M,
      alias: 'nope',
    }),
    send('registered-models/alias: delete on an unknown model', 'DELETE', rm('alias'), {
      name: 'no-such-model',
      alias: 'x',
    }),
    get('registered-models/alias: deleted', rm('alias'), { name: M, alias: 'Beta' }),
    send('model-versions/delete', 'DELETE', mv('delete'), { name: M, version: '1' }),
    send('model-versions/delete: again', 'DELETE', mv('delete'), { name: M, version: '1' }),
    getVersion('deleted', '1'),
    getModel('after deleting a version (its alias goes too)'),
    send('model-versions/create: numbers are not reused', 'POST', mv('create'), {
      name: M,
      source,
      run_id: run('mnist-cnn-1'),
    }),
    versions('after deleting one'),
    send('registered-models/rename: onto another model', 'POST', rm('rename'), {
      name: M,
      new_name: CONTRACT_REGISTRY.stages.name,
    }),
    send('registered-models/rename: no new name', 'POST', rm('rename'), { name: M }),
    send('registered-models/rename: unknown model', 'POST', rm('rename'), {
      name: 'no-such-model',
      new_name: 'x',
    }),
    send('registered-models/rename', 'POST', rm('rename'), { name: M, new_name: WRITE_MODEL_RENAMED }),
    getModel('old name after the rename'),
    getVersion('under the new name', '2', WRITE_MODEL_RENAMED),
    get('registered-models/search: after writes', rm('search'), { filter: "name LIKE 'contract-%'" }),
    send('logged-models/tags: set', 'PATCH', `${API}/logged-models/${failed}/tags`, {
      tags: [{ key: 'b', value: '1' }, { key: 'a', value: '2' }, { key: 'no value' }],
    }),
    send(
      'logged-models/tags: unknown model',
      'PATCH',
      `${API}/logged-models/m-0123456789abcdef0123456789abcdef/tags`,
      {
        tags: [{ key: 'a', value: '1' }],
      },
    ),
    send('logged-models/tags: delete', 'DELETE', `${API}/logged-models/${failed}/tags/b`),
    send('logged-models/tags: delete a missing tag', 'DELETE', `${API}/logged-models/${failed}/tags/zzz`),
    get('logged-models/get: after tag edits', `${API}/logged-models/${failed}`),
    send('logged-models: delete', 'DELETE', `${API}/logged-models/${failed}`),
    send('logged-models: delete again', 'DELETE', `${API}/logged-models/${failed}`),
    send(
      'logged-models: delete an unknown model',
      'DELETE',
      `${API}/logged-models/m-0123456789abcdef0123456789abcdef`,
    ),
    get('logged-models/get: deleted', `${API}/logged-models/${failed}`),
    get('logged-models/get: deleted, allow_deleted', `${API}/logged-models/${failed}`, {
      allow_deleted: 'true',
    }),
    send('registered-models/delete', 'DELETE', rm('delete'), { name: WRITE_MODEL_RENAMED }),
    send('registered-models/delete: again', 'DELETE', rm('delete'), { name: WRITE_MODEL_RENAMED }),
    get('model-versions/search: of a deleted model', mv('search'), {
      filter: `name = '${WRITE_MODEL_RENAMED}'`,
    }),
  ]
}

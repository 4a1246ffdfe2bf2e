import { describe, expect, it } from 'vitest'
import { parseRunFilter, type RunClause } from './parse-filter'
import {
  isServerClause,
  MAX_DISJUNCTS,
  parseRunQuery,
  parseRunQueryTree,
  planRunQuery,
  queryClauses,
  serializeRunQuery,
  type RunQuery,
} from './run-query'

const acc: RunClause = { entity: 'metric', key: 'acc', comparator: '>', value: 0.9 }
const adam: RunClause = { entity: 'param', key: 'optimizer', comparator: '=', value: 'adam' }
const nlp: RunClause = { entity: 'tag', key: 'team', comparator: '=', value: 'nlp' }
const failedOrKilled: RunClause = {
  entity: 'attribute',
  key: 'status',
  comparator: 'IN',
  value: ['FAILED', 'KILLED'],
}
const nameHas = (text: string): RunClause => ({
  entity: 'attribute',
  key: 'run_name',
  comparator: 'ILIKE',
  value: `%${text}%`,
})

function parsed(text: string): RunQuery {
  const result = parseRunQuery(text)
  if (!result.ok) throw new Error(`${text}: ${result.error.message}`)
  return result.value
}

describe('parseRunQuery', () => {
  it.each<{ text: string; disjuncts: RunClause[][] }>([
    { text: '', disjuncts: [] },
    { text: '   ', disjuncts: [] },
    { text: 'metrics.acc > 0.9', disjuncts: [[acc]] },
    { text: "metrics.acc > 0.9 AND params.optimizer = 'adam'", disjuncts: [[acc, adam]] },
    { text: "metrics.acc > 0.9 OR params.optimizer = 'adam'", disjuncts: [[acc], [adam]] },
    { text: "metrics.acc > 0.9 or params.optimizer = 'adam'", disjuncts: [[acc], [adam]] },
    // AND binds tighter than OR.
    {
      text: "metrics.acc > 0.9 AND params.optimizer = 'adam' OR tags.team = 'nlp'",
      disjuncts: [[acc, adam], [nlp]],
    },
    {
      text: "metrics.acc > 0.9 AND (params.optimizer = 'adam' OR tags.team = 'nlp')",
      disjuncts: [
        [acc, adam],
        [acc, nlp],
      ],
    },
    { text: '((metrics.acc > 0.9))', disjuncts: [[acc]] },
    { text: "attributes.status IN ('FAILED', 'KILLED')", disjuncts: [[failedOrKilled]] },
    { text: "status in ('FAILED','KILLED')", disjuncts: [[failedOrKilled]] },
    {
      text: "run.`status` NOT IN ('FAILED')",
      disjuncts: [[{ entity: 'attribute', key: 'status', comparator: 'NOT IN', value: ['FAILED'] }]],
    },
    { text: 'resnet', disjuncts: [[nameHas('resnet')]] },
    { text: '  resnet lr  ', disjuncts: [[nameHas('resnet lr')]] },
    { text: 'beta_1', disjuncts: [[nameHas('beta_1')]] },
    { text: 'resnet AND metrics.acc > 0.9', disjuncts: [[nameHas('resnet'), acc]] },
    { text: 'resnet OR vgg', disjuncts: [[nameHas('resnet')], [nameHas('vgg')]] },
    // MLflow ignores stray ANDs; so do we, as long as the group is plain MLflow.
    { text: 'AND metrics.acc > 0.9 AND', disjuncts: [[acc]] },
  ])('$text', ({ text, disjuncts }) => {
    expect(parsed(text).disjuncts).toEqual(disjuncts)
  })

  it.each([
    "metrics.acc > 0.9 AND params.optimizer = 'adam'",
    "tags.`mlflow.runName` LIKE 'a%' AND attributes.run_id IN ('r1', 'r2')",
    'start_time >= 1700000000000',
    "dataset.context NOT IN ('eval') AND params.x IS NULL",
  ])('reads what the server accepts as the server does: %s', (text) => {
    const server = parseRunFilter(text)
    expect(server.ok).toBe(true)
    if (server.ok) expect(parsed(text).disjuncts).toEqual([server.value])
  })

  it('multiplies out up to a limit', () => {
    const pair = (i: number) => `(metrics.a${i} = 1 OR metrics.b${i} = 1)`
    expect(parsed([1, 2, 3].map(pair).join(' AND ')).disjuncts).toHaveLength(8)
    const many = Array.from({ length: 7 }, (_, i) => pair(i)).join(' AND ')
    const result = parseRunQuery(many)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.message).toContain(String(MAX_DISJUNCTS))
  })
})

describe('parseRunQuery errors', () => {
  it.each<{ text: string; message: string; underline: string; start: number }>([
    { text: 'metrics.acc > 0.9 OR', message: 'Expected a condition after OR', underline: 'OR', start: 18 },
    { text: 'OR metrics.acc > 0.9', message: 'Expected a condition before OR', underline: 'OR', start: 0 },
    {
      text: 'metrics.acc > 0.9 OR OR tags.a = 1',
      message: 'Expected a condition after OR',
      underline: 'OR',
      start: 18,
    },
    { text: '(metrics.acc > 0.9', message: "Missing ')' for this '('", underline: '(', start: 0 },
    { text: 'metrics.acc > 0.9)', message: "Unmatched ')'", underline: ')', start: 17 },
    { text: '()', message: 'Expected a condition inside the parentheses', underline: '()', start: 0 },
    {
      text: '(metrics.acc > 0.9) metrics.b = 1',
      message: "Expected AND or OR before 'metrics'",
      underline: 'metrics',
      start: 20,
    },
    // MLflow's own messages, at the offending part of the whole text.
    {
      text: "tags.a = 'x' OR metrics.acc > 'high'",
      message: "Expected numeric value type for metric. Found 'high'",
      underline: "'high'",
      start: 30,
    },
    {
      text: 'resnet AND params.lr = 0.1',
      message: "Expected a quoted string value for parameter (e.g. 'my-value'). Got value 0.1",
      underline: '0.1',
      start: 23,
    },
    {
      text: "tags.a = 'x' OR metrics.acc ~ 1",
      message: "Invalid comparator '~' not one of '{'=', '!=', '<', '<=', '>', '>='}",
      underline: '~',
      start: 28,
    },
    {
      text: "tags.a = 'x' OR status IN ('FAILED', 1)",
      message:
        "While parsing a list in the query, expected string value, punctuation, or whitespace, but got different type in list: ('FAILED', 1)",
      underline: "('FAILED', 1)",
      start: 26,
    },
    {
      text: "params.opt = 'adam",
      message: "Missing closing '",
      underline: "'adam",
      start: 13,
    },
    {
      text: "user_id IN ('a')",
      message: "Only ['run_id'] attributes support comparison with a list of quoted string values.",
      underline: "('a')",
      start: 11,
    },
  ])('$text', ({ text, message, underline, start }) => {
    const result = parseRunQuery(text)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.message).toBe(message)
    expect(result.error.start).toBe(start)
    expect(text.slice(result.error.start, result.error.end)).toBe(underline)
  })
})

describe('parseRunQueryTree', () => {
  it('gives each clause its span in the text', () => {
    const text = "resnet AND (status IN ('FAILED','KILLED') OR  metrics.acc > 0.9)"
    const tree = parseRunQueryTree(text)
    expect(tree.ok).toBe(true)
    if (!tree.ok) return
    expect(queryClauses(tree.value).map((node) => text.slice(node.start, node.end))).toEqual([
      'resnet',
      "status IN ('FAILED','KILLED')",
      'metrics.acc > 0.9',
    ])
    expect(queryClauses(tree.value).map((node) => node.freeText)).toEqual([true, false, false])
  })
})

describe('serializeRunQuery', () => {
  it.each<{ query: RunQuery; text: string }>([
    { query: { disjuncts: [] }, text: '' },
    { query: { disjuncts: [[acc, adam]] }, text: "metrics.acc > 0.9 AND params.optimizer = 'adam'" },
    {
      query: { disjuncts: [[acc], [failedOrKilled, nlp]] },
      text: "metrics.acc > 0.9 OR attributes.status IN ('FAILED', 'KILLED') AND tags.team = 'nlp'",
    },
    { query: { disjuncts: [[nameHas('res net')]] }, text: "attributes.run_name ILIKE '%res net%'" },
  ])('$text', ({ query, text }) => {
    expect(serializeRunQuery(query)).toEqual({ ok: true, value: text })
    expect(parsed(text)).toEqual(query)
  })

  it.each([
    "metrics.acc > 0.9 AND (params.optimizer = 'adam' OR tags.team = 'nlp')",
    "resnet OR status NOT IN ('RUNNING') AND tags.`a b` = \"it's\"",
    "dataset.name IN ('cifar', 'mnist') OR metrics.`val loss` <= -1e-3",
    "params.x IS NOT NULL OR tags.y LIKE '%_%' AND start_time > 5",
  ])('parse, write, parse gives the same query: %s', (text) => {
    const query = parsed(text)
    const written = serializeRunQuery(query)
    expect(written.ok).toBe(true)
    if (written.ok) expect(parsed(written.value)).toEqual(query)
  })
})

describe('planRunQuery', () => {
  it('has nothing to do for no filter', () => {
    expect(planRunQuery({ disjuncts: [] })).toEqual({
      serverFilter: '',
      clientQuery: undefined,
      serverText: '',
      clientText: '',
    })
  })

  it('sends a plain MLflow filter to the server alone', () => {
    const plan = planRunQuery(parsed("metrics.acc > 0.9 AND params.optimizer = 'adam'"))
    expect(plan.serverFilter).toBe("metrics.acc > 0.9 AND params.optimizer = 'adam'")
    expect(plan.clientQuery).toBeUndefined()
    expect(plan.clientText).toBe('')
  })

  it('splits one AND-group: what the server supports there, the rest in the browser', () => {
    const plan = planRunQuery(parsed("metrics.acc > 0.9 AND status IN ('FAILED','KILLED') AND resnet"))
    expect(plan.serverFilter).toBe("metrics.acc > 0.9 AND attributes.run_name ILIKE '%resnet%'")
    expect(plan.clientQuery).toEqual({ disjuncts: [[failedOrKilled]] })
    expect(plan.clientText).toBe("attributes.status IN ('FAILED', 'KILLED')")
    expect(isServerClause(failedOrKilled)).toBe(false)
  })

  it('sends the clauses common to every AND-group of an OR, and keeps the whole query for the browser', () => {
    const query = parsed("metrics.acc > 0.9 AND (params.optimizer = 'adam' OR tags.team = 'nlp')")
    const plan = planRunQuery(query)
    expect(plan.serverFilter).toBe('metrics.acc > 0.9')
    expect(plan.clientQuery).toEqual(query)
    expect(plan.clientText).toBe(
      "metrics.acc > 0.9 AND params.optimizer = 'adam' OR metrics.acc > 0.9 AND tags.team = 'nlp'",
    )
  })

  it('sends nothing when the AND-groups share nothing', () => {
    const plan = planRunQuery(parsed("metrics.acc > 0.9 OR tags.team = 'nlp'"))
    expect(plan.serverFilter).toBe('')
    expect(plan.clientQuery?.disjuncts).toHaveLength(2)
  })

  it('never sends a browser-only clause, even when every group has it', () => {
    const plan = planRunQuery(
      parsed("status IN ('FAILED','KILLED') AND (metrics.acc > 0.9 OR tags.team = 'nlp')"),
    )
    expect(plan.serverFilter).toBe('')
  })
})

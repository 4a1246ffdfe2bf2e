import { describe, expect, it } from 'vitest'
import {
  addFilterClause,
  datasetsInFilter,
  filterChips,
  removeFilterChip,
  setDatasetClause,
  setStartTimeClause,
  setStatusClause,
  startTimeInFilter,
  statusesInFilter,
} from './filter-clauses'
import { parseRunQuery } from './run-query'

function removing(text: string, label: string): string {
  const chip = filterChips(text).find((c) => c.label === label)
  if (chip === undefined) throw new Error(`no chip ${label}`)
  return removeFilterChip(text, chip)
}

describe('filterChips', () => {
  it('gives one chip per clause, labelled as written', () => {
    const text = "metrics.acc > 0.9 AND  status IN ('FAILED','KILLED') AND resnet OR (tags.team = 'nlp')"
    expect(filterChips(text).map((c) => c.label)).toEqual([
      'metrics.acc > 0.9',
      "status IN ('FAILED','KILLED')",
      'resnet',
      "tags.team = 'nlp'",
    ])
    expect(filterChips(text)[2]?.clause).toEqual({
      entity: 'attribute',
      key: 'run_name',
      comparator: 'ILIKE',
      value: '%resnet%',
    })
    expect(new Set(filterChips(text).map((c) => c.id)).size).toBe(4)
  })

  it('gives none for text that does not parse, or no text', () => {
    expect(filterChips('metrics.acc >')).toEqual([])
    expect(filterChips('')).toEqual([])
  })
})

describe('removeFilterChip', () => {
  const text = "metrics.acc > 0.9 AND params.opt = 'adam' OR (tags.team = 'nlp' AND resnet)"
  it.each([
    { label: 'metrics.acc > 0.9', result: "params.opt = 'adam' OR (tags.team = 'nlp' AND resnet)" },
    { label: "params.opt = 'adam'", result: "metrics.acc > 0.9 OR (tags.team = 'nlp' AND resnet)" },
    { label: "tags.team = 'nlp'", result: "metrics.acc > 0.9 AND params.opt = 'adam' OR (resnet)" },
    { label: 'resnet', result: "metrics.acc > 0.9 AND params.opt = 'adam' OR (tags.team = 'nlp')" },
  ])('removes $label with its connective', ({ label, result }) => {
    expect(removing(text, label)).toBe(result)
    expect(parseRunQuery(result).ok).toBe(true)
  })

  it('removes a group left empty, and the last clause leaves no filter', () => {
    expect(removing("metrics.a = 1 OR (tags.b = 'x')", "tags.b = 'x'")).toBe('metrics.a = 1')
    expect(removing('  metrics.a = 1  ', 'metrics.a = 1')).toBe('')
  })

  it('leaves the text alone when the chip is stale', () => {
    const [chip] = filterChips('metrics.a = 1')
    if (chip === undefined) throw new Error('no chip')
    expect(removeFilterChip('tags.b = 1 AND tags.c = 2', chip)).toBe('tags.b = 1 AND tags.c = 2')
  })
})

describe('addFilterClause', () => {
  it('appends with AND, or starts the filter', () => {
    const clause = { entity: 'param', key: 'opt', comparator: '=', value: 'adam' } as const
    expect(addFilterClause('', clause)).toBe("params.opt = 'adam'")
    expect(addFilterClause('metrics.a > 1 ', clause)).toBe("metrics.a > 1 AND params.opt = 'adam'")
  })

  it('replaces an = clause on the same key, and adds nothing twice', () => {
    const clause = { entity: 'param', key: 'opt', comparator: '=', value: 'sgd' } as const
    expect(addFilterClause("params.opt = 'adam' AND metrics.a > 1", clause)).toBe(
      "params.opt = 'sgd' AND metrics.a > 1",
    )
    expect(addFilterClause("params.opt = 'sgd'", clause)).toBe("params.opt = 'sgd'")
  })

  it('puts an OR filter in parentheses first', () => {
    const clause = { entity: 'tag', key: 'team name', comparator: '=', value: "it's" } as const
    expect(addFilterClause('metrics.a > 1 OR metrics.b > 1', clause)).toBe(
      '(metrics.a > 1 OR metrics.b > 1) AND tags.`team name` = "it\'s"',
    )
  })
})

describe('quick filters', () => {
  it('writes statuses: none, one with =, several with IN', () => {
    expect(setStatusClause('metrics.a > 1', ['FAILED'])).toBe(
      "metrics.a > 1 AND attributes.status = 'FAILED'",
    )
    const both = setStatusClause('metrics.a > 1', ['KILLED', 'FAILED'])
    expect(both).toBe("metrics.a > 1 AND attributes.status IN ('FAILED', 'KILLED')")
    expect(statusesInFilter(both)).toEqual(['FAILED', 'KILLED'])
    expect(setStatusClause(both, ['RUNNING'])).toBe("metrics.a > 1 AND attributes.status = 'RUNNING'")
    expect(setStatusClause(both, [])).toBe('metrics.a > 1')
  })

  it('replaces status clauses in place and drops duplicates', () => {
    expect(setStatusClause("status = 'X' AND metrics.a > 1 AND status = 'Y'", ['FINISHED'])).toBe(
      "attributes.status = 'FINISHED' AND metrics.a > 1",
    )
  })

  it('reads only top-level clauses', () => {
    expect(statusesInFilter("metrics.a > 1 OR status = 'FAILED'")).toEqual([])
    expect(statusesInFilter("(status = 'FAILED' AND metrics.a > 1)")).toEqual(['FAILED'])
    expect(setStatusClause("metrics.a > 1 OR status = 'FAILED'", ['KILLED'])).toBe(
      "(metrics.a > 1 OR status = 'FAILED') AND attributes.status = 'KILLED'",
    )
  })

  it('writes and reads the start-time bound', () => {
    const text = setStartTimeClause('resnet', 1_700_000_000_000.4)
    expect(text).toBe('resnet AND attributes.start_time >= 1700000000000')
    expect(startTimeInFilter(text)).toBe(1_700_000_000_000)
    expect(setStartTimeClause(text, 5)).toBe('resnet AND attributes.start_time >= 5')
    expect(setStartTimeClause(text, undefined)).toBe('resnet')
    expect(startTimeInFilter('resnet')).toBeUndefined()
  })

  it('writes and reads dataset names', () => {
    const text = setDatasetClause('', ['cifar', 'mnist', 'cifar'])
    expect(text).toBe("dataset.name IN ('cifar', 'mnist')")
    expect(datasetsInFilter(text)).toEqual(['cifar', 'mnist'])
    expect(datasetsInFilter("dataset.name = 'x'")).toEqual(['x'])
    expect(setDatasetClause(text, [])).toBe('')
  })
})

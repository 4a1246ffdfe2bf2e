import { describe, expect, it } from 'vitest'
import {
  DEFAULT_RUN_TABLE_VIEW,
  visibleColumnIds,
  withVisibleColumns,
  type RunTableView,
} from '@/domain/runs/run-table-view'
import { parseRunTableState, serializeRunTableState } from './run-table-state'

const parse = (query: string) => parseRunTableState(new URLSearchParams(query))

describe('runs table URL state', () => {
  it('falls back to defaults for a bare or bad URL', () => {
    expect(parse('')).toEqual(DEFAULT_RUN_TABLE_VIEW)
    expect(parse('view=weird&sort=nonsense&group=x.y&limit=-3&w=params.lr:abc&show=foo')).toEqual(
      DEFAULT_RUN_TABLE_VIEW,
    )
  })

  it('reads a full view from a readable URL', () => {
    const view = parse(
      'filter=metrics.acc+%3E+0.9&view=deleted&sort=params.lr&desc=0&show=tags.team,metrics.loss&hide=attributes.user' +
        '&pin=metrics.loss&w=params.lr:180&same=hide&group=params.optimizer&fold=params.optimizer%3Dadam' +
        '&sel=a1,b2&expand=all,c3&limit=all',
    )
    expect(view).toEqual<RunTableView>({
      filter: 'metrics.acc > 0.9',
      view: 'deleted',
      sortColumn: 'params.lr',
      descending: false,
      shown: ['tags.team', 'metrics.loss'],
      hidden: ['attributes.user'],
      order: [],
      pinned: ['metrics.loss'],
      widths: { 'params.lr': 180 },
      hideConstant: true,
      groupBy: 'params.optimizer',
      collapsedGroups: ['params.optimizer=adam'],
      selected: ['a1', 'b2'],
      selectAll: false,
      expandAll: true,
      expanded: ['c3'],
      limit: Number.POSITIVE_INFINITY,
    })
  })

  it.each<Partial<RunTableView>>([
    {},
    { filter: "params.model = 'cnn' OR attributes.status IN ('FAILED','KILLED')" },
    { sortColumn: 'metrics.val loss', descending: true },
    { shown: ['params.a,b', 'tags.x'], order: ['attributes.run_name', 'params.a,b'] },
    { selectAll: true, filter: 'metrics.acc > 0.5' },
    { widths: { 'metrics.loss': 90, 'attributes.run_name': 300 }, limit: 5000 },
    { expanded: ['r1', 'r2'] },
  ])('round-trips %o', (change) => {
    const view = { ...DEFAULT_RUN_TABLE_VIEW, ...change }
    expect(parseRunTableState(serializeRunTableState(view))).toEqual(view)
  })

  it('keeps select-all as a flag, not as thousands of ids', () => {
    const params = serializeRunTableState({
      ...DEFAULT_RUN_TABLE_VIEW,
      selectAll: true,
      selected: ['a', 'b'],
    })
    expect(params.toString()).toBe('selall=1')
  })
})

describe('visible columns as a change from the defaults', () => {
  const defaults = ['attributes.run_name', 'attributes.status', 'metrics.loss']

  it('shows the defaults, minus hidden, plus shown, pinned first', () => {
    const view = {
      ...DEFAULT_RUN_TABLE_VIEW,
      hidden: ['attributes.status'],
      shown: ['params.lr'],
      pinned: ['params.lr'],
    }
    expect(visibleColumnIds(view, defaults)).toEqual(['params.lr', 'attributes.run_name', 'metrics.loss'])
  })

  it('stores additions and removals, and an order only when the user reorders', () => {
    const added = withVisibleColumns(DEFAULT_RUN_TABLE_VIEW, defaults, [...defaults, 'params.lr'], [])
    expect(added).toMatchObject({ shown: ['params.lr'], hidden: [], order: [] })
    const removed = withVisibleColumns(
      DEFAULT_RUN_TABLE_VIEW,
      defaults,
      ['attributes.run_name', 'metrics.loss'],
      [],
    )
    expect(removed).toMatchObject({ shown: [], hidden: ['attributes.status'], order: [] })
    const moved = withVisibleColumns(
      DEFAULT_RUN_TABLE_VIEW,
      defaults,
      ['metrics.loss', 'attributes.run_name'],
      [],
    )
    expect(moved.order).toEqual(['metrics.loss', 'attributes.run_name'])
    expect(visibleColumnIds(moved, defaults)).toEqual(['metrics.loss', 'attributes.run_name'])
  })
})

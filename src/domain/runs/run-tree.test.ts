import { describe, expect, it } from 'vitest'
import type { Run } from './run'
import {
  buildRunTree,
  descendantIds,
  missingParentIds,
  parentRunIdOf,
  type Expansion,
  type RunRow,
} from './run-tree'

/** `child<parent` names a run with a parent; a bare id is a root. */
function makeRun(spec: string): Run {
  const [runId = '', parent] = spec.split('<')
  return {
    info: {
      runId,
      runName: runId,
      experimentId: '1',
      userId: undefined,
      status: 'FINISHED',
      startTime: 0,
      endTime: 1,
      artifactUri: undefined,
      lifecycleStage: 'active',
    },
    params: {},
    metrics: {},
    tags: parent === undefined ? {} : { 'mlflow.parentRunId': parent },
    datasets: [],
    modelOutputs: [],
    modelInputs: [],
  }
}

const runsOf = (specs: string) => (specs === '' ? [] : specs.split(' ').map(makeRun))
const knownOf = (runs: readonly Run[]) => new Map(runs.map((run) => [run.info.runId, run]))

/** Rows as `  id[+|-]*`: indent per depth, + expanded, - collapsed (with children), * context. */
function picture(rows: readonly RunRow[]): string[] {
  return rows.map((row) => {
    const mark = row.childCount === 0 ? '' : row.expanded ? `+${row.childCount}` : `-${row.childCount}`
    return `${'  '.repeat(row.depth)}${row.run.info.runId}${mark}${row.context ? '*' : ''}`
  })
}

const ALL: Expansion = { all: true, ids: new Set() }
const NONE: Expansion = { all: false, ids: new Set() }

describe('parentRunIdOf', () => {
  it.each([
    ['c<p', 'p'],
    ['c', undefined],
    ['c<', undefined],
  ])('%s -> %s', (spec, parent) => {
    expect(parentRunIdOf(makeRun(spec))).toBe(parent)
  })
})

describe('buildRunTree', () => {
  it.each<[string, string, string, Expansion, string[]]>([
    ['flat runs keep their order', 'b a c', '', ALL, ['b', 'a', 'c']],
    ['children under their parent', 'p c1<p c2<p q', '', ALL, ['p+2', '  c1', '  c2', 'q']],
    ['siblings keep their order in matches', 'c2<p q p c1<p', '', ALL, ['q', 'p+2', '  c2', '  c1']],
    ['collapsed by default', 'p c1<p', '', NONE, ['p-1']],
    ['expanded by id', 'p c<p g<c', '', { all: false, ids: new Set(['p']) }, ['p+1', '  c-1']],
    [
      'collapsed by id when all are expanded',
      'p c<p g<c',
      '',
      { all: true, ids: new Set(['c']) },
      ['p+1', '  c-1'],
    ],
    ['any depth', 'a b<a c<b d<c', '', ALL, ['a+1', '  b+1', '    c+1', '      d']],
    ['an unknown parent puts the child at the root', 'c<gone d', '', ALL, ['c', 'd']],
    ['parents from known as context, always expanded', 'c<p', 'p<g g', NONE, ['g+1*', '  p+1*', '    c']],
    [
      "a context run takes its first match's place",
      'x c2<p y c1<p',
      'p',
      ALL,
      ['x', 'p+2*', '  c2', '  c1', 'y'],
    ],
    ['a cycle of two is cut where it closes', 'a<b b<a', '', ALL, ['b+1', '  a']],
    ['a run that is its own parent', 'a<a b', '', ALL, ['a', 'b']],
    ['a cycle above a match', 'm<x', 'x<y y<x', ALL, ['y+1*', '  x+1*', '    m']],
    ['a cycle of three', 'a<c b<a c<b', '', ALL, ['b+1', '  c+1', '    a']],
    ['a match listed twice appears once', 'a b a', '', ALL, ['a', 'b']],
    ['a matching parent after its child', 'c<p p', '', ALL, ['p+1', '  c']],
  ])('%s', (_, matches, known, expansion, expected) => {
    const matching = runsOf(matches)
    const rows = buildRunTree(matching, knownOf([...matching, ...runsOf(known)]), expansion)
    expect(picture(rows)).toEqual(expected)
  })

  it('gives context rows the runs from known', () => {
    const parent = makeRun('p')
    const [row] = buildRunTree([makeRun('c<p')], knownOf([parent]), NONE)
    expect(row).toEqual({ kind: 'run', run: parent, depth: 0, childCount: 1, expanded: true, context: true })
  })

  it('builds 20k runs in chains and families', () => {
    // 2,000 parents, each with 9 children; every fifth child has a child of its own.
    const runs: Run[] = []
    for (let p = 0; p < 2_000; p++) {
      runs.push(makeRun(`p${p}`))
      for (let c = 0; c < 9; c++) runs.push(makeRun(`c${p}_${c}<p${p}`))
      runs.push(makeRun(`g${p}<c${p}_0`))
    }
    const deep = Array.from({ length: 1_000 }, (_, i) => makeRun(i === 0 ? 'd0' : `d${i}<d${i - 1}`))
    const all = [...runs, ...deep].reverse()
    const rows = buildRunTree(all, knownOf(all), ALL)
    expect(rows).toHaveLength(all.length)
    expect(rows.find((row) => row.run.info.runId === 'd999')?.depth).toBe(999)
    expect(rows.find((row) => row.run.info.runId === 'g7')?.depth).toBe(2)
    const collapsed = buildRunTree(all, knownOf(all), NONE)
    expect(collapsed).toHaveLength(2_001)
  })
})

describe('missingParentIds', () => {
  it.each<[string, string, string[]]>([
    ['no parents', 'a b', []],
    ['a parent not loaded', 'c<p', ['p']],
    ['each once, in order first met', 'c<p d<q e<p', ['p', 'q']],
    ['a parent in known', 'c<p', []],
    ['the parent of a known ancestor', 'c<p', ['g']],
    ['a parent among the runs themselves', 'c<p p', []],
    ['a cycle', 'a<b b<a', []],
  ])('%s', (name, runs, expected) => {
    const known =
      name === 'a parent in known'
        ? runsOf('p')
        : name === 'the parent of a known ancestor'
          ? runsOf('p<g')
          : []
    expect(missingParentIds(runsOf(runs), knownOf(known))).toEqual(expected)
  })
})

describe('descendantIds', () => {
  const runs = runsOf('a b<a c<b d<a e f<e x<y y<x')
  it.each<[string[], string[]]>([
    [['a'], ['b', 'd', 'c']],
    [['b'], ['c']],
    [
      ['a', 'b'],
      ['d', 'c'],
    ],
    [['c'], []],
    [
      ['e', 'a'],
      ['f', 'b', 'd', 'c'],
    ],
    [['x'], ['y']],
    [['gone'], []],
  ])('%j -> %j', (given, expected) => {
    expect(descendantIds(given, runs)).toEqual(expected)
  })

  it('finds descendants among 20k runs', () => {
    const chain = Array.from({ length: 20_000 }, (_, i) =>
      makeRun(i === 0 ? 'r0' : `r${i}<r${Math.floor(i / 3)}`),
    )
    expect(descendantIds(['r0'], chain)).toHaveLength(19_999)
  })
})

/**
 * Nested runs (`mlflow.parentRunId`) as the rows of a tree: children under their parent, parents
 * that do not match the filter shown as context, any depth, safe against cycles.
 */

import { SYSTEM_TAGS, type Run } from './run'

export function parentRunIdOf(run: Run): string | undefined {
  const parent = run.tags[SYSTEM_TAGS.parentRunId]
  return parent === '' ? undefined : parent
}

export interface RunRow {
  readonly kind: 'run'
  readonly run: Run
  readonly depth: number
  /** Children present in the tree (matching or context). */
  readonly childCount: number
  /** Always false for a run without children in the tree. */
  readonly expanded: boolean
  /** Shown only because a descendant matches; it does not match the filter itself. */
  readonly context: boolean
}

/** `all` flips the default: then `ids` are the collapsed runs, else the expanded ones. */
export interface Expansion {
  readonly all: boolean
  readonly ids: ReadonlySet<string>
}

export function isExpanded(expansion: Expansion, runId: string): boolean {
  return expansion.all !== expansion.ids.has(runId)
}

/** A run placed in the tree, with everything the walk learns about it (one map lookup per run). */
interface TreeNode {
  readonly run: Run
  readonly id: string
  readonly matching: boolean
  /** Sibling order: a match's position in `matches`, a context run its first matching descendant's. */
  position: number
  parent: TreeNode | undefined
  state: 'new' | 'visiting' | 'done'
  children: TreeNode[] | undefined
}

function byPosition(a: TreeNode, b: TreeNode): number {
  return a.position - b.position
}

function sortByPosition(list: TreeNode[]): void {
  for (let index = 1; index < list.length; index++) {
    if ((list[index - 1]?.position ?? 0) > (list[index]?.position ?? 0)) {
      list.sort(byPosition)
      return
    }
  }
}

/**
 * `matches` in display order (already sorted). Children appear under their parent, siblings keep
 * their order in `matches` (a context run takes the place of its first matching descendant). A
 * matching child whose parent does not match is shown under it, the parent (and further ancestors)
 * as context rows taken from `known`. Context rows are always expanded. A child whose parent is not
 * known is shown at the root. A cycle of parents is cut where the walk up from a match meets it again.
 */
export function buildRunTree(
  matches: readonly Run[],
  known: ReadonlyMap<string, Run>,
  expansion: Expansion,
): RunRow[] {
  const nodes = new Map<string, TreeNode>()
  const starts: TreeNode[] = []
  for (const run of matches) {
    const id = run.info.runId
    if (nodes.has(id)) continue
    const node: TreeNode = {
      run,
      id,
      matching: true,
      position: starts.length,
      parent: undefined,
      state: 'new',
      children: undefined,
    }
    nodes.set(id, node)
    starts.push(node)
  }

  // Walk up from each match until a run already placed; each run is walked once.
  const path: TreeNode[] = []
  for (const start of starts) {
    path.length = 0
    let node = start
    while (node.state === 'new') {
      node.state = 'visiting'
      path.push(node)
      const parentId = parentRunIdOf(node.run)
      if (parentId === undefined) break
      let parent = nodes.get(parentId)
      if (parent === undefined) {
        const run = known.get(parentId)
        if (run === undefined) break
        parent = {
          run,
          id: parentId,
          matching: false,
          position: start.position,
          parent: undefined,
          state: 'new',
          children: undefined,
        }
        nodes.set(parentId, parent)
      }
      // A cycle: drop the edge that closes it, so every run on this walk stays an ancestor of `start`.
      if (parent.state === 'visiting') break
      node.parent = parent
      node = parent
    }
    for (const done of path) done.state = 'done'
  }

  const roots: TreeNode[] = []
  for (const node of nodes.values()) {
    const { parent } = node
    if (parent === undefined) roots.push(node)
    else if (parent.children === undefined) parent.children = [node]
    else parent.children.push(node)
  }
  sortByPosition(roots)

  const rows: RunRow[] = []
  const stack: TreeNode[] = []
  const depths: number[] = []
  for (let index = roots.length - 1; index >= 0; index--) {
    const root = roots[index]
    if (root === undefined) continue
    stack.push(root)
    depths.push(0)
  }
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    const depth = depths.pop() ?? 0
    const kids = node.children ?? []
    const context = !node.matching
    const expanded = kids.length > 0 && (context || isExpanded(expansion, node.id))
    rows.push({ kind: 'run', run: node.run, depth, childCount: kids.length, expanded, context })
    if (!expanded) continue
    sortByPosition(kids)
    for (let index = kids.length - 1; index >= 0; index--) {
      const kid = kids[index]
      if (kid === undefined) continue
      stack.push(kid)
      depths.push(depth + 1)
    }
  }
  return rows
}

/**
 * Parent ids referenced by `runs` (and by ancestors found in `known` or `runs`) that are in
 * neither, in the order first met, each once.
 */
export function missingParentIds(runs: readonly Run[], known: ReadonlyMap<string, Run>): string[] {
  const own = new Map<string, Run>()
  for (const run of runs) own.set(run.info.runId, run)
  const missing = new Set<string>()
  const seen = new Set<string>()
  for (const start of runs) {
    let run: Run | undefined = start
    while (run !== undefined && !seen.has(run.info.runId)) {
      seen.add(run.info.runId)
      const parentId = parentRunIdOf(run)
      if (parentId === undefined) break
      run = known.get(parentId) ?? own.get(parentId)
      if (run === undefined) missing.add(parentId)
    }
  }
  return [...missing]
}

/**
 * All descendants of the given runs among `runs` (children, grandchildren...), parents before
 * their children, not including the given ids.
 */
export function descendantIds(runIds: readonly string[], runs: readonly Run[]): string[] {
  const children = new Map<string, string[]>()
  for (const run of runs) {
    const parentId = parentRunIdOf(run)
    if (parentId === undefined) continue
    const list = children.get(parentId)
    if (list === undefined) children.set(parentId, [run.info.runId])
    else list.push(run.info.runId)
  }
  const given = new Set(runIds)
  const seen = new Set(runIds)
  const result: string[] = []
  const queue = [...runIds]
  for (let head = 0; head < queue.length; head++) {
    for (const child of children.get(queue[head] ?? '') ?? []) {
      if (seen.has(child)) continue
      seen.add(child)
      if (!given.has(child)) result.push(child)
      queue.push(child)
    }
  }
  return result
}

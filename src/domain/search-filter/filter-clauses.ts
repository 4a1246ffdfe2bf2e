/**
 * Chips and quick controls over the filter text. The text stays the source of truth: every change
 * is a small edit of what the user wrote (one clause cut out or put in), never a rewrite of the
 * whole filter, so their spelling, order and spacing survive.
 *
 * The quick controls (status, start time, datasets) read and write clauses at the top level of the
 * filter only, i.e. clauses AND-ed with the rest. A filter whose top level is an OR gets a new clause
 * as `(<filter>) AND <clause>`.
 */

import { RUN_STATUSES, type RunStatus } from '../runs/run'
import type { RunClause } from './parse-filter'
import {
  parseRunQueryTree,
  queryClauses,
  sameRunClause,
  serializeRunClause,
  type QueryClauseNode,
  type QueryNode,
} from './run-query'

export interface FilterChipModel {
  readonly id: string
  /** The clause as written in the filter. */
  readonly label: string
  /** The clause's span in the filter text. */
  readonly start: number
  readonly end: number
  readonly clause?: RunClause
}

/** One chip per clause of a parseable filter, in text order; [] when the text does not parse. */
export function filterChips(text: string): FilterChipModel[] {
  const tree = parseRunQueryTree(text)
  if (!tree.ok) return []
  return queryClauses(tree.value).map((node, index) => ({
    id: `${index}:${node.start}-${node.end}`,
    label: text.slice(node.start, node.end).replace(/\s+/g, ' '),
    start: node.start,
    end: node.end,
    clause: node.clause,
  }))
}

/** The chain of nodes from the root down to `target`, or undefined when it is not in the tree. */
function pathTo(root: QueryNode, target: QueryNode): QueryNode[] | undefined {
  if (root === target) return [root]
  const children = root.kind === 'clause' ? [] : root.kind === 'group' ? [root.inner] : root.items
  for (const child of children) {
    const path = pathTo(child, target)
    if (path !== undefined) return [root, ...path]
  }
  return undefined
}

/**
 * Cut a node out of the text with the connective that joins it to a neighbour (the one before it,
 * or for a first item the one after it). A group left empty goes the same way.
 */
function cutNode(text: string, root: QueryNode, target: QueryNode): string {
  const path = pathTo(root, target)
  if (path === undefined) return text
  let node = target
  for (let i = path.length - 2; i >= 0; i--) {
    const parent = path[i]
    if (parent === undefined || parent.kind === 'clause') break
    if (parent.kind === 'group') {
      node = parent
      continue
    }
    const index = parent.items.indexOf(node)
    const previous = parent.items[index - 1]
    const next = parent.items[index + 1]
    if (previous !== undefined) return text.slice(0, previous.end) + text.slice(node.end)
    if (next !== undefined) return text.slice(0, node.start) + text.slice(next.start)
    break
  }
  return ''
}

/** The filter without the chip's clause (and the AND/OR that joined it); unchanged if it is gone. */
export function removeFilterChip(text: string, chip: FilterChipModel): string {
  const tree = parseRunQueryTree(text)
  if (!tree.ok || tree.value === undefined) return text
  const node = queryClauses(tree.value).find((n) => n.start === chip.start && n.end === chip.end)
  return node === undefined ? text : cutNode(text, tree.value, node).trim()
}

/** Cut clauses out one by one, the last first, so the earlier ones keep their offsets. */
function cutClauses(text: string, nodes: readonly QueryClauseNode[]): string {
  let result = text
  for (const node of [...nodes].reverse()) {
    const current = parseRunQueryTree(result)
    if (!current.ok || current.value === undefined) break
    const again = queryClauses(current.value).find((n) => n.start === node.start && n.end === node.end)
    if (again !== undefined) result = cutNode(result, current.value, again)
  }
  return result
}

/** The clauses AND-ed at the top of the filter (parentheses around the whole filter do not count). */
function topLevelClauses(root: QueryNode | undefined): QueryClauseNode[] {
  let node = root
  while (node?.kind === 'group') node = node.inner
  if (node === undefined || node.kind === 'or') return []
  if (node.kind === 'clause') return [node]
  return node.items.flatMap((item) => (item.kind === 'clause' ? [item] : []))
}

function hasTopLevelOr(root: QueryNode | undefined): boolean {
  let node = root
  while (node?.kind === 'group') node = node.inner
  return node?.kind === 'or'
}

function appendClause(text: string, root: QueryNode | undefined, written: string): string {
  const trimmed = text.trim()
  if (trimmed === '') return written
  return hasTopLevelOr(root) ? `(${trimmed}) AND ${written}` : `${trimmed} AND ${written}`
}

/**
 * Put `clause` in place of the top-level clauses matching `replaces` (at the first one's place; the
 * others go), or add it with AND when none does. `undefined` only removes.
 */
function replaceTopLevel(
  text: string,
  replaces: (clause: RunClause) => boolean,
  clause: RunClause | undefined,
): string {
  const written = clause === undefined ? undefined : serializeRunClause(clause)
  if (written !== undefined && !written.ok) return text
  const tree = parseRunQueryTree(text)
  if (!tree.ok) return written === undefined ? text : appendClause(text, undefined, written.value)
  const root = tree.value
  const matches = topLevelClauses(root).filter((node) => replaces(node.clause))
  const [first, ...others] = matches
  if (written === undefined) return cutClauses(text, matches).trim()
  if (first === undefined) return appendClause(text, root, written.value)
  const result = cutClauses(text, others)
  return (result.slice(0, first.start) + written.value + result.slice(first.end)).trim()
}

/**
 * `<text> AND <clause>`, replacing an `=` clause on the same entity and key; the text is unchanged
 * when it already holds the clause at its top level.
 */
export function addFilterClause(text: string, clause: RunClause): string {
  const tree = parseRunQueryTree(text)
  if (tree.ok && topLevelClauses(tree.value).some((node) => sameRunClause(node.clause, clause))) return text
  return replaceTopLevel(
    text,
    (c) => c.entity === clause.entity && c.key === clause.key && c.comparator === '=',
    clause,
  )
}

function isStatusChoice(clause: RunClause): boolean {
  return (
    clause.entity === 'attribute' &&
    clause.key === 'status' &&
    (clause.comparator === '=' || clause.comparator === 'IN')
  )
}

function isStartTimeBound(clause: RunClause): boolean {
  return (
    clause.entity === 'attribute' &&
    clause.key === 'start_time' &&
    (clause.comparator === '>=' || clause.comparator === '>')
  )
}

function isDatasetChoice(clause: RunClause): boolean {
  return (
    clause.entity === 'dataset' &&
    clause.key === 'name' &&
    (clause.comparator === '=' || clause.comparator === 'IN')
  )
}

function listValues(clause: RunClause): readonly string[] {
  if (typeof clause.value === 'string') return [clause.value]
  if (clause.value !== null && typeof clause.value === 'object') return clause.value
  return []
}

function firstTopLevel(text: string, test: (clause: RunClause) => boolean): RunClause | undefined {
  const tree = parseRunQueryTree(text)
  if (!tree.ok) return undefined
  return topLevelClauses(tree.value).find((node) => test(node.clause))?.clause
}

/** 0 statuses remove the status clause; 1 gives `=`; more give IN (in the usual status order). */
export function setStatusClause(text: string, statuses: readonly RunStatus[]): string {
  const chosen = RUN_STATUSES.filter((status) => statuses.includes(status))
  const [only] = chosen
  const clause: RunClause | undefined =
    only === undefined
      ? undefined
      : chosen.length === 1
        ? { entity: 'attribute', key: 'status', comparator: '=', value: only }
        : { entity: 'attribute', key: 'status', comparator: 'IN', value: chosen }
  return replaceTopLevel(text, isStatusChoice, clause)
}

/** `attributes.start_time >= <ms>`; undefined removes it. */
export function setStartTimeClause(text: string, sinceMs: number | undefined): string {
  const clause: RunClause | undefined =
    sinceMs === undefined
      ? undefined
      : { entity: 'attribute', key: 'start_time', comparator: '>=', value: Math.round(sinceMs) }
  return replaceTopLevel(text, isStartTimeBound, clause)
}

/** `dataset.name IN (...)`: runs with an input of any of these names; [] removes it. */
export function setDatasetClause(text: string, names: readonly string[]): string {
  const unique = [...new Set(names)]
  const clause: RunClause | undefined =
    unique.length === 0 ? undefined : { entity: 'dataset', key: 'name', comparator: 'IN', value: unique }
  return replaceTopLevel(text, isDatasetChoice, clause)
}

/** The statuses a top-level `attributes.status =` or `IN` clause picks. */
export function statusesInFilter(text: string): RunStatus[] {
  const clause = firstTopLevel(text, isStatusChoice)
  if (clause === undefined) return []
  const values = listValues(clause)
  return RUN_STATUSES.filter((status) => values.includes(status))
}

/** The dataset names a top-level `dataset.name =` or `IN` clause picks. */
export function datasetsInFilter(text: string): string[] {
  const clause = firstTopLevel(text, isDatasetChoice)
  return clause === undefined ? [] : [...listValues(clause)]
}

/** The bound of a top-level `attributes.start_time >=` (or `>`) clause. */
export function startTimeInFilter(text: string): number | undefined {
  const clause = firstTopLevel(text, isStartTimeBound)
  return typeof clause?.value === 'number' ? clause.value : undefined
}

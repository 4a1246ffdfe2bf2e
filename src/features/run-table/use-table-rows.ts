import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { runQueries } from '@/api/runs'
import type { Run } from '@/domain/runs/run'
import { parseColumnId } from '@/domain/runs/run-columns'
import { groupRuns, type TableRow } from '@/domain/runs/run-groups'
import { sortRuns, type RunSort } from '@/domain/runs/run-sort'
import { buildRunTree, missingParentIds } from '@/domain/runs/run-tree'
import { matchesRunQuery } from '@/domain/runs/match-run'
import type { RunQuery } from '@/domain/search-filter/run-query'

export interface TableRowsRequest {
  experimentIds: readonly string[]
  runs: readonly Run[]
  /** The part of the filter only the browser can apply. */
  clientQuery: RunQuery | undefined
  sort: RunSort | undefined
  /** Sort in the browser: every run is loaded, or the server cannot sort by this column. */
  sortInBrowser: boolean
  groupBy: string | undefined
  collapsedGroups: readonly string[]
  expandAll: boolean
  expanded: readonly string[]
  /** Fetch missing parents now (not while pages are still arriving, which would refetch on each). */
  settled: boolean
  /** Rows for these runs only (a subset of the matches, in their own order); undefined: every match. */
  restrictTo?: readonly Run[] | undefined
}

export interface TableRows {
  rows: TableRow[]
  /** The runs that match the whole filter, in display order (`restrictTo` does not narrow them). */
  matches: Run[]
  /** Parent runs fetched because a matching child needed them. */
  parentsLoading: boolean
}

/**
 * From loaded runs to display rows: the browser's part of the filter, the sort, then either groups or
 * the tree of nested runs, whose missing parents come in one batched request.
 */
export function useTableRows(request: TableRowsRequest): TableRows {
  const { runs, clientQuery, sort, sortInBrowser } = request
  const matches = useMemo(() => {
    const filtered =
      clientQuery === undefined ? runs : runs.filter((run) => matchesRunQuery(run, clientQuery))
    return sortInBrowser && sort !== undefined ? sortRuns(filtered, sort) : [...filtered]
  }, [runs, clientQuery, sort, sortInBrowser])

  const { groupBy } = request
  const grouping = useMemo(() => (groupBy === undefined ? undefined : parseColumnId(groupBy)), [groupBy])
  const loadedById = useMemo(() => new Map(runs.map((run) => [run.info.runId, run])), [runs])
  const missing = useMemo(
    () => (grouping !== undefined ? [] : missingParentIds(matches, loadedById)),
    [grouping, matches, loadedById],
  )
  const parents = useQuery({
    ...runQueries.withAncestors(request.experimentIds, missing),
    enabled: request.settled && missing.length > 0,
  })
  const known = useMemo(() => {
    if (parents.data === undefined || parents.data.length === 0) return loadedById
    const all = new Map(loadedById)
    for (const run of parents.data) if (!all.has(run.info.runId)) all.set(run.info.runId, run)
    return all
  }, [loadedById, parents.data])

  const collapsedKey = request.collapsedGroups.join('\n')
  const expandedKey = request.expanded.join('\n')
  const { expandAll, restrictTo } = request
  const listed = restrictTo ?? matches
  const rows = useMemo(() => {
    if (grouping !== undefined) {
      return groupRuns(listed, grouping, new Set(collapsedKey === '' ? [] : collapsedKey.split('\n')))
    }
    const ids = new Set(expandedKey === '' ? [] : expandedKey.split('\n'))
    return buildRunTree(listed, known, { all: expandAll, ids })
  }, [grouping, listed, known, collapsedKey, expandedKey, expandAll])

  return { rows, matches, parentsLoading: parents.isFetching }
}

import { keepPreviousData, useInfiniteQuery, useQuery, type InfiniteData } from '@tanstack/react-query'
import { useEffect, useMemo, useState } from 'react'
import { flattenPages, type Page } from '@/api/paging'
import { runKey, runQueries } from '@/api/runs'
import type { ViewType } from '@/domain/experiments'
import type { Run } from '@/domain/runs/run'
import type { RunView } from '@/domain/runs/run-table-view'

/** The first page (50: about two screens) paints at once; later pages are bigger so that 20,000 runs take 21 requests, not 400. */
export const FIRST_PAGE_SIZE = 50
export const NEXT_PAGE_SIZE = 1000
export const DEFAULT_RUN_LIMIT = 20_000

const VIEW_TYPES: Record<RunView, ViewType> = {
  active: 'ACTIVE_ONLY',
  deleted: 'DELETED_ONLY',
  all: 'ALL',
}

export interface RunLoadingRequest {
  experimentIds: readonly string[]
  /** MLflow filter text: what the server can do of the user's filter. */
  serverFilter: string
  view: RunView
  /** The server order wanted; undefined = the server's default (newest first). */
  orderBy: readonly string[] | undefined
  /** Auto-loading stops here and asks. */
  limit: number
  /** How often RUNNING runs and new runs are polled, in ms; 0 turns live updates off. */
  liveIntervalMs: number
}

export type LoadingState = 'loading' | 'done' | 'stopped' | 'limit' | 'error'

export interface RunLoading {
  /** Loaded runs in server order, with live updates merged in (new runs first). */
  runs: readonly Run[]
  isPending: boolean
  /** Showing the previous results while a new filter or sort loads. */
  isRefreshing: boolean
  error: unknown
  /** A later page failed: the loaded runs stay, loading stops, and `retry` continues. */
  pageError: unknown
  state: LoadingState
  /** Every matching run is loaded, so sorting can happen in the browser. */
  complete: boolean
  /** The server order the loaded runs are in (may lag behind the one asked for once all are loaded). */
  loadedOrderBy: readonly string[] | undefined
  stop: () => void
  resume: () => void
  retry: () => void
  /** Runs polled since the first load: new ones, and RUNNING ones refreshed. */
  liveCount: number
}

interface FetchParams {
  experimentIds: readonly string[]
  serverFilter: string
  view: RunView
  orderBy: readonly string[] | undefined
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b
  return a.length === b.length && a.every((item, index) => item === b[index])
}

function sameExceptOrder(a: FetchParams, b: FetchParams): boolean {
  return sameList(a.experimentIds, b.experimentIds) && a.serverFilter === b.serverFilter && a.view === b.view
}

/** `start_time > t` on top of the user's server filter: the runs that started after the newest loaded one. */
function newerThan(serverFilter: string, startTime: number): string {
  const clause = `attributes.start_time > ${Math.trunc(startTime)}`
  return serverFilter === '' ? clause : `${serverFilter} AND ${clause}`
}

/**
 * Module-level, so react-query keeps its result between renders: an inline `select` runs again on
 * every render, and its result never compares equal when a run holds a NaN metric (NaN !== NaN).
 */
function selectRuns(data: InfiniteData<Page<Run>>): Run[] {
  return flattenPages(data.pages, runKey)
}

/** At most this many RUNNING runs are polled (in requests of 100 ids). */
const MAX_POLLED_RUNNING = 500

/**
 * Loads every run matching the server part of a filter, progressively: a first page of 100, then
 * pages of 1,000 in the background until all are in or `limit` is reached. Once everything is loaded,
 * a change of sort keeps the loaded runs (the table sorts them itself) instead of loading them again.
 * While runs are RUNNING it polls them, and the runs that started since, without touching the rest.
 */
export function useRunLoading(request: RunLoadingRequest): RunLoading {
  const wanted: FetchParams = {
    experimentIds: request.experimentIds,
    serverFilter: request.serverFilter,
    view: request.view,
    orderBy: request.orderBy,
  }
  const [active, setActive] = useState<FetchParams>(wanted)
  const [stoppedAt, setStoppedAt] = useState<string | undefined>(undefined)
  const [limitRaisedTo, setLimitRaisedTo] = useState(0)

  const query = useInfiniteQuery({
    ...runQueries.progressive(
      {
        experimentIds: active.experimentIds,
        filter: active.serverFilter,
        viewType: VIEW_TYPES[active.view],
        orderBy: active.orderBy,
      },
      { first: FIRST_PAGE_SIZE, next: NEXT_PAGE_SIZE },
    ),
    select: selectRuns,
    // Refetching means every page again; live polling below keeps the table fresh instead.
    refetchOnWindowFocus: false,
    staleTime: 5 * 60_000,
    // The last results stay on screen while a new filter or sort loads, and if it fails.
    placeholderData: keepPreviousData,
  })
  const [lastGood, setLastGood] = useState<readonly Run[] | undefined>(undefined)
  if (query.data !== undefined && query.data !== lastGood) setLastGood(query.data)
  const base = query.data ?? (query.isError ? lastGood : undefined)
  const complete = query.isSuccess && !query.isPlaceholderData && !query.hasNextPage

  // The "previous props" pattern: adopt new parameters during render, except that a new sort over
  // runs that are all loaded needs no request.
  const sameAsActive = sameExceptOrder(active, wanted) && sameList(active.orderBy, wanted.orderBy)
  if (!sameAsActive && !(sameExceptOrder(active, wanted) && complete)) setActive(wanted)

  const key = JSON.stringify(active)
  const stopped = stoppedAt === key
  const limit = Math.max(request.limit, limitRaisedTo)
  const loadedCount = base?.length ?? 0
  const atLimit = loadedCount >= limit && query.hasNextPage
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = query
  const canContinue =
    hasNextPage &&
    !query.isPlaceholderData &&
    !isFetchingNextPage &&
    !isFetchNextPageError &&
    !stopped &&
    !atLimit
  useEffect(() => {
    if (canContinue) void fetchNextPage()
  }, [canContinue, fetchNextPage, loadedCount])

  // Live: RUNNING runs refreshed by id, and runs started after the newest loaded one; only once
  // loading has finished or paused, so that polling never competes with the pages still arriving.
  const settled = query.isSuccess && !query.isFetchingNextPage && (!query.hasNextPage || stopped || atLimit)
  const live = request.liveIntervalMs > 0 && settled
  const runningIds = useMemo(
    () =>
      (base ?? [])
        .filter((run) => run.info.status === 'RUNNING')
        .slice(0, MAX_POLLED_RUNNING)
        .map((run) => run.info.runId),
    [base],
  )
  const newestStart = useMemo(
    () => (base ?? []).reduce((newest, run) => Math.max(newest, run.info.startTime ?? 0), 0),
    [base],
  )
  const polling = live && runningIds.length > 0
  const running = useQuery({
    ...runQueries.byIds(active.experimentIds, runningIds),
    enabled: polling,
    refetchInterval: polling ? request.liveIntervalMs : false,
    refetchOnWindowFocus: false,
  })
  const fresh = useQuery({
    ...runQueries.search({
      experimentIds: active.experimentIds,
      filter: newerThan(active.serverFilter, newestStart),
      viewType: VIEW_TYPES[active.view],
      orderBy: ['attributes.start_time DESC'],
      maxResults: NEXT_PAGE_SIZE,
    }),
    enabled: polling,
    refetchInterval: polling ? request.liveIntervalMs : false,
    refetchOnWindowFocus: false,
  })
  const runningData = polling ? running.data : undefined
  const freshData = polling ? fresh.data?.items : undefined

  const runs = useMemo(() => {
    const loaded = base ?? []
    if (runningData === undefined && freshData === undefined) return loaded
    const updates = new Map((runningData ?? []).map((run) => [run.info.runId, run]))
    const known = new Set(loaded.map(runKey))
    const added = (freshData ?? []).filter((run) => !known.has(run.info.runId))
    return [...added, ...loaded.map((run) => updates.get(run.info.runId) ?? run)]
  }, [base, runningData, freshData])

  const state: LoadingState = complete
    ? 'done'
    : query.isError && !isFetchNextPageError
      ? 'error'
      : stopped || isFetchNextPageError
        ? 'stopped'
        : atLimit
          ? 'limit'
          : 'loading'

  return {
    runs,
    isPending: base === undefined && query.isPending,
    isRefreshing: query.isPlaceholderData,
    error: query.isError && !isFetchNextPageError ? query.error : undefined,
    pageError: isFetchNextPageError ? query.error : undefined,
    state,
    complete,
    loadedOrderBy: active.orderBy,
    stop: () => {
      setStoppedAt(key)
    },
    resume: () => {
      setStoppedAt(undefined)
      if (atLimit) setLimitRaisedTo(Number.POSITIVE_INFINITY)
    },
    retry: () => {
      setStoppedAt(undefined)
      if (isFetchNextPageError) void fetchNextPage()
      else void query.refetch()
    },
    liveCount: (runningData?.length ?? 0) + (freshData?.length ?? 0),
  }
}

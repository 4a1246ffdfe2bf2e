import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { mlflowClientOf } from '@/api/client-binding'
import { describeError } from '@/api/describe-error'
import { isApiError } from '@/api/errors'
import { deleteRun, deleteRunTag, restoreRun, runQueries, setRunTag, updateRun } from '@/api/runs'
import { SYSTEM_TAGS, type Run } from '@/domain/runs/run'
import { diffRuns, mergeRunChanges, type RunChange } from '@/domain/runs/run-changes'
import { applyRunEdit, revertRunEdit, type RunEdit } from '@/domain/runs/run-edits'

const mutationKeyOf = (runId: string) => ['run-page', 'edit', runId]

/** What the user tried to do, for the failure message. */
function describeEdit(edit: RunEdit): string {
  switch (edit.kind) {
    case 'rename':
      return `rename the run to “${edit.name}”`
    case 'note':
      return edit.note === '' ? 'remove the note' : 'save the note'
    case 'set-tag':
      return `set tag “${edit.key}”`
    case 'delete-tag':
      return `delete tag “${edit.key}”`
    case 'delete':
      return 'delete the run'
    case 'restore':
      return 'restore the run'
  }
}

/** "Could not rename the run to “x”: INVALID_PARAMETER_VALUE: The run … The change was undone." */
function failureMessage(edit: RunEdit, error: unknown): string {
  const code = isApiError(error) && error.errorCode !== undefined ? `${error.errorCode}: ` : ''
  const detail = describeError(error)
  const reason = detail.detail === '' ? detail.title : detail.detail
  return `Could not ${describeEdit(edit)}: ${code}${reason} The change was undone.`
}

/** An edit, and whether the run had a note when the user made it (its optimistic removal hides that). */
interface EditRequest {
  edit: RunEdit
  hadNote: boolean
}

function send(queryClient: QueryClient, runId: string, { edit, hadNote }: EditRequest): Promise<unknown> {
  const client = mlflowClientOf(queryClient)
  switch (edit.kind) {
    case 'rename':
      return updateRun(client, { runId, name: edit.name })
    case 'note':
      if (edit.note !== '') return setRunTag(client, { runId, key: SYSTEM_TAGS.note, value: edit.note })
      // Removing a note the server does not have would be a 404.
      return hadNote ? deleteRunTag(client, { runId, key: SYSTEM_TAGS.note }) : Promise.resolve()
    case 'set-tag':
      return setRunTag(client, { runId, key: edit.key, value: edit.value })
    case 'delete-tag':
      return deleteRunTag(client, { runId, key: edit.key })
    case 'delete':
      return deleteRun(client, runId)
    case 'restore':
      return restoreRun(client, runId)
  }
}

export interface RunEdits {
  /** Resolves to whether the server took the edit; the page shows it at once either way. */
  edit: (edit: RunEdit) => Promise<boolean>
  /** The last refused edit, in words, with the server's error code and message. */
  failure: string | undefined
  dismissFailure: () => void
  /** What a refetch brought that the user did not do here, since they last dismissed the notice. */
  changedElsewhere: readonly RunChange[]
  dismissChangedElsewhere: () => void
}

/**
 * The run, and edits to it that lose nothing: each shows at once (the cached run is updated before the
 * server answers), is undone with a message saying what failed and why if the server refuses it, and
 * is followed by a refetch, as is every return to the window. MLflow runs have no versions, so the
 * last write wins; a refetch that differs from what the user last saw, without them having made the
 * change, is reported as "changed elsewhere".
 */
/** How often a RUNNING run is fetched again (the runs table and charts use the same period). */
const LIVE_REFRESH_MS = 15_000

export function useRunEdits(runId: string) {
  const queryClient = useQueryClient()
  const mutationKey = mutationKeyOf(runId)
  const query = useQuery({
    ...runQueries.get(runId),
    // Not while an edit is on its way: the answer would not have it yet and would undo it on screen.
    refetchOnWindowFocus: () => (queryClient.isMutating({ mutationKey }) === 0 ? 'always' : false),
    // A running run moves on by itself: its status, duration and latest metrics refresh every 15 s.
    refetchInterval: (current) =>
      current.state.data?.info.status === 'RUNNING' && queryClient.isMutating({ mutationKey }) === 0
        ? LIVE_REFRESH_MS
        : false,
  })
  const [failure, setFailure] = useState<string | undefined>(undefined)
  const [changedElsewhere, setChangedElsewhere] = useState<readonly RunChange[]>([])

  // What the user last saw: every write to the cached run moves it; only fetched data is compared.
  useEffect(() => {
    const { queryKey } = runQueries.get(runId)
    const cache = queryClient.getQueryCache()
    let seen = queryClient.getQueryData<Run>(queryKey)
    return cache.subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'success') return
      if (cache.find({ queryKey, exact: true }) !== event.query) return
      const next = queryClient.getQueryData<Run>(queryKey)
      if (next === undefined || next === seen) return
      const previous = seen
      seen = next
      if (previous === undefined || event.action.manual === true) return
      const changes = diffRuns(previous, next)
      if (changes.length > 0) setChangedElsewhere((earlier) => mergeRunChanges(earlier, changes))
    })
  }, [queryClient, runId])

  // React Query refetches when the tab becomes visible again; coming back from another window counts too.
  useEffect(() => {
    const onFocus = () => {
      if (queryClient.isMutating({ mutationKey: mutationKeyOf(runId) }) > 0) return
      void queryClient.refetchQueries(
        { queryKey: runQueries.get(runId).queryKey, exact: true },
        { cancelRefetch: false },
      )
    }
    window.addEventListener('focus', onFocus)
    return () => {
      window.removeEventListener('focus', onFocus)
    }
  }, [queryClient, runId])

  const mutation = useMutation<unknown, Error, EditRequest, { before: Run | undefined }>({
    mutationKey,
    mutationFn: (request) => send(queryClient, runId, request),
    onMutate: async ({ edit }) => {
      setFailure(undefined)
      const { queryKey } = runQueries.get(runId)
      await queryClient.cancelQueries({ queryKey })
      const before = queryClient.getQueryData<Run>(queryKey)
      if (before !== undefined) queryClient.setQueryData<Run>(queryKey, applyRunEdit(before, edit))
      return { before }
    },
    onError: (error, { edit }, context) => {
      const before = context?.before
      if (before !== undefined) {
        queryClient.setQueryData<Run>(runQueries.get(runId).queryKey, (current) =>
          current === undefined ? current : revertRunEdit(current, before, edit),
        )
      }
      setFailure(failureMessage(edit, error))
    },
    onSettled: () => {
      // Refetch once the last of several quick edits is done, so none is overwritten on screen by an
      // answer that predates it. This mutation still counts as running here.
      if (queryClient.isMutating({ mutationKey }) === 1) {
        void queryClient.invalidateQueries({ queryKey: runQueries.all() })
      }
    },
  })

  const { mutateAsync } = mutation
  const edits: RunEdits = {
    edit: (edit) =>
      mutateAsync({
        edit,
        hadNote:
          queryClient.getQueryData<Run>(runQueries.get(runId).queryKey)?.tags[SYSTEM_TAGS.note] !== undefined,
      }).then(
        () => true,
        () => false,
      ),
    failure,
    dismissFailure: () => {
      setFailure(undefined)
    },
    changedElsewhere,
    dismissChangedElsewhere: () => {
      setChangedElsewhere([])
    },
  }
  return { query, edits }
}

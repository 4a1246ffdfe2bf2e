import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { mlflowClientOf } from '@/api/client-binding'
import { describeError } from '@/api/describe-error'
import { isApiError } from '@/api/errors'
import { deleteLoggedModelTag, loggedModelQueries, setLoggedModelTags } from '@/api/logged-models'
import {
  applyLoggedModelTagEdit,
  revertLoggedModelTagEdit,
  type LoggedModelTagEdit,
} from '@/domain/models/logged-model-edits'
import type { LoggedModel } from '@/domain/models/registry'

const mutationKeyOf = (modelId: string) => ['logged-model', 'edit', modelId]

function send(queryClient: QueryClient, modelId: string, edit: LoggedModelTagEdit): Promise<unknown> {
  const client = mlflowClientOf(queryClient)
  return edit.kind === 'set-tag'
    ? setLoggedModelTags(client, { modelId, tags: { [edit.key]: edit.value } })
    : deleteLoggedModelTag(client, { modelId, key: edit.key })
}

/** "Could not delete tag “x”: RESOURCE_DOES_NOT_EXIST: No tag … The change was undone." */
function failureMessage(edit: LoggedModelTagEdit, error: unknown): string {
  const what = edit.kind === 'set-tag' ? `set tag “${edit.key}”` : `delete tag “${edit.key}”`
  const code = isApiError(error) && error.errorCode !== undefined ? `${error.errorCode}: ` : ''
  const detail = describeError(error)
  return `Could not ${what}: ${code}${detail.detail === '' ? detail.title : detail.detail} The change was undone.`
}

/**
 * The logged model, and tag edits that show at once (the cached model changes before the server
 * answers) and are undone, with the server's reason, if it refuses them; a refetch follows the last
 * of several quick edits, so no answer that predates one overwrites it on screen.
 */
export function useLoggedModelEdits(modelId: string) {
  const queryClient = useQueryClient()
  const mutationKey = mutationKeyOf(modelId)
  const query = useQuery({
    ...loggedModelQueries.get(modelId),
    refetchOnWindowFocus: () => (queryClient.isMutating({ mutationKey }) === 0 ? 'always' : false),
  })
  const [failure, setFailure] = useState<string | undefined>(undefined)
  const mutation = useMutation<unknown, Error, LoggedModelTagEdit, { before: LoggedModel | undefined }>({
    mutationKey,
    mutationFn: (edit) => send(queryClient, modelId, edit),
    onMutate: async (edit) => {
      setFailure(undefined)
      const { queryKey } = loggedModelQueries.get(modelId)
      await queryClient.cancelQueries({ queryKey })
      const before = queryClient.getQueryData<LoggedModel>(queryKey)
      if (before !== undefined) queryClient.setQueryData(queryKey, applyLoggedModelTagEdit(before, edit))
      return { before }
    },
    onError: (error, edit, context) => {
      const before = context?.before
      if (before !== undefined) {
        queryClient.setQueryData<LoggedModel>(loggedModelQueries.get(modelId).queryKey, (current) =>
          current === undefined ? current : revertLoggedModelTagEdit(current, before, edit),
        )
      }
      setFailure(failureMessage(edit, error))
    },
    onSettled: () => {
      if (queryClient.isMutating({ mutationKey }) === 1) {
        void queryClient.invalidateQueries({ queryKey: loggedModelQueries.all() })
      }
    },
  })
  const { mutateAsync } = mutation
  return {
    query,
    /** Resolves to whether the server took the edit. */
    edit: (edit: LoggedModelTagEdit) =>
      mutateAsync(edit).then(
        () => true,
        () => false,
      ),
    failure,
    dismissFailure: () => {
      setFailure(undefined)
    },
  }
}

import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { mlflowClientOf } from '@/api/client-binding'
import { describeError } from '@/api/describe-error'
import { isApiError } from '@/api/errors'
import {
  deleteModelAlias,
  deleteModelVersion,
  deleteModelVersionTag,
  modelQueries,
  setModelAlias,
  setModelVersionTag,
  transitionModelVersionStage,
  updateModelVersion,
} from '@/api/model-registry'
import {
  applyAliasEdit,
  applyVersionEdit,
  revertVersionEdit,
  type ModelVersionEdit,
} from '@/domain/models/model-version-edits'
import type { ModelVersion, RegisteredModel } from '@/domain/models/registry'

/** How often a version still being registered is fetched again, until it is READY or FAILED. */
export const PENDING_REFRESH_MS = 3_000

const mutationKeyOf = (name: string, version: string) => ['model-version', 'edit', name, version]

/** What the user tried to do, for the failure message. */
function describeEdit(edit: ModelVersionEdit): string {
  switch (edit.kind) {
    case 'description':
      return edit.description === '' ? 'clear the description' : 'save the description'
    case 'set-tag':
      return `set tag “${edit.key}”`
    case 'delete-tag':
      return `delete tag “${edit.key}”`
    case 'set-alias':
      return `add alias “${edit.alias}”`
    case 'delete-alias':
      return `remove alias “${edit.alias}”`
    case 'stage':
      return `move the version to ${edit.stage}`
    case 'delete':
      return 'delete the version'
  }
}

/** "Could not add alias “v1”: INVALID_PARAMETER_VALUE: Version alias name 'v1' is reserved. The change was undone." */
function failureMessage(edit: ModelVersionEdit, error: unknown): string {
  const code = isApiError(error) && error.errorCode !== undefined ? `${error.errorCode}: ` : ''
  const detail = describeError(error)
  const reason = detail.detail === '' ? detail.title : detail.detail
  const undone = edit.kind === 'delete' ? '' : ' The change was undone.'
  return `Could not ${describeEdit(edit)}: ${code}${reason}${undone}`
}

function send(
  queryClient: QueryClient,
  name: string,
  version: string,
  edit: ModelVersionEdit,
): Promise<unknown> {
  const client = mlflowClientOf(queryClient)
  switch (edit.kind) {
    case 'description':
      return updateModelVersion(client, { name, version, description: edit.description })
    case 'set-tag':
      return setModelVersionTag(client, { name, version, key: edit.key, value: edit.value })
    case 'delete-tag':
      return deleteModelVersionTag(client, { name, version, key: edit.key })
    case 'set-alias':
      return setModelAlias(client, { name, alias: edit.alias, version })
    case 'delete-alias':
      return deleteModelAlias(client, { name, alias: edit.alias })
    case 'stage':
      return transitionModelVersionStage(client, {
        name,
        version,
        stage: edit.stage,
        archiveExistingVersions: edit.archiveExisting,
      })
    case 'delete':
      return deleteModelVersion(client, { name, version })
  }
}

interface Snapshot {
  version: ModelVersion | undefined
  model: RegisteredModel | undefined
}

export interface ModelVersionEdits {
  /** Resolves to whether the server took the edit; the page shows it at once either way. */
  edit: (edit: ModelVersionEdit) => Promise<boolean>
  /** The last refused edit, in words, with the server's error code and message. */
  failure: string | undefined
  dismissFailure: () => void
}

/**
 * The version, its model (for the aliases of other versions), and edits that show at once: the cached
 * version (and the model's alias map) change before the server answers, and are put back, with a
 * message saying what failed and why, if it refuses. Every edit ends with a refetch of the registry,
 * so other versions an alias or a stage transition moved show it too. A version still being registered
 * is fetched every few seconds until it settles.
 */
export function useModelVersionEdits(name: string, version: string) {
  const queryClient = useQueryClient()
  const mutationKey = mutationKeyOf(name, version)
  const query = useQuery({
    ...modelQueries.getVersion({ name, version }),
    refetchInterval: (current) =>
      current.state.data?.status === 'PENDING_REGISTRATION' && queryClient.isMutating({ mutationKey }) === 0
        ? PENDING_REFRESH_MS
        : false,
  })
  const model = useQuery(modelQueries.get(name))
  const [failure, setFailure] = useState<string | undefined>(undefined)

  const mutation = useMutation<unknown, Error, ModelVersionEdit, Snapshot>({
    mutationKey,
    mutationFn: (edit) => send(queryClient, name, version, edit),
    onMutate: async (edit) => {
      setFailure(undefined)
      const versionKey = modelQueries.getVersion({ name, version }).queryKey
      const modelKey = modelQueries.get(name).queryKey
      await Promise.all([
        queryClient.cancelQueries({ queryKey: versionKey }),
        queryClient.cancelQueries({ queryKey: modelKey }),
      ])
      const before: Snapshot = {
        version: queryClient.getQueryData(versionKey),
        model: queryClient.getQueryData(modelKey),
      }
      if (before.version !== undefined) {
        queryClient.setQueryData(versionKey, applyVersionEdit(before.version, edit))
      }
      if (before.model !== undefined) {
        queryClient.setQueryData(modelKey, {
          ...before.model,
          aliases: applyAliasEdit(before.model.aliases, version, edit),
        })
      }
      return before
    },
    onError: (error, edit, before) => {
      const versionKey = modelQueries.getVersion({ name, version }).queryKey
      const previous = before?.version
      if (previous !== undefined) {
        queryClient.setQueryData<ModelVersion>(versionKey, (current) =>
          current === undefined ? current : revertVersionEdit(current, previous, edit),
        )
      }
      // The alias map comes back whole: the refetch below settles anything edited meanwhile.
      if (before?.model !== undefined) queryClient.setQueryData(modelQueries.get(name).queryKey, before.model)
      setFailure(failureMessage(edit, error))
    },
    onSettled: (_data, error, edit) => {
      // Once the last of several quick edits is done, so none is overwritten on screen by an answer
      // that predates it. This mutation still counts as running here.
      if (queryClient.isMutating({ mutationKey }) !== 1) return
      const versionKey = modelQueries.getVersion({ name, version }).queryKey
      const deleted = edit.kind === 'delete' && error === null
      void queryClient.invalidateQueries({
        queryKey: modelQueries.all(),
        // A deleted version is gone: refetching it on the way out would only answer 404.
        predicate: (cached) => !deleted || JSON.stringify(cached.queryKey) !== JSON.stringify(versionKey),
      })
    },
  })

  const { mutateAsync } = mutation
  const edits: ModelVersionEdits = {
    edit: (edit) =>
      mutateAsync(edit).then(
        () => true,
        () => false,
      ),
    failure,
    dismissFailure: () => {
      setFailure(undefined)
    },
  }
  return { query, model, edits }
}

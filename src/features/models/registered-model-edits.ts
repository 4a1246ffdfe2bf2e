import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { mlflowClientOf } from '@/api/client-binding'
import { describeError } from '@/api/describe-error'
import { isApiError } from '@/api/errors'
import {
  MAX_MODEL_VERSION_PAGE_SIZE,
  deleteModelAlias,
  deleteModelVersion,
  deleteRegisteredModelTag,
  modelQueries,
  setModelAlias,
  setRegisteredModelTag,
  updateRegisteredModel,
  type RegistrySearchParams,
} from '@/api/model-registry'
import type { Page } from '@/api/paging'
import {
  applyModelEdit,
  applyVersionsEdit,
  revertModelEdit,
  revertVersionsEdit,
  type RegisteredModelEdit,
} from '@/domain/models/registered-model-edits'
import type { ModelVersion, RegisteredModel } from '@/domain/models/registry'
import { serializeExperimentFilter } from '@/domain/search-filter/serialize-filter'

/** The versions of one model, newest first: as many as one request brings (10,000). */
export function versionsSearch(name: string): RegistrySearchParams {
  const filter = serializeExperimentFilter([
    { entity: 'attribute', key: 'name', comparator: '=', value: name },
  ])
  return {
    // A name that cannot be written as a filter (both kinds of quote) matches nothing rather than all.
    filter: filter.ok ? filter.value : "name = ''",
    orderBy: ['version_number DESC'],
    maxResults: MAX_MODEL_VERSION_PAGE_SIZE,
  }
}

const mutationKeyOf = (name: string) => ['registered-model', 'edit', name]

/** What the user tried to do, for the failure message. */
function describeEdit(edit: RegisteredModelEdit): string {
  switch (edit.kind) {
    case 'describe':
      return edit.description === '' ? 'remove the description' : 'save the description'
    case 'set-tag':
      return `set tag “${edit.key}”`
    case 'delete-tag':
      return `delete tag “${edit.key}”`
    case 'set-alias':
      return `set alias “${edit.alias}” on version ${edit.version}`
    case 'delete-alias':
      return `remove alias “${edit.alias}”`
    case 'delete-version':
      return `delete version ${edit.version}`
  }
}

/** "Could not set alias “v1” on version 2: INVALID_PARAMETER_VALUE: … The change was undone." */
export function failureMessage(what: string, error: unknown, undone = true): string {
  const code = isApiError(error) && error.errorCode !== undefined ? `${error.errorCode}: ` : ''
  const detail = describeError(error)
  const reason = detail.detail === '' ? detail.title : detail.detail
  return `Could not ${what}: ${code}${reason}${undone ? ' The change was undone.' : ''}`
}

function send(queryClient: QueryClient, name: string, edit: RegisteredModelEdit): Promise<unknown> {
  const client = mlflowClientOf(queryClient)
  switch (edit.kind) {
    case 'describe':
      return updateRegisteredModel(client, { name, description: edit.description })
    case 'set-tag':
      return setRegisteredModelTag(client, { name, key: edit.key, value: edit.value })
    case 'delete-tag':
      return deleteRegisteredModelTag(client, { name, key: edit.key })
    case 'set-alias':
      return setModelAlias(client, { name, alias: edit.alias, version: edit.version })
    case 'delete-alias':
      return deleteModelAlias(client, { name, alias: edit.alias })
    case 'delete-version':
      return deleteModelVersion(client, { name, version: edit.version })
  }
}

interface Snapshot {
  model: RegisteredModel | undefined
  versions: Page<ModelVersion> | undefined
}

export interface RegisteredModelEdits {
  /** Resolves to whether the server took the edit; the page shows it at once either way. */
  edit: (edit: RegisteredModelEdit) => Promise<boolean>
  /** The last refused edit, in words, with the server's error code and message. */
  failure: string | undefined
  dismissFailure: () => void
}

/**
 * The model, its versions, and edits to them that lose nothing: each shows at once (the cached model
 * and versions are updated before the server answers), is undone with the server's reason if refused,
 * and is followed by a refetch of the registry once the last of several quick edits is done.
 */
export function useRegisteredModel(name: string) {
  const queryClient = useQueryClient()
  const mutationKey = mutationKeyOf(name)
  // Back in the tab, show what others changed meanwhile; not while an edit is on its way, as the
  // answer would not have it yet and would undo it on screen.
  const refetchOnWindowFocus = () => (queryClient.isMutating({ mutationKey }) === 0 ? 'always' : false)
  const model = useQuery({ ...modelQueries.get(name), refetchOnWindowFocus })
  const versions = useQuery({ ...modelQueries.searchVersions(versionsSearch(name)), refetchOnWindowFocus })
  const [failure, setFailure] = useState<string | undefined>(undefined)

  const mutation = useMutation<unknown, Error, RegisteredModelEdit, Snapshot>({
    mutationKey,
    mutationFn: (edit) => send(queryClient, name, edit),
    onMutate: async (edit) => {
      setFailure(undefined)
      const modelKey = modelQueries.get(name).queryKey
      const versionsKey = modelQueries.searchVersions(versionsSearch(name)).queryKey
      await Promise.all([
        queryClient.cancelQueries({ queryKey: modelKey }),
        queryClient.cancelQueries({ queryKey: versionsKey }),
      ])
      const before: Snapshot = {
        model: queryClient.getQueryData(modelKey),
        versions: queryClient.getQueryData(versionsKey),
      }
      if (before.model !== undefined) queryClient.setQueryData(modelKey, applyModelEdit(before.model, edit))
      if (before.versions !== undefined) {
        queryClient.setQueryData(versionsKey, {
          ...before.versions,
          items: applyVersionsEdit(before.versions.items, edit),
        })
      }
      return before
    },
    onError: (error, edit, before) => {
      const beforeModel = before?.model
      const beforeVersions = before?.versions
      if (beforeModel !== undefined) {
        queryClient.setQueryData<RegisteredModel>(modelQueries.get(name).queryKey, (current) =>
          current === undefined ? current : revertModelEdit(current, beforeModel, edit),
        )
      }
      if (beforeVersions !== undefined) {
        queryClient.setQueryData<Page<ModelVersion>>(
          modelQueries.searchVersions(versionsSearch(name)).queryKey,
          (current) =>
            current === undefined
              ? current
              : { ...current, items: revertVersionsEdit(current.items, beforeVersions.items, edit) },
        )
      }
      setFailure(failureMessage(describeEdit(edit), error))
    },
    onSettled: () => {
      // Refetch once the last of several quick edits is done, so none is overwritten on screen by an
      // answer that predates it. This mutation still counts as running here.
      if (queryClient.isMutating({ mutationKey }) === 1) {
        void queryClient.invalidateQueries({ queryKey: modelQueries.all() })
      }
    },
  })

  const { mutateAsync } = mutation
  const edits: RegisteredModelEdits = {
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
  return { model, versions, edits }
}

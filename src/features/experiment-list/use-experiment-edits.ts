import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { mlflowClientOf } from '@/api/client-binding'
import { describeError } from '@/api/describe-error'
import {
  createExperiment,
  deleteExperiment,
  deleteExperimentTag,
  experimentQueries,
  renameExperiment,
  restoreExperiment,
  setExperimentTag,
} from '@/api/experiments'
import { NOTE_TAG, type Experiment } from '@/domain/experiments'
import { restoreExperiments, updateCachedExperiment, type ExperimentCacheSnapshot } from './experiment-cache'

export type ExperimentEdit =
  | { kind: 'rename'; experiment: Experiment; name: string }
  | { kind: 'describe'; experiment: Experiment; description: string }
  | { kind: 'delete'; experiment: Experiment }
  | { kind: 'restore'; experiment: Experiment }

const VERB: Record<ExperimentEdit['kind'], string> = {
  rename: 'rename',
  describe: 'save the description of',
  delete: 'delete',
  restore: 'restore',
}

function withoutNote(tags: Experiment['tags']): Record<string, string> {
  const { [NOTE_TAG]: _note, ...rest } = tags
  return rest
}

function optimistic(edit: ExperimentEdit): (experiment: Experiment) => Experiment {
  switch (edit.kind) {
    case 'rename':
      return (experiment) => ({ ...experiment, name: edit.name })
    case 'describe':
      return (experiment) => ({
        ...experiment,
        tags:
          edit.description === ''
            ? withoutNote(experiment.tags)
            : { ...experiment.tags, [NOTE_TAG]: edit.description },
      })
    case 'delete':
      return (experiment) => ({ ...experiment, lifecycleStage: 'deleted' })
    case 'restore':
      return (experiment) => ({ ...experiment, lifecycleStage: 'active' })
  }
}

/**
 * Edits to experiments, shown at once and rolled back visibly when the server refuses them: the
 * failure message says what was undone.
 */
export function useExperimentEdits() {
  const queryClient = useQueryClient()
  const [failure, setFailure] = useState<string | undefined>(undefined)

  const edit = useMutation<unknown, Error, ExperimentEdit, ExperimentCacheSnapshot>({
    mutationFn: async (change) => {
      const client = mlflowClientOf(queryClient)
      const id = change.experiment.experimentId
      switch (change.kind) {
        case 'rename':
          return renameExperiment(client, { experimentId: id, name: change.name })
        case 'describe':
          return change.description === ''
            ? deleteExperimentTag(client, { experimentId: id, key: NOTE_TAG })
            : setExperimentTag(client, { experimentId: id, key: NOTE_TAG, value: change.description })
        case 'delete':
          return deleteExperiment(client, id)
        case 'restore':
          return restoreExperiment(client, id)
      }
    },
    onMutate: async (change) => {
      setFailure(undefined)
      return updateCachedExperiment(queryClient, change.experiment.experimentId, optimistic(change))
    },
    onError: (error, change, snapshot) => {
      if (snapshot !== undefined) restoreExperiments(queryClient, snapshot)
      setFailure(
        `Could not ${VERB[change.kind]} “${change.experiment.name}”: ${describeError(error).detail} The change was undone.`,
      )
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: experimentQueries.all() }),
  })

  const create = useMutation<string, Error, { name: string; artifactLocation: string; description: string }>({
    mutationFn: ({ name, artifactLocation, description }) =>
      createExperiment(mlflowClientOf(queryClient), {
        name,
        artifactLocation: artifactLocation === '' ? undefined : artifactLocation,
        tags: description === '' ? undefined : { [NOTE_TAG]: description },
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: experimentQueries.all() }),
  })

  return {
    edit,
    create,
    failure,
    dismissFailure: () => {
      setFailure(undefined)
    },
  }
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useId, useState, type ReactNode } from 'react'
import { mlflowClientOf } from '@/api/client-binding'
import { describeError } from '@/api/describe-error'
import { isApiError, isNotFound } from '@/api/errors'
import { loggedModelQueries } from '@/api/logged-models'
import {
  createModelVersion,
  createRegisteredModel,
  getRegisteredModel,
  modelQueries,
} from '@/api/model-registry'
import type { MlflowClient } from '@/api/http'
import {
  registeredModelNameFilter,
  registeredModelNameProblem,
  versionSourceOf,
  type RegisterTarget,
} from '@/domain/models/logged-model-register'
import type { ModelVersion } from '@/domain/models/registry'
import { Dialog, DialogFooter } from '@/ui/dialog'

/** How long typing pauses before names are suggested. */
const SUGGEST_DELAY_MS = 250
const SUGGESTIONS = 20

interface RegisterModelDialogProps {
  target: RegisterTarget
  /** What the name field starts with (the logged model's or directory's name). */
  initialName: string
  onClose: () => void
  renderVersionLink: (name: string, version: string, label: string) => ReactNode
}

/** The registered model, created first when it does not exist yet, then the new version. */
async function register(client: MlflowClient, name: string, target: RegisterTarget): Promise<ModelVersion> {
  try {
    await getRegisteredModel(client, name)
  } catch (error) {
    if (!isNotFound(error)) throw error
    try {
      await createRegisteredModel(client, { name })
    } catch (createError) {
      // Someone created it in between: the version goes into theirs.
      if (!(isApiError(createError) && createError.errorCode === 'RESOURCE_ALREADY_EXISTS')) throw createError
    }
  }
  const source = versionSourceOf(target)
  return createModelVersion(client, {
    name,
    source: source.source,
    runId: source.runId,
    modelId: source.modelId,
  })
}

function useDebounced(value: string, delay: number): string {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => {
      setSettled(value)
    }, delay)
    return () => {
      clearTimeout(timer)
    }
  }, [value, delay])
  return settled
}

/** "Could not register: INVALID_PARAMETER_VALUE: …" with the server's reason. */
function failureText(error: unknown): string {
  const code = isApiError(error) && error.errorCode !== undefined ? `${error.errorCode}: ` : ''
  const description = describeError(error)
  return `${code}${description.detail === '' ? description.title : description.detail}`
}

/**
 * Registers a model version from a logged model (`models:/<model id>`) or a run's model directory
 * (`runs:/<run id>/<path>`): into an existing registered model (names are suggested as you type) or
 * a new one, which is created first. Success links to the new version; a refusal shows the server's
 * reason and keeps the dialog open. Mounted when opened, so each opening starts afresh.
 */
export function RegisterModelDialog({
  target,
  initialName,
  onClose,
  renderVersionLink,
}: RegisterModelDialogProps) {
  const queryClient = useQueryClient()
  const [name, setName] = useState(initialName)
  const [touched, setTouched] = useState(false)
  const id = useId()
  const typed = useDebounced(name.trim(), SUGGEST_DELAY_MS)
  const suggestions = useQuery({
    ...modelQueries.search({
      filter: registeredModelNameFilter(typed),
      maxResults: SUGGESTIONS,
      orderBy: ['name ASC'],
    }),
    retry: false,
  })
  const names = (suggestions.data?.items ?? []).map((model) => model.name)
  const exists = names.includes(name)
  const problem = registeredModelNameProblem(name)
  const showProblem = touched && problem !== undefined

  const mutation = useMutation({
    mutationFn: (modelName: string) => register(mlflowClientOf(queryClient), modelName, target),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: modelQueries.all() })
      void queryClient.invalidateQueries({ queryKey: loggedModelQueries.all() })
    },
  })
  const created = mutation.data
  const submit = () => {
    setTouched(true)
    if (problem !== undefined || mutation.isPending) return
    mutation.mutate(name)
  }
  const source = versionSourceOf(target)

  if (created !== undefined) {
    return (
      <Dialog
        open
        title="Model version registered"
        onClose={onClose}
        footer={
          <button type="button" className="button button-primary" onClick={onClose}>
            Close
          </button>
        }
      >
        <p role="status">
          Registered as{' '}
          {renderVersionLink(created.name, created.version, `${created.name} v${created.version}`)}.
        </p>
      </Dialog>
    )
  }
  return (
    <Dialog
      open
      title="Register a model version"
      onClose={onClose}
      onSubmit={submit}
      footer={
        <DialogFooter
          submitLabel={mutation.isPending ? 'Registering…' : 'Register'}
          disabled={mutation.isPending}
          onCancel={onClose}
        />
      }
    >
      <p className="muted">
        Source <code>{source.source}</code>
      </p>
      <label htmlFor={`${id}-name`}>Registered model</label>
      <input
        id={`${id}-name`}
        className="input"
        value={name}
        list={`${id}-names`}
        autoFocus
        autoComplete="off"
        spellCheck={false}
        aria-invalid={showProblem}
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          setName(event.target.value)
          mutation.reset()
        }}
      />
      <datalist id={`${id}-names`} data-testid="registered-model-suggestions">
        {names.map((suggestion) => (
          <option key={suggestion} value={suggestion} />
        ))}
      </datalist>
      <p
        id={`${id}-hint`}
        className={showProblem ? 'form-error' : 'muted'}
        role={showProblem ? 'alert' : undefined}
      >
        {showProblem
          ? problem
          : problem !== undefined
            ? 'Pick an existing registered model or type a new name.'
            : exists
              ? `Adds a new version to “${name}”.`
              : typed === name.trim() && !suggestions.isPending
                ? `Creates the registered model “${name}” with this as version 1.`
                : 'Pick an existing registered model or type a new name.'}
      </p>
      {mutation.isError && (
        <p className="form-error" role="alert">
          Could not register: {failureText(mutation.error)}
        </p>
      )}
    </Dialog>
  )
}

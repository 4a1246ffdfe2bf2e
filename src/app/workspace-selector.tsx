import { useQuery } from '@tanstack/react-query'
import { useId } from 'react'
import { serverQueries } from '@/api/server'
import { DEFAULT_WORKSPACE, workspaceQueries } from '@/api/workspaces'
import { workspaceBasePath } from './paths'
import { useRuntimeConfig, useWorkspace } from './runtime-config-context'

/**
 * On servers with workspaces (MLflow 3.10+), a menu of them. Choosing one loads the app in it: the
 * workspace is part of every URL, so links and reloads stay there.
 */
export function WorkspaceSelector() {
  const config = useRuntimeConfig()
  const current = useWorkspace() ?? DEFAULT_WORKSPACE
  const id = useId()
  const info = useQuery(serverQueries.info())
  const enabled = info.data?.workspacesEnabled === true
  const workspaces = useQuery({ ...workspaceQueries.list(), enabled })
  if (!enabled) return null
  const names = workspaces.data?.map((workspace) => workspace.name) ?? [current]
  return (
    <label htmlFor={id} className="workspace">
      <span className="label-text">Workspace</span>
      <select
        id={id}
        className="input input-small"
        value={current}
        onChange={(event) => {
          const name = event.target.value
          const workspace = name === DEFAULT_WORKSPACE ? undefined : name
          window.location.assign(`${workspaceBasePath(config.basePath, workspace)}experiments`)
        }}
      >
        {(names.includes(current) ? names : [current, ...names]).map((name) => (
          <option key={name} value={name} title={workspaces.data?.find((w) => w.name === name)?.description}>
            {name}
          </option>
        ))}
      </select>
    </label>
  )
}

import { Link, useNavigate } from 'react-router'
import { ModelList } from '@/features/models/model-list'
import type { RegistryLinks } from '@/features/models/registered-model-links'
import { useModelsState } from '@/url-state/use-models-state'
import { paths } from '../paths'

/** Links from the registry pages to the app's routes. */
export const registryLinks: RegistryLinks = {
  model: (name, children) => <Link to={paths.model(name)}>{children}</Link>,
  version: (name, version, children) => <Link to={paths.modelVersion(name, version)}>{children}</Link>,
  run: (runId, children) => <Link to={paths.directRun(runId)}>{children}</Link>,
  models: (children) => <Link to={paths.models()}>{children}</Link>,
}

export function ModelsRoute() {
  const [state, setState] = useModelsState()
  const navigate = useNavigate()
  return (
    <div className="page">
      <ModelList
        state={state}
        onStateChange={setState}
        links={registryLinks}
        onCreated={(name) => {
          void navigate(paths.model(name))
        }}
      />
    </div>
  )
}

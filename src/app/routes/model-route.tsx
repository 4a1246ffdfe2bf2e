import { useNavigate, useParams } from 'react-router'
import { RegisteredModelPage } from '@/features/models/registered-model-page'
import { paths } from '../paths'
import { registryLinks } from './models-route'

export function ModelRoute() {
  const { name = '' } = useParams()
  const navigate = useNavigate()
  return (
    <div className="page">
      <RegisteredModelPage
        // A rename or another model starts from a fresh page (selection, open editors).
        key={name}
        name={name}
        links={registryLinks}
        onCompare={(runIds) => {
          void navigate(paths.compare(runIds))
        }}
        onDeleted={() => {
          void navigate(paths.models(), { replace: true })
        }}
        onRenamed={(newName) => {
          void navigate(paths.model(newName), { replace: true })
        }}
      />
    </div>
  )
}

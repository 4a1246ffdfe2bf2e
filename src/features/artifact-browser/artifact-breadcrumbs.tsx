import { pathSegments } from '@/domain/artifacts/artifact-path'
import './artifact-tree.css'

export interface ArtifactBreadcrumbsProps {
  /** The open file or directory, run-relative; `''` is the artifact root. */
  path: string
  /** Called with a directory: the root (`''`) or one of the path's ancestors. */
  onSelect: (path: string, isDir: boolean) => void
  /** What the root is called, e.g. the run's name. */
  rootLabel?: string
}

/**
 * The open path as breadcrumbs: the root and each ancestor directory are buttons that open it; the
 * last segment is where the user is (aria-current), so it is text, not a button.
 */
export function ArtifactBreadcrumbs({ path, onSelect, rootLabel = 'Artifacts' }: ArtifactBreadcrumbsProps) {
  const segments = pathSegments(path)
  const crumbs = [{ name: rootLabel, path: '' }, ...segments]
  return (
    <nav className="artifact-breadcrumbs" aria-label="Artifact path">
      <ol>
        {crumbs.map((crumb, index) => (
          <li key={crumb.path}>
            {index === crumbs.length - 1 ? (
              <span aria-current="location">{crumb.name}</span>
            ) : (
              <button
                type="button"
                title={crumb.path === '' ? rootLabel : crumb.path}
                onClick={() => {
                  onSelect(crumb.path, true)
                }}
              >
                {crumb.name}
              </button>
            )}
          </li>
        ))}
      </ol>
    </nav>
  )
}

/**
 * Artifact paths as MLflow's `artifacts/list` gives them: run-relative, `/`-separated, no leading
 * slash; `''` is the run's artifact root.
 */

/** The directory holding a path; `''` for a top-level entry and for the root itself. */
export function parentPath(path: string): string {
  const slash = path.lastIndexOf('/')
  return slash < 0 ? '' : path.slice(0, slash)
}

/** The last segment of a path. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

export interface PathSegment {
  /** This segment's own name. */
  name: string
  /** The path up to and including this segment. */
  path: string
}

/** Each segment with its prefix, for breadcrumbs: `a/b` → `a` (`a`), `b` (`a/b`). Empty segments are skipped. */
export function pathSegments(path: string): PathSegment[] {
  const segments: PathSegment[] = []
  let prefix = ''
  for (const name of path.split('/')) {
    if (name === '') continue
    prefix = prefix === '' ? name : `${prefix}/${name}`
    segments.push({ name, path: prefix })
  }
  return segments
}

/** `dir` + `name`, without doubled or stray slashes; either side may be `''`. */
export function joinArtifactPath(dir: string, name: string): string {
  const left = dir.replace(/\/+$/, '')
  const right = name.replace(/^\/+/, '')
  if (left === '') return right
  if (right === '') return left
  return `${left}/${right}`
}

// Control characters (C0, DEL, C1): no file system MLflow stores to is expected to name files with them.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/

/**
 * Whether a run-relative path is one a real tracking server could hold and `/get-artifact` would
 * serve: not absolute (`/x`, `C:x`, `\\host`), no backslashes, no `.`/`..` or empty segments, no
 * control characters. `''` (the root) passes. MLflow refuses such paths (`validate_path_is_safe`),
 * but a listing from a mock, a proxy or a hand-made store could still contain them, and a path
 * with `..` must never be turned into a request or a link.
 */
export function isSafeArtifactPath(path: string): boolean {
  if (path === '') return true
  if (CONTROL.test(path) || path.includes('\\')) return false
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return false
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..')
}

/** Where a run came from, read from MLflow's source and git system tags. */

/** The first 7 characters of a commit, as git shows it. */
export function shortCommit(commit: string): string {
  return commit.slice(0, 7)
}

/** The file name of a source path (`/home/a/train.py` → `train.py`); the whole text when it has no directory. */
export function scriptBaseName(sourceName: string): string {
  const trimmed = sourceName.replace(/[/\\]+$/, '')
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'))
  return cut === -1 ? trimmed : trimmed.slice(cut + 1)
}

const HOST = /^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?(?::\d+)?$/i

/**
 * The https address of a repository from `mlflow.source.git.repoURL`: `https://host/org/repo(.git)`,
 * `git@host:org/repo.git` or `ssh://git@host/org/repo.git`, with credentials, `.git` and a trailing
 * slash removed. Undefined for anything else (plain http, local paths, `file://`).
 */
export function repositoryWebUrl(repoUrl: string): string | undefined {
  const text = repoUrl.trim()
  let host: string
  let repoPath: string
  const scp = /^[\w.-]+@([^:/\s]+):(?!\/)(.+)$/.exec(text)
  if (scp?.[1] !== undefined && scp[2] !== undefined) {
    host = scp[1]
    repoPath = scp[2]
  } else {
    let url: URL
    try {
      url = new URL(text)
    } catch {
      return undefined
    }
    if (url.protocol === 'ssh:' || url.protocol === 'git+ssh:') {
      // The ssh port is not the web server's.
      host = url.hostname
    } else if (url.protocol === 'https:') {
      host = url.host
    } else {
      return undefined
    }
    repoPath = decodeURIComponent(url.pathname)
  }
  const cleaned = repoPath
    .replace(/^\/+|\/+$/g, '')
    .replace(/\.git$/, '')
    .replace(/\/+$/, '')
  const segments = cleaned.split('/')
  if (!HOST.test(host) || segments.length < 2 || segments.some((part) => part === '' || part === '..')) {
    return undefined
  }
  return `https://${host}/${segments.map(encodeURIComponent).join('/')}`
}

/**
 * A link to one commit on the repository's web page: `<repo>/commit/<sha>` (Bitbucket:
 * `<repo>/commits/<sha>`). Undefined when the repository URL is not a web-reachable one or the
 * commit is not a hexadecimal id.
 */
export function gitCommitUrl(repoUrl: string | undefined, commit: string | undefined): string | undefined {
  if (repoUrl === undefined || commit === undefined || !/^[0-9a-f]{7,64}$/i.test(commit)) return undefined
  const repository = repositoryWebUrl(repoUrl)
  if (repository === undefined) return undefined
  const host = new URL(repository).hostname
  const segment = host === 'bitbucket.org' || host.startsWith('bitbucket.') ? 'commits' : 'commit'
  return `${repository}/${segment}/${commit}`
}

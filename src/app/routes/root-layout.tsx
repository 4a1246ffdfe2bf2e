import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Suspense, useEffect, useRef } from 'react'
import { NavLink, Outlet } from 'react-router'
import { describeError } from '@/api/describe-error'
import { serverQueries } from '@/api/server'
import { ThemeToggle } from '../theme-toggle'
import { WorkspaceSelector } from '../workspace-selector'
import { useRuntimeConfig } from '../runtime-config-context'
import { paths } from '../paths'
import { Loading } from '@/ui/states'

/** While the server is down, ask again every few seconds so the app recovers by itself. */
const RECONNECT_INTERVAL_MS = 5000

function ConnectionStatus() {
  const config = useRuntimeConfig()
  const version = useQuery({
    ...serverQueries.version(),
    retry: false,
    refetchInterval: (query) => (query.state.status === 'error' ? RECONNECT_INTERVAL_MS : false),
  })
  // When the server comes back, screens that failed meanwhile load again without a click.
  const queryClient = useQueryClient()
  const wasDown = useRef(false)
  useEffect(() => {
    if (version.isError) wasDown.current = true
    else if (version.isSuccess && wasDown.current) {
      wasDown.current = false
      void queryClient.refetchQueries({
        type: 'active',
        predicate: (query) => query.state.status === 'error',
      })
    }
  }, [version.isError, version.isSuccess, queryClient])
  const where = config.mode === 'demo' ? 'demo data' : (config.trackingUri ?? 'the tracking server')
  if (version.isError) {
    const description = describeError(version.error)
    return (
      <div className="connection connection-down" role="alert">
        <span>
          {description.unreachable ? `Cannot reach the tracking server at ${where}` : description.title}
        </span>
        <button type="button" className="button button-small" onClick={() => void version.refetch()}>
          Retry
        </button>
      </div>
    )
  }
  return (
    <div className="connection" aria-live="polite" title={config.trackingUri}>
      <span className={`dot ${version.isSuccess ? 'dot-ok' : 'dot-wait'}`} aria-hidden="true" />
      {version.isSuccess ? `MLflow ${version.data}` : 'Connecting…'}
      {config.mode !== 'demo' && config.trackingUri !== undefined && (
        <span className="muted"> · {config.trackingUri}</span>
      )}
    </div>
  )
}

export function RootLayout() {
  const config = useRuntimeConfig()
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <NavLink to={paths.experiments()} className="brand">
          Runboard
        </NavLink>
        <nav aria-label="Main">
          <NavLink to={paths.experiments()}>Experiments</NavLink>
          <NavLink to={paths.models()}>Models</NavLink>
        </nav>
        {config.mode === 'demo' && (
          <span className="demo-badge" title="Runboard is showing generated demo data, not a tracking server">
            Demo data
          </span>
        )}
        <div className="header-end">
          <WorkspaceSelector />
          <ConnectionStatus />
          <ThemeToggle />
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <Suspense fallback={<Loading label="Loading page…" />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  )
}

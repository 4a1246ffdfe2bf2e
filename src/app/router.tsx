import { createBrowserRouter, Navigate, type RouteObject } from 'react-router'
import { DirectRunRoute } from './routes/direct-run-route'
import { ExperimentsRoute } from './routes/experiments-route'
import { RootLayout } from './routes/root-layout'
import { NotFound, RouteError } from './routes/route-error'
import { Loading } from '@/ui/states'
import { pathFromMlflowHash } from './paths'

/** Each screen has its own error boundary, so one broken screen never blanks the header. */
export const routes: RouteObject[] = [
  {
    element: <RootLayout />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <Loading label="Loading…" />,
    children: [
      { index: true, element: <Navigate to="/experiments" replace /> },
      { path: 'experiments', element: <ExperimentsRoute />, errorElement: <RouteError /> },
      // The runs table and the run page load on first visit, so the experiments page stays small.
      {
        path: 'experiments/:experimentId',
        lazy: async () => ({ Component: (await import('./routes/experiment-route')).ExperimentRoute }),
        errorElement: <RouteError />,
      },
      {
        path: 'experiments/:experimentId/runs/:runId/:tab?',
        lazy: async () => ({ Component: (await import('./routes/run-route')).RunRoute }),
        errorElement: <RouteError />,
      },
      // The Artifacts tab with the selected file or directory in the path (`…/artifacts/plots/roc.png`).
      {
        path: 'experiments/:experimentId/runs/:runId/artifacts/*',
        lazy: async () => ({ Component: (await import('./routes/run-route')).RunRoute }),
        errorElement: <RouteError />,
      },
      // An experiment's MLflow 3 logged models, and one of them (its files selected in the path).
      {
        path: 'experiments/:experimentId/models',
        lazy: async () => ({
          Component: (await import('./routes/experiment-models-route')).ExperimentModelsRoute,
        }),
        errorElement: <RouteError />,
      },
      {
        path: 'experiments/:experimentId/models/:modelId',
        lazy: async () => ({ Component: (await import('./routes/logged-model-route')).LoggedModelRoute }),
        errorElement: <RouteError />,
      },
      {
        path: 'experiments/:experimentId/models/:modelId/artifacts/*',
        lazy: async () => ({ Component: (await import('./routes/logged-model-route')).LoggedModelRoute }),
        errorElement: <RouteError />,
      },
      { path: 'runs/:runId', element: <DirectRunRoute />, errorElement: <RouteError /> },
      {
        path: 'compare',
        lazy: async () => ({ Component: (await import('./routes/compare-route')).CompareRoute }),
        errorElement: <RouteError />,
      },
      // The model registry: registered models, and one of them with its versions.
      {
        path: 'models',
        lazy: async () => ({ Component: (await import('./routes/models-route')).ModelsRoute }),
        errorElement: <RouteError />,
      },
      {
        path: 'models/:name',
        lazy: async () => ({ Component: (await import('./routes/model-route')).ModelRoute }),
        errorElement: <RouteError />,
      },
      {
        path: 'models/:name/versions/:version',
        lazy: async () => ({
          Component: (await import('./routes/model-version-route')).ModelVersionRoute,
        }),
        errorElement: <RouteError />,
      },
      { path: '*', element: <NotFound /> },
    ],
  },
]

/** `routerBase` is the app's base path, plus the workspace prefix when there is one. */
export function createAppRouter(routerBase: string) {
  const basename = routerBase.replace(/\/$/, '') || '/'
  // Old MLflow UI links (`/#/experiments/1/runs/…`) go to the matching page before the first route
  // renders, so no redirect on the way (the index route's, for one) can drop the hash.
  const target = pathFromMlflowHash(window.location.hash)
  if (target !== undefined) window.history.replaceState(null, '', `${basename.replace(/\/$/, '')}${target}`)
  return createBrowserRouter(routes, { basename })
}

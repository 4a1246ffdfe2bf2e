import { REGISTRY_UNAVAILABLE_TITLE } from '@/api/registry-availability'

/** A server without a model registry: a fact about the server, not a failure of this page. */
export function RegistryUnavailable({ detail }: { detail: string }) {
  return (
    <div className="state registry-unavailable" role="status">
      <p className="state-title">{REGISTRY_UNAVAILABLE_TITLE}</p>
      <p>
        The tracking server does not serve the model registry endpoints. Experiments and runs work as usual. A
        server started with <code>mlflow server --artifacts-only</code>, an old or customised server, or a
        proxy that only lets the tracking API through answers this way.
      </p>
      <p className="state-detail">Server’s answer: {detail}</p>
    </div>
  )
}

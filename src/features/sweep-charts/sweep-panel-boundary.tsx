import { Component, type ReactNode } from 'react'

interface Props {
  title: string
  children: ReactNode
}

interface State {
  error: Error | undefined
}

/**
 * One chart's error boundary: a chart that throws shows its error in its own panel, and the page and
 * the other charts go on. Remounted (key) when the chart's configuration changes, which retries it.
 */
export class SweepPanelBoundary extends Component<Props, State> {
  override state: State = { error: undefined }

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  override render() {
    const { error } = this.state
    if (error === undefined) return this.props.children
    return (
      <div className="sweep-panel-error" role="alert">
        <strong>This chart failed: {this.props.title}</strong>
        <p className="muted">{error.message}</p>
        <button
          type="button"
          className="button button-small"
          onClick={() => {
            this.setState({ error: undefined })
          }}
        >
          Try again
        </button>
      </div>
    )
  }
}

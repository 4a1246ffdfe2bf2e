import { isApiError } from './errors'

/** What the `npm start` server answers when the tracking server behind it does not respond. */
export const UPSTREAM_UNREACHABLE = 'RUNBOARD_UPSTREAM_UNREACHABLE'

export interface ErrorDescription {
  title: string
  detail: string
  /** The tracking server is down or unreachable (as opposed to refusing this one request). */
  unreachable: boolean
}

/** A failure in words a user can act on; the server's own message is kept as the detail. */
export function describeError(error: unknown): ErrorDescription {
  if (!isApiError(error)) {
    return {
      title: 'Something went wrong',
      detail: error instanceof Error ? error.message : String(error),
      unreachable: false,
    }
  }
  if (error.errorCode === UPSTREAM_UNREACHABLE || error.kind === 'network') {
    return { title: 'Cannot reach the tracking server', detail: error.message, unreachable: true }
  }
  if (error.kind === 'timeout') {
    return { title: 'The tracking server did not answer in time', detail: error.message, unreachable: true }
  }
  if (error.kind === 'decode') {
    return {
      title: 'The tracking server sent an answer Runboard cannot read',
      detail: error.message,
      unreachable: false,
    }
  }
  if (error.status === 404) return { title: 'Not found', detail: error.message, unreachable: false }
  if (error.status === 401 || error.status === 403) {
    return { title: 'The tracking server refused access', detail: error.message, unreachable: false }
  }
  if (error.status >= 500) {
    return {
      title: `The tracking server failed (${error.status})`,
      detail: error.message,
      unreachable: false,
    }
  }
  return { title: 'The tracking server rejected the request', detail: error.message, unreachable: false }
}

import type { Run } from './run'

/** A RUNNING run that has logged nothing for this long has probably died without saying so. */
export const STALE_AFTER_MS = 30 * 60_000

/**
 * When a run last showed signs of life: its newest metric timestamp, else its start time. Params and
 * tags carry no timestamps in MLflow, so metrics are the only heartbeat the API exposes.
 */
export function lastActivity(run: Run): number | undefined {
  let latest = run.info.startTime
  for (const metric of Object.values(run.metrics)) {
    if (latest === undefined || metric.timestamp > latest) latest = metric.timestamp
  }
  return latest
}

/** How long a RUNNING run has been silent, or undefined when it is not running or not stale yet. */
export function staleFor(run: Run, now: number, threshold = STALE_AFTER_MS): number | undefined {
  if (run.info.status !== 'RUNNING') return undefined
  const last = lastActivity(run)
  if (last === undefined) return undefined
  const silence = now - last
  return silence >= threshold ? silence : undefined
}

/** How a supervisor restarts a service process that exited: exponential backoff, reset once it stayed up. */
export interface RestartPolicy {
  /** The wait before the first restart. */
  initialDelayMs: number;
  /** The wait never grows past this. */
  maxDelayMs: number;
  /** A process that stayed up this long counts as healthy again: the next restart waits `initialDelayMs`. */
  stableAfterMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = Object.freeze({
  initialDelayMs: 1_000,
  maxDelayMs: 60_000,
  stableAfterMs: 60_000,
});

/**
 * The wait before restarting a process that ran for `uptimeMs`, given the wait before its previous
 * restart (undefined: it never restarted): 1 s, 2 s, 4 s … up to 60 s while it keeps crashing.
 */
export function restartDelay(
  previousDelayMs: number | undefined,
  uptimeMs: number,
  policy: RestartPolicy = DEFAULT_RESTART_POLICY,
): number {
  if (previousDelayMs === undefined || uptimeMs >= policy.stableAfterMs) return policy.initialDelayMs;
  return Math.min(Math.max(previousDelayMs, policy.initialDelayMs) * 2, policy.maxDelayMs);
}

import { ALERT_RESOLUTIONS, type AlertResolution } from '@docscreen/contracts';

// An agency's alert moves new → acknowledged → resolved, or straight from new to resolved. Pure: the
// service applies the answer with a conditional UPDATE on the status it read.

export const ALERT_STATUSES = ['new', 'acknowledged', 'resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** The outcomes an agency resolves with: one list, shared with the CLI (`@docscreen/contracts`). */
export const RESOLUTIONS = ALERT_RESOLUTIONS;
export type Resolution = AlertResolution;

export type LifecycleAction = 'acknowledge' | 'resolve';

/** The audit trail's name for each step: the status it leads to, and `raised` for the first. */
export type AuditAction = 'raised' | Exclude<AlertStatus, 'new'>;

export type Transition =
  | { allowed: true; from: AlertStatus; to: Exclude<AlertStatus, 'new'>; audit: AuditAction }
  | { allowed: false; problem: string };

const TARGET: Record<LifecycleAction, Exclude<AlertStatus, 'new'>> = {
  acknowledge: 'acknowledged',
  resolve: 'resolved',
};
const FROM: Record<LifecycleAction, readonly AlertStatus[]> = {
  acknowledge: ['new'],
  resolve: ['new', 'acknowledged'],
};

/**
 * Whether `action` may be taken on an alert in `status`, and where it leads; when it may not, a
 * message that says exactly why (it answers the 409).
 */
export function transition(
  alertId: string,
  status: AlertStatus,
  action: LifecycleAction,
  resolution?: Resolution | null,
): Transition {
  const to = TARGET[action];
  if (FROM[action].includes(status)) return { allowed: true, from: status, to, audit: to };
  if (status === to)
    return { allowed: false, problem: `alert ${alertId} is already ${status}${resolved(resolution)}` };
  return {
    allowed: false,
    problem: `alert ${alertId} is ${status}${resolved(resolution)} and can no longer be ${to}; only ${FROM[action].join(' or ')} alerts can`,
  };
}

const resolved = (resolution?: Resolution | null) => (resolution ? ` (${resolution})` : '');

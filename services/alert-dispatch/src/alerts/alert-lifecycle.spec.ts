import { transition, type AlertStatus, type LifecycleAction } from './alert-lifecycle.js';

const ID = '0b7f6a4e-3c1d-4a8e-9b2f-5d6c7e8f9a01';

describe('alert lifecycle', () => {
  it.each<[AlertStatus, LifecycleAction, AlertStatus]>([
    ['new', 'acknowledge', 'acknowledged'],
    ['new', 'resolve', 'resolved'],
    ['acknowledged', 'resolve', 'resolved'],
  ])('allows %s --%s--> %s', (from, action, to) => {
    expect(transition(ID, from, action)).toEqual({ allowed: true, from, to, audit: to });
  });

  it.each<[AlertStatus, LifecycleAction, string]>([
    ['acknowledged', 'acknowledge', `alert ${ID} is already acknowledged`],
    ['resolved', 'resolve', `alert ${ID} is already resolved (false-positive)`],
    [
      'resolved',
      'acknowledge',
      `alert ${ID} is resolved (false-positive) and can no longer be acknowledged; only new alerts can`,
    ],
  ])('refuses %s --%s--> with a precise reason', (from, action, problem) => {
    expect(transition(ID, from, action, from === 'resolved' ? 'false-positive' : null)).toEqual({
      allowed: false,
      problem,
    });
  });
});

import { DirectiveCode } from '@docscreen/contracts';
import { REQUIRED_CHECKS, type CheckResult, type Finding } from '@docscreen/screening-rules';
import { boardingDirective, carrierInstruction, CARRIER_REASONS } from './boarding-directive.js';
import type { Decision } from './screening-completed.js';

const finding = (action: Finding['action'], severity: Finding['severity'] = 'high'): Finding => ({
  code: 'X',
  message: 'a finding',
  severity,
  action,
});
const check = (
  outcome: CheckResult['outcome'],
  findings: Finding[] = [],
  name = 'lost-stolen',
): CheckResult => ({ check: name, version: '1', outcome, findings }) as CheckResult;

/** One result per required check, as screenTraveller gives them; `findings` on the first. */
const everyCheck = (outcome: CheckResult['outcome'], findings: Finding[] = []): CheckResult[] =>
  REQUIRED_CHECKS.map((name, i) => check(outcome, i === 0 ? findings : [], name));

describe('carrierInstruction', () => {
  it.each<[string, CheckResult[], ReturnType<typeof carrierInstruction>['directive']]>([
    ['every check passed', everyCheck('passed'), 'board'],
    ['an info finding only', everyCheck('passed', [finding('no-action', 'info')]), 'board'],
    ['every check passed but one never ran', everyCheck('passed').slice(1), 'contact-authority'],
    ['a do-not-board hit', [check('failed', [finding('do-not-board')])], 'do-not-board'],
    [
      'do-not-board beside contact-authority',
      [check('failed', [finding('contact-authority')]), check('failed', [finding('do-not-board')])],
      'do-not-board',
    ],
    ['a contact-authority hit', [check('failed', [finding('contact-authority')])], 'contact-authority'],
    ['a check without reference data', [check('passed'), check('no-reference-data')], 'contact-authority'],
    ['a check that failed to run', [check('error')], 'contact-authority'],
    ['no checks at all', [], 'contact-authority'],
  ])('%s → %s', (_case, checks, expected) => {
    expect(carrierInstruction({ checks }).directive).toBe(expected);
  });

  it('never tells the carrier what screening found', () => {
    const instruction = carrierInstruction({
      checks: [check('failed', [{ ...finding('do-not-board'), message: 'listed as stolen by NLD' }])],
    });
    expect(instruction.reason).toBe(CARRIER_REASONS.doNotBoard);
    expect(instruction.reason).not.toMatch(/stolen|NLD/);
  });
});

describe('boardingDirective', () => {
  const decision: Decision = {
    id: '7d1f8c1e-1f6e-4a57-9d0c-6a9f7e1b2c3d',
    passengerEventId: 'e1',
    correlationId: 'c1',
    flightKey: 'LH123/2026-12-01',
    submissionId: 's1',
    travellerRef: 'T1',
    checks: [check('failed', [finding('do-not-board')])],
    ruleSetVersion: '2026.11.1',
    alertId: 'a1',
    screenedAt: new Date('2026-11-28T10:00:00Z'),
  };
  const producer = { name: 'screening', version: '0.1.0' };

  it('is addressed to the reporting carrier and derived from the screening alone', () => {
    const first = boardingDirective(decision, { carrierCode: 'LH' }, producer);
    const again = boardingDirective(decision, { carrierCode: 'LH' }, producer);
    expect(first.directive).toBe(DirectiveCode.DO_NOT_BOARD);
    expect(first.carrierCode).toBe('LH');
    expect(first.screeningId).toBe(decision.id);
    expect(first.envelope?.causationId).toBe(decision.id);
    expect(first.directiveId).toBe(again.directiveId);
    expect(first.directiveId).not.toBe(decision.id);
    expect(first.envelope?.eventId).toBe(first.directiveId);
  });
});

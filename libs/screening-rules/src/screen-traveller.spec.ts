import { DEFAULT_RULE_SET } from './default-rule-set.js';
import { RuleBook } from './rule-book.js';
import {
  checksWithoutRules,
  NO_RULES_IN_FORCE,
  REQUIRED_CHECKS,
  screenTraveller,
} from './screen-traveller.js';
import type { ScreeningSubject } from './subject.js';
import { context, traveller } from './__fixtures__/screening-context.js';

// The acceptance manifest, screened by the one engine: a listed passport, a passport from a
// stolen blank series, a tampered MRZ, an expired document, a missing required visa, a transit-visa
// case, and clean travellers — each yields exactly its expected hits, with readable reasons.

const MANIFEST: [string, ScreeningSubject, string[]][] = [
  [
    'a clean Dutch passenger to London',
    traveller({ nationality: 'NLD', number: 'NP7654321', route: ['AMS', 'LHR'] }),
    [],
  ],
  [
    'a clean German passenger to London',
    traveller({ nationality: 'D', number: 'C02345678', route: ['FRA', 'LHR'] }),
    [],
  ],
  [
    'a listed passport',
    traveller({ nationality: 'NLD', number: 'NX1234567', route: ['AMS', 'LHR'] }),
    ['DOCUMENT_LISTED'],
  ],
  [
    'a passport from a stolen blank series',
    traveller({ nationality: 'D', number: 'C01500000', route: ['FRA', 'LHR'], mrz: 'none' }),
    ['DOCUMENT_FROM_STOLEN_BLANK'],
  ],
  [
    'a tampered MRZ',
    traveller({ nationality: 'NLD', number: 'NP1111111', route: ['AMS', 'LHR'], mrz: 'tampered' }),
    // The altered birth date breaks its check digit and no longer matches the declared one.
    ['MRZ_CHECK_DIGIT', 'MRZ_DECLARED_MISMATCH'],
  ],
  [
    'an expired passport',
    traveller({ nationality: 'NLD', number: 'NP2222222', route: ['AMS', 'LHR'], expiry: '2026-10-31' }),
    ['DOCUMENT_EXPIRED'],
  ],
  [
    'a missing required visa',
    traveller({ nationality: 'AFG', number: 'P01234567', route: ['DXB', 'FRA'] }),
    ['VISA_REQUIRED_MISSING'],
  ],
  [
    'a transit without the airport transit visa',
    traveller({ nationality: 'AFG', number: 'P07654321', route: ['DXB', 'FRA', 'GRU'] }),
    ['AIRPORT_TRANSIT_VISA_MISSING'],
  ],
];

describe('screenTraveller on the acceptance manifest', () => {
  it.each(MANIFEST)('%s', (_name, subject, expected) => {
    const screening = screenTraveller(subject, context());
    const hitRules = [...new Set(screening.hits.map((h) => h.rule))].sort();
    expect(hitRules).toEqual([...expected].sort());
    expect(screening.outcome).toBe(expected.length ? 'hit' : 'clear');
    for (const hit of screening.hits) {
      expect(hit.message.length).toBeGreaterThan(10);
      expect(hit.message).not.toMatch(/DOE|JANE|1985|NX1234567|C01500000|P0123/);
    }
  });

  it('recommends do-not-board for a listed passport and records the rule versions that decided', () => {
    const screening = screenTraveller(MANIFEST[2]![1], context());
    expect(screening.recommendedAction).toBe('do-not-board');
    expect(screening.severity).toBe('high');
    expect(screening.ruleSetVersion).toBe(DEFAULT_RULE_SET.version);
    expect(screening.ruleVersions).toMatchObject({ DOCUMENT_LISTED: 1 });
  });

  it('says "no reference data" instead of clearing when no visa matrix or index is loaded', () => {
    const screening = screenTraveller(MANIFEST[0]![1], context({ matrix: undefined, index: undefined }));
    expect(screening.outcome).toBe('inconclusive');
    const outcomes = Object.fromEntries(screening.checks.map((c) => [c.check, c.outcome]));
    expect(outcomes['visa-scrutiny']).toBe('no-reference-data');
    expect(outcomes['lost-stolen']).toBe('no-reference-data');
  });

  it('switches behaviour with the rule set: a disabled rule no longer hits', () => {
    const rules = new RuleBook({
      version: 'test-disabled',
      rules: DEFAULT_RULE_SET.rules.map((r) => (r.id === 'DOCUMENT_EXPIRED' ? { ...r, enabled: false } : r)),
    });
    const screening = screenTraveller(MANIFEST[5]![1], context({ rules }));
    expect(screening.hits.map((h) => h.rule)).not.toContain('DOCUMENT_EXPIRED');
    expect(screening.ruleSetVersion).toBe('test-disabled');
  });
});

describe('screenTraveller with a rule set that cannot judge (fail closed)', () => {
  const clean = MANIFEST[0]![1];
  const withoutCheck = (check: string) =>
    new RuleBook({
      version: `test-no-${check}`,
      rules: DEFAULT_RULE_SET.rules.map((r) => (r.check === check ? { ...r, enabled: false } : r)),
    });

  it('finds every required check covered by the default rule set', () => {
    expect(checksWithoutRules(new RuleBook(DEFAULT_RULE_SET))).toEqual([]);
  });

  it('never clears anyone with an empty rule set: every required check could not judge', () => {
    const rules = new RuleBook({ version: 'test-empty', rules: [] });
    expect(checksWithoutRules(rules)).toEqual([...REQUIRED_CHECKS]);
    const screening = screenTraveller(clean, context({ rules }));
    expect(screening.outcome).toBe('inconclusive');
    for (const check of screening.checks) {
      expect(check.outcome).toBe('no-reference-data');
      expect(check.findings.map((f) => f.code)).toContain(NO_RULES_IN_FORCE);
    }
  });

  it.each(REQUIRED_CHECKS.map((check) => [check]))(
    'makes a clean traveller inconclusive when no rule of %s is enabled',
    (check) => {
      const rules = withoutCheck(check);
      expect(checksWithoutRules(rules)).toEqual([check]);
      const screening = screenTraveller(clean, context({ rules }));
      expect(screening.outcome).toBe('inconclusive');
      const result = screening.checks.find((c) => c.check === check)!;
      expect(result.outcome).toBe('no-reference-data');
      expect(result.findings).toEqual([
        expect.objectContaining({
          code: NO_RULES_IN_FORCE,
          action: 'no-action',
          message: `the rule set test-no-${check} in force has no enabled rule for the ${check} check: it could not judge`,
        }),
      ]);
    },
  );

  it('still reports the hits of the checks that have rules', () => {
    const screening = screenTraveller(MANIFEST[2]![1], context({ rules: withoutCheck('visa-scrutiny') }));
    expect(screening.outcome).toBe('hit');
    expect(screening.hits.map((h) => h.rule)).toEqual(['DOCUMENT_LISTED']);
  });

  it('keeps one enabled rule enough for its check', () => {
    const rules = new RuleBook({
      version: 'test-one-visa-rule',
      rules: DEFAULT_RULE_SET.rules.map((r) =>
        r.check === 'visa-scrutiny' && r.id !== 'VISA_REQUIRED_MISSING' ? { ...r, enabled: false } : r,
      ),
    });
    expect(checksWithoutRules(rules)).toEqual([]);
    expect(screenTraveller(clean, context({ rules })).outcome).toBe('clear');
  });
});

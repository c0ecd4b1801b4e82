import { describeRequirement, needsVisaBeforeTravel, parseRequirementValue } from './requirement.js';

describe('parseRequirementValue', () => {
  it.each([
    ['visa free', { kind: 'visa-free' }],
    ['Visa Free', { kind: 'visa-free' }],
    ['visa on arrival', { kind: 'visa-on-arrival' }],
    ['eta', { kind: 'eta' }],
    ['e-visa', { kind: 'e-visa' }],
    ['visa required', { kind: 'visa-required' }],
    [' visa  required ', { kind: 'visa-required' }],
    ['no admission', { kind: 'no-admission' }],
    ['-1', { kind: 'own-state' }],
    ['90', { kind: 'visa-free', days: 90 }],
    ['7', { kind: 'visa-free', days: 7 }],
  ])('reads %j', (value, expected) => {
    expect(parseRequirementValue(value)).toEqual(expected);
  });

  it.each(['', 'covid ban', 'Hayya Entry Permit', '0', '-2', '1.5', 'visa', '99999'])(
    'refuses %j',
    (value) => {
      expect(parseRequirementValue(value)).toBeUndefined();
    },
  );

  it('describes requirements for people', () => {
    expect(describeRequirement({ kind: 'visa-free', days: 90 })).toBe('visa free for up to 90 days');
    expect(describeRequirement({ kind: 'e-visa' })).toBe('e-visa');
  });

  it('knows which requirements need a visa before travel', () => {
    expect(needsVisaBeforeTravel({ kind: 'visa-required' })).toBe(true);
    expect(needsVisaBeforeTravel({ kind: 'e-visa' })).toBe(true);
    expect(needsVisaBeforeTravel({ kind: 'eta' })).toBe(false);
    expect(needsVisaBeforeTravel({ kind: 'visa-on-arrival' })).toBe(false);
  });
});

import {
  TOPICS,
  TOPIC_NAME_PATTERN,
  agencyAlertTopic,
  carrierDirectiveTopic,
  deadLetterTopic,
  isAgencyAlertTopic,
  isCarrierDirectiveTopic,
  isTopic,
} from './topics.js';

describe('TOPICS', () => {
  it.each(Object.entries(TOPICS))('%s (%s) follows <domain>.<event>.v<N>', (_name, topic) => {
    expect(topic).toMatch(/^[a-z]+\.[a-z-]+\.v[0-9]+$/);
    expect(topic).toMatch(TOPIC_NAME_PATTERN);
  });

  it('has distinct names', () => {
    const names = Object.values(TOPICS);
    expect(new Set(names).size).toBe(names.length);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(TOPICS)).toBe(true);
  });

  it('recognises its own topics only', () => {
    expect(isTopic(TOPICS.PASSENGER_REPORTED)).toBe(true);
    expect(isTopic('passenger.reported.v2')).toBe(false);
  });
});

describe('agencyAlertTopic', () => {
  it('builds alerts.<agency>.v1, which follows the naming rule', () => {
    expect(agencyAlertTopic('nl-kmar')).toBe('alerts.nl-kmar.v1');
    expect(agencyAlertTopic('gbho')).toMatch(TOPIC_NAME_PATTERN);
    expect(isAgencyAlertTopic(agencyAlertTopic('de-bpol'))).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['too short', 'x'],
    ['too long', 'a'.repeat(33)],
    ['uppercase', 'NL-KMAR'],
    ['digits', 'agency1'],
    ['dot (would inject a topic segment)', 'nl.kmar'],
    ['underscore', 'nl_kmar'],
    ['leading hyphen', '-nl'],
    ['trailing hyphen', 'nl-'],
    ['double hyphen', 'nl--kmar'],
    ['whitespace', ' nl '],
    ['wildcard', '*'],
  ])('rejects a bad code: %s', (_why, code) => {
    expect(() => agencyAlertTopic(code)).toThrow(RangeError);
  });

  it('tells agency alert topics from others', () => {
    expect(isAgencyAlertTopic('alerts.x.v1')).toBe(false);
    expect(isAgencyAlertTopic('alerts.nl-kmar.v2')).toBe(false);
    expect(isAgencyAlertTopic(TOPICS.ALERT_RAISED)).toBe(false);
  });
});

describe('deadLetterTopic', () => {
  it('is <topic>.dlq.<group>', () => {
    expect(deadLetterTopic(TOPICS.PASSENGER_REPORTED, 'screening')).toBe(
      'passenger.reported.v1.dlq.screening',
    );
    expect(deadLetterTopic(agencyAlertTopic('nl-kmar'), 'alert-router.v2')).toBe(
      'alerts.nl-kmar.v1.dlq.alert-router.v2',
    );
  });

  it('rejects topics outside the naming rule, bad groups and over-long names', () => {
    expect(() => deadLetterTopic('Passenger.Reported', 'screening')).toThrow(RangeError);
    expect(() => deadLetterTopic('passenger.reported.v1.dlq.screening', 'screening')).toThrow(RangeError);
    expect(() => deadLetterTopic(TOPICS.PASSENGER_REPORTED, 'Screening')).toThrow(RangeError);
    expect(() => deadLetterTopic(TOPICS.PASSENGER_REPORTED, 'screening_service')).toThrow(RangeError);
    expect(() => deadLetterTopic(TOPICS.PASSENGER_REPORTED, '')).toThrow(RangeError);
    expect(() => deadLetterTopic(TOPICS.PASSENGER_REPORTED, 'g'.repeat(240))).toThrow(RangeError);
  });
});

describe('carrierDirectiveTopic', () => {
  it.each([
    ['LH', 'directives.lh.v1'],
    ['u2', 'directives.u2.v1'],
    ['3K', 'directives.3k.v1'],
    ['AAL', 'directives.aal.v1'],
  ])('%s -> %s', (code, topic) => {
    expect(carrierDirectiveTopic(code)).toBe(topic);
    expect(isCarrierDirectiveTopic(topic)).toBe(true);
  });

  it.each(['', 'L', 'LH-1', 'LUFT', 'L H'])('refuses %j', (code) => {
    expect(() => carrierDirectiveTopic(code)).toThrow(RangeError);
  });

  it('does not take other topics for carrier topics', () => {
    expect(isCarrierDirectiveTopic(TOPICS.BOARDING_DIRECTIVE)).toBe(false);
    expect(isCarrierDirectiveTopic('alerts.nl-kmar.v1')).toBe(false);
    expect(isCarrierDirectiveTopic('directives.LH.v1')).toBe(false);
  });
});

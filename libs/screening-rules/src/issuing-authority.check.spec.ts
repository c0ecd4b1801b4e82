import {
  RULES,
  RULE_SET_VERSION,
  passport,
  raised,
  rulesWith,
  traveller,
  visa,
} from './__fixtures__/integrity-subjects.js';
import type { CheckOutcome } from './check-result.js';
import { ISSUING_AUTHORITY, issuingAuthorityCheck } from './issuing-authority.check.js';
import type { NumberFormatTable } from './number-formats.js';
import type { ScreeningSubject } from './subject.js';

interface Scenario {
  name: string;
  subject: ScreeningSubject;
  raised: string[];
  outcome: CheckOutcome;
  numberFormats?: NumberFormatTable;
}

function expectScenario(scenario: Scenario): void {
  const result = issuingAuthorityCheck(scenario.subject, {
    rules: RULES,
    numberFormats: scenario.numberFormats,
  });
  expect(raised(result)).toEqual(scenario.raised);
  expect(result.outcome).toBe(scenario.outcome);
}

/** A traveller of `nationality` on one passport of that state. */
const holder = (nationality: string, number: string, issuingState = nationality) =>
  traveller({ nationality, documents: [passport({ issuingState, number })] });

const SINCE_2020: NumberFormatTable = {
  version: 'test',
  formats: [
    {
      issuingState: 'NLD',
      documentType: 'PASSPORT',
      pattern: '^N[0-9]{8}$',
      description: 'N, 8 digits',
      since: '2020-01-01',
    },
  ],
};

describe('issuingAuthorityCheck', () => {
  it('passes a Dutch passport of the known format, recording the rule set version', () => {
    const result = issuingAuthorityCheck(traveller(), { rules: RULES });
    expect(result).toEqual({
      check: ISSUING_AUTHORITY,
      version: RULE_SET_VERSION,
      outcome: 'passed',
      findings: [],
    });
  });

  it('is not applicable without documents or nationality', () => {
    const result = issuingAuthorityCheck(traveller({ nationality: '', documents: [] }), { rules: RULES });
    expect(result.outcome).toBe('not-applicable');
  });

  describe('UNKNOWN_ISSUING_STATE and SPECIMEN_DOCUMENT', () => {
    it.each<Scenario>([
      {
        name: 'an issuing state no ICAO code stands for (its number is not judged)',
        subject: holder('NLD', '123', 'XYZ'),
        raised: ['UNKNOWN_ISSUING_STATE documents[0].issuingState'],
        outcome: 'failed',
      },
      {
        name: 'an issuing state that is no code at all',
        subject: holder('NLD', '123', 'Utopia'),
        raised: ['UNKNOWN_ISSUING_STATE documents[0].issuingState'],
        outcome: 'failed',
      },
      {
        name: 'a nationality no ICAO code stands for',
        subject: traveller({ nationality: 'ABC' }),
        raised: ['UNKNOWN_ISSUING_STATE nationality'],
        outcome: 'failed',
      },
      {
        name: 'the ICAO specimen passport (whose number has the specimen format)',
        subject: holder('UTO', 'L898902C3'),
        raised: ['SPECIMEN_DOCUMENT nationality', 'SPECIMEN_DOCUMENT documents[0].issuingState'],
        outcome: 'failed',
      },
    ])('raises for $name', expectScenario);

    it.each<Scenario>([
      { name: "Germany's ICAO code D", subject: holder('D', 'C01X00T47'), raised: [], outcome: 'passed' },
      { name: 'the ISO code DEU', subject: holder('DEU', 'C01X00T47'), raised: [], outcome: 'passed' },
      {
        name: 'ICAO codes for the stateless and UN documents',
        subject: traveller({
          nationality: 'XXA',
          documents: [passport({ issuingState: 'UNO', number: '' })],
        }),
        raised: [],
        outcome: 'passed',
      },
      {
        name: 'an issuing state or nationality not reported',
        subject: traveller({ nationality: '', documents: [passport({ issuingState: '' })] }),
        raised: [],
        outcome: 'passed',
      },
    ])('does not raise for $name', expectScenario);

    it('rates a specimen critical and do-not-board', () => {
      const result = issuingAuthorityCheck(holder('NLD', 'L898902C3', 'UTO'), { rules: RULES });
      expect(result.findings).toEqual([
        expect.objectContaining({ code: 'SPECIMEN_DOCUMENT', severity: 'critical', action: 'do-not-board' }),
      ]);
    });
  });

  describe('NUMBER_FORMAT_MISMATCH and NUMBER_FORMAT_UNKNOWN', () => {
    it.each<Scenario>([
      {
        name: 'a Dutch number with the letter O',
        subject: holder('NLD', 'SPECO2014'),
        raised: ['NUMBER_FORMAT_MISMATCH documents[0].number'],
        outcome: 'failed',
      },
      {
        name: 'a German number with a letter Germany does not use',
        subject: holder('D', 'C01A00T47'),
        raised: ['NUMBER_FORMAT_MISMATCH documents[0].number'],
        outcome: 'failed',
      },
      {
        name: 'a US number of two letters and 7 digits',
        subject: holder('USA', 'AB1234567'),
        raised: ['NUMBER_FORMAT_MISMATCH documents[0].number'],
        outcome: 'failed',
      },
      {
        name: 'a British number of 8 digits',
        subject: holder('GBR', '12345678'),
        raised: ['NUMBER_FORMAT_MISMATCH documents[0].number'],
        outcome: 'failed',
      },
      {
        name: 'a number that fits no format of an imported table',
        subject: traveller({ documents: [passport({ number: 'X12345678', issueDate: '2021-05-01' })] }),
        numberFormats: SINCE_2020,
        raised: ['NUMBER_FORMAT_MISMATCH documents[0].number'],
        outcome: 'failed',
      },
    ])('raises a mismatch for $name', expectScenario);

    it.each<Scenario>([
      { name: 'a US number of 9 digits', subject: holder('USA', '123456789'), raised: [], outcome: 'passed' },
      {
        name: 'a US number of a letter and 8 digits',
        subject: holder('USA', 'A12345678'),
        raised: [],
        outcome: 'passed',
      },
      { name: 'a French number', subject: holder('FRA', '12AB34567'), raised: [], outcome: 'passed' },
      {
        name: 'a number written in lower case with a blank',
        subject: holder('GBR', '123 456 789'),
        raised: [],
        outcome: 'passed',
      },
      {
        name: 'a German identity card',
        subject: traveller({
          nationality: 'D',
          documents: [passport({ code: 'I', type: 'IDENTITY_CARD', issuingState: 'D', number: 'l01x00t47' })],
        }),
        raised: [],
        outcome: 'passed',
      },
      {
        name: 'a document without number',
        subject: holder('NLD', ''),
        raised: [],
        outcome: 'passed',
      },
    ])('does not raise for $name', expectScenario);

    it.each<Scenario>([
      {
        name: 'a state without formats on record',
        subject: holder('BRA', 'FZ123456'),
        raised: ['NUMBER_FORMAT_UNKNOWN documents[0].number'],
        outcome: 'passed',
      },
      {
        name: 'a document type without formats on record',
        subject: traveller({ documents: [passport(), visa()] }),
        raised: ['NUMBER_FORMAT_UNKNOWN documents[1].number'],
        outcome: 'passed',
      },
      {
        name: 'a document issued before every format on record',
        subject: traveller({ documents: [passport({ number: 'X12345678', issueDate: '2015-05-01' })] }),
        numberFormats: SINCE_2020,
        raised: ['NUMBER_FORMAT_UNKNOWN documents[0].number'],
        outcome: 'passed',
      },
    ])('informs, without failing, about $name', expectScenario);

    it('reports an unknown format as information', () => {
      const result = issuingAuthorityCheck(holder('BRA', 'FZ123456'), { rules: RULES });
      expect(result.findings[0]).toMatchObject({ severity: 'info', action: 'no-action' });
    });
  });

  it('raises nothing of disabled rules', () => {
    const rules = rulesWith('NUMBER_FORMAT_MISMATCH', { enabled: false });
    const result = issuingAuthorityCheck(holder('NLD', 'SPECO2014'), { rules });
    expect(result).toMatchObject({ outcome: 'passed', findings: [] });
  });

  it('never puts a document number in a message', () => {
    const subject = traveller({
      documents: [passport({ number: 'SPECO2014' }), passport({ issuingState: 'BRA', number: 'FZ123456' })],
    });
    const result = issuingAuthorityCheck(subject, { rules: RULES });
    expect(result.findings).toHaveLength(2);
    const messages = result.findings.map((finding) => finding.message).join('\n');
    for (const value of ['SPECO2014', 'FZ123456', 'ERIKSSON']) expect(messages).not.toContain(value);
  });
});

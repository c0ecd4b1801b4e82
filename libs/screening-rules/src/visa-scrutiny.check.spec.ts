import { AirportDirectory, VisaMatrix, type VisaMatrixEntry } from '@docscreen/visa-rules';
import { RuleBook, type RuleDefinition } from './rule-book.js';
import type { ScreeningSubject, SubjectDocument, SubjectLeg } from './subject.js';
import { VISA_RULES } from './visa-rules.js';
import {
  VISA_SCRUTINY,
  type ViolationRecord,
  type VisaScrutinyContext,
  visaScrutinyCheck,
} from './visa-scrutiny.check.js';

const AIRPORTS = new AirportDirectory(
  [
    ['KBL', 'AFG'],
    ['VIE', 'AUT'],
    ['FRA', 'DEU'],
    ['MUC', 'DEU'],
    ['CDG', 'FRA'],
    ['LHR', 'GBR'],
    ['LGW', 'GBR'],
    ['JFK', 'USA'],
    ['IST', 'TUR'],
    ['DXB', 'ARE'],
    ['DEL', 'IND'],
    ['KWI', 'KWT'],
    ['SJU', 'PRI'],
    ['BKK', 'THA'],
  ],
  'test',
);

const V = { kind: 'visa-required' } as const;
const cell = (nationality: string, destinations: string, requirement: VisaMatrixEntry['requirement']) =>
  destinations.split(' ').map((destination) => ({ nationality, destination, requirement }));

const ENTRIES: VisaMatrixEntry[] = [
  ...cell('AFG', 'AUT D FRA GBR USA TUR ARE KWT THA', V),
  ...cell('AFG', 'IND', { kind: 'e-visa' }),
  ...cell('D', 'USA', { kind: 'eta' }),
  ...cell('D', 'GBR TUR ARE AFG', { kind: 'visa-free', days: 90 }),
  ...cell('D', 'AUT FRA', { kind: 'visa-free' }),
  ...cell('ISR', 'KWT', { kind: 'no-admission' }),
  ...cell('BRA', 'AUT D FRA', { kind: 'visa-free', days: 90 }),
  ...cell('IND', 'AUT', V),
];
const MATRIX = VisaMatrix.fromEntries(
  { version: 'pi-2025-01', source: 'unit test', importedAt: '2026-01-01T00:00:00Z' },
  ENTRIES,
);
const WITH_ATV = MATRIX.withAirportTransit([
  { transitState: 'D', nationality: 'AFG' },
  { transitState: 'GBR', nationality: 'AFG' },
]);

const RULES = new RuleBook({ version: '2026.11.1', rules: VISA_RULES });

function rulesWith(changes: Record<string, Partial<RuleDefinition>>): RuleBook {
  return new RuleBook({
    version: 'test',
    rules: VISA_RULES.map((rule) => ({ ...rule, ...changes[rule.id] })),
  });
}

const PASSPORT: SubjectDocument = {
  code: 'P',
  type: 'PASSPORT',
  number: 'P1234567',
  issuingState: 'AFG',
  expiryDate: '2030-01-01',
  mrzLines: [],
};

function visa(issuingState: string, extra: Partial<SubjectDocument> = {}): SubjectDocument {
  return {
    code: 'V',
    type: 'VISA',
    number: 'V7654321',
    issuingState,
    mrzLines: [],
    visaKind: 'entry',
    validFrom: '2026-01-01',
    validUntil: '2026-12-31',
    ...extra,
  };
}

const leg = (from: string, to: string, date: string): SubjectLeg => ({
  departureAirport: from,
  arrivalAirport: to,
  departureDate: date,
});

function subject(overrides: Partial<ScreeningSubject> = {}): ScreeningSubject {
  return {
    role: 'passenger',
    surname: 'QUARTERMAIN',
    givenNames: 'ALLAN',
    birthDate: '1985-07-14',
    sex: 'M',
    nationality: 'AFG',
    documents: [PASSPORT],
    legs: [leg('KBL', 'IST', '2026-03-01'), leg('IST', 'CDG', '2026-03-01')],
    portOfEmbarkation: 'KBL',
    portOfDisembarkation: 'CDG',
    transitPorts: ['IST'],
    ...overrides,
  };
}

function context(overrides: Partial<VisaScrutinyContext> = {}): VisaScrutinyContext {
  return {
    rules: RULES,
    matrix: MATRIX,
    airports: AIRPORTS,
    documentListed: () => false,
    violations: () => [],
    ...overrides,
  };
}

const codes = (result: ReturnType<typeof visaScrutinyCheck>): string[] => result.findings.map((f) => f.code);

describe('visaScrutinyCheck', () => {
  describe('without reference data', () => {
    it('reports no-reference-data with an informational finding, never passed', () => {
      const result = visaScrutinyCheck(subject(), context({ matrix: undefined }));
      expect(result.check).toBe(VISA_SCRUTINY);
      expect(result.outcome).toBe('no-reference-data');
      expect(result.findings).toEqual([
        expect.objectContaining({ code: 'VISA_NO_REFERENCE_DATA', severity: 'info', action: 'no-action' }),
      ]);
      expect(result.version).toBe('2026.11.1');
    });

    it('still checks what needs no matrix, and fails on it', () => {
      const records: ViolationRecord[] = [{ kind: 'overstay', state: 'FRA', recordedOn: '2024-05-02' }];
      const result = visaScrutinyCheck(subject(), context({ matrix: undefined, violations: () => records }));
      expect(result.outcome).toBe('failed');
      expect(codes(result)).toEqual(['RECORDED_VISA_VIOLATION', 'VISA_NO_REFERENCE_DATA']);
    });
  });

  describe('requirements of the destination', () => {
    it('passes a visa-free traveller and records the matrix version', () => {
      const result = visaScrutinyCheck(
        subject({ nationality: 'D', legs: [leg('FRA', 'CDG', '2026-03-01')], transitPorts: [] }),
        context(),
      );
      expect(result).toMatchObject({
        outcome: 'passed',
        findings: [],
        version: '2026.11.1+visa-matrix.pi-2025-01',
      });
    });

    it('needs nothing of own nationals', () => {
      const result = visaScrutinyCheck(
        subject({ legs: [leg('IST', 'KBL', '2026-03-01')], transitPorts: [], portOfDisembarkation: 'KBL' }),
        context(),
      );
      expect(result).toMatchObject({ outcome: 'passed', findings: [] });
    });

    it('denies boarding without the required visa', () => {
      const result = visaScrutinyCheck(subject(), context());
      expect(result.outcome).toBe('failed');
      expect(result.findings).toEqual([
        expect.objectContaining({
          code: 'VISA_REQUIRED_MISSING',
          action: 'do-not-board',
          severity: 'high',
          field: 'legs[1].arrivalAirport',
          rule: 'VISA_REQUIRED_MISSING',
          ruleVersion: 1,
        }),
      ]);
      expect(result.findings[0]!.message).toContain('FRA');
    });

    it('passes with a valid visa of the destination', () => {
      const result = visaScrutinyCheck(subject({ documents: [PASSPORT, visa('FRA')] }), context());
      expect(result).toMatchObject({ outcome: 'passed', findings: [] });
    });

    it('takes a visa of any Schengen state for a Schengen destination', () => {
      const result = visaScrutinyCheck(subject({ documents: [PASSPORT, visa('D')] }), context());
      expect(result).toMatchObject({ outcome: 'passed', findings: [] });
    });

    it('takes a residence permit of the destination', () => {
      const permit: SubjectDocument = {
        ...visa('FRA'),
        code: 'IR',
        type: 'RESIDENCE_PERMIT',
        visaKind: undefined,
        validFrom: undefined,
        validUntil: undefined,
        expiryDate: '2027-01-01',
      };
      const result = visaScrutinyCheck(subject({ documents: [PASSPORT, permit] }), context());
      expect(result).toMatchObject({ outcome: 'passed', findings: [] });
    });

    it('refers a visa of another state', () => {
      const result = visaScrutinyCheck(subject({ documents: [PASSPORT, visa('GBR')] }), context());
      expect(result.findings).toEqual([
        expect.objectContaining({
          code: 'VISA_WRONG_ISSUER',
          action: 'contact-authority',
          field: 'documents[1].issuingState',
        }),
      ]);
      expect(result.findings[0]!.message).toContain('GBR');
    });

    it('refers a visa whose issuing state is not reported', () => {
      const result = visaScrutinyCheck(subject({ documents: [PASSPORT, visa('')] }), context());
      expect(codes(result)).toEqual(['VISA_WRONG_ISSUER']);
      expect(result.findings[0]!.message).toContain('an unreported state');
    });

    it.each([
      ['expired', { validUntil: '2026-02-28' }],
      ['not yet valid', { validFrom: '2026-03-02' }],
      ['expired by expiry date', { validUntil: undefined, expiryDate: '2026-01-31' }],
    ])('denies boarding with a visa %s on arrival', (_, dates) => {
      const result = visaScrutinyCheck(subject({ documents: [PASSPORT, visa('FRA', dates)] }), context());
      expect(result.findings).toEqual([
        expect.objectContaining({
          code: 'VISA_NOT_VALID_ON_ARRIVAL',
          action: 'do-not-board',
          field: 'documents[1]',
        }),
      ]);
      expect(result.findings[0]!.message).toContain('2026-03-01');
    });

    it('uses the arrival date when the carrier reports it', () => {
      const legs = [
        leg('KBL', 'IST', '2026-02-27'),
        { ...leg('IST', 'CDG', '2026-02-28'), arrivalDate: '2026-03-01' },
      ];
      const result = visaScrutinyCheck(
        subject({ legs, documents: [PASSPORT, visa('FRA', { validFrom: '2026-03-01' })] }),
        context(),
      );
      expect(result.outcome).toBe('passed');
    });

    it('refers a transit visa presented for the destination', () => {
      const result = visaScrutinyCheck(
        subject({ documents: [PASSPORT, visa('FRA', { visaKind: 'transit' })] }),
        context(),
      );
      expect(result.findings).toEqual([
        expect.objectContaining({ code: 'VISA_WRONG_KIND', field: 'documents[1].visaKind' }),
      ]);
    });

    it('refers a missing e-visa instead of denying boarding', () => {
      const result = visaScrutinyCheck(
        subject({ legs: [leg('KBL', 'DEL', '2026-03-01')], transitPorts: [], portOfDisembarkation: 'DEL' }),
        context(),
      );
      expect(result.findings).toEqual([
        expect.objectContaining({
          code: 'VISA_EVISA_NOT_REPORTED',
          action: 'contact-authority',
          severity: 'medium',
        }),
      ]);
    });

    it('passes an e-visa that is reported', () => {
      const result = visaScrutinyCheck(
        subject({
          legs: [leg('KBL', 'DEL', '2026-03-01')],
          transitPorts: [],
          documents: [PASSPORT, visa('IND')],
        }),
        context(),
      );
      expect(result.outcome).toBe('passed');
    });

    it('mentions an ETA only when the rule set enables it', () => {
      const traveller = subject({
        nationality: 'D',
        legs: [leg('FRA', 'JFK', '2026-03-01')],
        transitPorts: [],
      });
      expect(visaScrutinyCheck(traveller, context()).findings).toEqual([]);
      const enabled = visaScrutinyCheck(
        traveller,
        context({ rules: rulesWith({ VISA_ETA_REQUIRED: { enabled: true } }) }),
      );
      expect(enabled.outcome).toBe('passed');
      expect(enabled.findings).toEqual([
        expect.objectContaining({ code: 'VISA_ETA_REQUIRED', action: 'no-action' }),
      ]);
    });

    it('denies boarding where no one of the nationality is admitted', () => {
      const result = visaScrutinyCheck(
        subject({ nationality: 'ISR', legs: [leg('IST', 'KWI', '2026-03-01')], transitPorts: [] }),
        context(),
      );
      expect(result.findings).toEqual([
        expect.objectContaining({ code: 'NO_ADMISSION', action: 'do-not-board', severity: 'critical' }),
      ]);
    });

    it("uses the state issuing a territory's visas when the matrix lacks the territory", () => {
      const traveller = subject({ legs: [leg('JFK', 'SJU', '2026-03-01')], transitPorts: [] });
      expect(codes(visaScrutinyCheck(traveller, context()))).toEqual(['VISA_REQUIRED_MISSING']);
      const withUsVisa = { ...traveller, documents: [PASSPORT, visa('USA')] };
      expect(visaScrutinyCheck(withUsVisa, context()).outcome).toBe('passed');
    });
  });

  describe('transit states', () => {
    it('needs no visa to change planes airside', () => {
      // Istanbul requires a visa of Afghans for entry, but the traveller stays airside.
      const result = visaScrutinyCheck(subject({ documents: [PASSPORT, visa('FRA')] }), context());
      expect(result.outcome).toBe('passed');
    });

    it('needs a visa of a transit state entered by changing airports', () => {
      const legs = [leg('KBL', 'LHR', '2026-03-01'), leg('LGW', 'CDG', '2026-03-01')];
      const result = visaScrutinyCheck(
        subject({ legs, transitPorts: ['LHR'], documents: [PASSPORT, visa('FRA')] }),
        context(),
      );
      expect(result.findings).toEqual([
        expect.objectContaining({ code: 'VISA_WRONG_ISSUER', field: 'documents[1].issuingState' }),
      ]);
      expect(result.findings[0]!.message).toContain('GBR');
    });

    it('accepts a transit visa, or an entry visa, for a state entered on the way', () => {
      const legs = [leg('KBL', 'JFK', '2026-03-01'), leg('JFK', 'CDG', '2026-03-01')];
      const base = subject({ legs, transitPorts: ['JFK'] });
      // The United States have no airside transit: a transit passenger needs a US visa.
      expect(codes(visaScrutinyCheck({ ...base, documents: [PASSPORT, visa('FRA')] }, context()))).toEqual([
        'VISA_WRONG_ISSUER',
      ]);
      for (const visaKind of ['transit', 'entry'] as const) {
        const documents = [PASSPORT, visa('USA', { visaKind }), visa('FRA')];
        expect(visaScrutinyCheck({ ...base, documents }, context()).outcome).toBe('passed');
      }
      const airportTransitOnly = [PASSPORT, visa('USA', { visaKind: 'airport-transit' }), visa('FRA')];
      expect(codes(visaScrutinyCheck({ ...base, documents: airportTransitOnly }, context()))).toEqual([
        'VISA_WRONG_KIND',
      ]);
    });

    it('treats a long connection as a stopover that needs entry', () => {
      const legs = [leg('KBL', 'DXB', '2026-03-01'), leg('DXB', 'CDG', '2026-03-05')];
      const result = visaScrutinyCheck(
        subject({ legs, transitPorts: ['DXB'], documents: [PASSPORT, visa('FRA')] }),
        context(),
      );
      expect(result.findings.map((f) => [f.code, f.field])).toEqual([
        ['VISA_WRONG_ISSUER', 'documents[1].issuingState'],
      ]);
      expect(result.findings[0]!.message).toContain('ARE');
    });

    it('takes the longest transit from the rule set, and ignores a malformed setting', () => {
      const legs = [leg('KBL', 'DXB', '2026-03-01'), leg('DXB', 'CDG', '2026-03-05')];
      const traveller = subject({ legs, transitPorts: ['DXB'], documents: [PASSPORT, visa('FRA')] });
      const withDays = (transitMaxDays: unknown) =>
        rulesWith({
          VISA_REQUIRED_MISSING: {
            parameters: {
              ...VISA_RULES.find((r) => r.id === 'VISA_REQUIRED_MISSING')!.parameters,
              transitMaxDays,
            },
          },
        });
      expect(visaScrutinyCheck(traveller, context({ rules: withDays(5) })).outcome).toBe('passed');
      expect(codes(visaScrutinyCheck(traveller, context({ rules: withDays('five') })))).toEqual([
        'VISA_WRONG_ISSUER',
      ]);
    });

    it('requires an airport transit visa where the airport-transit list says so', () => {
      const legs = [leg('KBL', 'FRA', '2026-03-01'), leg('FRA', 'JFK', '2026-03-01')];
      const traveller = subject({ legs, transitPorts: ['FRA'], portOfDisembarkation: 'JFK' });
      const withUsVisa = { ...traveller, documents: [PASSPORT, visa('USA')] };
      // Without an airport-transit list nobody is known to need one.
      expect(visaScrutinyCheck(withUsVisa, context()).outcome).toBe('passed');
      // With it, a US visa exempts (Schengen Visa Code art. 3(5))…
      expect(visaScrutinyCheck(withUsVisa, context({ matrix: WITH_ATV })).outcome).toBe('passed');
      // … but a visa of the destination alone does not when the issuer is not exempting.
      const toDelhi = subject({
        legs: [leg('KBL', 'FRA', '2026-03-01'), leg('FRA', 'DEL', '2026-03-01')],
        transitPorts: ['FRA'],
        portOfDisembarkation: 'DEL',
        documents: [PASSPORT, visa('IND')],
      });
      const result = visaScrutinyCheck(toDelhi, context({ matrix: WITH_ATV }));
      expect(result.findings).toEqual([
        expect.objectContaining({
          code: 'AIRPORT_TRANSIT_VISA_MISSING',
          action: 'contact-authority',
          field: 'legs[0].arrivalAirport',
        }),
      ]);
      // An airport transit visa of any Schengen state does.
      const withAtv = {
        ...toDelhi,
        documents: [...toDelhi.documents, visa('NLD', { visaKind: 'airport-transit' })],
      };
      expect(visaScrutinyCheck(withAtv, context({ matrix: WITH_ATV })).outcome).toBe('passed');
    });

    it('checks a foreign resident returning to the origin state', () => {
      const legs = [leg('VIE', 'DEL', '2026-03-01'), leg('DEL', 'VIE', '2026-03-20')];
      const indian = subject({
        nationality: 'IND',
        legs,
        transitPorts: [],
        portOfDisembarkation: 'DEL',
        documents: [{ ...PASSPORT, issuingState: 'IND' }],
      });
      const result = visaScrutinyCheck(indian, context());
      expect(result.findings.map((f) => [f.code, f.field])).toEqual([
        ['VISA_REQUIRED_MISSING', 'legs[1].arrivalAirport'],
      ]);
      const permit: SubjectDocument = {
        ...visa('AUT'),
        type: 'RESIDENCE_PERMIT',
        code: 'IR',
        visaKind: undefined,
      };
      expect(
        visaScrutinyCheck({ ...indian, documents: [...indian.documents, permit] }, context()).outcome,
      ).toBe('passed');
    });
  });

  describe('crew', () => {
    const certificate: SubjectDocument = { ...PASSPORT, code: 'AC', type: 'CREW_MEMBER_CERTIFICATE' };

    it('exempts crew holding a crew member certificate (ICAO Annex 9)', () => {
      const crew = subject({ role: 'crew', documents: [PASSPORT, certificate] });
      expect(visaScrutinyCheck(crew, context())).toMatchObject({ outcome: 'passed', findings: [] });
    });

    it('does not exempt crew without a certificate, or when the rule set says so', () => {
      expect(codes(visaScrutinyCheck(subject({ role: 'crew' }), context()))).toEqual([
        'VISA_REQUIRED_MISSING',
      ]);
      const rules = rulesWith({
        VISA_REQUIRED_MISSING: {
          parameters: {
            ...VISA_RULES.find((r) => r.id === 'VISA_REQUIRED_MISSING')!.parameters,
            crewWithCertificateExempt: false,
          },
        },
      });
      const crew = subject({ role: 'crew', documents: [PASSPORT, certificate] });
      expect(codes(visaScrutinyCheck(crew, context({ rules })))).toEqual(['VISA_REQUIRED_MISSING']);
    });

    it('still applies no admission to crew', () => {
      const crew = subject({
        role: 'crew',
        nationality: 'ISR',
        legs: [leg('IST', 'KWI', '2026-03-01')],
        transitPorts: [],
        documents: [PASSPORT, certificate],
      });
      expect(codes(visaScrutinyCheck(crew, context()))).toEqual(['NO_ADMISSION']);
    });
  });

  describe('transit abuse', () => {
    it('refers a transit passenger whose itinerary ends in the first state reached', () => {
      const result = visaScrutinyCheck(
        subject({
          nationality: 'D',
          role: 'transit-passenger',
          legs: [leg('FRA', 'LHR', '2026-03-01')],
          transitPorts: [],
          portOfDisembarkation: 'LHR',
        }),
        context(),
      );
      expect(result.outcome).toBe('failed');
      expect(result.findings).toEqual([
        expect.objectContaining({
          code: 'TRANSIT_WITHOUT_ONWARD_LEG',
          action: 'contact-authority',
          field: 'legs[0].arrivalAirport',
        }),
      ]);
    });

    it('refers an itinerary that ends at a reported transit port', () => {
      const result = visaScrutinyCheck(
        subject({ nationality: 'D', legs: [leg('FRA', 'IST', '2026-03-01')], transitPorts: ['IST'] }),
        context(),
      );
      expect(codes(result)).toEqual(['TRANSIT_WITHOUT_ONWARD_LEG']);
    });

    it('refers a transit passenger whose legs end before the reported destination', () => {
      const result = visaScrutinyCheck(
        subject({
          nationality: 'D',
          role: 'transit-passenger',
          legs: [leg('FRA', 'IST', '2026-03-01'), leg('IST', 'LHR', '2026-03-01')],
          transitPorts: [],
          portOfDisembarkation: 'JFK',
        }),
        context(),
      );
      expect(codes(result)).toEqual(['TRANSIT_WITHOUT_ONWARD_LEG']);
      expect(result.findings[0]!.message).toContain('JFK');
    });

    it('accepts a transit passenger with an onward leg', () => {
      const result = visaScrutinyCheck(
        subject({
          nationality: 'D',
          role: 'transit-passenger',
          legs: [leg('FRA', 'IST', '2026-03-01'), leg('IST', 'LHR', '2026-03-01')],
          transitPorts: ['IST'],
          portOfDisembarkation: 'LHR',
        }),
        context(),
      );
      expect(result).toMatchObject({ outcome: 'passed', findings: [] });
    });
  });

  describe('visa terms', () => {
    it('refers a visa listed lost, stolen or revoked', () => {
      const listed = visa('FRA');
      const result = visaScrutinyCheck(
        subject({ documents: [PASSPORT, listed] }),
        context({ documentListed: (document) => document === listed }),
      );
      expect(result.findings).toEqual([
        expect.objectContaining({
          code: 'VISA_DOCUMENT_LISTED',
          severity: 'critical',
          field: 'documents[1]',
        }),
      ]);
    });

    it('does not report a listed passport (the registry check does)', () => {
      const result = visaScrutinyCheck(
        subject({ documents: [PASSPORT, visa('FRA')] }),
        context({ documentListed: (document) => document === PASSPORT }),
      );
      expect(result.findings).toEqual([]);
    });

    it('refers recorded overstays and visa violations, one finding each', () => {
      const records: ViolationRecord[] = [
        { kind: 'overstay', state: 'GBR', recordedOn: '2023-10-01' },
        { kind: 'visa-violation', state: 'DEU' },
      ];
      const result = visaScrutinyCheck(
        subject({ documents: [PASSPORT, visa('FRA')] }),
        context({ violations: () => records }),
      );
      expect(result.outcome).toBe('failed');
      expect(result.findings.map((f) => [f.code, f.action])).toEqual([
        ['RECORDED_VISA_VIOLATION', 'contact-authority'],
        ['RECORDED_VISA_VIOLATION', 'contact-authority'],
      ]);
      expect(result.findings[0]!.message).toBe('Overstay of the traveller recorded by GBR on 2023-10-01.');
      expect(result.findings[1]!.message).toContain('recorded by D');
    });

    it('refers a stay beyond the visa-free period when a later flight tells its length', () => {
      const legs = [
        leg('GRU', 'CDG', '2026-03-01'),
        leg('CDG', 'FRA', '2026-04-20'),
        leg('FRA', 'GRU', '2026-06-10'),
      ];
      const brazilian = subject({ nationality: 'BRA', legs, transitPorts: [], documents: [] });
      const airports = AIRPORTS.with([['GRU', 'BRA']]);
      const result = visaScrutinyCheck(brazilian, context({ airports }));
      expect(result.findings).toEqual([
        expect.objectContaining({
          code: 'VISA_STAY_EXCEEDS_VISA_FREE_PERIOD',
          action: 'contact-authority',
          field: 'legs[0].arrivalAirport',
        }),
      ]);
      expect(result.findings[0]!.message).toContain('102 days in the Schengen area');
      const shorter = legs.map((l, i) => (i === 2 ? { ...l, departureDate: '2026-05-29' } : l));
      expect(visaScrutinyCheck({ ...brazilian, legs: shorter }, context({ airports })).findings).toEqual([]);
    });
  });

  describe('data gaps and edge cases', () => {
    it('reports unknown airports as no-reference-data, not passed', () => {
      const result = visaScrutinyCheck(
        subject({ legs: [leg('KBL', 'QQQ', '2026-03-01')], transitPorts: [] }),
        context(),
      );
      expect(result.outcome).toBe('no-reference-data');
      expect(result.findings).toEqual([
        expect.objectContaining({ code: 'VISA_REQUIREMENT_UNKNOWN', field: 'legs[0].arrivalAirport' }),
      ]);
      expect(result.findings[0]!.message).toContain('QQQ');
    });

    it('reports a nationality the matrix does not know', () => {
      const result = visaScrutinyCheck(subject({ nationality: 'XXB' }), context());
      expect(result.outcome).toBe('no-reference-data');
      expect(codes(result)).toEqual(['VISA_REQUIREMENT_UNKNOWN']);
    });

    it('reports a missing nationality', () => {
      const result = visaScrutinyCheck(subject({ nationality: '' }), context());
      expect(result.findings).toEqual([
        expect.objectContaining({ code: 'VISA_REQUIREMENT_UNKNOWN', field: 'nationality' }),
      ]);
    });

    it('reads the reported ports when no itinerary is given', () => {
      const result = visaScrutinyCheck(subject({ legs: [] }), context());
      expect(result.findings).toEqual([
        expect.objectContaining({ code: 'VISA_REQUIRED_MISSING', field: 'portOfDisembarkation' }),
      ]);
    });

    it('is not applicable without itinerary or ports', () => {
      const result = visaScrutinyCheck(
        subject({ legs: [], portOfEmbarkation: '', portOfDisembarkation: '', transitPorts: [] }),
        context(),
      );
      expect(result).toMatchObject({ outcome: 'not-applicable', findings: [] });
    });

    it('raises nothing for a disabled rule', () => {
      const rules = rulesWith({ VISA_REQUIRED_MISSING: { enabled: false } });
      expect(visaScrutinyCheck(subject(), context({ rules }))).toMatchObject({
        outcome: 'passed',
        findings: [],
      });
    });

    it('never puts names, birth dates or document numbers in a finding', () => {
      const scenarios: Array<[ScreeningSubject, Partial<VisaScrutinyContext>]> = [
        [subject(), {}],
        [subject({ documents: [PASSPORT, visa('GBR')] }), {}],
        [subject({ documents: [PASSPORT, visa('FRA', { validUntil: '2026-01-02' })] }), {}],
        [subject({ documents: [PASSPORT, visa('FRA', { visaKind: 'transit' })] }), {}],
        [subject({ documents: [PASSPORT, visa('FRA')] }), { documentListed: () => true }],
        [subject({ role: 'transit-passenger', legs: [leg('KBL', 'IST', '2026-03-01')] }), {}],
        [subject(), { matrix: undefined, violations: () => [{ kind: 'overstay', state: 'FRA' }] }],
      ];
      for (const [traveller, overrides] of scenarios) {
        const text = JSON.stringify(visaScrutinyCheck(traveller, context(overrides)));
        for (const secret of ['QUARTERMAIN', 'ALLAN', '1985-07-14', 'P1234567', 'V7654321'])
          expect(text).not.toContain(secret);
      }
    });
  });
});

describe('VISA_RULES', () => {
  it('defines each rule once, for the visa-scrutiny check, at version 1', () => {
    const ids = VISA_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of VISA_RULES) {
      expect(rule).toMatchObject({ check: VISA_SCRUTINY, version: 1 });
      expect(rule.id).toMatch(/^[A-Z][A-Z_]+$/);
      expect(rule.explanation.length).toBeGreaterThan(40);
    }
  });

  it('denies boarding for no admission and a missing visa, refers transit abuse, violations and e-visas', () => {
    const action = (id: string) => VISA_RULES.find((rule) => rule.id === id)?.action;
    expect(action('NO_ADMISSION')).toBe('do-not-board');
    expect(action('VISA_REQUIRED_MISSING')).toBe('do-not-board');
    for (const id of [
      'TRANSIT_WITHOUT_ONWARD_LEG',
      'AIRPORT_TRANSIT_VISA_MISSING',
      'RECORDED_VISA_VIOLATION',
      'VISA_EVISA_NOT_REPORTED',
    ])
      expect(action(id)).toBe('contact-authority');
    expect(action('VISA_NO_REFERENCE_DATA')).toBe('no-action');
  });
});

/**
 * A PAXLST manifest as a model (what the mapper must read) and its writing as a UN/EDIFACT D02B
 * interchange, for the mapper's property-based spec; and edits at segment level (a segment lost,
 * sent twice, moved, an element emptied or replaced) such as broken carrier software makes.
 */
import fc from 'fast-check';
import { type Separators, TWO_DIGIT_YEAR_WINDOWS } from '../src/index.js';
import { type ModelSegment, dataCharArb, writeSegment } from './fuzz.js';

export interface ModelDocument {
  type: string;
  number: string;
  issuingState: string;
  expiry: { iso: string; written: string };
}

export interface ModelTraveller {
  roleCode: 'FL' | 'FM' | 'DDU' | 'DDT' | 'COT';
  surname: string;
  givenNames: string[];
  birth: { iso: string; written: string };
  sex: 'M' | 'F' | 'X' | 'U';
  nationality: string;
  references: { qualifier: string; value: string }[];
  documents: ModelDocument[];
}

export const ROLES = {
  FL: 'passenger',
  FM: 'crew',
  DDU: 'in-transit-passenger',
  DDT: 'in-transit-crew',
  COT: 'crew-other',
} as const;

/** The UNB date of every interchange written here: two-digit years are placed against 2020. */
export const REFERENCE_YEAR = 2020;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const daysIn = (year: number, month: number) =>
  new Date(Date.UTC(2000 + (year % 400), month, 0)).getUTCDate();

/**
 * A calendar date in [from, to], written as YYMMDD (when its century follows from the kind of date and
 * the reference year) or with its format code as CCYYMMDD.
 */
const dateArb = (from: number, to: number, twoDigitFrom: number, twoDigitTo: number) =>
  fc
    .tuple(
      fc.integer({ min: from, max: to }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 31 }),
      fc.boolean(),
    )
    .map(([year, month, d, long]) => {
      const day = Math.min(d, daysIn(year, month));
      const iso = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
      const short = year >= twoDigitFrom && year <= twoDigitTo && !long;
      const written = short
        ? `${pad(year % 100)}${pad(month)}${pad(day)}`
        : `${pad(year, 4)}${pad(month)}${pad(day)}:102`;
      return { iso, written };
    });

/** Text a field may hold: trimmed, not empty (the mapper trims, and empty means absent). */
const textArb = (maxLength: number) =>
  fc
    .string({ unit: dataCharArb, minLength: 1, maxLength })
    .map((s) => s.trim())
    .filter((s) => s !== '');

const codeArb = fc.string({
  unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
  minLength: 3,
  maxLength: 3,
});

const documentArb: fc.Arbitrary<ModelDocument> = fc.record({
  type: fc.constantFrom('P', 'V', 'I', 'A', 'C', 'AC', 'IP', 'F', 'M', 'T', 'L', 'G', 'IN'),
  number: textArb(15),
  issuingState: codeArb,
  // Written with two digits only where a century places it (TWO_DIGIT_YEAR_WINDOWS), else with four.
  expiry: dateArb(
    1900,
    2099,
    REFERENCE_YEAR - TWO_DIGIT_YEAR_WINDOWS.expiry.before,
    REFERENCE_YEAR + TWO_DIGIT_YEAR_WINDOWS.expiry.after,
  ),
});

export const travellerArb: fc.Arbitrary<ModelTraveller> = fc.record({
  roleCode: fc.constantFrom('FL', 'FM', 'DDU', 'DDT', 'COT'),
  surname: textArb(20),
  givenNames: fc.array(textArb(12), { maxLength: 3 }),
  birth: dateArb(1900, REFERENCE_YEAR, REFERENCE_YEAR - 99, REFERENCE_YEAR),
  sex: fc.constantFrom('M', 'F', 'X', 'U'),
  nationality: codeArb,
  references: fc.array(
    fc.record({ qualifier: fc.constantFrom('AVF', 'ABO', 'AEA', 'CR', 'SEA'), value: textArb(10) }),
    { maxLength: 3 },
  ),
  documents: fc.array(documentArb, { minLength: 1, maxLength: 2 }),
});

export const FLIGHT: ModelSegment[] = [
  { tag: 'TDT', elements: [['20'], ['LA532']] },
  { tag: 'LOC', elements: [['125'], ['SCL']] },
  { tag: 'DTM', elements: [['189', '2001192300', '201']] },
  { tag: 'LOC', elements: [['87'], ['JFK']] },
  { tag: 'DTM', elements: [['232', '2001200740', '201']] },
];

const dtm = (qualifier: string, written: string): ModelSegment => ({
  tag: 'DTM',
  elements: [[qualifier, ...written.split(':')]],
});

export function travellerSegments(t: ModelTraveller): ModelSegment[] {
  return [
    { tag: 'NAD', elements: [[t.roleCode], [''], [''], [t.surname, ...t.givenNames]] },
    { tag: 'ATT', elements: [['2'], [''], [t.sex]] },
    dtm('329', t.birth.written),
    { tag: 'NAT', elements: [['2'], [t.nationality]] },
    ...t.references.map((r) => ({ tag: 'RFF', elements: [[r.qualifier, r.value]] })),
    ...t.documents.flatMap((d) => [
      { tag: 'DOC', elements: [[d.type], [d.number]] },
      dtm('36', d.expiry.written),
      { tag: 'LOC', elements: [['91'], [d.issuingState]] },
    ]),
  ];
}

/** UNH to UNT of one message, with CNT and UNT counting right. */
export function messageSegments(travellers: readonly ModelTraveller[]): ModelSegment[] {
  const message: ModelSegment[] = [
    { tag: 'UNH', elements: [['M1'], ['PAXLST', 'D', '02B', 'UN', 'IATA']] },
    { tag: 'BGM', elements: [['745']] },
    ...FLIGHT,
    ...travellers.flatMap(travellerSegments),
    { tag: 'CNT', elements: [['42', String(travellers.length)]] },
  ];
  message.push({ tag: 'UNT', elements: [[String(message.length + 1)], ['M1']] });
  return message;
}

export function writePaxlst(segments: readonly ModelSegment[], s: Separators, between: string): string {
  const unb: ModelSegment = {
    tag: 'UNB',
    elements: [
      ['UNOY', '4'],
      ['SENDER', 'ZZ'],
      ['RECEIVER', 'ZZ'],
      [`${REFERENCE_YEAR % 100}0130`, '0300'],
      ['IC1'],
      [''],
      ['APIS'],
    ],
  };
  const unz: ModelSegment = { tag: 'UNZ', elements: [['1'], ['IC1']] };
  return (
    `UNA${s.component}${s.element}${s.decimal}${s.release}${s.repetition}${s.terminator}${between}` +
    [unb, ...segments, unz].map((segment) => writeSegment(segment, s) + between).join('')
  );
}

/** What the mapper must read for a traveller of the model (with its position in the message). */
export function expectedTraveller(t: ModelTraveller, index: number) {
  return {
    index,
    role: ROLES[t.roleCode],
    roleCode: t.roleCode,
    surname: t.surname,
    givenNames: t.givenNames.join(' '),
    birthDate: t.birth.iso,
    sex: t.sex,
    nationality: t.nationality,
    references: t.references,
    reservationRefs: t.references.filter((r) => r.qualifier !== 'SEA').map((r) => r.value),
    documents: t.documents.map((d) => ({
      type: d.type,
      number: d.number,
      issuingState: d.issuingState,
      expiryDate: d.expiry.iso,
    })),
    readable: true,
  };
}

/** An edit of the segment list; positions are fractions of its length. */
export type SegmentEdit = (segments: ModelSegment[]) => ModelSegment[];

const index = (list: readonly unknown[], f: number) => Math.min(Math.floor(f * list.length), list.length - 1);
const fraction = fc.double({ min: 0, max: 0.999, noNaN: true });

/** What lands in a field when software gets it wrong. */
const oddValueArb = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '0',
    '00000000',
    '000000',
    '999999',
    '991399',
    '20260230',
    '00000101',
    '000001010000',
    '00500101',
    'FL',
    'MS',
    '2',
  ),
  fc.constantFrom('329', '36', '182', '189', '232', '91', '125', '87', '92', '42', '41', 'P', 'V', 'ZZZ'),
  fc.string({ unit: dataCharArb, maxLength: 40 }),
  fc.integer({ min: 1, max: 3000 }).map((n) => 'X'.repeat(n)),
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 16 }),
);

const TAGS = [
  'UNH',
  'UNT',
  'BGM',
  'NAD',
  'ATT',
  'DTM',
  'NAT',
  'DOC',
  'LOC',
  'RFF',
  'CNT',
  'TDT',
  'UNS',
  'PDT',
  'COM',
  'UNG',
  'UNE',
  'FTX',
  'XYZ',
];

export const segmentEditArb: fc.Arbitrary<SegmentEdit> = fc.oneof(
  // a date (birth, expiry, departure) that is no date, or one no database takes
  fc
    .tuple(
      fraction,
      fc.constantFrom(
        '00000101',
        '000001010000',
        '20260230',
        '991399',
        '0000',
        '99999999',
        '202602301000',
        '2402292460',
      ),
      fc.constantFrom('', '101', '102', '201', '203', '999'),
    )
    .map(([f, date, format]): SegmentEdit => (s) => {
      const dates = s.flatMap((segment, i) => (segment.tag === 'DTM' ? [i] : []));
      const target = dates.length > 0 ? dates[index(dates, f)] : undefined;
      return s.map((segment, i) =>
        i === target ? { ...segment, elements: [[segment.elements[0]?.[0] ?? '', date, format]] } : segment,
      );
    }),
  fraction.map(
    (f): SegmentEdit =>
      (s) =>
        s.filter((_, i) => i !== index(s, f)),
  ),
  fraction.map((f): SegmentEdit => (s) => {
    const i = index(s, f);
    return [...s.slice(0, i + 1), ...s.slice(i)];
  }),
  fc.tuple(fraction, fraction).map(([f, g]): SegmentEdit => (s) => {
    const copy = [...s];
    const i = index(s, f);
    const j = index(s, g);
    const [a, b] = [copy[i], copy[j]];
    if (a && b) [copy[i], copy[j]] = [b, a];
    return copy;
  }),
  fc.tuple(fraction, fc.constantFrom(...TAGS)).map(
    ([f, tag]): SegmentEdit =>
      (s) =>
        s.map((segment, i) => (i === index(s, f) ? { ...segment, tag } : segment)),
  ),
  fc.tuple(fraction, fc.nat(6), fc.nat(4), oddValueArb).map(
    ([f, e, c, value]): SegmentEdit =>
      (s) =>
        s.map((segment, i) => {
          if (i !== index(s, f)) return segment;
          const elements = segment.elements.map((element) => [...element]);
          while (elements.length <= e) elements.push(['']);
          const element = elements[e] ?? [];
          while (element.length <= c) element.push('');
          element[c] = value;
          elements[e] = element;
          return { ...segment, elements };
        }),
  ),
  fc.tuple(fraction, fc.nat(3)).map(
    ([f, keep]): SegmentEdit =>
      (s) =>
        s.map((segment, i) =>
          i === index(s, f) ? { ...segment, elements: segment.elements.slice(0, keep) } : segment,
        ),
  ),
);

export const segmentEditsArb = fc.array(segmentEditArb, { minLength: 1, maxLength: 4 });

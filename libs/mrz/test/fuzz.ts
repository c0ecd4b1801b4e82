/**
 * Generators for the MRZ property-based (fuzz) spec: the fields of a document of any ICAO 9303
 * layout, the MRZ that prints them (check digits from the 7-3-1 rule, long TD1/TD2 numbers in the
 * optional data), and a runner that records how many inputs each property took and how long.
 */
import fc from 'fast-check';
import { ICAO_STATE_CODES, type MrzFields, type MrzFormat, checkDigit } from '../src/index.js';

/** The reference "today" of the spec, so that centuries are fixed. */
export const TODAY = new Date('2026-06-15T12:00:00Z');

const LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
const ALNUM = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'];
const STATES = [...ICAO_STATE_CODES, 'UTO'];

const pad = (s: string, n: number) => s.padEnd(n, '<');
const yymmdd = (iso: string) => iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10);
const cd = (s: string) => String(checkDigit(s));

export interface Document {
  format: MrzFormat;
  /** What parseMrz must read back. */
  fields: MrzFields;
  lines: string[];
}

const wordArb = (maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...LETTERS), minLength: 1, maxLength });
const wordsArb = (max: number) => fc.array(wordArb(8), { minLength: 1, maxLength: max });
const alnumArb = (minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...ALNUM), minLength, maxLength });

/** A calendar date between the two years (inclusive), ISO. */
const dateArb = (from: number, to: number) =>
  fc
    .date({ min: new Date(Date.UTC(from, 0, 1)), max: new Date(Date.UTC(to, 11, 31)), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

/** A birth date the century rule reads back: within the hundred years before today. */
const birthArb = dateArb(TODAY.getUTCFullYear() - 99, TODAY.getUTCFullYear() - 1);
/** An expiry the century rule reads back: within 49 years either side of today. */
const expiryArb = dateArb(TODAY.getUTCFullYear() - 49, TODAY.getUTCFullYear() + 49);

const optionalArb = (length: number) =>
  fc
    .array(alnumArb(1, 6), { maxLength: 3 })
    .map((words) => words.join('<'))
    .filter((s) => s.length <= length);

/** The name field: surname, `<<`, given names, padded; fits without truncation. */
function nameField(surname: string[], given: string[], length: number): string {
  return pad(`${surname.join('<')}<<${given.join('<')}`, length);
}

const base = {
  issuingState: fc.constantFrom(...STATES),
  nationality: fc.constantFrom(...STATES),
  birthDate: birthArb,
  sex: fc.constantFrom('M', 'F', '<'),
  expiryDate: expiryArb,
  surname: wordsArb(3),
  given: fc.array(wordArb(8), { maxLength: 3 }),
};

const sexOf = (s: string): MrzFields['sex'] => (s === '<' ? 'X' : (s as 'M' | 'F'));
const nameOf = (surname: string[], given: string[]) => ({
  surname: surname.join(' '),
  givenNames: given.join(' '),
});

/** TD3 passports and MRV-A visas (2 × 44), TD2 cards and MRV-B visas (2 × 36). */
const twoLineArb = (format: 'TD3' | 'MRVA' | 'TD2' | 'MRVB'): fc.Arbitrary<Document> =>
  fc
    .record({
      ...base,
      second: fc.constantFrom('<', ...LETTERS.filter((l) => l !== 'V' || format === 'TD3')),
      first: fc.constantFrom(
        ...(format === 'TD3' ? ['P'] : format.startsWith('MRV') ? ['V'] : ['A', 'C', 'I']),
      ),
      number: alnumArb(1, 9),
      optional: optionalArb(format === 'TD3' ? 14 : format === 'MRVA' ? 16 : format === 'MRVB' ? 8 : 7),
    })
    .filter(
      (r) =>
        r.surname.join('<').length + r.given.join('<').length + 2 <=
        (format === 'TD3' || format === 'MRVA' ? 39 : 31),
    )
    // IDFRA on 2 × 36 is France's own 1988-2021 card, reported as such by design (ADR 0004).
    .filter((r) => !(format === 'TD2' && r.first + r.second === 'ID' && r.issuingState === 'FRA'))
    .map((r) => {
      const width = format === 'TD3' || format === 'MRVA' ? 44 : 36;
      const number = pad(r.number, 9);
      const birth = yymmdd(r.birthDate);
      const expiry = yymmdd(r.expiryDate);
      let line2 = `${number}${cd(number)}${pad(r.nationality, 3)}${birth}${cd(birth)}${r.sex}${expiry}${cd(expiry)}`;
      if (format === 'TD3') {
        const personal = pad(r.optional, 14);
        line2 += personal + (r.optional === '' ? '<' : cd(personal));
        line2 += cd(line2.slice(0, 10) + line2.slice(13, 20) + line2.slice(21, 43));
      } else if (format === 'TD2') {
        line2 += pad(r.optional, 7);
        line2 += cd(line2.slice(0, 10) + line2.slice(13, 20) + line2.slice(21, 35));
      } else line2 = pad(line2 + r.optional, width);
      const code = r.first + r.second;
      const line1 = `${code}${pad(r.issuingState, 3)}${nameField(r.surname, r.given, width - 5)}`;
      return {
        format,
        lines: [line1, line2],
        fields: {
          documentCode: code.replace(/<+$/, ''),
          issuingState: r.issuingState,
          documentNumber: r.number,
          nationality: r.nationality,
          birthDate: r.birthDate,
          sex: sexOf(r.sex),
          expiryDate: r.expiryDate,
          ...nameOf(r.surname, r.given),
          optionalData: r.optional.replace(/</g, ' '),
        },
      };
    });

/** TD1 identity cards (3 × 30), with document numbers of up to 20 characters (overflow). */
const td1Arb: fc.Arbitrary<Document> = fc
  .record({
    ...base,
    first: fc.constantFrom('A', 'C', 'I'),
    second: fc.constantFrom('<', ...LETTERS.filter((l) => l !== 'V')),
    number: alnumArb(1, 20),
    optional: optionalArb(15),
    optional2: optionalArb(11),
  })
  .filter((r) => r.surname.join('<').length + r.given.join('<').length + 2 <= 30)
  // A long number, its check digit and a filler take their room in the optional data.
  .filter((r) => r.number.length <= 9 || r.number.length - 9 + 2 + r.optional.length <= 15)
  .map((r) => {
    const long = r.number.length > 9;
    const principal = pad(r.number.slice(0, 9), 9);
    const numberPart = long
      ? `${principal}<${pad(`${r.number.slice(9)}${cd(r.number)}<${r.optional}`, 15)}`
      : `${principal}${cd(principal)}${pad(r.optional, 15)}`;
    const line1 = `${r.first}${r.second}${pad(r.issuingState, 3)}${numberPart}`;
    const birth = yymmdd(r.birthDate);
    const expiry = yymmdd(r.expiryDate);
    let line2 = `${birth}${cd(birth)}${r.sex}${expiry}${cd(expiry)}${pad(r.nationality, 3)}${pad(r.optional2, 11)}`;
    line2 += cd(line1.slice(5, 30) + line2.slice(0, 7) + line2.slice(8, 15) + line2.slice(18, 29));
    return {
      format: 'TD1' as const,
      lines: [line1, line2, nameField(r.surname, r.given, 30)],
      fields: {
        documentCode: `${r.first}${r.second}`.replace(/<+$/, ''),
        issuingState: r.issuingState,
        documentNumber: r.number,
        nationality: r.nationality,
        birthDate: r.birthDate,
        sex: sexOf(r.sex),
        expiryDate: r.expiryDate,
        ...nameOf(r.surname, r.given),
        optionalData: r.optional.replace(/</g, ' '),
        optionalData2: r.optional2.replace(/</g, ' '),
      },
    };
  });

export const documentArb: fc.Arbitrary<Document> = fc.oneof(
  twoLineArb('TD3'),
  twoLineArb('MRVA'),
  twoLineArb('TD2'),
  twoLineArb('MRVB'),
  td1Arb,
);

/** Positions (line, column) of each check-digit-protected field's digits and of its check digit. */
export const PROTECTED: Record<
  MrzFormat,
  { field: keyof MrzFields; line: number; from: number; to: number }[]
> = {
  TD3: [
    { field: 'birthDate', line: 1, from: 13, to: 20 },
    { field: 'expiryDate', line: 1, from: 21, to: 28 },
  ],
  MRVA: [
    { field: 'birthDate', line: 1, from: 13, to: 20 },
    { field: 'expiryDate', line: 1, from: 21, to: 28 },
  ],
  TD2: [
    { field: 'birthDate', line: 1, from: 13, to: 20 },
    { field: 'expiryDate', line: 1, from: 21, to: 28 },
  ],
  MRVB: [
    { field: 'birthDate', line: 1, from: 13, to: 20 },
    { field: 'expiryDate', line: 1, from: 21, to: 28 },
  ],
  TD1: [
    { field: 'birthDate', line: 1, from: 0, to: 7 },
    { field: 'expiryDate', line: 1, from: 8, to: 15 },
  ],
};

const figures: { target: string; inputs: number; ms: number; cpuMs: number }[] = [];

/** Runs a property over `numRuns` inputs (fast-check prints seed and counterexample on failure). */
export function fuzz<Ts extends [unknown, ...unknown[]]>(
  target: string,
  property: fc.IProperty<Ts>,
  numRuns: number,
): void {
  const start = performance.now();
  const cpu = process.cpuUsage();
  fc.assert(property, { numRuns });
  const used = process.cpuUsage(cpu);
  figures.push({
    target,
    inputs: numRuns,
    ms: performance.now() - start,
    cpuMs: (used.user + used.system) / 1000,
  });
}

/** The figures of this spec file, one line per property, for the test log (call in afterAll). */
export function printFuzzFigures(): void {
  const lines = figures.map(
    // CPU time beside wall time: on a busy machine only the first says what the target costs.
    (f) =>
      `fuzz ${f.target}: ${f.inputs.toLocaleString('en')} inputs in ${(f.ms / 1000).toFixed(2)} s (${(f.cpuMs / 1000).toFixed(2)} s CPU)`,
  );
  if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
}

/** `toEqual`, compared as JSON first: Jest's deep equality costs more than the parser. */
export function expectSame(actual: unknown, expected: unknown): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) expect(actual).toEqual(expected);
}

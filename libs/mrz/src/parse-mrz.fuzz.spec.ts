import fc from 'fast-check';
import { PROTECTED, TODAY, documentArb, expectSame, fuzz, printFuzzFigures } from '../test/fuzz.js';
import { MrzInputError, type MrzResult, parseMrz } from './index.js';

// Property-based tests of the MRZ parser (ADR 0004): every document of every layout reads back field
// for field; a changed digit of a protected field is always caught and named; and whatever else
// arrives, parseMrz either returns a result whose every error names a field and says what is wrong,
// or throws MrzInputError saying why the input is no MRZ — never anything else.

// Runs per property: 10,000 random inputs and 22,000 structure-aware, a few seconds in all.
const RUNS = { roundTrip: 10_000, digit: 5_000, cosmetic: 2_000, junk: 10_000, garbled: 5_000 };

const FIELDS = new Set([
  'documentCode',
  'issuingState',
  'documentNumber',
  'nationality',
  'birthDate',
  'sex',
  'expiryDate',
  'surname',
  'givenNames',
  'optionalData',
  'composite',
  'format',
]);

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const isRealDate = (iso: string) => {
  const m = ISO.exec(iso);
  if (!m) return false;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) && Number(m[1]) >= 1;
};

/** Parses, and checks what must hold of any outcome: a consistent result, or MrzInputError with a reason. */
function outcome(input: unknown): MrzResult | MrzInputError {
  let result: MrzResult;
  try {
    result = parseMrz(input as string, { today: TODAY });
  } catch (error) {
    if (!(error instanceof MrzInputError)) throw error;
    expect(error.message.trim()).not.toBe('');
    return error;
  }
  const problems: string[] = [];
  if (result.valid !== (result.errors.length === 0))
    problems.push(`valid ${result.valid} with ${result.errors.length} errors`);
  for (const error of result.errors) {
    if (!FIELDS.has(error.field)) problems.push(`error on ${error.field}`);
    if (typeof error.message !== 'string' || error.message.trim() === '')
      problems.push(`${error.field}: no message`);
  }
  for (const date of [result.fields.birthDate, result.fields.expiryDate])
    if (date !== null && !isRealDate(date)) problems.push(`date ${date}`);
  if (!/^[A-Z0-9<]*$/.test(result.fields.documentNumber))
    problems.push(`number ${result.fields.documentNumber}`);
  expectSame(problems, []);
  return result;
}

const MRZ_CHAR = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<<<<<');

/** Random input: any text, MRZ-alphabet lines of near-MRZ lengths, arrays with non-strings in them. */
const junkArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.array(fc.string({ unit: MRZ_CHAR, minLength: 28, maxLength: 46 }), { minLength: 1, maxLength: 4 }),
  fc
    .tuple(
      fc.array(
        fc.oneof(fc.string({ unit: MRZ_CHAR, maxLength: 44 }), fc.string({ maxLength: 44 }), fc.constant('')),
        { maxLength: 4 },
      ),
      fc.constantFrom('\n', '\r\n', '\r'),
    )
    .map(([lines, newline]) => lines.join(newline)),
  fc.anything({ maxDepth: 2 }),
  fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 4 }),
);

/** A valid MRZ with characters replaced, inserted or removed, case changed, Unicode slipped in. */
const garbledArb = fc
  .tuple(
    documentArb,
    fc.array(
      fc.tuple(
        fc.nat(2),
        fc.nat(45),
        fc.oneof(
          MRZ_CHAR,
          fc.constantFrom(
            '',
            'ß',
            'ﬁ',
            'ı',
            'ſ',
            'Å',
            '\u0130',
            '\u212a',
            '\u00a0',
            '\u200b',
            ' ',
            '\t',
            '\0',
            '«',
            'o',
            'k',
          ),
        ),
        fc.constantFrom('replace', 'insert'),
      ),
      { minLength: 1, maxLength: 4 },
    ),
  )
  .map(([document, edits]) => {
    const lines = [...document.lines];
    for (const [line, column, char, how] of edits) {
      const text = lines[line % lines.length]!;
      const at = column % (text.length + 1);
      lines[line % lines.length] = text.slice(0, at) + char + text.slice(how === 'replace' ? at + 1 : at);
    }
    return lines;
  });

afterAll(printFuzzFigures);

describe('parseMrz, fuzzed', () => {
  it('reads back every field of generated TD1, TD2, TD3, MRV-A and MRV-B documents', () => {
    fuzz(
      'MRZ: round trip',
      fc.property(documentArb, (document) => {
        const result = outcome(document.lines) as MrzResult;
        expectSame(result.errors, []);
        expect(result.format).toBe(document.format);
        expectSame(result.fields, document.fields);
      }),
      RUNS.roundTrip,
    );
  });

  it('catches any changed digit of a birth or expiry date, or of its check digit, and names the field', () => {
    fuzz(
      'MRZ: changed digit',
      fc.property(
        documentArb,
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 9 }),
        (document, f, p, shift) => {
          const fields = PROTECTED[document.format];
          const { field, line, from, to } = fields[f % fields.length]!;
          const column = from + (p % (to - from));
          const lines = [...document.lines];
          const digit = Number(lines[line]!.charAt(column));
          lines[line] =
            lines[line]!.slice(0, column) + String((digit + shift) % 10) + lines[line]!.slice(column + 1);
          const result = outcome(lines) as MrzResult;
          expect(result.valid).toBe(false);
          expect(result.errors.map((e) => e.field)).toContain(field);
        },
      ),
      RUNS.digit,
    );
  });

  it('reads lower case, blanks around lines, blank lines and any line breaks as the MRZ itself', () => {
    fuzz(
      'MRZ: cosmetic variants',
      fc.property(
        documentArb,
        fc.boolean(),
        fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\n \t\n'),
        fc.constantFrom('', ' ', '  \t', '\u3000'),
        (document, lower, newline, blank) => {
          const lines = document.lines.map((l) => blank + (lower ? l.toLowerCase() : l) + blank);
          const result = outcome(lines.join(newline)) as MrzResult;
          expectSame(result.errors, []);
          expectSame(result.fields, document.fields);
        },
      ),
      RUNS.cosmetic,
    );
  });

  it('never throws anything but MrzInputError on random input, and every error says what is wrong', () => {
    fuzz(
      'MRZ: random input',
      fc.property(junkArb, (input) => {
        outcome(input);
      }),
      RUNS.junk,
    );
  });

  it('refuses a garbled MRZ with a reason, or reads it with every error named; no character outside A-Z 0-9 < is read', () => {
    fuzz(
      'MRZ: garbled documents',
      fc.property(garbledArb, (lines) => {
        const read = outcome(lines);
        const foreign = lines.some((line) => /[^A-Za-z0-9<]/.test(line.trim()));
        if (foreign) expect(read).toBeInstanceOf(MrzInputError);
      }),
      RUNS.garbled,
    );
  });
});

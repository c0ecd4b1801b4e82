import { MrzInputError, parseMrz } from '@docscreen/mrz';
import type { MrzFields, MrzResult } from '@docscreen/mrz';
import { normaliseDocumentNumber } from '@docscreen/travel-documents';
import { birthDateRange, isCalendarDate } from './calendar-dates.js';
import type { CheckResult } from './check-result.js';
import { checkResult, documentLabel, Findings, sameState } from './integrity-check-support.js';
import type { RuleBook } from './rule-book.js';
import type { ScreeningSubject, SubjectDocument } from './subject.js';

export const MRZ_CONSISTENCY = 'mrz-consistency';

export interface MrzConsistencyContext {
  rules: RuleBook;
  /** "YYYY-MM-DD"; only sets the century the MRZ parser infers, which the comparisons ignore. */
  today?: string | undefined;
}

type ComparedField = Extract<
  keyof MrzFields,
  'documentNumber' | 'issuingState' | 'nationality' | 'birthDate' | 'expiryDate' | 'surname' | 'givenNames'
>;

const FIELD_LABELS: Readonly<Record<ComparedField, string>> = {
  documentNumber: 'document number',
  issuingState: 'issuing state',
  nationality: 'nationality',
  birthDate: 'birth date',
  expiryDate: 'expiry date',
  surname: 'surname',
  givenNames: 'given names',
};

/**
 * Whether the data the carrier declared for each document agrees with the document's own
 * machine-readable zone. A zone that cannot be read at all is mrz-integrity's finding, not this
 * check's: such a document is skipped here, and without any readable zone the check is
 * `not-applicable`. A field missing on either side is not compared.
 */
export function mrzConsistencyCheck(subject: ScreeningSubject, context: MrzConsistencyContext): CheckResult {
  const findings = new Findings();
  const today = isCalendarDate(context.today) ? new Date(`${context.today}T00:00:00Z`) : undefined;
  let compared = 0;
  subject.documents.forEach((document, index) => {
    if (document.mrzLines.length === 0) return;
    let mrz: MrzResult;
    try {
      mrz = parseMrz(document.mrzLines, today === undefined ? {} : { today });
    } catch (error) {
      if (error instanceof MrzInputError) return;
      throw error;
    }
    compared++;
    const label = documentLabel(index, document);
    for (const field of mismatchingFields(subject, document, mrz)) {
      const what = FIELD_LABELS[field];
      findings.add(
        context.rules.raise('MRZ_DECLARED_MISMATCH', {
          message: `${label}: the MRZ and the declared data differ in the ${what}.`,
          field: `documents[${index}].mrz.${field}`,
        }),
      );
    }
  });
  return checkResult(MRZ_CONSISTENCY, context.rules, findings.items, compared > 0);
}

/** `undefined`: not compared, a side is missing. */
type Verdict = boolean | undefined;

function mismatchingFields(
  subject: ScreeningSubject,
  document: SubjectDocument,
  mrz: MrzResult,
): ComparedField[] {
  const { fields } = mrz;
  const names = compareNames(subject, fields, nameFieldIsFull(document, mrz));
  const verdicts: Record<ComparedField, Verdict> = {
    documentNumber: compareWith(document.number, fields.documentNumber, (a, b) => {
      // An unreadable number is the same as nothing, not as another unreadable one.
      const declared = normaliseDocumentNumber(a);
      return declared !== '' && declared === normaliseDocumentNumber(b);
    }),
    issuingState: compareWith(document.issuingState, fields.issuingState, sameState),
    nationality: compareWith(subject.nationality, fields.nationality, sameState),
    birthDate: compareBirthDate(subject.birthDate, fields.birthDate),
    expiryDate: compareWith(document.expiryDate ?? '', fields.expiryDate ?? '', (declared, inMrz) => {
      // The MRZ writes two-digit years: the century the parser chose is no evidence.
      return !isCalendarDate(declared) || declared.slice(2) === inMrz.slice(2);
    }),
    surname: names.surname,
    givenNames: names.givenNames,
  };
  return (Object.keys(verdicts) as ComparedField[]).filter((field) => verdicts[field] === false);
}

function compareWith(
  declared: string,
  inMrz: string,
  same: (declared: string, inMrz: string) => boolean,
): Verdict {
  const a = declared.trim();
  const b = inMrz.trim();
  return a === '' || b === '' ? undefined : same(a, b);
}

/** As far as the declared date's precision and the MRZ's two-digit year go. */
function compareBirthDate(declared: string, inMrz: string | null): Verdict {
  const range = birthDateRange(declared);
  if (range === undefined || inMrz === null) return undefined;
  const length = range.precision === 'day' ? 10 : range.precision === 'month' ? 7 : 4;
  return range.earliest.slice(2, length) === inMrz.slice(2, length);
}

/**
 * A name too long for the zone is truncated (ICAO 9303 Part 3): the zone's name field, which runs to
 * the end of the first line (of the third on a TD1), then ends on a letter instead of a filler.
 */
function nameFieldIsFull(document: SubjectDocument, mrz: MrzResult): boolean {
  const lines = document.mrzLines.map((line) => line.trim().toUpperCase()).filter((line) => line !== '');
  const nameLine = mrz.format === 'TD1' ? lines[2] : lines[0];
  return nameLine !== undefined && !nameLine.endsWith('<');
}

// ICAO 9303 Part 3 transliterates some letters in two accepted ways (Ä as AE or A); a declared name is
// consistent when either spelling matches. Letters without a decomposition are mapped here, the rest
// lose their diacritics through NFD.
const TRANSLITERATIONS: ReadonlyArray<Readonly<Record<string, string>>> = [
  { Ä: 'AE', Ö: 'OE', Ü: 'UE', Å: 'AA', Ø: 'OE', Æ: 'AE', Œ: 'OE', Þ: 'TH', Ð: 'D', Đ: 'D', Ł: 'L', ẞ: 'SS' },
  { Ø: 'O', Æ: 'AE', Œ: 'OE', Þ: 'TH', Ð: 'D', Đ: 'D', Ł: 'L', ẞ: 'SS' },
];

/** Upper case A-Z words: apostrophes dropped, every other non-letter a word break. */
function nameSpellings(name: string): string[][] {
  const upper = name.toUpperCase();
  const spellings = TRANSLITERATIONS.map((table) =>
    [...upper]
      .map((char) => table[char] ?? char)
      .join('')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/['’`]/g, '')
      .split(/[^A-Z]+/)
      .filter((word) => word !== ''),
  );
  return spellings;
}

function nameMatches(declared: string, inMrz: string, truncated: boolean): boolean {
  const [mrzWords = []] = nameSpellings(inMrz);
  const mrzCompact = mrzWords.join('');
  return nameSpellings(declared).some((words) => {
    const compact = words.join('');
    if (compact === mrzCompact) return true;
    if (!truncated) return false;
    // Truncation cuts the end off, or shortens words to their first letters.
    return (
      compact.startsWith(mrzCompact) ||
      (mrzWords.length <= words.length && mrzWords.every((word, i) => words[i]?.startsWith(word) === true))
    );
  });
}

function compareNames(
  subject: ScreeningSubject,
  fields: MrzFields,
  truncated: boolean,
): { surname: Verdict; givenNames: Verdict } {
  const surname = subject.surname.trim();
  const givenNames = subject.givenNames.trim();
  const verdicts = {
    surname: surname === '' ? undefined : nameMatches(surname, fields.surname, truncated),
    givenNames: givenNames === '' ? undefined : nameMatches(givenNames, fields.givenNames, truncated),
  };
  // Sources split names differently (a second surname among the given names): the whole name agreeing
  // settles both parts.
  if (verdicts.surname === false || verdicts.givenNames === false) {
    const whole = `${surname} ${givenNames}`;
    if (nameMatches(whole, `${fields.surname} ${fields.givenNames}`, truncated)) {
      return { surname: surname === '' ? undefined : true, givenNames: givenNames === '' ? undefined : true };
    }
  }
  return verdicts;
}

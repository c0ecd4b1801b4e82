import { csvFields, csvLines } from './csv.js';
import { type VisaRequirement, parseRequirementValue } from './requirement.js';
import { icaoFromIsoAlpha2, icaoFromIsoAlpha3 } from './state-codes.js';
import { type VisaMatrixEntry, type VisaMatrixMetadata, VisaDataError, VisaMatrix } from './visa-matrix.js';

/**
 * The layouts of the passport-index dataset (ilyankou/passport-index-dataset) this reader accepts:
 * tidy (`Passport,Destination,Requirement`, one pair a line) or matrix (`Passport,<destination codes>`,
 * one passport a line), each with ISO 3166-1 alpha-3 or alpha-2 codes. The variants with country names
 * are rejected: names follow no standard and cannot be mapped to ICAO codes reliably.
 */
export type PassportIndexFormat = 'tidy-iso3' | 'tidy-iso2' | 'matrix-iso3' | 'matrix-iso2';

/** A line (or, in the matrix layout, one cell) that was not imported, and why. */
export interface PassportIndexReject {
  /** 1-based line number in the input. */
  line: number;
  /** 1-based column, when one cell of a line is concerned. */
  column?: number;
  reason: string;
}

export interface PassportIndexImport {
  format: PassportIndexFormat;
  matrix: VisaMatrix;
  /** Data lines read (the header and blank lines not counted). */
  lines: number;
  rejects: PassportIndexReject[];
}

/** The input cannot be read as passport-index data at all (wrong header, names layout, empty). */
export class PassportIndexFormatError extends VisaDataError {
  constructor(
    readonly line: number,
    readonly column: number | undefined,
    reason: string,
  ) {
    super(`passport-index line ${line}${column === undefined ? '' : `, column ${column}`}: ${reason}`);
  }
}

type CodeKind = 'iso3' | 'iso2';

const CODE_PATTERN: Record<CodeKind, RegExp> = { iso3: /^[A-Za-z]{3}$/, iso2: /^[A-Za-z]{2}$/ };
const CODE_NAME: Record<CodeKind, string> = { iso3: 'ISO 3166-1 alpha-3', iso2: 'ISO 3166-1 alpha-2' };
const NAMES_NOT_SUPPORTED =
  'the country-names variant (passport-index-tidy.csv / -matrix.csv) is not supported: names follow no ' +
  'standard; import the ISO-3 or ISO-2 file instead';

function toIcao(kind: CodeKind, code: string): string | undefined {
  if (!CODE_PATTERN[kind].test(code)) return undefined;
  return kind === 'iso3' ? icaoFromIsoAlpha3(code) : icaoFromIsoAlpha2(code);
}

function codeKindOf(value: string): CodeKind | 'name' {
  if (CODE_PATTERN.iso3.test(value)) return 'iso3';
  if (CODE_PATTERN.iso2.test(value)) return 'iso2';
  return 'name';
}

const same = (a: string | undefined, b: string): boolean => a?.trim().toLowerCase() === b.toLowerCase();

/**
 * Reads one passport-index CSV file (tidy or matrix layout, ISO-3 or ISO-2 codes) into a visa matrix
 * keyed by ICAO 9303 codes (`DEU` → `D`, Kosovo `XKX`/`XK` → `RKS`). Values: `visa free`, `visa on
 * arrival`, `eta`, `e-visa`, `visa required`, `no admission`, a number of visa-free days, `-1` (own
 * state). Bad lines and cells are reported in `rejects` and left out; nothing is dropped silently.
 *
 * @param metadata version, source and import time of the data, recorded in the matrix.
 * @throws PassportIndexFormatError when the header is wrong, the file is empty or uses country names.
 */
export function parsePassportIndexCsv(text: string, metadata: VisaMatrixMetadata): PassportIndexImport {
  const lines = csvLines(text);
  const header = lines[0];
  if (header === undefined || header.text.trim() === '')
    throw new PassportIndexFormatError(1, undefined, 'empty input: expected a header line');
  const fields = csvFields(header.text);
  if (typeof fields === 'string') throw new PassportIndexFormatError(1, undefined, fields);
  if (!same(fields[0], 'Passport'))
    throw new PassportIndexFormatError(
      1,
      1,
      `expected "Passport", found ${JSON.stringify(fields[0])}; the header is "Passport,Destination,Requirement" ` +
        '(tidy layout) or "Passport,<destination codes>" (matrix layout)',
    );
  const body = lines.slice(1).filter((line) => line.text.trim() !== '');
  if (same(fields[1], 'Destination')) {
    if (!same(fields[2], 'Requirement'))
      throw new PassportIndexFormatError(
        1,
        3,
        `expected "Requirement", found ${JSON.stringify(fields[2] ?? '')} (tidy header "Passport,Destination,Requirement")`,
      );
    if (fields.length !== 3)
      throw new PassportIndexFormatError(
        1,
        4,
        `the tidy header has ${fields.length} columns, expected 3 ("Passport,Destination,Requirement")`,
      );
    return readTidy(body, metadata);
  }
  return readMatrix(fields, body, metadata);
}

function readTidy(
  body: ReadonlyArray<{ line: number; text: string }>,
  metadata: VisaMatrixMetadata,
): PassportIndexImport {
  const kind = tidyCodeKind(body);
  const rejects: PassportIndexReject[] = [];
  const entries: VisaMatrixEntry[] = [];
  const seen = new Map<string, number>();
  for (const { line, text } of body) {
    const fields = csvFields(text);
    if (typeof fields === 'string') {
      rejects.push({ line, reason: fields });
      continue;
    }
    if (fields.length !== 3) {
      rejects.push({
        line,
        reason: `expected 3 fields (passport, destination, requirement), found ${fields.length}`,
      });
      continue;
    }
    const [passportCode, destinationCode, value] = fields as [string, string, string];
    const nationality = toIcao(kind, passportCode);
    if (nationality === undefined) {
      rejects.push({
        line,
        column: 1,
        reason: `unknown ${CODE_NAME[kind]} code ${JSON.stringify(passportCode)}`,
      });
      continue;
    }
    const destination = toIcao(kind, destinationCode);
    if (destination === undefined) {
      rejects.push({
        line,
        column: 2,
        reason: `unknown ${CODE_NAME[kind]} code ${JSON.stringify(destinationCode)}`,
      });
      continue;
    }
    const requirement = readRequirement(value, nationality, destination);
    if (typeof requirement === 'string') {
      rejects.push({ line, column: 3, reason: requirement });
      continue;
    }
    const key = `${nationality}>${destination}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      rejects.push({ line, reason: `${passportCode} → ${destinationCode} repeats line ${earlier}` });
      continue;
    }
    seen.set(key, line);
    entries.push({ nationality, destination, requirement });
  }
  return {
    format: kind === 'iso3' ? 'tidy-iso3' : 'tidy-iso2',
    matrix: VisaMatrix.fromEntries(metadata, entries),
    lines: body.length,
    rejects,
  };
}

/** ISO-3 or ISO-2, by what most passport codes look like; country names are refused outright. */
function tidyCodeKind(body: ReadonlyArray<{ line: number; text: string }>): CodeKind {
  const counts = { iso3: 0, iso2: 0, name: 0 };
  let firstName: { line: number; value: string } | undefined;
  for (const { line, text } of body) {
    const fields = csvFields(text);
    if (typeof fields === 'string' || fields[0] === undefined) continue;
    const kind = codeKindOf(fields[0]);
    counts[kind]++;
    if (kind === 'name' && firstName === undefined) firstName = { line, value: fields[0] };
  }
  if (counts.name > counts.iso3 && counts.name > counts.iso2 && firstName !== undefined)
    throw new PassportIndexFormatError(
      firstName.line,
      1,
      `${JSON.stringify(firstName.value)} is not a country code: ${NAMES_NOT_SUPPORTED}`,
    );
  return counts.iso2 > counts.iso3 ? 'iso2' : 'iso3';
}

function readMatrix(
  header: readonly string[],
  body: ReadonlyArray<{ line: number; text: string }>,
  metadata: VisaMatrixMetadata,
): PassportIndexImport {
  const second = header[1];
  if (second === undefined)
    throw new PassportIndexFormatError(
      1,
      2,
      'expected "Destination" (tidy layout) or destination codes (matrix layout) after "Passport"',
    );
  const secondKind = codeKindOf(second);
  if (secondKind === 'name')
    throw new PassportIndexFormatError(
      1,
      2,
      `${JSON.stringify(second)} is neither "Destination" (tidy layout) nor a country code (matrix layout)` +
        (/^[A-Za-z .,'()&-]+$/.test(second) && second.length > 3 ? `; ${NAMES_NOT_SUPPORTED}` : ''),
    );
  const kind: CodeKind = secondKind;
  const destinations: string[] = [];
  const columnOf = new Map<string, number>();
  header.slice(1).forEach((code, index) => {
    const column = index + 2;
    if (codeKindOf(code) !== kind)
      throw new PassportIndexFormatError(
        1,
        column,
        `${JSON.stringify(code)} is not an ${CODE_NAME[kind]} code like the first destination column`,
      );
    const destination = toIcao(kind, code);
    if (destination === undefined)
      throw new PassportIndexFormatError(
        1,
        column,
        `unknown ${CODE_NAME[kind]} code ${JSON.stringify(code)}`,
      );
    const earlier = columnOf.get(destination);
    if (earlier !== undefined)
      throw new PassportIndexFormatError(1, column, `destination ${code} repeats column ${earlier}`);
    columnOf.set(destination, column);
    destinations.push(destination);
  });

  const rejects: PassportIndexReject[] = [];
  const entries: VisaMatrixEntry[] = [];
  const rowOf = new Map<string, number>();
  for (const { line, text } of body) {
    const fields = csvFields(text);
    if (typeof fields === 'string') {
      rejects.push({ line, reason: fields });
      continue;
    }
    if (fields.length !== header.length) {
      rejects.push({
        line,
        reason: `expected ${header.length} fields like the header, found ${fields.length}`,
      });
      continue;
    }
    const passportCode = fields[0] ?? '';
    const nationality = toIcao(kind, passportCode);
    if (nationality === undefined) {
      rejects.push({
        line,
        column: 1,
        reason: `unknown ${CODE_NAME[kind]} code ${JSON.stringify(passportCode)}`,
      });
      continue;
    }
    const earlier = rowOf.get(nationality);
    if (earlier !== undefined) {
      rejects.push({ line, column: 1, reason: `passport ${passportCode} repeats line ${earlier}` });
      continue;
    }
    rowOf.set(nationality, line);
    destinations.forEach((destination, index) => {
      const requirement = readRequirement(fields[index + 1] ?? '', nationality, destination);
      if (typeof requirement === 'string')
        rejects.push({ line, column: index + 2, reason: `${header[index + 1]}: ${requirement}` });
      else entries.push({ nationality, destination, requirement });
    });
  }
  return {
    format: kind === 'iso3' ? 'matrix-iso3' : 'matrix-iso2',
    matrix: VisaMatrix.fromEntries(metadata, entries),
    lines: body.length,
    rejects,
  };
}

/** The requirement a value states, or why it cannot be taken. */
function readRequirement(value: string, nationality: string, destination: string): VisaRequirement | string {
  if (value.trim() === '') return 'empty requirement';
  const requirement = parseRequirementValue(value);
  if (requirement === undefined)
    return (
      `unknown requirement ${JSON.stringify(value)} (expected visa free, visa on arrival, eta, e-visa, ` +
      'visa required, no admission, a number of days or -1)'
    );
  if (requirement.kind === 'own-state' && nationality !== destination)
    return `-1 (own state) given for two different states`;
  return requirement;
}

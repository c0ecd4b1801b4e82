import { splitCsvLine } from './csv.js';
import { isIsoDate, utcToday } from './dates.js';
import {
  DOCUMENT_NUMBER,
  DOCUMENT_TYPE,
  FIELD_COUNT,
  FIELD_INDEX,
  ISSUING_STATE,
  NATIONAL_LIST_FIELDS,
  REPORTED_ON,
  SERIES_FIRST,
  SERIES_LAST,
  SERIES_PREFIX,
  STATUS,
} from './fields.js';
import { NationalListHeaderError, type NationalListEvent, type NationalListFormat } from './types.js';
import { RowValidator, clean } from './validate.js';

// Global functions as module constants: global lookups are slow inside vm contexts (Jest).
const { isArray } = Array;
const parseJson = JSON.parse;

export interface ParseOptions {
  /** `csv` or `jsonl`; by default `detectFormat` of the first non-blank line. */
  format?: NationalListFormat;
  /** `YYYY-MM-DD`: no reported_on or lost_on may be after it. By default today's date in UTC. */
  today?: string;
  /**
   * Resume an import: lines up to and including this physical line number are not parsed (the CSV
   * header is read wherever it is). 0 (the default) parses everything.
   */
  startAfterLine?: number;
}

/**
 * The format of a national list from its first non-blank line: JSON Lines when it opens a JSON object
 * (`{`), else CSV (whose first line is the header).
 */
export function detectFormat(firstLine: string): NationalListFormat {
  for (let i = 0; i < firstLine.length; i++) {
    const c = firstLine.charCodeAt(i);
    if (c === 0xfeff || c === 32 || c === 9 || c === 13 || c === 10) continue;
    return c === 123 ? 'jsonl' : 'csv';
  }
  return 'csv';
}

const REQUIRED_COLUMNS = [ISSUING_STATE, DOCUMENT_TYPE, STATUS, REPORTED_ON];
const EXPECTED_HEADER = NATIONAL_LIST_FIELDS.join(',');

function isBlankLine(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xfeff) return false;
  }
  return true;
}

function allBlank(fields: readonly string[]): boolean {
  for (const field of fields) if (!isBlankLine(field)) return false;
  return true;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (isArray(value)) return 'array';
  return typeof value;
}

/**
 * The streaming core: feed it the physical lines of one national list in order, one `push` each, and
 * it returns the events of that line. Synchronous and allocation-light; `parseNationalList` and
 * `parseNationalListSync` wrap it.
 */
export class NationalListParser {
  private line = 0;
  private detected: NationalListFormat | undefined;
  private headerRead = false;
  private readonly startAfterLine: number;
  private readonly validator: RowValidator;
  /** Field index → CSV column, -1 when the header has no such column. */
  private readonly fieldColumn = new Int32Array(FIELD_COUNT).fill(-1);
  private columnNames: string[] = [];
  private readonly values: (string | undefined)[] = new Array<string | undefined>(FIELD_COUNT).fill(
    undefined,
  );
  private readonly events: NationalListEvent[] = [];
  private readonly warnedKeys = new Set<string>();

  constructor(options: ParseOptions = {}) {
    const today = options.today ?? utcToday();
    if (!isIsoDate(today)) throw new RangeError(`today: ${JSON.stringify(today)} is not a date YYYY-MM-DD`);
    const startAfterLine = options.startAfterLine ?? 0;
    if (!Number.isSafeInteger(startAfterLine) || startAfterLine < 0) {
      throw new RangeError(`startAfterLine: expected a line number >= 0, got ${startAfterLine}`);
    }
    this.startAfterLine = startAfterLine;
    this.detected = options.format;
    this.validator = new RowValidator(today);
  }

  /** The physical line number of the last line pushed (0 before the first). */
  get lineNumber(): number {
    return this.line;
  }

  /** The list's format, once given or detected. */
  get format(): NationalListFormat | undefined {
    return this.detected;
  }

  /**
   * Parses the next physical line (with or without its `\n` / `\r\n`). Returns its events: none for a
   * blank line, the header or a skipped line; else one record, series or reject, possibly after
   * warnings. The array is reused by the next call: take the events out before pushing again.
   *
   * @throws NationalListHeaderError when the line is a CSV header that cannot be used
   */
  push(rawLine: string): readonly NationalListEvent[] {
    const events = this.events;
    events.length = 0;
    const line = ++this.line;
    let text = rawLine;
    let n = text.length;
    if (n > 0 && text.charCodeAt(n - 1) === 10) n--;
    if (n > 0 && text.charCodeAt(n - 1) === 13) n--;
    if (n !== text.length) text = text.slice(0, n);
    if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (
      text.length === 0 ||
      ((text.charCodeAt(0) <= 32 || text.charCodeAt(0) === 0xfeff) && isBlankLine(text))
    ) {
      return events;
    }

    let format = this.detected;
    if (format === undefined) format = this.detected = detectFormat(text);
    if (format === 'csv') {
      if (!this.headerRead) {
        this.readHeader(text, line);
        return events;
      }
      if (line <= this.startAfterLine) return events;
      this.parseCsv(text, line);
    } else {
      if (line <= this.startAfterLine) return events;
      this.parseJson(text, line);
    }
    return events;
  }

  private readHeader(text: string, line: number): void {
    this.headerRead = true;
    const columns = splitCsvLine(text);
    if (!isArray(columns)) {
      throw new NationalListHeaderError(
        line,
        `cannot read the header: column ${columns.field}: ${columns.problem}`,
      );
    }
    const names = columns.map((column) => column.trim().toLowerCase());
    const unknown: string[] = [];
    names.forEach((name, column) => {
      const field = FIELD_INDEX.get(name);
      if (field === undefined) unknown.push(JSON.stringify(columns[column]?.trim() ?? ''));
      else if ((this.fieldColumn[field] ?? -1) >= 0) {
        throw new NationalListHeaderError(line, `column ${name} appears twice in the header`);
      } else this.fieldColumn[field] = column;
    });
    this.columnNames = names;

    const has = (field: number) => (this.fieldColumn[field] ?? -1) >= 0;
    const missing = REQUIRED_COLUMNS.filter((field) => !has(field)).map(
      (field) => NATIONAL_LIST_FIELDS[field],
    );
    const series = has(SERIES_FIRST) || has(SERIES_LAST) || has(SERIES_PREFIX);
    if (series) {
      if (!has(SERIES_FIRST)) missing.push('series_first');
      if (!has(SERIES_LAST)) missing.push('series_last');
    } else if (!has(DOCUMENT_NUMBER)) missing.push('document_number');
    if (missing.length > 0) {
      throw new NationalListHeaderError(
        line,
        `the header lacks the required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ` +
          `(a CSV national list starts with a header such as ${EXPECTED_HEADER}` +
          (columns.length === 1 && /[;\t|]/.test(text) ? '; columns are separated by commas' : '') +
          ')',
      );
    }
    if (unknown.length > 0) {
      this.events.push({
        kind: 'warning',
        line,
        message: `unknown column${unknown.length > 1 ? 's' : ''} ignored: ${unknown.join(', ')}`,
      });
    }
  }

  private parseCsv(text: string, line: number): void {
    const fields = splitCsvLine(text);
    if (!isArray(fields)) {
      const name = this.columnNames[fields.field - 1];
      this.events.push({
        kind: 'reject',
        line,
        reason: `field ${fields.field}${name === undefined ? '' : ` (${name})`}: ${fields.problem}`,
      });
      return;
    }
    if (fields.length !== this.columnNames.length) {
      if (allBlank(fields)) return;
      this.events.push({
        kind: 'reject',
        line,
        reason: `${fields.length} field${fields.length === 1 ? '' : 's'}, but the header has ${this.columnNames.length} columns`,
      });
      return;
    }
    const values = this.values;
    const fieldColumn = this.fieldColumn;
    for (let field = 0; field < FIELD_COUNT; field++) {
      const column = fieldColumn[field] ?? -1;
      values[field] = column >= 0 ? fields[column] : undefined;
    }
    if (clean(values[ISSUING_STATE]) === '' && allBlank(fields)) return;
    this.events.push(this.validator.validate(values, line, undefined));
  }

  private parseJson(text: string, line: number): void {
    let object: unknown;
    try {
      object = parseJson(text);
    } catch {
      // JSON.parse's message quotes the line; the reason must not repeat a document number.
      this.events.push({ kind: 'reject', line, reason: 'not valid JSON' });
      return;
    }
    if (typeof object !== 'object' || object === null || isArray(object)) {
      this.events.push({ kind: 'reject', line, reason: `expected a JSON object, found ${typeName(object)}` });
      return;
    }
    const values = this.values;
    values.fill(undefined);
    let problems: string[] | undefined;
    let reported = 0;
    const record = object as Record<string, unknown>;
    for (const key in record) {
      const field = FIELD_INDEX.get(key);
      if (field === undefined) {
        if (!this.warnedKeys.has(key)) {
          this.warnedKeys.add(key);
          this.events.push({
            kind: 'warning',
            line,
            message: `unknown field ignored: ${JSON.stringify(key)}`,
          });
        }
        continue;
      }
      const value = record[key];
      if (typeof value === 'string') values[field] = value;
      else if (value !== null && value !== undefined) {
        (problems ??= []).push(
          `${key}: expected a string, found ${typeName(value)}` +
            (typeof value === 'number' && field === DOCUMENT_NUMBER ? ' (numbers lose leading zeros)' : ''),
        );
        reported |= 1 << field;
      }
    }
    this.events.push(this.validator.validate(values, line, problems, reported));
  }
}

/** A string is an iterable of characters, not of lines: a likely mistake that would parse nonsense. */
function refuseText(lines: unknown): void {
  if (typeof lines === 'string') {
    throw new TypeError(
      "expected lines, got one string: split it (text.split('\\n')) or use parseNationalListChunks",
    );
  }
}

/** Parses a national list given as its physical lines, synchronously. See `parseNationalList`. */
export function* parseNationalListSync(
  lines: Iterable<string>,
  options?: ParseOptions,
): Generator<NationalListEvent> {
  refuseText(lines);
  const parser = new NationalListParser(options);
  for (const line of lines) {
    const events = parser.push(line);
    for (const event of events) yield event;
  }
}

/**
 * Parses a national list given as its physical lines, each with or without its terminator (e.g. from
 * `linesOf`): yields per data line one record, series or reject, and warnings.
 *
 * @throws NationalListHeaderError (when iterated) when the CSV header cannot be used
 */
export async function* parseNationalList(
  lines: AsyncIterable<string> | Iterable<string>,
  options?: ParseOptions,
): AsyncGenerator<NationalListEvent> {
  refuseText(lines);
  const parser = new NationalListParser(options);
  for await (const line of lines) {
    const events = parser.push(line);
    for (const event of events) yield event;
  }
}

/** Splits text that arrives in chunks (strings or UTF-8 bytes) into physical lines, without `\n`. */
class LineSplitter {
  private readonly decoder = new TextDecoder('utf-8');
  private rest = '';

  /** The lines the chunk completes. */
  push(chunk: string | Uint8Array): string[] {
    const text = typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    const lines: string[] = [];
    let newline = text.indexOf('\n');
    if (newline === -1) {
      this.rest += text;
      return lines;
    }
    lines.push(this.rest + text.slice(0, newline));
    let start = newline + 1;
    while ((newline = text.indexOf('\n', start)) !== -1) {
      lines.push(text.slice(start, newline));
      start = newline + 1;
    }
    this.rest = text.slice(start);
    return lines;
  }

  /** The last line, when the text does not end with a line break. */
  end(): string[] {
    const rest = this.rest + this.decoder.decode();
    this.rest = '';
    return rest === '' ? [] : [rest];
  }
}

/**
 * The physical lines of a text given in chunks of any size (strings, or UTF-8 bytes such as a file
 * stream gives), without their `\n`. A UTF-8 byte order mark in bytes is dropped.
 */
export async function* linesOf(
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
): AsyncGenerator<string> {
  const splitter = new LineSplitter();
  for await (const chunk of chunks) yield* splitter.push(chunk);
  yield* splitter.end();
}

/**
 * Parses a national list given in chunks of any size (strings, or UTF-8 bytes such as a file stream
 * gives), and yields the events of each chunk together as one array: the fastest way to import a
 * file, one await per chunk rather than per line. Events are those of `parseNationalList`.
 *
 * @throws NationalListHeaderError (when iterated) when the CSV header cannot be used
 */
export async function* parseNationalListChunks(
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  options?: ParseOptions,
): AsyncGenerator<NationalListEvent[]> {
  const parser = new NationalListParser(options);
  const splitter = new LineSplitter();
  const parse = (lines: string[]) => {
    const batch: NationalListEvent[] = [];
    for (const line of lines) for (const event of parser.push(line)) batch.push(event);
    return batch;
  };
  for await (const chunk of chunks) {
    const batch = parse(splitter.push(chunk));
    if (batch.length > 0) yield batch;
  }
  const batch = parse(splitter.end());
  if (batch.length > 0) yield batch;
}

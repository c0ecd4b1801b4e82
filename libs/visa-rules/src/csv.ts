/** Minimal CSV reading for the reference files: one record a line, RFC 4180 quoting within a line. */

export interface CsvLine {
  /** 1-based line number in the input. */
  line: number;
  text: string;
}

/** The input's lines with their numbers, without a byte-order mark, CR or trailing blank lines. */
export function csvLines(text: string): CsvLine[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/);
  while (lines.length > 0 && (lines[lines.length - 1] ?? '').trim() === '') lines.pop();
  return lines.map((line, index) => ({ line: index + 1, text: line }));
}

/**
 * The fields of one CSV line, trimmed; quoted fields may hold commas and doubled quotes.
 *
 * @returns a string for an error (an unterminated or misplaced quote) instead of fields.
 */
export function csvFields(text: string): string[] | string {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      if (field.trim() !== '' || wasQuoted) return `misplaced quote at character ${i + 1}`;
      field = '';
      quoted = true;
      wasQuoted = true;
    } else if (ch === ',') {
      fields.push(wasQuoted ? field : field.trim());
      field = '';
      wasQuoted = false;
    } else if (wasQuoted) {
      if (ch.trim() !== '') return `text after a closing quote at character ${i + 1}`;
    } else {
      field += ch;
    }
  }
  if (quoted) return 'unterminated quote';
  fields.push(wasQuoted ? field : field.trim());
  return fields;
}

/** What is wrong with a CSV line's quoting: the field (1-based) and the problem. */
export interface CsvSyntaxError {
  field: number;
  problem: string;
}

const QUOTE = 34; // "
const COMMA = 44; // ,
const SPACE = 32;
const TAB = 9;

/**
 * The fields of one physical CSV line, as RFC 4180 quotes them: a field in double quotes may hold
 * commas and doubled quotes (`""` for `"`). Blanks around a quoted field are allowed. A quoted field
 * cannot span lines: a line that ends inside quotes is an error, and so is a quote inside an unquoted
 * field or text after a closing quote. `line` has no line terminator.
 */
export function splitCsvLine(line: string): string[] | CsvSyntaxError {
  // Almost every line of a national list has no quotes at all.
  if (line.indexOf('"') === -1) return line.split(',');
  return splitQuoted(line);
}

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}

function splitQuoted(line: string): string[] | CsvSyntaxError {
  const fields: string[] = [];
  const n = line.length;
  let start = 0;
  for (;;) {
    let j = start;
    while (j < n && isBlank(line.charCodeAt(j))) j++;
    if (j < n && line.charCodeAt(j) === QUOTE) {
      let value = '';
      let from = j + 1;
      let k = from;
      for (;;) {
        const q = line.indexOf('"', k);
        if (q === -1) {
          return {
            field: fields.length + 1,
            problem: 'unterminated quoted field (a quoted field cannot span lines)',
          };
        }
        if (line.charCodeAt(q + 1) === QUOTE) {
          value += line.slice(from, q + 1);
          k = q + 2;
          from = k;
          continue;
        }
        value += line.slice(from, q);
        k = q + 1;
        break;
      }
      while (k < n && isBlank(line.charCodeAt(k))) k++;
      fields.push(value);
      if (k === n) return fields;
      if (line.charCodeAt(k) !== COMMA) {
        return { field: fields.length, problem: 'text after the closing quote' };
      }
      start = k + 1;
      continue;
    }
    const comma = line.indexOf(',', start);
    const end = comma === -1 ? n : comma;
    const raw = line.slice(start, end);
    if (raw.indexOf('"') !== -1) {
      return {
        field: fields.length + 1,
        problem: 'a quote inside an unquoted field (quote the whole field and double the quote)',
      };
    }
    fields.push(raw);
    if (comma === -1) return fields;
    start = comma + 1;
  }
}

/** A value as a CSV field: quoted (quotes doubled) when it holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === COMMA || c === QUOTE || c === 10 || c === 13) return `"${value.replaceAll('"', '""')}"`;
  }
  return value;
}

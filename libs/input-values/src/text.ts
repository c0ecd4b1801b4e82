/**
 * Text a client sends to be stored, indexed or passed on: names, references, codes, notes. Control
 * characters are refused — C0 (U+0000–U+001F), DEL and C1 (U+0080–U+009F) — as are unpaired UTF-16
 * surrogates, which no encoding can store: PostgreSQL rejects NUL in text (error 22021, a 500 before
 * this check), and the rest are never part of a name or a reference, only of an attack on whatever
 * displays or logs them. Multi-line free text (a note) may hold tab, line feed and carriage return.
 *
 * Formats with their own separators check their own bytes: an EDIFACT interchange's line breaks and
 * telex envelope are dropped and reported by its reader (libs/edifact), before any value reaches here.
 */

export interface TextOptions {
  /** Free text that may span lines: tab, line feed and carriage return are allowed. */
  multiline?: boolean;
}

const hex = (code: number): string => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

function isControl(code: number, multiline: boolean): boolean {
  if (code < 0x20) return !(multiline && (code === 0x09 || code === 0x0a || code === 0x0d));
  return code === 0x7f || (code >= 0x80 && code <= 0x9f);
}

/**
 * Where the first character text cannot hold is — a control character or an unpaired surrogate —
 * as a 0-based index in UTF-16 code units; -1 when there is none.
 */
export function refusedCharacterAt(value: string, options: TextOptions = {}): number {
  const multiline = options.multiline === true;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0x20 && code < 0x7f) continue;
    if (isControl(code, multiline)) return i;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return i;
      i++;
    } else if (code >= 0xdc00 && code <= 0xdfff) return i;
  }
  return -1;
}

/**
 * Why `value` cannot be taken as text, naming the character and its position (1-based, in UTF-16
 * code units as JavaScript counts them); `undefined` when it can. The value itself is not repeated.
 */
export function textProblem(value: string, options: TextOptions = {}): string | undefined {
  const at = refusedCharacterAt(value, options);
  if (at < 0) return undefined;
  const code = value.charCodeAt(at);
  return code >= 0xd800 && code <= 0xdfff
    ? `contains an unpaired surrogate ${hex(code)} at position ${at + 1}; it is not Unicode text`
    : `contains the control character ${hex(code)} at position ${at + 1}; control characters are not accepted`;
}

export interface TextFieldProblem {
  /** Where, as the validation problems of every API write it: `travellers.3.surname`. */
  path: string;
  message: string;
}

export interface FindTextOptions {
  /** Path segments to put before every path (e.g. the name of a URL parameter). */
  prefix?: readonly (string | number)[];
  /** Whether the text at `path` is multi-line free text. */
  multiline?: (path: readonly (string | number)[]) => boolean;
  /** Stop after this many problems (default 20): the first ones tell the client what to fix. */
  limit?: number;
}

/**
 * Every string in a parsed JSON value (object keys included) that {@link textProblem} refuses, with
 * its path. The walk uses its own stack, so a deeply nested body cannot overflow the call stack.
 */
export function findTextProblems(value: unknown, options: FindTextOptions = {}): TextFieldProblem[] {
  const limit = options.limit ?? 20;
  const problems: TextFieldProblem[] = [];
  // Each entry points at its parent: a path is only spelled out for a string, never copied per level.
  interface Entry {
    value: unknown;
    key?: string | number;
    parent?: Entry;
  }
  const pathOf = (entry: Entry, extra?: string): (string | number)[] => {
    const path: (string | number)[] = extra === undefined ? [] : [extra];
    for (let at: Entry | undefined = entry; at?.key !== undefined; at = at.parent) path.push(at.key);
    return [...(options.prefix ?? []), ...path.reverse()];
  };
  const stack: Entry[] = [{ value }];
  for (let entry = stack.pop(); entry && problems.length < limit; entry = stack.pop()) {
    const at = entry.value;
    if (typeof at === 'string') {
      const path = pathOf(entry);
      const problem = textProblem(at, { multiline: options.multiline?.(path) ?? false });
      if (problem) problems.push({ path: path.join('.'), message: problem });
    } else if (Array.isArray(at)) {
      for (let i = at.length - 1; i >= 0; i--) stack.push({ value: at[i], key: i, parent: entry });
    } else if (at !== null && typeof at === 'object') {
      const entries = Object.entries(at);
      for (const [key] of entries) {
        const problem = textProblem(key);
        if (problem) problems.push({ path: pathOf(entry, key).join('.'), message: `the key ${problem}` });
      }
      for (const [key, inner] of entries.reverse()) stack.push({ value: inner, key, parent: entry });
    }
  }
  return problems.slice(0, limit);
}

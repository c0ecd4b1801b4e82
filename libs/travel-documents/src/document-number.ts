import { LOOK_ALIKES } from './look-alikes.js';

/**
 * How a document number, as written by anyone (a carrier's PAXLST, a JSON manifest, a national list,
 * an MRZ), is read into the one normal form the registry, the screening index and every check compare:
 * upper-case A-Z and 0-9.
 *
 * The whole lost/stolen check rests on that comparison, so a spelling must not move a number out of
 * reach of its listing: `NP5012ВС` (Cyrillic В and С), `ΝΡ5012BC` (Greek), `ＮＰ５０１２ＢＣ`
 * (fullwidth), `N\u200bP5012BC` (a zero-width space) and `NP5012BÇ` are all NP5012BC. The steps:
 *
 * 1. compatibility decomposition (NFKD): fullwidth and other compatibility forms become plain ones,
 *    accented letters a base letter and combining marks, which are dropped;
 * 2. look-alike letters of other scripts (Cyrillic, Greek, Armenian…) become the Latin letter or
 *    digit they are drawn like (`look-alikes.ts`, after Unicode's confusables data);
 * 3. separators are dropped: spaces, dashes, MRZ fillers `<`, `.`, `/`, and invisible formatting
 *    characters (zero-width spaces and joiners, soft hyphens, direction marks);
 * 4. upper case.
 *
 * Whatever else is left — a character of no look-alike, a symbol, an emoji — or nothing at all makes
 * the number unreadable, with a reason: never a shorter number that happens to match nothing.
 */
export type DocumentNumberReading =
  | { readonly number: string; readonly unreadable?: undefined }
  | { readonly number?: undefined; readonly unreadable: string };

const SEPARATORS = new Set([' ', '-', '<', '.', '/']);
const COMBINING_MARK = /\p{M}/u;
/** Invisible characters: format controls (zero-width space/joiners, BOM, soft hyphen, bidi marks). */
const INVISIBLE = /[\p{Cf}]/u;
const SEPARATOR = /[\p{Z}\p{Pd}\s]/u;

export function readDocumentNumber(raw: string): DocumentNumberReading {
  if (isNormalDocumentNumber(raw)) return { number: raw };
  // Most numbers that are not yet normal are ASCII with spaces, hyphens or lower case: no Unicode work.
  const ascii = isAscii(raw);
  // Look-alikes are mapped before NFKD too: it would turn some into other non-Latin letters (Greek
  // lunate sigma ϲ into final sigma ς) that are no longer drawn like the Latin one.
  const text = ascii
    ? raw
    : Array.from(raw, (c) => LOOK_ALIKES.get(c) ?? c)
        .join('')
        .normalize('NFKD');
  let number = '';
  let position = 0;
  for (const char of text) {
    position++;
    const code = char.codePointAt(0) ?? 0;
    if (code < 128) {
      if (code >= 97 && code <= 122) number += String.fromCharCode(code - 32);
      else if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90)) number += char;
      else if (!SEPARATORS.has(char))
        return {
          unreadable: `character ${position} (U+${hex(code)}) is not a letter, a digit or a separator`,
        };
      continue;
    }
    const latin = LOOK_ALIKES.get(char);
    if (latin !== undefined) number += latin;
    else if (!(COMBINING_MARK.test(char) || INVISIBLE.test(char) || SEPARATOR.test(char)))
      return {
        unreadable: `character ${position} (U+${hex(code)}) is neither a Latin letter or digit nor a look-alike of one`,
      };
  }
  return number === '' ? { unreadable: 'has no letters or digits' } : { number };
}

/**
 * The normal form of a document number (see `readDocumentNumber`), or `''` when it is unreadable:
 * callers that key or look up by number refuse `''`; those that need the reason read it instead.
 */
export function normaliseDocumentNumber(raw: string): string {
  return readDocumentNumber(raw).number ?? '';
}

/** Whether `value` is already in normal form: one or more of A-Z and 0-9, nothing else. */
export function isNormalDocumentNumber(value: string): boolean {
  if (value.length === 0) return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    // 0-9 or A-Z
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90))) return false;
  }
  return true;
}

/**
 * A document number as it may appear in alerts: the normal form with all but the last three
 * characters replaced by `*`, or entirely `*` when it has six characters or fewer (or is unreadable).
 */
export function maskDocumentNumber(raw: string): string {
  const number = normaliseDocumentNumber(raw);
  if (number.length <= 6) return '*'.repeat(number.length);
  return '*'.repeat(number.length - 3) + number.slice(-3);
}

function isAscii(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 127) return false;
  return true;
}

function hex(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, '0');
}

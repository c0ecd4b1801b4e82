/**
 * The UNA service string advice: `UNA` followed by exactly six characters that redefine the
 * separators of the interchange (ISO 9735). Carriers do use other characters than the defaults, for
 * example `UNA:*.? $` (elements split by `*`, segments ended by `$`).
 */

export interface Separators {
  /** Separates the components of a composite element (default `:`). */
  component: string;
  /** Separates data elements (default `+`). */
  element: string;
  /** Decimal mark (default `.`); recorded only, PAXLST carries no decimals we read. */
  decimal: string;
  /** Makes the next character data (default `?`); a space means none. */
  release: string;
  /**
   * Repetition separator in syntax version 4, reserved before it (default: space, not used). We record
   * it but do not split on it: PAXLST repeats no element, and version-3 senders fill the slot freely.
   */
  repetition: string;
  /** Ends a segment (default `'`). */
  terminator: string;
}

export const DEFAULT_SEPARATORS: Readonly<Separators> = Object.freeze({
  component: ':',
  element: '+',
  decimal: '.',
  release: '?',
  repetition: ' ',
  terminator: "'",
});

export const UNA_LENGTH = 9;

export interface UnaReading {
  separators: Separators;
  /** What is wrong with the advice, if anything; the separators then fall back (see below). */
  problems: string[];
  /** True when the advice could not be used as written. */
  rejected: boolean;
}

/** Service characters are printable ASCII (ISO 9735 level A), never letters, digits or blanks. */
function usableAsSeparator(ch: string): boolean {
  return /^[!-~]$/.test(ch) && !/[A-Za-z0-9]/.test(ch);
}

/**
 * Reads the six characters after `UNA` at `at`. An advice that cannot work (a letter or digit, a
 * space or line break, two roles on one character) is rejected as a whole, since one wrong character
 * usually means the others are shifted too; the caller then falls back to the defaults or to what UNB
 * shows.
 */
export function readUna(text: string, at: number): UnaReading {
  const six = text.slice(at + 3, at + UNA_LENGTH);
  if (six.length < 6) {
    return {
      separators: { ...DEFAULT_SEPARATORS },
      problems: [`UNA needs six characters after it, found ${JSON.stringify(six)}`],
      rejected: true,
    };
  }
  const [component, element, decimal, release, repetition, terminator] = [...six] as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const separators: Separators = { component, element, decimal, release, repetition, terminator };
  const problems: string[] = [];
  const roles: [string, string][] = [
    ['component separator', component],
    ['element separator', element],
    ['segment terminator', terminator],
  ];
  for (const [role, ch] of roles) {
    if (!usableAsSeparator(ch)) problems.push(`the ${role} ${JSON.stringify(ch)} cannot be a separator`);
  }
  if (release !== ' ' && !usableAsSeparator(release)) {
    problems.push(`the release character ${JSON.stringify(release)} cannot be a service character`);
  }
  const used = [component, element, terminator, ...(release === ' ' ? [] : [release])];
  if (new Set(used).size !== used.length) {
    problems.push(`the same character is given two roles in ${JSON.stringify(six)}`);
  }
  if (problems.length > 0) return { separators: { ...DEFAULT_SEPARATORS }, problems, rejected: true };
  if (decimal !== '.' && decimal !== ',') {
    problems.push(`the decimal mark ${JSON.stringify(decimal)} should be "." or ","`);
  }
  return { separators, problems, rejected: false };
}

/**
 * Works out the element and component separators from a UNB header (`UNB+UNOA:4+...`): the character
 * right after the tag is the element separator, the one after the four-letter syntax identifier the
 * component separator. Used when UNA is absent or unusable and UNB plainly disagrees with the
 * defaults; the terminator cannot be seen this way and stays as it is.
 */
export function separatorsFromUnb(
  text: string,
  at: number,
  base: Separators,
): Pick<Separators, 'element' | 'component'> | undefined {
  const element = text.charAt(at + 3);
  const component = text.charAt(at + 8);
  if (!/^UNO[A-Z]$/.test(text.slice(at + 4, at + 8))) return undefined;
  if (!usableAsSeparator(element) || !usableAsSeparator(component) || element === component) return undefined;
  if (element === base.terminator || component === base.terminator) return undefined;
  return { element, component };
}

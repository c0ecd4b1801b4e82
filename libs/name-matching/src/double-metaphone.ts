// Double Metaphone (Lawrence Philips, "The Double Metaphone Search Algorithm", C/C++ Users Journal,
// June 2000): a primary and an alternate phonetic key of a name, four characters at most, that spelling
// variants of one name share (SMITH and SCHMIDT share XMT; CATHERINE and KATHERINE both are K0RN).
// Written from the published description for A-Z input (names reach it transliterated); the rules for
// Ç and Ñ are therefore absent. `0` stands for "th", `X` for "sh"/"ch".

export type PhoneticKeys = readonly [primary: string, alternate: string];

const KEY_LENGTH = 4;
const VOWELS = 'AEIOUY';

/** Double Metaphone keys of one word in A-Z (other characters are skipped). */
export function doubleMetaphone(word: string): PhoneticKeys {
  const value = word.toUpperCase();
  const length = value.length;
  if (length === 0) return ['', ''];
  const last = length - 1;
  const slavoGermanic = /W|K|CZ|WITZ/.test(value);
  const germanic = /^(VAN |VON |SCH)/.test(value);
  let primary = '';
  let alternate = '';
  const add = (main: string, other: string = main) => {
    primary += main;
    alternate += other;
  };
  const at = (i: number) => (i >= 0 && i < length ? value.charAt(i) : '');
  const isVowel = (i: number) => i >= 0 && i < length && VOWELS.includes(value.charAt(i));
  const is = (start: number, ...options: string[]) => {
    if (start < 0) return false;
    return options.some((o) => value.startsWith(o, start));
  };

  let i = 0;
  if (is(0, 'GN', 'KN', 'PN', 'WR', 'PS')) i = 1;
  if (value[0] === 'X') {
    add('S'); // XAVIER
    i = 1;
  }
  while (i < length && (primary.length < KEY_LENGTH || alternate.length < KEY_LENGTH)) {
    const c = value.charAt(i);
    if (VOWELS.includes(c)) {
      if (i === 0) add('A');
      i++;
      continue;
    }
    switch (c) {
      case 'B':
        add('P');
        i += at(i + 1) === 'B' ? 2 : 1;
        break;
      case 'C':
        i = consonantC(i);
        break;
      case 'D':
        if (is(i, 'DG')) {
          if ('IEY'.includes(at(i + 2)) && at(i + 2) !== '') {
            add('J'); // EDGE
            i += 3;
          } else {
            add('TK'); // EDGAR
            i += 2;
          }
        } else {
          add('T');
          i += is(i, 'DT', 'DD') ? 2 : 1;
        }
        break;
      case 'F':
      case 'K':
      case 'N':
      case 'Q':
        add(c === 'Q' ? 'K' : c);
        i += at(i + 1) === c ? 2 : 1;
        break;
      case 'G':
        i = consonantG(i);
        break;
      case 'H':
        // Kept only first or between vowels, and before a vowel.
        if ((i === 0 || isVowel(i - 1)) && isVowel(i + 1)) {
          add('H');
          i += 2;
        } else i++;
        break;
      case 'J':
        i = consonantJ(i);
        break;
      case 'L':
        if (at(i + 1) === 'L') {
          // Spanish CABRILLO, GALLEGOS
          if (
            (i === length - 3 && is(i - 1, 'ILLO', 'ILLA', 'ALLE')) ||
            ((is(last - 1, 'AS', 'OS') || 'AO'.includes(at(last))) && is(i - 1, 'ALLE'))
          ) {
            add('L', '');
            i += 2;
            break;
          }
          i += 2;
        } else i++;
        add('L');
        break;
      case 'M':
        add('M');
        i += (is(i - 1, 'UMB') && (i + 1 === last || is(i + 2, 'ER'))) || at(i + 1) === 'M' ? 2 : 1;
        break;
      case 'P':
        if (at(i + 1) === 'H') {
          add('F');
          i += 2;
        } else {
          add('P');
          i += 'PB'.includes(at(i + 1)) && at(i + 1) !== '' ? 2 : 1;
        }
        break;
      case 'R':
        // French ROGIER, but not HOCHMEIER
        if (i === last && !slavoGermanic && is(i - 2, 'IE') && !is(i - 4, 'ME', 'MA')) add('', 'R');
        else add('R');
        i += at(i + 1) === 'R' ? 2 : 1;
        break;
      case 'S':
        i = consonantS(i);
        break;
      case 'T':
        i = consonantT(i);
        break;
      case 'V':
        add('F');
        i += at(i + 1) === 'V' ? 2 : 1;
        break;
      case 'W':
        i = consonantW(i);
        break;
      case 'X':
        // French BREAUX
        if (!(i === last && (is(i - 3, 'IAU', 'EAU') || is(i - 2, 'AU', 'OU')))) add('KS');
        i += 'CX'.includes(at(i + 1)) && at(i + 1) !== '' ? 2 : 1;
        break;
      case 'Z':
        if (at(i + 1) === 'H') {
          add('J'); // Chinese ZHAO
          i += 2;
          break;
        }
        if (is(i + 1, 'ZO', 'ZI', 'ZA') || (slavoGermanic && i > 0 && at(i - 1) !== 'T')) add('S', 'TS');
        else add('S');
        i += at(i + 1) === 'Z' ? 2 : 1;
        break;
      default:
        i++;
    }
  }
  return [primary.slice(0, KEY_LENGTH), alternate.slice(0, KEY_LENGTH)];

  function consonantC(i: number): number {
    // Germanic BACHER, MACHER
    if (
      i > 1 &&
      !isVowel(i - 2) &&
      is(i - 1, 'ACH') &&
      at(i + 2) !== 'I' &&
      (at(i + 2) !== 'E' || is(i - 2, 'BACHER', 'MACHER'))
    ) {
      add('K');
      return i + 2;
    }
    if (i === 0 && is(i, 'CAESAR')) {
      add('S');
      return i + 2;
    }
    if (is(i, 'CHIA')) {
      add('K'); // Italian CHIANTI
      return i + 2;
    }
    if (is(i, 'CH')) {
      if (i > 0 && is(i, 'CHAE')) {
        add('K', 'X'); // MICHAEL
        return i + 2;
      }
      // Greek roots: CHARISMA, CHORUS
      if (
        i === 0 &&
        (is(i + 1, 'HARAC', 'HARIS') || is(i + 1, 'HOR', 'HYM', 'HIA', 'HEM')) &&
        !is(0, 'CHORE')
      ) {
        add('K');
        return i + 2;
      }
      if (
        germanic ||
        is(i - 2, 'ORCHES', 'ARCHIT', 'ORCHID') ||
        is(i + 2, 'T', 'S') ||
        ((i === 0 || 'AOUE'.includes(at(i - 1))) && (i + 2 >= length || 'LRNMBHFVW '.includes(at(i + 2))))
      )
        add('K');
      else if (i > 0) {
        if (is(0, 'MC')) add('K');
        else add('X', 'K');
      } else add('X');
      return i + 2;
    }
    if (is(i, 'CZ') && !is(i - 2, 'WICZ')) {
      add('S', 'X'); // CZERNY
      return i + 2;
    }
    if (is(i + 1, 'CIA')) {
      add('X'); // FOCACCIA
      return i + 3;
    }
    if (is(i, 'CC') && !(i === 1 && at(0) === 'M')) {
      if ('IEH'.includes(at(i + 2)) && at(i + 2) !== '' && !is(i + 2, 'HU')) {
        // ACCIDENT, SUCCEED; BACCI, BERTUCCI
        if ((i === 1 && at(i - 1) === 'A') || is(i - 1, 'UCCEE', 'UCCES')) add('KS');
        else add('X');
        return i + 3;
      }
      add('K');
      return i + 2;
    }
    if (is(i, 'CK', 'CG', 'CQ')) {
      add('K');
      return i + 2;
    }
    if (is(i, 'CI', 'CE', 'CY')) {
      if (is(i, 'CIO', 'CIE', 'CIA')) add('S', 'X');
      else add('S');
      return i + 2;
    }
    add('K');
    if ('CKQ'.includes(at(i + 1)) && at(i + 1) !== '' && !is(i + 1, 'CE', 'CI')) return i + 2;
    return i + 1;
  }

  function consonantG(i: number): number {
    const next = at(i + 1);
    if (next === 'H') {
      if (i > 0 && !isVowel(i - 1)) {
        add('K');
        return i + 2;
      }
      if (i === 0) {
        add(at(i + 2) === 'I' ? 'J' : 'K'); // GHISLANE; GHOST
        return i + 2;
      }
      // Parker's rule: HUGH, BOUGH
      if (
        (i > 1 && 'BHD'.includes(at(i - 2))) ||
        (i > 2 && 'BHD'.includes(at(i - 3))) ||
        (i > 3 && 'BH'.includes(at(i - 4)))
      )
        return i + 2;
      if (i > 2 && at(i - 1) === 'U' && 'CGLRT'.includes(at(i - 3)))
        add('F'); // LAUGH, TOUGH
      else if (i > 0 && at(i - 1) !== 'I') add('K');
      return i + 2;
    }
    if (next === 'N') {
      if (i === 1 && isVowel(0) && !slavoGermanic) add('KN', 'N');
      else if (!is(i + 2, 'EY') && at(i + 1) !== 'Y' && !slavoGermanic) add('N', 'KN');
      else add('KN');
      return i + 2;
    }
    if (is(i + 1, 'LI') && !slavoGermanic) {
      add('KL', 'L'); // TAGLIARO
      return i + 2;
    }
    if (
      i === 0 &&
      (next === 'Y' || is(i + 1, 'ES', 'EP', 'EB', 'EL', 'EY', 'IB', 'IL', 'IN', 'IE', 'EI', 'ER'))
    ) {
      add('K', 'J');
      return i + 2;
    }
    if (
      (is(i + 1, 'ER') || next === 'Y') &&
      !is(0, 'DANGER', 'RANGER', 'MANGER') &&
      !'EI'.includes(at(i - 1) || '#') &&
      !is(i - 1, 'RGY', 'OGY')
    ) {
      add('K', 'J');
      return i + 2;
    }
    if ((next !== '' && 'EIY'.includes(next)) || is(i - 1, 'AGGI', 'OGGI')) {
      if (is(0, 'VAN ', 'VON ', 'SCH') || is(i + 1, 'ET')) add('K');
      else if (is(i + 1, 'IER')) add('J');
      else add('J', 'K');
      return i + 2;
    }
    add('K');
    return i + (next === 'G' ? 2 : 1);
  }

  function consonantJ(i: number): number {
    if (is(i, 'JOSE') || is(0, 'SAN ')) {
      if ((i === 0 && at(i + 4) === '') || is(0, 'SAN ')) add('H');
      else add('J', 'H');
      return i + 1;
    }
    if (i === 0)
      add('J', 'A'); // YANKELOVICH / JANKELOWICZ
    else if (isVowel(i - 1) && !slavoGermanic && (at(i + 1) === 'A' || at(i + 1) === 'O')) add('J', 'H');
    else if (i === last) add('J', '');
    else if (!'LTKSNMBZ'.includes(at(i + 1)) && !'SKL'.includes(at(i - 1))) add('J');
    return i + (at(i + 1) === 'J' ? 2 : 1);
  }

  function consonantS(i: number): number {
    if (is(i - 1, 'ISL', 'YSL')) return i + 1; // ISLAND, CARLYSLE
    if (i === 0 && is(i, 'SUGAR')) {
      add('X', 'S');
      return i + 1;
    }
    if (is(i, 'SH')) {
      add(is(i + 1, 'HEIM', 'HOEK', 'HOLM', 'HOLZ') ? 'S' : 'X');
      return i + 2;
    }
    if (is(i, 'SIO', 'SIA') || is(i, 'SIAN')) {
      if (!slavoGermanic) add('S', 'X');
      else add('S');
      return i + 3;
    }
    // SMITH matches SCHMIDT, SNIDER matches SCHNEIDER; Slavic -SZ-
    if ((i === 0 && 'MNLW'.includes(at(i + 1)) && at(i + 1) !== '') || at(i + 1) === 'Z') {
      add('S', 'X');
      return i + (at(i + 1) === 'Z' ? 2 : 1);
    }
    if (is(i, 'SC')) {
      if (at(i + 2) === 'H') {
        if (is(i + 3, 'OO', 'ER', 'EN', 'UY', 'ED', 'EM')) {
          if (is(i + 3, 'ER', 'EN'))
            add('X', 'SK'); // SCHERMERHORN
          else add('SK'); // SCHOOL
          return i + 3;
        }
        if (i === 0 && !isVowel(3) && at(3) !== 'W') add('X', 'S');
        else add('X');
        return i + 3;
      }
      if ('IEY'.includes(at(i + 2)) && at(i + 2) !== '') {
        add('S');
        return i + 3;
      }
      add('SK');
      return i + 3;
    }
    if (i === last && is(i - 2, 'AI', 'OI'))
      add('', 'S'); // French RESNAIS
    else add('S');
    return i + ('SZ'.includes(at(i + 1)) && at(i + 1) !== '' ? 2 : 1);
  }

  function consonantT(i: number): number {
    if (is(i, 'TION')) {
      add('X');
      return i + 3;
    }
    if (is(i, 'TIA', 'TCH')) {
      add('X');
      return i + 3;
    }
    if (is(i, 'TH') || is(i, 'TTH')) {
      if (is(i + 2, 'OM', 'AM') || is(0, 'VAN ', 'VON ', 'SCH'))
        add('T'); // THOMAS
      else add('0', 'T');
      return i + 2;
    }
    add('T');
    return i + ('TD'.includes(at(i + 1)) && at(i + 1) !== '' ? 2 : 1);
  }

  function consonantW(i: number): number {
    if (is(i, 'WR')) {
      add('R');
      return i + 2;
    }
    if (i === 0 && (isVowel(i + 1) || is(i, 'WH'))) {
      if (isVowel(i + 1))
        add('A', 'F'); // WASSERMAN / VASSERMAN
      else add('A');
    }
    // ARNOW / ARNOFF; Polish -OWSKI
    if ((i === last && isVowel(i - 1)) || is(i - 1, 'EWSKI', 'EWSKY', 'OWSKI', 'OWSKY') || is(0, 'SCH')) {
      add('', 'F');
      return i + 1;
    }
    if (is(i, 'WICZ', 'WITZ')) {
      add('TS', 'FX'); // FILIPOWICZ
      return i + 4;
    }
    return i + 1;
  }
}

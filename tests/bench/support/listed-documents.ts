// Realistic synthetic entries of a lost/stolen list: per-state number formats, some 12-character and a
// few longer numbers, in the shares a national list shows. Shared by the `index` and `pipeline`
// benchmarks so both measure the same kind of index.
import type { DocumentStatusName } from '@docscreen/travel-documents';

let seed = 0x51d;
/** Deterministic (mulberry32): every run lists the same documents. */
export function random(): number {
  seed = (seed + 0x6d2b79f5) | 0; // mulberry32
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
const ALNUM = 'CFGHJKLMNPRTVWXYZ0123456789'; // German-style: no vowels, no look-alikes
function chars(alphabet: string, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
  return text;
}

/**
 * Issuing states with their share of the list, document type and number format: `L` letters, `D`
 * digits, `A` the alphanumerics above, `[…]` a set, each with a count; anything else is literal.
 */
export const FORMATS: { state: string; weight: number; type: string; format: string }[] = [
  { state: 'D', weight: 12, type: 'P', format: '[CFGHJK]1 A8' },
  { state: 'NLD', weight: 6, type: 'P', format: 'L2 A6 D1' },
  { state: 'GBR', weight: 10, type: 'P', format: 'D9' },
  { state: 'USA', weight: 14, type: 'P', format: 'L1 D8' },
  { state: 'FRA', weight: 8, type: 'P', format: 'D2 L2 D5' },
  { state: 'ITA', weight: 6, type: 'P', format: 'L2 D7' },
  { state: 'ESP', weight: 5, type: 'P', format: 'L3 D6' },
  { state: 'IND', weight: 9, type: 'P', format: 'L1 D7' },
  { state: 'CHN', weight: 9, type: 'P', format: 'E D8' },
  { state: 'BRA', weight: 4, type: 'P', format: 'L2 D6' },
  { state: 'MEX', weight: 3, type: 'P', format: 'L1 D8' },
  { state: 'BEL', weight: 4, type: 'I', format: 'D12' },
  { state: 'PRT', weight: 3, type: 'I', format: 'D9 L2 D1' },
  { state: 'D', weight: 4, type: 'I', format: '[LMNPRTVWXY]1 A8' },
  { state: 'USA', weight: 2, type: 'V', format: 'D8' },
  { state: 'XXA', weight: 0.5, type: 'P', format: 'L2 D12' }, // 14 characters: interned
];
const SETS: Record<string, string> = { L: LETTERS, D: DIGITS, A: ALNUM };

export function numberOf(format: string): string {
  let number = '';
  for (const token of format.split(' ')) {
    const match = /^(?:([LDA])|\[([A-Z0-9]+)\])(\d+)$/.exec(token);
    number += match ? chars(SETS[match[1] ?? ''] ?? match[2]!, Number(match[3])) : token;
  }
  return number;
}

const TOTAL_WEIGHT = FORMATS.reduce((sum, format) => sum + format.weight, 0);
const STATUSES: [DocumentStatusName, number][] = [
  ['lost', 0.6],
  ['stolen', 0.3],
  ['revoked', 0.05],
  ['invalidated', 0.05],
];

export interface Inputs {
  states: string[];
  types: string[];
  numbers: string[];
  statuses: DocumentStatusName[];
}

/** `count` listed documents in the shares of FORMATS and STATUSES, as parallel arrays (compact at 10M). */
export function generate(count: number): Inputs {
  const inputs: Inputs = { states: [], types: [], numbers: [], statuses: [] };
  for (let i = 0; i < count; i++) {
    let roll = random() * TOTAL_WEIGHT;
    const format = FORMATS.find((f) => (roll -= f.weight) < 0) ?? FORMATS[0]!;
    let statusRoll = random();
    inputs.states.push(format.state);
    inputs.types.push(format.type);
    inputs.numbers.push(numberOf(format.format));
    inputs.statuses.push(STATUSES.find(([, share]) => (statusRoll -= share) < 0)?.[0] ?? 'lost');
  }
  return inputs;
}

/**
 * Builds small PAXLST interchanges for the unit specs, with a correct envelope (UNT and UNZ counts and
 * references), so that a spec only sees the defects it plants.
 */
export interface FixtureOptions {
  /** UNH message identifier after the reference. */
  unh?: string;
  /** Extra UNH elements (common access reference, status of transfer), e.g. `+ABC01+01:C`. */
  unhTail?: string;
  bgm?: string | null;
  /** CNT segment content, e.g. `42:2`; null for none. Defaults to the count of NAD FL/FM lines. */
  cnt?: string | null;
  reference?: string;
  unbDate?: string;
}

/** One message, segments written without terminators (one string each), in a one-segment-per-line file. */
export function paxlst(body: string[], options: FixtureOptions = {}): string {
  const reference = options.reference ?? 'M1';
  const travellers = body.filter((s) => /^NAD\+(FL|FM|DDU|DDT|COT)\+/.test(s)).length;
  const cnt = options.cnt === undefined ? `42:${travellers}` : options.cnt;
  const message = [
    `UNH+${reference}+${options.unh ?? 'PAXLST:D:02B:UN:IATA'}${options.unhTail ?? ''}`,
    ...(options.bgm === null ? [] : [`BGM+${options.bgm ?? '745'}`]),
    ...body,
    ...(cnt === null ? [] : [`CNT+${cnt}`]),
  ];
  message.push(`UNT+${message.length + 1}+${reference}`);
  return [
    "UNA:+.? '",
    `UNB+UNOA:4+SENDER:ZZ+RECEIVER:ZZ+${options.unbDate ?? '200130'}:0300+IC1++APIS`,
    ...message,
    'UNZ+1+IC1',
  ]
    .map((s, i) => (i === 0 ? s : `${s}'`))
    .join('\n');
}

/** The segment lines of a typical passenger with a passport. */
export function passenger(surname: string, number: string, extra: string[] = []): string[] {
  return [
    `NAD+FL+++${surname}:JOHN:PAUL`,
    'ATT+2++M',
    'DTM+329:700602',
    'NAT+2+GBR',
    `DOC+P+${number}`,
    'DTM+36:261205',
    'LOC+91+GBR',
    ...extra,
  ];
}

export const FLIGHT = [
  'TDT+20+LA532',
  'LOC+125+SCL',
  'DTM+189:2001192300:201',
  'LOC+87+JFK',
  'DTM+232:2001200740:201',
];

/**
 * A CUSRES (iAPI response) reader that shares no code with libs/edifact: it judges the writer there,
 * so it must not borrow a line of it. Written from ISO 9735 (UN/EDIFACT syntax) and the segments this
 * project's answers carry, nothing else:
 *
 *   UNA service string advice (six characters: component, element, decimal mark, release, repetition,
 *   terminator; a space as release means none), else the defaults `:+.? '`. A release character makes
 *   the next character data. Line breaks between segments are not data.
 *   UNB syntax:version+sender+recipient+date:time+control reference++application reference
 *   UNH reference+CUSRES:D:05B:UN:IATA(+common access reference) … UNT segment count+reference
 *   BGM document code; RFF TN (query), RFF AF (flight), DTM 189/232 (times, format 201), LOC 125/87;
 *   per traveller ERP 2, RFF AVF (booking), RFF ABO (traveller), ERC 0Z/1Z/2Z, FTX AAP (reason lines)
 *   UNZ message count+control reference
 *
 * It reads leniently and lists every rule the interchange breaks in `problems`, so a test can demand
 * none.
 */

export interface RawSegment {
  tag: string;
  /** Elements after the tag, each a list of components, released characters already resolved. */
  elements: string[][];
}

export interface IndependentCusres {
  separators: { component: string; element: string; decimal: string; release: string; terminator: string };
  segments: RawSegment[];
  interchange: {
    syntax: string;
    syntaxVersion: string;
    sender: string;
    recipient: string;
    date: string;
    time: string;
    controlRef: string;
    applicationRef: string;
  };
  message: { ref: string; identifier: string; commonAccessRef: string | undefined; documentCode: string };
  queryRef: string | undefined;
  flight: {
    ref: string;
    departure: string | undefined;
    arrival: string | undefined;
    from: string | undefined;
    to: string | undefined;
  };
  travellers: {
    travellerRef: string | undefined;
    reservationRef: string | undefined;
    code: string | undefined;
    directive: 'board' | 'do-not-board' | 'contact-authority' | undefined;
    reason: string | undefined;
  }[];
  problems: string[];
}

/** The iAPI directive codes, as this project's interface documentation lists them. */
const DIRECTIVES: Record<string, 'board' | 'do-not-board' | 'contact-authority'> = {
  '0Z': 'board',
  '1Z': 'do-not-board',
  '2Z': 'contact-authority',
};

/** ISO 9735 level A: upper-case letters, digits, space and this punctuation. */
const LEVEL_A = /^[A-Z0-9 .,\-()/='+:?!"%&*;<>]*$/;

/** Splits an interchange into segments, elements and components, honouring the release character. */
export function splitSegments(text: string): {
  separators: IndependentCusres['separators'];
  segments: RawSegment[];
} {
  let body = text.replace(/^\uFEFF/, '').replace(/^\s+/, '');
  // ISO 9735: without UNA the defaults; with it, its six characters in this order.
  const advice = body.startsWith('UNA') ? body.slice(3, 9) : ":+.? '";
  if (body.startsWith('UNA')) body = body.slice(9);
  const [component = ':', element = '+', decimal = '.', release = '?', , terminator = "'"] = [...advice];
  const separators = { component, element, decimal, release, terminator };
  const segments: RawSegment[] = [];
  let fields: string[][] = [['']];
  let pending = false;
  const push = (ch: string) => {
    const last = fields[fields.length - 1]!;
    last[last.length - 1] += ch;
    pending = true;
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (separators.release !== ' ' && ch === separators.release) {
      if (i + 1 < body.length) push(body[++i]!);
      continue;
    }
    if (ch === separators.terminator) {
      const [tag = [''], ...elements] = fields;
      segments.push({ tag: tag[0]!, elements });
      fields = [['']];
      pending = false;
      continue;
    }
    if (ch === '\n' || ch === '\r') continue;
    if (ch === separators.element) fields.push(['']);
    else if (ch === separators.component) fields[fields.length - 1]!.push('');
    else push(ch);
  }
  if (pending) segments.push({ tag: `${fields[0]![0]}(unterminated)`, elements: fields.slice(1) });
  return { separators, segments };
}

const at = (segment: RawSegment | undefined, element: number, component = 0): string =>
  segment?.elements[element]?.[component] ?? '';

/** Reads one CUSRES interchange as this project writes it; `problems` lists what breaks the rules. */
export function readCusresIndependently(text: string): IndependentCusres {
  const { separators, segments } = splitSegments(text);
  const problems: string[] = [];
  const tags = segments.map((s) => s.tag);
  const unb = segments[0]?.tag === 'UNB' ? segments[0] : undefined;
  if (!unb) problems.push('the interchange does not start with UNB (after UNA)');
  const unz = segments.at(-1)?.tag === 'UNZ' ? segments.at(-1) : undefined;
  if (!unz) problems.push('the interchange does not end with UNZ');
  const unhAt = tags.indexOf('UNH');
  const untAt = tags.indexOf('UNT');
  if (unhAt < 0 || untAt < unhAt) problems.push('no UNH … UNT message');
  if (tags.filter((t) => t === 'UNH').length !== 1) problems.push('not exactly one message');
  const unh = segments[unhAt];
  const unt = segments[untAt];
  const message = segments.slice(unhAt, untAt + 1);

  if (Number(at(unt, 0)) !== message.length)
    problems.push(`UNT counts ${at(unt, 0)} segments, the message has ${message.length}`);
  if (at(unt, 1) !== at(unh, 0)) problems.push('UNT reference differs from UNH');
  if (at(unz, 0) !== '1') problems.push(`UNZ counts ${at(unz, 0)} messages, not 1`);
  if (at(unz, 1) !== at(unb, 4)) problems.push('UNZ control reference differs from UNB');
  const identifier = (unh?.elements[1] ?? []).join(':');
  if (identifier !== 'CUSRES:D:05B:UN:IATA')
    problems.push(`UNH identifies ${identifier}, not CUSRES:D:05B:UN:IATA`);
  const bgm = message.find((s) => s.tag === 'BGM');
  if (!bgm) problems.push('no BGM');

  // Header references, flight times and airports come before the first ERP.
  const firstErp = message.findIndex((s) => s.tag === 'ERP');
  const header = firstErp < 0 ? message : message.slice(0, firstErp);
  const rff = (qualifier: string, within: RawSegment[]) =>
    within.find((s) => s.tag === 'RFF' && at(s, 0, 0) === qualifier);
  const dtm = (qualifier: string) => {
    const s = header.find((x) => x.tag === 'DTM' && at(x, 0, 0) === qualifier);
    if (s && at(s, 0, 2) !== '201') problems.push(`DTM ${qualifier} is in format ${at(s, 0, 2)}, not 201`);
    if (s && !/^\d{10}$/.test(at(s, 0, 1))) problems.push(`DTM ${qualifier} is not YYMMDDHHMM`);
    return s ? at(s, 0, 1) : undefined;
  };
  const loc = (qualifier: string) => {
    const s = header.find((x) => x.tag === 'LOC' && at(x, 0) === qualifier);
    return s ? at(s, 1) : undefined;
  };
  const flightRef = rff('AF', header);
  if (!flightRef) problems.push('no flight reference (RFF AF)');

  // Each traveller: from its ERP to the next ERP or UNT.
  const travellers: IndependentCusres['travellers'] = [];
  if (firstErp >= 0) {
    let group: RawSegment[] = [];
    const close = () => {
      if (group.length === 0) return;
      if (at(group[0], 0) !== '2') problems.push(`ERP ${at(group[0], 0)} is not a traveller (2)`);
      const ercs = group.filter((s) => s.tag === 'ERC');
      if (ercs.length !== 1) problems.push(`a traveller has ${ercs.length} ERC segments`);
      const code = ercs[0] ? at(ercs[0], 0) : undefined;
      if (code !== undefined && !(code in DIRECTIVES)) problems.push(`ERC ${code} is no directive`);
      const ftx = group.filter((s) => s.tag === 'FTX');
      for (const f of ftx) if (at(f, 0) !== 'AAP') problems.push(`FTX ${at(f, 0)} is not the reason (AAP)`);
      const abo = rff('ABO', group);
      if (!abo) problems.push('a traveller without RFF ABO');
      travellers.push({
        travellerRef: abo ? at(abo, 0, 1) : undefined,
        reservationRef: rff('AVF', group) ? at(rff('AVF', group), 0, 1) : undefined,
        code,
        directive: code === undefined ? undefined : DIRECTIVES[code],
        reason: ftx.length ? ftx.map((f) => (f.elements[3] ?? []).join('')).join('') : undefined,
      });
      group = [];
    };
    for (const s of message.slice(firstErp, -1)) {
      if (s.tag === 'ERP') close();
      group.push(s);
    }
    close();
  }

  const syntax = at(unb, 0, 0);
  if (syntax === 'UNOA' && !message.every((s) => segmentText(s).every((v) => LEVEL_A.test(v))))
    problems.push('UNB declares UNOA but the message holds characters beyond level A');
  return {
    separators,
    segments,
    interchange: {
      syntax,
      syntaxVersion: at(unb, 0, 1),
      sender: at(unb, 1),
      recipient: at(unb, 2),
      date: at(unb, 3, 0),
      time: at(unb, 3, 1),
      controlRef: at(unb, 4),
      applicationRef: at(unb, 6),
    },
    message: {
      ref: at(unh, 0),
      identifier,
      commonAccessRef: unh?.elements[2] ? at(unh, 2) : undefined,
      documentCode: at(bgm, 0),
    },
    queryRef: rff('TN', header) ? at(rff('TN', header), 0, 1) : undefined,
    flight: {
      ref: flightRef ? at(flightRef, 0, 1) : '',
      departure: dtm('189'),
      arrival: dtm('232'),
      from: loc('125'),
      to: loc('87'),
    },
    travellers,
    problems,
  };
}

const segmentText = (s: RawSegment): string[] => [s.tag, ...s.elements.flat()];

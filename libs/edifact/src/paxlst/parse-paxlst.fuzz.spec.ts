import fc from 'fast-check';
import {
  applyAll,
  betweenArb,
  defectProblem,
  expectSame,
  fuzz,
  junkArb,
  mutationsArb,
  printFuzzFigures,
  someSeparatorsArb,
} from '../../test/fuzz.js';
import {
  type ModelTraveller,
  expectedTraveller,
  messageSegments,
  segmentEditsArb,
  travellerArb,
  writePaxlst,
} from '../../test/fuzz-paxlst.js';
import { type PaxlstResult, parsePaxlst, readEdifact } from '../index.js';

// Property-based tests of the PAXLST mapper (ADR 0006): a manifest written with any separators reads
// back traveller for traveller with no defect; whatever arrives instead — random text, garbled bytes,
// segments lost, repeated, moved or filled with nonsense — nothing throws, every defect has a code, a
// message and a segment that exists, and every traveller that cannot be screened says why.

// Runs per property: 10,000 of random text and 16,000 structure-aware (round trips and edits of valid
// manifests), a few seconds in all on the CI machine.
const RUNS = { junk: 10_000, roundTrip: 5_000, edits: 5_000, garbled: 5_000, count: 1_000 };
const travellersArb = fc.array(travellerArb, { minLength: 1, maxLength: 3 });

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

/** Whether `value` is a real calendar date (and time) that any database can store: year 0001–9999. */
function isRealDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [year, month, day, hour = 0, minute = 0] = m.slice(1).map((v) => Number(v ?? 0));
  const date = new Date(0);
  date.setUTCFullYear(year!, month! - 1, day!);
  return (
    year! >= 1 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month! - 1 &&
    date.getUTCDate() === day &&
    hour! <= 23 &&
    minute! <= 59
  );
}

/** What holds for the result of any text; every violation listed, so a failure says which. */
function expectConsistent(text: string, result: PaxlstResult): void {
  const problems: string[] = [];
  const tags = new Map(readEdifact(text).segments.map((s) => [s.index, s.tag]));
  for (const error of result.errors) {
    const problem = defectProblem(error, tags);
    if (problem !== '') problems.push(problem);
  }
  const travellers = result.messages.flatMap((m) => m.travellers);
  const indexes = new Set(travellers.map((t) => t.index));
  if (indexes.size !== travellers.length) problems.push('two travellers share an index');
  for (const error of result.errors) {
    if (error.travellerIndex !== undefined && !indexes.has(error.travellerIndex))
      problems.push(`a defect names traveller ${error.travellerIndex}, who does not exist`);
  }
  const listed = new Set(result.errors);
  for (const traveller of travellers) {
    for (const error of traveller.errors) {
      if (error.travellerIndex !== traveller.index)
        problems.push(`traveller ${traveller.index}: a defect of another`);
      if (!listed.has(error)) problems.push(`traveller ${traveller.index}: a defect missing from errors`);
    }
    if (
      !traveller.readable &&
      !traveller.errors.some((e) => e.code === 'unreadable-traveller' && e.severity === 'error')
    )
      problems.push(`traveller ${traveller.index} is unreadable without saying why`);
    if (traveller.readable && (traveller.surname === '' || traveller.role === 'unknown'))
      problems.push(`traveller ${traveller.index} is readable without a surname or role`);
    for (const document of traveller.documents)
      if (document.number === '') problems.push('a document without a number');
    const dates = [traveller.birthDate, ...traveller.documents.flatMap((d) => [d.expiryDate, d.issueDate])];
    for (const date of dates) if (date !== undefined && !isRealDate(date)) problems.push(`date ${date}`);
  }
  for (const leg of result.messages.flatMap((m) => m.flights.flatMap((f) => f.legs))) {
    for (const time of [leg.scheduledDepartureLocal, leg.scheduledArrivalLocal])
      if (time !== undefined && !isRealDate(time)) problems.push(`flight time ${time}`);
  }
  const { summary } = result;
  const readable = travellers.filter((t) => t.readable).length;
  const expected = {
    messages: result.messages.length,
    travellers: travellers.length,
    readable,
    unreadable: travellers.length - readable,
    errors: result.errors.filter((e) => e.severity === 'error').length,
    warnings: result.errors.filter((e) => e.severity === 'warning').length,
  };
  if (JSON.stringify(summary) !== JSON.stringify(expected))
    problems.push(`summary ${JSON.stringify(summary)}`);
  expectSame(problems, []);
}

const write = (
  travellers: ModelTraveller[],
  separators: Parameters<typeof writePaxlst>[1],
  between: string,
) => writePaxlst(messageSegments(travellers), separators, between);

afterAll(printFuzzFigures);

describe('parsePaxlst, fuzzed', () => {
  it('reads back every traveller of a manifest written with any separators, with no defect', () => {
    fuzz(
      'PAXLST mapper: round trip',
      fc.property(travellersArb, someSeparatorsArb, betweenArb, (travellers, separators, between) => {
        const result = parsePaxlst(write(travellers, separators, between));
        expectSame(result.errors, []);
        const read = result.messages.flatMap((m) => m.travellers);
        expectSame(
          read.map((t) => ({
            index: t.index,
            role: t.role,
            roleCode: t.roleCode,
            surname: t.surname,
            givenNames: t.givenNames,
            birthDate: t.birthDate,
            sex: t.sex,
            nationality: t.nationality,
            references: t.references,
            reservationRefs: t.reservationRefs,
            documents: t.documents.map((d) => ({
              type: d.type,
              number: d.number,
              issuingState: d.issuingState,
              expiryDate: d.expiryDate,
            })),
            readable: t.readable,
          })),
          travellers.map((t, i) => expectedTraveller(t, i + 1)),
        );
        expect(result.messages[0]!.declaredCount).toBe(travellers.length);
      }),
      RUNS.roundTrip,
    );
  });

  it('never throws on random text, and accounts for every defect and traveller', () => {
    fuzz(
      'PAXLST mapper: random text',
      fc.property(junkArb, (text) => expectConsistent(text, parsePaxlst(text))),
      RUNS.junk,
    );
  });

  it('never throws on manifests with segments lost, repeated, moved or filled with nonsense', () => {
    fuzz(
      'PAXLST mapper: segment edits',
      fc.property(travellersArb, someSeparatorsArb, segmentEditsArb, (travellers, separators, edits) => {
        const segments = edits.reduce((s, edit) => edit(s), messageSegments(travellers));
        const text = writePaxlst(segments, separators, '\n');
        expectConsistent(text, parsePaxlst(text));
      }),
      RUNS.edits,
    );
  });

  it('never throws on garbled manifest text, and accounts for every defect and traveller', () => {
    fuzz(
      'PAXLST mapper: garbled text',
      fc.property(
        travellersArb,
        someSeparatorsArb,
        betweenArb,
        mutationsArb,
        (travellers, separators, between, mutations) => {
          const text = applyAll(write(travellers, separators, between), mutations);
          expectConsistent(text, parsePaxlst(text));
        },
      ),
      RUNS.garbled,
    );
  });

  it('reports a CNT total that disagrees with the travellers sent, as an error on CNT', () => {
    fuzz(
      'PAXLST mapper: wrong CNT',
      fc.property(travellersArb, fc.integer({ min: 0, max: 10_000 }), (travellers, declared) => {
        fc.pre(declared !== travellers.length);
        const segments = messageSegments(travellers).map((s) =>
          s.tag === 'CNT' ? { ...s, elements: [['42', String(declared)]] } : s,
        );
        const result = parsePaxlst(
          writePaxlst(
            segments,
            { component: ':', element: '+', decimal: '.', release: '?', repetition: ' ', terminator: "'" },
            '',
          ),
        );
        expectSame(
          result.errors.map((e) => [e.tag, e.code, e.severity]),
          [['CNT', 'count-mismatch', 'error']],
        );
        expect(result.summary.readable).toBe(travellers.length);
      }),
      RUNS.count,
    );
  });
});

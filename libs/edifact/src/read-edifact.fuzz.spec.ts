import fc from 'fast-check';
import {
  type ModelSegment,
  applyAll,
  betweenArb,
  defectProblem,
  expectSame,
  fuzz,
  junkArb,
  mutationsArb,
  printFuzzFigures,
  segmentArb,
  separatorsArb,
  someSeparatorsArb,
  unbSegment,
  unaOf,
  unzSegment,
  writeInterchange,
  writeSegment,
} from '../test/fuzz.js';
import { type EdifactInterchange, readEdifact } from './index.js';

// Property-based tests of the reader (ADR 0006): whatever text arrives, nothing throws, every defect
// names a known code, a message and a segment that exists; and an interchange written with any
// separators a UNA may declare reads back segment for segment, however it was wrapped.

// Runs per property: 10,000 of random text and 28,000 structure-aware (round trips and edits of valid
// interchanges), a few seconds in all on the CI machine.
const RUNS = { roundTrip: 10_000, wrapped: 5_000, characterSet: 3_000, junk: 10_000, garbled: 10_000 };

/** Tag and elements of each segment after UNA, as the model writes them. */
const read = (reading: EdifactInterchange): ModelSegment[] =>
  reading.segments.filter((s) => s.tag !== 'UNA').map((s) => ({ tag: s.tag, elements: s.elements }));

/** What holds for any text at all; every violation listed, so a failure says which. */
function expectWellFormed(text: string, reading: EdifactInterchange): void {
  const problems: string[] = [];
  let previous = -1;
  reading.segments.forEach((segment, i) => {
    if (segment.index !== i + 1) problems.push(`segment ${i + 1} numbered ${segment.index}`);
    if (segment.offset < previous || segment.offset >= text.length)
      problems.push(`segment ${segment.index} at offset ${segment.offset}`);
    if (segment.tag !== segment.tag.trim().toUpperCase()) problems.push(`tag ${JSON.stringify(segment.tag)}`);
    previous = segment.offset;
  });
  const tags = new Map(reading.segments.map((s) => [s.index, s.tag]));
  for (const error of reading.errors) {
    const problem = defectProblem(error, tags);
    if (problem !== '') problems.push(problem);
  }
  if (reading.segments.length === 0 && reading.errors.length === 0) problems.push('nothing read, no defect');
  expectSame(problems, []);
}

const bodyArb = fc.array(segmentArb, { maxLength: 12 });

afterAll(printFuzzFigures);

describe('readEdifact, fuzzed', () => {
  it('reads back every segment written with any separators a UNA may declare', () => {
    fuzz(
      'reader: round trip',
      fc.property(bodyArb, separatorsArb, betweenArb, (body, separators, between) => {
        const reading = readEdifact(writeInterchange(body, separators, between));
        expectSame(reading.errors, []);
        expect(reading.separators).toEqual(separators);
        expectSame(read(reading), [unbSegment(), ...body, unzSegment]);
      }),
      RUNS.roundTrip,
    );
  });

  it('reads the same segments however a mail or telex gateway wrapped the lines, with control bytes in them', () => {
    fuzz(
      'reader: wrapped and control bytes',
      fc.property(
        bodyArb,
        someSeparatorsArb,
        fc.integer({ min: 1, max: 80 }),
        fc.constantFrom('\r\n', '\n', '\r', '\u0002', '\u0003\r\n\u0001'),
        (body, separators, width, breaker) => {
          // UNA and UNB stay as they are: the reader takes their characters by position.
          const head = unaOf(separators) + writeSegment(unbSegment(), separators);
          const rest = [...body, unzSegment].map((s) => writeSegment(s, separators)).join('');
          const wrapped = rest.match(new RegExp(`[^]{1,${width}}`, 'g'))!.join(breaker);
          const reading = readEdifact(head + wrapped);
          expectSame(read(reading), [unbSegment(), ...body, unzSegment]);
          const expected = [...breaker].some((c) => c !== '\r' && c !== '\n') && rest.length > width;
          expectSame(
            reading.errors.map((e) => e.code),
            expected ? ['control-characters'] : [],
          );
        },
      ),
      RUNS.wrapped,
    );
  });

  it('flags characters beyond Latin-1 in a UNOA interchange, and only those', () => {
    fuzz(
      'reader: character set',
      fc.property(bodyArb, separatorsArb, (body, separators) => {
        const reading = readEdifact(writeInterchange(body, separators, '', 'UNOA'));
        const beyond = body.some((s) =>
          s.elements.flat().some((c) => [...c].some((ch) => ch.codePointAt(0)! > 0xff)),
        );
        expectSame(
          reading.errors.map((e) => e.code),
          beyond ? ['unexpected-character'] : [],
        );
        expectSame(read(reading), [unbSegment('UNOA'), ...body, unzSegment]);
      }),
      RUNS.characterSet,
    );
  });

  it('never throws on random text, and gives every defect a code, a message and a segment', () => {
    fuzz(
      'reader: random text',
      fc.property(junkArb, (text) => expectWellFormed(text, readEdifact(text))),
      RUNS.junk,
    );
  });

  it('never throws on garbled interchanges, and gives every defect a code, a message and a segment', () => {
    fuzz(
      'reader: mutated interchanges',
      fc.property(
        bodyArb,
        someSeparatorsArb,
        betweenArb,
        mutationsArb,
        (body, separators, between, mutations) => {
          const text = applyAll(writeInterchange(body, separators, between), mutations);
          expectWellFormed(text, readEdifact(text));
        },
      ),
      RUNS.garbled,
    );
  });
});

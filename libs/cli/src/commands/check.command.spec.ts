import { writeCusres } from '@docscreen/edifact';
import { EXIT } from '../exit-codes.js';
import { answerFromCusres, answerFromJson, answerLines, checkExitCode } from './check.command.js';

const json = (directives: unknown[], answeredBy = 'screening') => ({
  submissionId: 'S1',
  flightKey: 'LA532/2020-01-19',
  answeredBy,
  directives,
});

const cusres = (directives: ('board' | 'do-not-board' | 'contact-authority')[]) =>
  writeCusres({
    sender: 'DOCSCREEN',
    recipient: 'LA',
    interchangeRef: '1',
    messageRef: '1',
    preparedAt: new Date('2020-01-19T20:00:00Z'),
    flight: {
      carrierCode: 'LA',
      flightNumber: '532',
      departureAirport: 'SCL',
      arrivalAirport: 'JFK',
      scheduledDepartureLocal: '2020-01-19T23:00',
    },
    travellers: directives.map((directive, i) => ({
      travellerRef: `P${i + 1}`,
      directive,
      reason: `R${i + 1}`,
    })),
  });

describe('docscreen check: the answer', () => {
  it.each([
    ['every traveller may board', ['board', 'board'], EXIT.OK],
    ['one may not board', ['board', 'do-not-board'], EXIT.INVALID],
    ['one must wait for the authority', ['contact-authority', 'board'], EXIT.INVALID],
  ] as const)('JSON: exits %s → %i', (_what, directives, code) => {
    const answer = answerFromJson(
      json(
        directives.map((directive, i) => ({
          travellerRef: `P${i + 1}`,
          directive,
          reason: '',
          screeningId: 's',
        })),
      ),
    );
    expect(answer.problems).toEqual([]);
    expect(checkExitCode(answer)).toBe(code);
  });

  it.each([
    ['every traveller may board', ['board', 'board'], EXIT.OK],
    ['one may not board', ['do-not-board', 'board'], EXIT.INVALID],
    ['one must wait for the authority', ['board', 'contact-authority'], EXIT.INVALID],
  ] as const)('CUSRES: exits %s → %i', (_what, directives, code) => {
    const answer = answerFromCusres(cusres([...directives]));
    expect(answer.directives.map((d) => [d.travellerRef, d.directive, d.reason])).toEqual(
      directives.map((d, i) => [`P${i + 1}`, d, `R${i + 1}`]),
    );
    expect(checkExitCode(answer)).toBe(code);
  });

  it('prints one line per traveller: reference, directive, reason', () => {
    const answer = answerFromJson(
      json([
        { travellerRef: 'P1', directive: 'board', reason: '', screeningId: 's1' },
        {
          travellerRef: 'P2',
          directive: 'do-not-board',
          reason: 'document reported stolen',
          screeningId: 's2',
        },
      ]),
    );
    expect(answerLines(answer).split('\n')).toEqual([
      'P1        board',
      'P2        do-not-board       document reported stolen',
      '',
    ]);
  });

  it('says when the answer is the safe default', () => {
    const answer = answerFromJson(
      json(
        [{ travellerRef: 'P1', directive: 'contact-authority', reason: 'timeout', screeningId: null }],
        'safe-default',
      ),
    );
    expect(answerLines(answer)).toContain('answered by the safe default');
    expect(checkExitCode(answer)).toBe(EXIT.INVALID);
  });

  it('reads a directive it does not know as contact-authority, never board', () => {
    const answer = answerFromJson(json([{ travellerRef: 'P1', directive: 'wave-through', reason: '' }]));
    expect(answer.directives[0]).toMatchObject({ directive: 'contact-authority' });
    expect(checkExitCode(answer)).toBe(EXIT.INVALID);
  });

  it.each([
    ['an answer without directives', answerFromJson({ flightKey: 'X' })],
    ['an answer with an empty directives list', answerFromJson(json([]))],
    ['a directive without a traveller', answerFromJson(json([{ directive: 'board' }]))],
    ['a CUSRES whose UNT count is wrong', answerFromCusres(cusres(['board']).replace(/UNT\+\d+/, 'UNT+99'))],
    ['a CUSRES without any traveller', answerFromCusres(cusres([]))],
    ['text that is no CUSRES', answerFromCusres('<html>bad gateway</html>')],
  ])('clears no one on %s', (_what, answer) => {
    expect(checkExitCode(answer)).toBe(EXIT.INVALID);
  });

  it('names the flight of a CUSRES answer by its flight key', () => {
    expect(answerFromCusres(cusres(['board'])).flightKey).toBe('LA532/2020-01-19');
  });
});

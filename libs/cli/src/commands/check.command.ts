import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { readCusres } from '@docscreen/edifact';
import { EXIT } from '../exit-codes.js';
import { callGateway, DEFAULT_GATEWAY, GatewayError } from './gateway-client.js';

export const DIRECTIVES = ['board', 'do-not-board', 'contact-authority'] as const;
export type Directive = (typeof DIRECTIVES)[number];

export interface CheckedTraveller {
  travellerRef: string;
  directive: Directive;
  reason: string;
  /** The screening behind a JSON answer's directive; null for the safe default. */
  screeningId?: string | null;
  /** The ERC code of a CUSRES answer (`0Z`, `1Z`, `2Z`, or one we do not know). */
  code?: string;
}

/** The gateway's answer, the same whether it came as JSON or as a CUSRES. */
export interface CheckAnswer {
  format: 'json' | 'cusres';
  submissionId?: string | null;
  flightKey?: string;
  /** `screening`, or `safe-default` when screening did not answer in time (JSON answers only). */
  answeredBy?: string;
  directives: CheckedTraveller[];
  /** Statuses about the whole query (CUSRES ERP 1), shown as they are. */
  notes: string[];
  /** Why the answer cannot be taken as it stands; any problem means no one is cleared to board. */
  problems: string[];
}

const isDirective = (value: unknown): value is Directive =>
  (DIRECTIVES as readonly unknown[]).includes(value);

/** Reads the JSON answer defensively: a directive we do not know is contact-authority, never board. */
export function answerFromJson(body: unknown): CheckAnswer {
  const answer = (body ?? {}) as Record<string, unknown>;
  const submissionId = answer['submissionId'];
  const result: CheckAnswer = {
    format: 'json',
    ...(typeof submissionId === 'string' || submissionId === null ? { submissionId } : {}),
    ...(typeof answer['flightKey'] === 'string' ? { flightKey: answer['flightKey'] } : {}),
    ...(typeof answer['answeredBy'] === 'string' ? { answeredBy: answer['answeredBy'] } : {}),
    directives: [],
    notes: [],
    problems: [],
  };
  if (!Array.isArray(answer['directives'])) {
    result.problems.push('the answer has no directives list');
    return result;
  }
  for (const [index, raw] of answer['directives'].entries()) {
    const entry = (raw ?? {}) as Record<string, unknown>;
    const travellerRef = typeof entry['travellerRef'] === 'string' ? entry['travellerRef'] : '';
    if (travellerRef === '') result.problems.push(`directive ${index + 1} names no traveller`);
    const reason = typeof entry['reason'] === 'string' ? entry['reason'] : '';
    const known = isDirective(entry['directive']);
    result.directives.push({
      travellerRef: travellerRef || `#${index + 1}`,
      directive: known ? (entry['directive'] as Directive) : 'contact-authority',
      reason: known ? reason : `unknown directive ${JSON.stringify(entry['directive'])}; ${reason}`.trim(),
      screeningId: typeof entry['screeningId'] === 'string' ? entry['screeningId'] : null,
    });
  }
  return result;
}

/** Reads a CUSRES answer with the EDIFACT library; a damaged message clears no one. */
export function answerFromCusres(text: string): CheckAnswer {
  const reading = readCusres(text);
  const flight = reading.ok ? reading.flight : undefined;
  const result: CheckAnswer = {
    format: 'cusres',
    // The same key as a JSON answer's, from what the CUSRES says of the flight.
    ...(flight?.scheduledDepartureLocal
      ? {
          flightKey: `${flight.carrierCode}${flight.flightNumber}/${flight.scheduledDepartureLocal.slice(0, 10)}`,
        }
      : {}),
    directives: [],
    notes: [],
    problems: [],
  };
  if (!reading.ok) {
    result.problems.push(
      ...reading.errors
        .filter((e) => e.severity === 'error')
        .map((e) => `CUSRES segment ${e.segment}${e.tag ? ` (${e.tag})` : ''}: ${e.message}`),
    );
    return result;
  }
  result.notes = reading.messageStatus.map(
    (s) => `message status ${s.code}${s.reason ? `: ${s.reason}` : ''}`,
  );
  result.directives = reading.travellers.map((t) => ({
    travellerRef: t.travellerRef,
    directive: t.directive,
    reason: t.reason ?? '',
    code: t.code,
  }));
  return result;
}

/** 0 only when every traveller may board and the answer is whole; 1 otherwise (fail closed). */
export function checkExitCode(answer: CheckAnswer): number {
  const cleared =
    answer.problems.length === 0 &&
    answer.directives.length > 0 &&
    answer.directives.every((d) => d.directive === 'board');
  return cleared ? EXIT.OK : EXIT.INVALID;
}

/** One line per traveller — reference, directive, reason — then what the reader should know. */
export function answerLines(answer: CheckAnswer): string {
  const width = Math.max(8, ...answer.directives.map((d) => d.travellerRef.length));
  const lines = answer.directives.map((d) =>
    `${d.travellerRef.padEnd(width)}  ${d.directive.padEnd(17)}  ${d.reason}`.trimEnd(),
  );
  if (answer.answeredBy === 'safe-default')
    lines.push('answered by the safe default: screening did not answer in time');
  lines.push(...answer.notes);
  if (answer.directives.length === 0 && answer.problems.length === 0)
    lines.push('the answer holds no directive');
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

interface CheckOptions {
  carrier: string;
  file: string;
  url: string;
  apiKey?: string;
  json?: boolean;
}

/**
 * `docscreen check`: what a check-in system does — ask the interactive API whether these travellers
 * may board. The HTTP part stays thin; reading and judging the answer are the functions above.
 */
export function registerCheckCommand(program: Command): void {
  program
    .command('check')
    .description(
      'Ask the interactive API (iAPI) whether travellers may board; exit 0 all board, 1 any not, 2 unusable input',
    )
    .requiredOption('--carrier <iata>', 'the asking carrier; picks its key from DOCSCREEN_API_KEY_<IATA>')
    .requiredOption('--file <file>', 'the travellers: a JSON manifest (.json) or an interactive PAXLST')
    .option('--url <url>', 'carrier gateway base URL (env DOCSCREEN_GATEWAY_URL)', DEFAULT_GATEWAY)
    .option(
      '--api-key <key>',
      'the carrier’s API key (default: DOCSCREEN_API_KEY_<IATA>, then DOCSCREEN_API_KEY)',
    )
    .option('--json', 'print the answer as JSON')
    .action(async (options: CheckOptions) => {
      const carrier = options.carrier.toUpperCase();
      const key =
        options.apiKey ?? process.env[`DOCSCREEN_API_KEY_${carrier}`] ?? process.env['DOCSCREEN_API_KEY'];
      if (!key) return unusable(`give --api-key <key> or set DOCSCREEN_API_KEY_${carrier}`);
      let body: Buffer;
      try {
        body = readFileSync(options.file);
      } catch (error) {
        return unusable(`cannot read ${options.file}: ${(error as Error).message}`);
      }
      const json = options.file.toLowerCase().endsWith('.json');
      if (json && !parsesAsJson(body)) return unusable(`${options.file} is not JSON`);

      let answer: CheckAnswer;
      try {
        const response = await callGateway(`${options.url}/v1/interactive`, {
          method: 'POST',
          token: key,
          body,
          contentType: json ? 'application/json' : 'application/edifact',
        });
        const edifact = /edifact/i.test(response.headers.get('content-type') ?? '');
        answer =
          edifact || typeof response.body === 'string'
            ? answerFromCusres(String(response.body))
            : answerFromJson(response.body);
      } catch (error) {
        if (error instanceof GatewayError) {
          process.stderr.write(`docscreen check: ${error.message}\n`);
          // The gateway could not use what was sent: the input's fault. Anything else clears no one.
          process.exitCode = [400, 413, 415, 422].includes(error.status) ? EXIT.UNUSABLE : EXIT.INVALID;
          return;
        }
        throw new Error(`cannot reach the carrier gateway at ${options.url}: ${(error as Error).message}`);
      }
      process.stdout.write(options.json ? `${JSON.stringify(answer, null, 2)}\n` : answerLines(answer));
      for (const problem of answer.problems) process.stderr.write(`docscreen check: ${problem}\n`);
      process.exitCode = checkExitCode(answer);
    });
}

function parsesAsJson(body: Buffer): boolean {
  try {
    JSON.parse(body.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

function unusable(message: string): void {
  process.stderr.write(`docscreen check: ${message}\n`);
  process.exitCode = EXIT.UNUSABLE;
}

import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { type PaxlstResult, decodeEdifact, parsePaxlst } from '@docscreen/edifact';
import { EXIT } from '../exit-codes.js';

/**
 * 0 when every traveller was read, 1 when some were not, 2 when nothing could be read: no PAXLST
 * message at all, or travellers of which none is readable.
 */
export function paxlstExitCode(result: PaxlstResult): number {
  const { messages, travellers, unreadable } = result.summary;
  if (messages === 0 || (travellers > 0 && unreadable === travellers)) return EXIT.UNUSABLE;
  return unreadable > 0 ? EXIT.INVALID : EXIT.OK;
}

export function registerPaxlstCommand(program: Command): void {
  const paxlst = program
    .command('paxlst')
    .description('UN/EDIFACT PAXLST passenger and crew lists (D02B, D05B, D12B, legacy US 001:000)');

  paxlst
    .command('parse')
    .description('Read a PAXLST interchange and print the manifest and every defect as JSON')
    .argument('<file>', 'the EDIFACT file (UTF-8, ASCII or Windows-1252; telex envelopes are fine)')
    .option('--compact', 'one line of JSON instead of indented')
    .addHelpText(
      'after',
      `
Prints JSON { separators, interchange, messages[]: { flights[], travellers[]: { surname, givenNames,
birthDate, sex, nationality, role, documents[]: { type, number, issuingState, expiryDate }, readable,
errors[] }, declaredCount }, errors[]: { segment, tag, element, message, severity }, summary }.
Segment numbers count from 1, UNA included, so they are line numbers in a one-segment-per-line file.
Exit codes: 0 every traveller read, 1 some travellers unreadable, 2 nothing readable or not a file.

Example:
  docscreen paxlst parse manifest.edi`,
    )
    .action(async (file: string, options: { compact?: boolean }) => {
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        process.stdout.write(`${JSON.stringify({ error: `cannot read ${file}: ${reason}` }, null, 2)}\n`);
        process.exitCode = EXIT.UNUSABLE;
        return;
      }
      const result = parsePaxlst(decodeEdifact(bytes));
      process.stdout.write(`${JSON.stringify(result, null, options.compact ? undefined : 2)}\n`);
      process.exitCode = paxlstExitCode(result);
    });
}

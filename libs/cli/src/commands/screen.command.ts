import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Screening } from '@docscreen/screening-rules';
import { EXIT } from '../exit-codes.js';
import { adminToken, callGateway } from './gateway-client.js';
import { subjectsOf, UnusableManifestError } from './screen-subjects.js';

const DEFAULT_SCREENING = process.env['DOCSCREEN_SCREENING_URL'] ?? 'http://127.0.0.1:3001';

/**
 * `docscreen screen <file>`: screens a manifest with the same rules (libs/screening-rules), the same
 * lost/stolen index and the same reference data as the running service — by asking it for a dry run,
 * which stores and publishes nothing. Exit 0 all clear, 1 any traveller not clear (hit, or
 * inconclusive: never "clear" by default), 2 unusable input.
 */
export function registerScreenCommand(program: Command): void {
  program
    .command('screen')
    .description(
      'Screen a manifest (PAXLST or JSON) with the rules in force; exit 0 all clear, 1 otherwise, 2 unusable input',
    )
    .argument('<file>', 'a PAXLST message or a JSON manifest')
    .option('--json', 'one JSON object per traveller instead of a table')
    .option('--screening <url>', 'screening service base URL', DEFAULT_SCREENING)
    .option(
      '--token <token>',
      'operator token (default: DOCSCREEN_ADMIN_TOKEN or the local stack’s .run/admin-token)',
    )
    .action(async (file: string, options: { json?: boolean; screening: string; token?: string }) => {
      let subjects;
      try {
        subjects = subjectsOf(readFileSync(file, 'utf8'));
      } catch (error) {
        if (!(error instanceof UnusableManifestError) && (error as NodeJS.ErrnoException).code !== 'ENOENT')
          throw error;
        process.stderr.write(`docscreen screen: ${(error as Error).message}\n`);
        process.exitCode = EXIT.UNUSABLE;
        return;
      }
      const { body } = await callGateway(`${options.screening}/v1/admin/screenings`, {
        method: 'POST',
        token: adminToken(options.token),
        contentType: 'application/json',
        body: JSON.stringify({ travellers: subjects.map((s) => s.subject) }),
      });
      const { results, ruleSetVersion } = body as { results: Screening[]; ruleSetVersion: string };
      results.forEach((result, i) => {
        const ref = subjects[i]!.ref;
        const rules = [...new Set(result.hits.map((h) => h.rule ?? h.code))];
        if (options.json)
          process.stdout.write(
            `${JSON.stringify({
              traveller: ref,
              outcome: result.outcome,
              recommendedAction: result.recommendedAction,
              severity: result.severity ?? null,
              rules,
              reasons: result.hits.map((h) => ({
                rule: h.rule ?? h.code,
                message: h.message,
                field: h.field ?? null,
              })),
              ruleSetVersion,
            })}\n`,
          );
        else {
          process.stdout.write(
            `${ref.padEnd(8)} ${result.outcome.padEnd(13)} ${result.recommendedAction.padEnd(18)} ${rules.join(', ')}\n`,
          );
          for (const hit of result.hits)
            process.stdout.write(`         - ${hit.rule ?? hit.code}: ${hit.message}\n`);
          const unsure = result.checks.filter(
            (c) => c.outcome === 'no-reference-data' || c.outcome === 'error',
          );
          for (const check of unsure) process.stdout.write(`         - ${check.check}: ${check.outcome}\n`);
        }
      });
      if (!options.json) process.stdout.write(`rule set ${ruleSetVersion}\n`);
      process.exitCode = results.every((r) => r.outcome === 'clear') ? EXIT.OK : EXIT.INVALID;
    });
}

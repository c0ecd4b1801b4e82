import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { EXIT } from '../exit-codes.js';
import { callGateway, DEFAULT_GATEWAY, GatewayError } from './gateway-client.js';

/** `docscreen submit <file>`: what a carrier's system does — send a manifest, print the receipt. */
export function registerSubmitCommand(program: Command): void {
  program
    .command('submit')
    .description('Send a manifest (PAXLST or JSON) to the carrier gateway and print the receipt')
    .argument('<file>', 'a PAXLST message (.edi, .txt) or a JSON manifest (.json)')
    .requiredOption('--carrier <iata>', 'the submitting carrier; picks its key from DOCSCREEN_API_KEY_<IATA>')
    .option(
      '--key <api-key>',
      'the carrier’s API key (default: DOCSCREEN_API_KEY_<IATA>, then DOCSCREEN_API_KEY)',
    )
    .option('--gateway <url>', 'carrier gateway base URL', DEFAULT_GATEWAY)
    .option(
      '--idempotency-key <key>',
      'resubmissions with the same key are answered with the original receipt',
    )
    .action(
      async (
        file: string,
        options: { carrier: string; key?: string; gateway: string; idempotencyKey?: string },
      ) => {
        // An operator submitting for several carriers keeps one variable per carrier.
        const carrier = options.carrier.toUpperCase();
        const key =
          options.key ?? process.env[`DOCSCREEN_API_KEY_${carrier}`] ?? process.env['DOCSCREEN_API_KEY'];
        if (!key) {
          process.stderr.write(
            `docscreen submit: give --key <api-key> or set DOCSCREEN_API_KEY_${carrier}\n`,
          );
          process.exitCode = EXIT.UNUSABLE;
          return;
        }
        const body = readFileSync(file);
        const json =
          file.endsWith('.json') || body.subarray(0, 64).toString('utf8').trimStart().startsWith('{');
        try {
          const result = await callGateway(`${options.gateway}/v1/manifests`, {
            method: 'POST',
            token: key,
            body,
            contentType: json ? 'application/json' : 'application/edifact',
            headers: options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {},
          });
          process.stdout.write(`${JSON.stringify(result.body, null, 2)}\n`);
          const rejected = (result.body as { rejected?: unknown[] }).rejected ?? [];
          process.exitCode = rejected.length > 0 ? EXIT.INVALID : EXIT.OK;
        } catch (error) {
          if (!(error instanceof GatewayError)) throw error;
          process.stdout.write(
            `${JSON.stringify({ status: error.status, ...(error.body as object) }, null, 2)}\n`,
          );
          process.exitCode = error.status === 400 ? EXIT.UNUSABLE : EXIT.INVALID;
        }
      },
    );
}

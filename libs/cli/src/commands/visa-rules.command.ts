import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { adminToken, callGateway } from './gateway-client.js';

const DEFAULT_SCREENING = process.env['DOCSCREEN_SCREENING_URL'] ?? 'http://127.0.0.1:3001';

/** `docscreen visa-rules import <file>`: a state's visa requirement matrix, as a new version in force. */
export function registerVisaRulesCommand(program: Command): void {
  const visaRules = program
    .command('visa-rules')
    .description('Visa requirement reference data used by screening (versioned)')
    .option('--screening <url>', 'screening service base URL', DEFAULT_SCREENING)
    .option(
      '--token <token>',
      'operator token (default: DOCSCREEN_ADMIN_TOKEN or the local stack’s .run/admin-token)',
    );

  visaRules
    .command('import')
    .description(
      'Import a passport-index CSV (tidy ISO-3/ISO-2 or matrix) as a new version and put it in force',
    )
    .argument('<file>', 'the CSV file')
    .option('--version <version>', 'version name (default: visa-<timestamp>)')
    .option('--source <text>', 'where the data comes from, recorded with the version')
    .option('--no-activate', 'store the version without putting it in force')
    .action(async (file: string, options: { version?: string; source?: string; activate: boolean }) => {
      const { screening, token } = visaRules.opts<{ screening: string; token?: string }>();
      const query = new URLSearchParams({
        ...(options.version ? { version: options.version } : {}),
        source: options.source ?? file.split('/').pop()!,
        activate: String(options.activate),
      });
      const { body } = await callGateway(`${screening}/v1/admin/visa-matrices?${query}`, {
        method: 'POST',
        token: adminToken(token),
        contentType: 'text/csv',
        body: readFileSync(file),
      });
      process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
    });
}

import type { Command } from 'commander';
import { adminToken, callGateway, DEFAULT_GATEWAY } from './gateway-client.js';

interface GatewayOptions {
  gateway: string;
  token?: string;
}

export function registerCarriersCommand(program: Command): void {
  const carriers = program
    .command('carriers')
    .description("Register carriers and manage their API keys (the gateway's operators' API)")
    .option('--gateway <url>', 'carrier gateway base URL', DEFAULT_GATEWAY)
    .option(
      '--token <token>',
      'operator token (default: DOCSCREEN_ADMIN_TOKEN or the local stack’s .run/admin-token)',
    );

  carriers
    .command('add')
    .description('Register a carrier; prints its first API key (shown this once)')
    .requiredOption('--iata <code>', '2-character IATA airline designator')
    .requiredOption('--name <name>', 'airline name')
    .requiredOption('--email <address>', 'operations contact')
    .option(
      '--quiet',
      'print only the API key, e.g. for DOCSCREEN_API_KEY=$(docscreen carriers add … --quiet)',
    )
    .action(async (options: { iata: string; name: string; email: string; quiet?: boolean }) => {
      const { gateway, token } = carriers.opts<GatewayOptions>();
      const { body } = await callGateway(`${gateway}/v1/admin/carriers`, {
        method: 'POST',
        token: adminToken(token),
        contentType: 'application/json',
        body: JSON.stringify({ iataCode: options.iata, name: options.name, contactEmail: options.email }),
      });
      if (options.quiet) process.stdout.write(`${(body as { apiKey: string }).apiKey}\n`);
      else print(body);
    });

  carriers
    .command('list')
    .description('Every carrier with its active key prefixes')
    .action(async () => {
      const { gateway, token } = carriers.opts<GatewayOptions>();
      print(
        (await callGateway(`${gateway}/v1/admin/carriers`, { method: 'GET', token: adminToken(token) })).body,
      );
    });

  carriers
    .command('rotate-key')
    .description('Issue a new API key for a carrier and revoke its earlier keys')
    .argument('<iata>', 'the carrier’s IATA designator')
    .action(async (iata: string) => {
      const { gateway, token } = carriers.opts<GatewayOptions>();
      const url = `${gateway}/v1/admin/carriers/${encodeURIComponent(iata.toUpperCase())}/keys`;
      print((await callGateway(url, { method: 'POST', token: adminToken(token) })).body);
    });
}

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

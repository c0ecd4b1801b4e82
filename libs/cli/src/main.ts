import { Command } from 'commander';
import { registerAlertsCommand } from './commands/alerts.command.js';
import { registerBenchCommand } from './commands/bench.command.js';
import { registerCarriersCommand } from './commands/carriers.command.js';
import { registerCheckCommand } from './commands/check.command.js';
import { registerDbCommand } from './commands/db.command.js';
import { registerDlqCommand } from './commands/dlq.command.js';
import { registerMrzCommand } from './commands/mrz.command.js';
import { registerPaxlstCommand } from './commands/paxlst.command.js';
import { registerScreenCommand } from './commands/screen.command.js';
import { registerSltdCommand } from './commands/sltd.command.js';
import { registerStackCommand } from './commands/stack.command.js';
import { registerSubmitCommand } from './commands/submit.command.js';
import { registerVisaRulesCommand } from './commands/visa-rules.command.js';
import { EXIT } from './exit-codes.js';

const program = new Command()
  .name('docscreen')
  .description('Operator commands for docscreen: travel-document screening of airline passengers')
  .showHelpAfterError()
  .exitOverride((error) => {
    // Usage errors (unknown command, missing argument) are "unusable input": exit 2, as documented.
    process.exit(error.exitCode === 0 ? EXIT.OK : EXIT.UNUSABLE);
  });

registerMrzCommand(program);
registerPaxlstCommand(program);
registerStackCommand(program);
registerDbCommand(program);
registerCarriersCommand(program);
registerSubmitCommand(program);
registerCheckCommand(program);
registerSltdCommand(program);
registerScreenCommand(program);
registerVisaRulesCommand(program);
registerBenchCommand(program);
registerAlertsCommand(program);
registerDlqCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(`docscreen: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = process.exitCode || EXIT.INVALID;
}

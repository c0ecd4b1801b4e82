import type { Command } from 'commander';
import { MrzInputError, parseMrz } from '@docscreen/mrz';
import { EXIT } from '../exit-codes.js';

export function registerMrzCommand(program: Command): void {
  program
    .command('mrz')
    .description('Decode and validate an ICAO Doc 9303 machine-readable zone (TD1, TD2, TD3, MRV-A, MRV-B)')
    .argument('<lines...>', 'the MRZ lines, each as one argument (quote them: they contain <)')
    .addHelpText(
      'after',
      `
Prints JSON { valid, format, specimen, fields, errors[] }.
Exit codes: 0 valid, 1 invalid (errors name the field), 2 unusable input.

Example:
  docscreen mrz 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<' 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'`,
    )
    .action((lines: string[]) => {
      try {
        const result = parseMrz(lines);
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        process.exitCode = result.valid ? EXIT.OK : EXIT.INVALID;
      } catch (error) {
        if (!(error instanceof MrzInputError)) throw error;
        process.stdout.write(`${JSON.stringify({ valid: false, error: error.message }, null, 2)}\n`);
        process.exitCode = EXIT.UNUSABLE;
      }
    });
}

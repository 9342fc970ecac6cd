import {
  CommandFailed,
  parseArguments,
  UsageError,
  type CliRuntime,
  type Output,
  type ParsedArgs,
} from './command.js';
import { commandHelp, usage } from './usage.js';
import { runAdminCommand } from './admin-commands.js';
import { runDataCommand } from './data-commands.js';
import { runMatchingCommand } from './matching-commands.js';
import { runThemeCommand } from './theme-commands.js';
import { runJobCommand } from './job-commands.js';
import { runRetentionCommand } from './retention-commands.js';
import { serve } from './serve.js';

const processOutput: Output = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/** Runs one command. Exit codes: 0 success, 1 failure (plain message on stderr), 2 bad usage. */
export async function runCli(
  argv: readonly string[],
  runtime: CliRuntime,
  output: Output = processOutput,
): Promise<number> {
  let args: ParsedArgs;
  try {
    args = parseArguments(argv);
  } catch (error) {
    output.err(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  const [command, ...rest] = args.positionals;
  if (!command || args.values.help) {
    output.err(command ? (commandHelp[command] ?? usage) : usage);
    return command || args.values.help ? 0 : 2;
  }
  try {
    if (command === 'serve') return await serve(runtime, output);
    if (command === 'migrate') {
      const { applied } = await runtime.migrate(runtime.loadConfig());
      output.err(
        applied.length ? `Applied migrations: ${applied.join(', ')}` : 'The database is up to date.',
      );
      return 0;
    }
    const admin = await runAdminCommand(command, rest, args, runtime, output);
    if (admin !== undefined) return admin;
    const data = await runDataCommand(command, rest, args, runtime, output);
    if (data !== undefined) return data;
    const matching = await runMatchingCommand(command, args, runtime, output);
    if (matching !== undefined) return matching;
    const themes = await runThemeCommand(command, args, runtime, output);
    if (themes !== undefined) return themes;
    const job = await runJobCommand(command, args, runtime, output);
    if (job !== undefined) return job;
    const retention = await runRetentionCommand(command, args, runtime, output);
    if (retention !== undefined) return retention;
    throw new UsageError(`Unknown command "${command}".`);
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(`${error.message}\n\n${commandHelp[command] ?? usage}`);
      return 2;
    }
    if (error instanceof CommandFailed) {
      output.err(error.message);
      return 1;
    }
    throw error;
  }
}

import { parseArgs } from 'node:util';
import type { FastifyInstance } from 'fastify';
import type { Exporter, Importer } from '../app/interchange.js';
import type { MailSender } from '../app/ports.js';
import type { Services } from '../app/services.js';
import type { Config } from '../config.js';
import { commandHelp, usage } from './usage.js';
import { runAdminCommand } from './admin-commands.js';
import { runDataCommand } from './data-commands.js';
import { runMatchingCommand } from './matching-commands.js';
import { runThemeCommand } from './theme-commands.js';
import { runJobCommand } from './job-commands.js';
import { runRetentionCommand } from './retention-commands.js';
import { serve } from './serve.js';

export interface CliRuntimeHandle {
  readonly config: Config;
  readonly services: Services;
  close(): Promise<void>;
}

/** What the composition root hands the command line: the CLI itself never opens a database. */
export interface CliRuntime {
  loadConfig(): Config;
  openRuntime(config: Config): Promise<CliRuntimeHandle>;
  buildApp(runtime: CliRuntimeHandle, mailSender?: MailSender): Promise<FastifyInstance>;
  mailSenderFor(config: Config): (MailSender & { close(): void }) | undefined;
  migrate(config: Config): Promise<{ applied: readonly string[] }>;
  backup(runtime: CliRuntimeHandle, file: string): Promise<Record<string, number>>;
  restore(runtime: CliRuntimeHandle, file: string): Promise<Record<string, number>>;
  /** Import and export kinds. Later issues add theirs in main.ts. */
  readonly importers: readonly Importer[];
  readonly exporters: readonly Exporter[];
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export class CommandFailed extends Error {
  override readonly name = 'CommandFailed';
}

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

const processOutput: Output = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

export type ParsedArgs = ReturnType<typeof parseArguments>;

function parseArguments(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      slug: { type: 'string' },
      name: { type: 'string' },
      la: { type: 'string' },
      email: { type: 'string' },
      role: { type: 'string' },
      partnership: { type: 'string' },
      // Import options, passed to the import kind as they are.
      level: { type: 'string' },
      'code-field': { type: 'string' },
      'name-field': { type: 'string' },
      'value-field': { type: 'string' },
      theme: { type: 'string' },
      edition: { type: 'string' },
      unit: { type: 'string' },
      source: { type: 'string' },
      date: { type: 'string' },
      mapping: { type: 'string' },
      organisation: { type: 'string' },
      'organisation-kind': { type: 'string' },
      'outside-area': { type: 'string' },
      // match and who-can-help.
      themes: { type: 'string' },
      'max-km': { type: 'string' },
      need: { type: 'string' },
      area: { type: 'string' },
      postcode: { type: 'string' },
      age: { type: 'string' },
      language: { type: 'string' },
      yes: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

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

import { parseArgs } from 'node:util';
import type { FastifyInstance } from 'fastify';
import type { Exporter, Importer } from '../app/interchange.js';
import type { MailSender } from '../app/ports.js';
import type { Services } from '../app/services.js';
import type { Config } from '../config.js';

/*
 * What every command module shares: the runtime the composition root hands the command line, the parsed
 * arguments, where output goes and the two ways a command fails. Its own module so the commands and run-cli.ts,
 * which dispatches to them, do not import each other.
 */

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

export type ParsedArgs = ReturnType<typeof parseArguments>;

export function parseArguments(argv: readonly string[]) {
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

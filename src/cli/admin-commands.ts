import { ValidationError } from '../app/errors.js';
import { DatabaseNotEmptyError, type DemoCredential } from '../app/demo/seed-demo.js';
import { systemActor } from '../app/shared/audit.js';
import { CommandFailed, UsageError, type CliRuntime, type Output, type ParsedArgs } from './command.js';

export function printCredentials(
  credentials: readonly DemoCredential[],
  baseUrl: string,
  output: Output,
): void {
  output.err('');
  output.err('Demo partnerships loaded. Sign in at ' + `${baseUrl}/sign-in with one of these accounts.`);
  output.err('The passwords are random and shown only now: keep a copy.');
  output.err('');
  const width = Math.max(...credentials.map((c) => c.email.length));
  for (const credential of credentials) {
    output.err(`  ${credential.email.padEnd(width)}  ${credential.password}  (${credential.roles})`);
  }
  output.err('');
}

function required(args: ParsedArgs, name: 'slug' | 'name' | 'la' | 'email' | 'role'): string {
  const value = args.values[name];
  if (!value) throw new UsageError(`--${name} is required.`);
  return value;
}

function failWithProblems(error: unknown): never {
  if (error instanceof ValidationError) {
    throw new CommandFailed(Object.values(error.fields).join('\n'));
  }
  throw error;
}

/** seed-demo, create-partnership, create-user, backup and restore. Undefined when the command is not one of these. */
export async function runAdminCommand(
  command: string,
  positionals: readonly string[],
  args: ParsedArgs,
  runtime: CliRuntime,
  output: Output,
): Promise<number | undefined> {
  const known = ['seed-demo', 'create-partnership', 'create-user', 'backup', 'restore'];
  if (!known.includes(command)) return undefined;
  const file = positionals[0];
  if ((command === 'backup' || command === 'restore') && !file)
    throw new UsageError(`${command} needs a FILE.`);
  const config = runtime.loadConfig();
  const opened = await runtime.openRuntime(config);
  const { services } = opened;
  try {
    switch (command) {
      case 'seed-demo': {
        try {
          printCredentials(await services.demo.seed({ samplePacks: true }), config.baseUrl, output);
        } catch (error) {
          if (error instanceof DatabaseNotEmptyError) throw new CommandFailed(error.message);
          throw error;
        }
        return 0;
      }
      case 'create-partnership': {
        const input = {
          slug: required(args, 'slug'),
          name: required(args, 'name'),
          localAuthorityCode: required(args, 'la'),
        };
        const partnership = await services.partnerships.create(input, systemActor).catch(failWithProblems);
        output.err(`Created partnership ${partnership.name} at ${config.baseUrl}/p/${partnership.slug}/`);
        return 0;
      }
      case 'create-user': {
        const role = required(args, 'role');
        const slug = args.values.partnership;
        if (role !== 'national-admin' && !slug)
          throw new UsageError('--partnership is required for that role.');
        const partnership = slug ? await services.partnerships.findBySlug(slug) : undefined;
        if (slug && !partnership)
          throw new CommandFailed(`There is no partnership with the short name ${slug}.`);
        const user = await services.users
          .create(
            {
              email: required(args, 'email'),
              role,
              ...(args.values.name ? { displayName: args.values.name } : {}),
              ...(partnership && role !== 'national-admin' ? { partnershipId: partnership.id } : {}),
            },
            systemActor,
          )
          .catch(failWithProblems);
        const link = await services.passwords.createSetPasswordLink(user);
        output.err(
          `Created ${user.email} as ${role}. Send them this link to choose a password (it works once, for 7 days):`,
        );
        output.out(link);
        return 0;
      }
      case 'backup': {
        const counts = await runtime.backup(opened, file as string);
        output.err(`Backed up ${Object.values(counts).reduce((a, b) => a + b, 0)} rows to ${file}.`);
        return 0;
      }
      default: {
        try {
          const counts = await runtime.restore(opened, file as string);
          output.err(`Restored ${Object.values(counts).reduce((a, b) => a + b, 0)} rows from ${file}.`);
        } catch (error) {
          if ((error as Error).name === 'RestoreError') throw new CommandFailed((error as Error).message);
          throw error;
        }
        return 0;
      }
    }
  } finally {
    await opened.close();
  }
}

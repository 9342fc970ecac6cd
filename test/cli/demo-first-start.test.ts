import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseNotEmptyError } from '../../src/app/demo/seed-demo.js';
import { loadDemoOnFirstStart } from '../../src/cli/serve.js';
import { parseConfig } from '../../src/config.js';
import { buildDemoWorld } from '../../src/domain/demo/demo-partnerships.js';
import { openRuntime, type Runtime } from '../../src/main.js';
import { createPostgresDatabase, temporaryDirectory, testDatabaseUrl } from '../support/database.js';

interface SharedDatabase {
  readonly env: Record<string, string>;
  remove(): Promise<void>;
}

const sharedDatabases: { name: string; open(): Promise<SharedDatabase> }[] = [
  {
    name: 'sqlite',
    open: async () => {
      const folder = temporaryDirectory('cg-first-start-');
      return { env: { DATA_DIR: folder.path }, remove: async () => folder.remove() };
    },
  },
  ...(testDatabaseUrl()
    ? [
        {
          name: 'postgres',
          open: async () => {
            const database = await createPostgresDatabase();
            return { env: { DATABASE_URL: database.url }, remove: () => database.drop() };
          },
        },
      ]
    : []),
];

const recordingOutput = () => {
  const lines: string[] = [];
  return { lines, out: (text: string) => lines.push(text), err: (text: string) => lines.push(text) };
};

/** Two first starts at once on one empty database with DEMO=true (defect 9 of issue 15). */
describe.each(sharedDatabases)('two first starts at once on $name', (shared) => {
  let database: SharedDatabase | undefined;
  const runtimes: Runtime[] = [];

  const openTwo = async () => {
    database = await shared.open();
    const config = parseConfig({ ...database.env, LOG_LEVEL: 'silent', DEMO: 'true' });
    // One after the other, as migrations are; the demo loading is what runs at once.
    for (let i = 0; i < 2; i += 1) runtimes.push(await openRuntime(config));
    return { config, runtimes: runtimes as [Runtime, Runtime] };
  };

  afterEach(async () => {
    for (const runtime of runtimes.splice(0)) await runtime.close();
    await database?.remove();
  });

  /** Every demo partnership and account, and one of what the steps after the main transaction add. */
  const demoLoadedOnce = async (runtime: Runtime) => {
    const world = buildDemoWorld();
    const slugs = (await runtime.services.partnerships.list()).map((p) => p.slug);
    expect(slugs).toEqual(expect.arrayContaining(world.partnerships.map((p) => p.slug)));
    expect(await runtime.services.store.users.count()).toBe(world.people.length);
    const northmoor = await runtime.services.partnerships.findBySlug('northmoor');
    expect(await runtime.services.store.matchingRuns.list(northmoor?.id ?? '', 10)).toHaveLength(1);
  };

  it('load the demo once, and the other start carries on without an error or any password', async () => {
    const { config, runtimes: both } = await openTwo();
    const outputs = both.map(() => recordingOutput());

    await Promise.all(
      both.map((runtime, i) =>
        loadDemoOnFirstStart(config, runtime.services, outputs[i] ?? recordingOutput()),
      ),
    );

    const printed = outputs.map((output) => output.lines.join('\n'));
    expect(printed.filter((text) => text.includes('Demo partnerships loaded'))).toHaveLength(1);
    expect(printed.filter((text) => text === '')).toHaveLength(1);
    await demoLoadedOnce(both[0]);
    await demoLoadedOnce(both[1]);
  });

  it('refuse the second of two demo loads at once as a database that is not empty', async () => {
    const { runtimes: both } = await openTwo();
    const results = await Promise.allSettled(
      both.map((runtime) => runtime.services.demo.seed({ password: () => 'test-password-1234' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.filter((r) => r.status === 'rejected');
    expect(refused).toHaveLength(1);
    expect(refused[0]?.reason).toBeInstanceOf(DatabaseNotEmptyError);
    await demoLoadedOnce(both[1]);
    expect(await both[0].services.demo.seedIfEmpty()).toBeUndefined();
  });

  it('wait for no instance that stopped while loading, once its lock is stale', async () => {
    const { runtimes: both } = await openTwo();
    const { store, clock } = both[0].services;
    const minutesAgo = (minutes: number) => new Date(clock.now().getTime() - minutes * 60_000).toISOString();
    expect(await store.locks.acquire('demo-load', 'stopped-instance', minutesAgo(1), minutesAgo(60))).toBe(
      true,
    );
    expect(await both[1].services.demo.seedIfEmpty()).toBeUndefined();
    expect(await store.users.count()).toBe(0);

    await store.locks.release('demo-load', 'stopped-instance');
    expect(await store.locks.acquire('demo-load', 'stopped-instance', minutesAgo(11), minutesAgo(60))).toBe(
      true,
    );
    expect(await both[1].services.demo.seedIfEmpty()).toBeDefined();
    await demoLoadedOnce(both[0]);
  });
});

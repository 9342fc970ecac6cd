import type { AssessmentDeps } from '../assessments/rounds.js';
import type { MatchingDeps } from '../matching/matching-runs.js';
import type { PasswordHasher } from '../shared/system-ports.js';
import { newId } from '../shared/secrets.js';
import { DatabaseNotEmptyError, seedDemo, type DemoCredential } from './seed-demo.js';
import { seedDemoMatching } from './seed-demo-matching.js';
import { seedDemoRetention } from './seed-demo-retention.js';
import { seedSamplePacks, type DemoSamplePack } from './seed-sample-packs.js';

export interface DemoDeps extends AssessmentDeps, MatchingDeps {
  readonly hasher: PasswordHasher;
  /** Partnerships of real public data, loaded after the fictional ones (see docs/demo.md). */
  readonly samplePacks?: readonly DemoSamplePack[];
}

export interface DemoSeedOptions {
  readonly password?: () => string;
  /** Load the sample packs of real data too, as the first start and `seed-demo` do (they take a few seconds). */
  readonly samplePacks?: boolean;
}

const demoLock = 'demo-load';
/** Loading the demo takes seconds; a lock older than this was left by an instance that stopped midway. */
const staleAfterMinutes = 10;

/**
 * Loads the whole demo into an empty database, holding a database-wide lock so that two instances starting at
 * once cannot both load it: the one without the lock is refused at once, as for a database that has data, and
 * the one with it checks again, under the lock, that the database is empty.
 */
export async function loadDemo(deps: DemoDeps, options: DemoSeedOptions = {}): Promise<DemoCredential[]> {
  const { store, clock } = deps;
  const holder = newId();
  const now = clock.now();
  const staleBefore = new Date(now.getTime() - staleAfterMinutes * 60_000);
  if (!(await store.locks.acquire(demoLock, holder, now.toISOString(), staleBefore.toISOString()))) {
    throw new DatabaseNotEmptyError(
      'Another instance is loading the demo into this database, so it was not loaded again.',
    );
  }
  try {
    const credentials = await seedDemo(store, clock, deps.hasher, deps.frameworks, options);
    await seedDemoMatching(deps);
    await seedDemoRetention(deps);
    if (!options.samplePacks || !deps.samplePacks?.length) return credentials;
    return await seedSamplePacks(store, clock, deps.samplePacks, credentials);
  } finally {
    await store.locks.release(demoLock, holder);
  }
}

/** Loads the demo unless the database has data or another instance is loading it (then undefined). */
export async function loadDemoIfEmpty(
  deps: DemoDeps,
  options: DemoSeedOptions = {},
): Promise<DemoCredential[] | undefined> {
  try {
    return await loadDemo(deps, options);
  } catch (error) {
    if (error instanceof DatabaseNotEmptyError) return undefined;
    throw error;
  }
}

import type { OrukFeed } from '../directory/oruk-feed.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { Clock } from '../shared/system-ports.js';
import type { Store } from '../ports.js';
import type { Actor } from '../shared/audit.js';
import type { BackgroundTasks } from '../shared/background-tasks.js';
import { newId } from '../shared/secrets.js';
import { FeedFetchError } from './feed-fetcher.js';
import { checkPublishedFeed, checkSubscribedFeed, type CheckProgress } from './feed-health-checks.js';
import type { FeedHealthCheckRecord, FeedPageWalker, OrukSchemaChecker } from './feed-health-ports.js';

export interface FeedHealthDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly background: BackgroundTasks;
  readonly oruk: OrukFeed;
  readonly walker: FeedPageWalker;
  /** The standard's schemas; without them (they are not installed) feeds cannot be checked. */
  readonly checker: OrukSchemaChecker | undefined;
}

/** What the health page's form sends for the partnership's own feed; otherwise a subscription's id. */
export const publishedFeed = 'published';

/** How long a running check holds its lease between progress writes before another instance may take it. */
const leaseMinutes = 15;
/** How many waiting checks one scheduled run takes, one after another. */
const checksPerRun = 10;

const minutesAfter = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000).toISOString();

const notInstalled =
  'The Open Referral UK schemas are not installed on this service, so feeds cannot be checked. Ask whoever runs the service to install them.';

const failureMessage = (error: unknown) =>
  error instanceof FeedFetchError
    ? `The feed could not be read: ${error.message}`
    : error instanceof NotFoundError
      ? 'The feed subscription was ended before the check could run'
      : 'The check stopped because of an unexpected error. Try again later.';

/** A check still going: queued, or running under a lease that has not run out. */
export const isUnderWay = (check: FeedHealthCheckRecord, now: string) =>
  check.status === 'queued' || (check.status === 'running' && (check.runningUntil ?? '') > now);

/**
 * Feed health: checks the partnership's own published Open Referral UK feed, or a feed it is subscribed to,
 * against the standard's schemas, in the background. Each check is a row with its lease, progress and result,
 * so any instance shows it, and the scheduled jobs take over a check whose instance stopped.
 */
export function feedHealthUseCases(deps: FeedHealthDeps) {
  const { store, clock } = deps;

  async function run(check: FeedHealthCheckRecord): Promise<void> {
    const started = clock.now();
    if (
      !(await store.feedHealthChecks.claim(
        check.id,
        started.toISOString(),
        minutesAfter(started, leaseMinutes),
      ))
    ) {
      return;
    }
    const progress: CheckProgress = (done, total) =>
      store.feedHealthChecks.update(check.id, {
        done,
        total,
        runningUntil: minutesAfter(clock.now(), leaseMinutes),
      });
    try {
      if (!deps.checker) throw new ValidationError({ target: notInstalled });
      const partnership = await store.partnerships.findById(check.partnershipId);
      if (!partnership) throw new NotFoundError('No such partnership');
      let result;
      if (check.subscriptionId) {
        const subscription = await store.feedSubscriptions.find(partnership.id, check.subscriptionId);
        if (!subscription) throw new NotFoundError('No such feed subscription');
        result = await checkSubscribedFeed(deps.walker, subscription.address, deps.checker, progress);
      } else {
        result = await checkPublishedFeed(deps.oruk, partnership.slug, deps.checker, progress);
      }
      await store.feedHealthChecks.update(check.id, {
        status: 'finished',
        result,
        finishedAt: clock.now().toISOString(),
        runningUntil: null,
      });
    } catch (error) {
      await store.feedHealthChecks.update(check.id, {
        status: 'failed',
        error: error instanceof ValidationError ? notInstalled : failureMessage(error),
        finishedAt: clock.now().toISOString(),
        runningUntil: null,
      });
    }
  }

  return {
    /** Whether the standard's schemas are installed, so feeds can be checked. */
    available: deps.checker !== undefined,

    /** The newest check of each feed of the partnership. */
    latest: (partnershipId: string) => store.feedHealthChecks.latest(partnershipId),

    /**
     * Starts a check of the partnership's own feed (`published`) or of one of its subscriptions, in the
     * background; when one of that feed is already under way, gives that one instead of starting another.
     */
    async request(partnershipId: string, target: string, actor: Actor): Promise<FeedHealthCheckRecord> {
      if (!deps.checker) throw new ValidationError({ target: notInstalled });
      const subscriptionId = target === publishedFeed ? null : target;
      if (subscriptionId && !(await store.feedSubscriptions.find(partnershipId, subscriptionId))) {
        throw new ValidationError({ target: 'Choose a feed to check' });
      }
      const now = clock.now().toISOString();
      const current = (await store.feedHealthChecks.latest(partnershipId)).find(
        (check) => check.subscriptionId === subscriptionId,
      );
      if (current && isUnderWay(current, now)) return current;
      const check: FeedHealthCheckRecord = {
        id: newId(),
        partnershipId,
        subscriptionId,
        status: 'queued',
        done: 0,
        total: 0,
        result: null,
        error: null,
        requestedBy: actor.label,
        requestedAt: now,
        startedAt: null,
        finishedAt: null,
        runningUntil: null,
      };
      await store.feedHealthChecks.insert(check);
      await store.feedHealthChecks.removeOlder(partnershipId, subscriptionId, check.id);
      deps.background.start(() => run(check));
      return check;
    },

    /** The scheduled job: runs checks left waiting, or left by an instance that stopped. Returns how many. */
    async runWaiting(): Promise<number> {
      const waiting = await store.feedHealthChecks.waiting(clock.now().toISOString(), checksPerRun);
      for (const check of waiting) await run(check);
      return waiting.length;
    },
  };
}

export type FeedHealthUseCases = ReturnType<typeof feedHealthUseCases>;

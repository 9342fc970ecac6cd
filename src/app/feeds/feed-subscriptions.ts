import { NotFoundError, ValidationError } from '../errors.js';
import { recordAudit, type Actor } from '../shared/audit.js';
import { newId } from '../shared/secrets.js';
import type { BackgroundTasks } from '../shared/background-tasks.js';
import {
  claimFeed,
  confirmFeedRefresh,
  refreshClaimedFeed,
  discardFeedRefresh,
  pendingPreview,
  refreshFeed,
  type FeedDeps,
  type FeedRefreshOutcome,
} from './feed-refresh.js';
import type { FeedSubscriptionRecord } from './feed-subscription-store.js';

export interface FeedSubscriptionDeps extends FeedDeps {
  /** Plain http addresses may be subscribed: only in tests, which serve feeds from this machine. */
  readonly allowPlainHttp: boolean;
  /** Where a refresh asked for on a page runs, after the page has been answered. */
  readonly background: BackgroundTasks;
}

export interface NewFeedSubscription {
  readonly address: string;
  readonly applyAutomatically: boolean;
}

/** Who the scheduled refreshes are recorded as. */
const scheduledRefresh: Actor = { userId: null, label: 'Scheduled feed refresh' };

/** How many due feeds one scheduled run refreshes, one after another; the rest wait for the next run. */
const feedsPerRun = 50;

/** The address as it is kept: trimmed, with no fragment; an error in words when it is not a feed address. */
function feedAddress(typed: string, allowPlainHttp: boolean): string {
  let url: URL;
  try {
    url = new URL(typed.trim());
  } catch {
    throw new ValidationError({ address: 'Enter the feed’s address, like https://example.org/api/services' });
  }
  const schemes = allowPlainHttp ? ['https:', 'http:'] : ['https:'];
  if (!schemes.includes(url.protocol)) {
    throw new ValidationError({ address: 'The feed’s address must start with https://' });
  }
  if (url.username || url.password) {
    throw new ValidationError({ address: 'The feed’s address must not hold a user name or password' });
  }
  url.hash = '';
  return url.toString();
}

/** A subscription as it starts: due for its first read at once, never read yet. */
export function newFeedSubscription(
  partnershipId: string,
  address: string,
  applyAutomatically: boolean,
  created: { readonly by: string; readonly at: string },
): FeedSubscriptionRecord {
  return {
    id: newId(),
    partnershipId,
    address,
    applyAutomatically,
    createdAt: created.at,
    createdBy: created.by,
    nextRefreshAt: created.at,
    refreshingUntil: null,
    lastRefreshedAt: null,
    lastResult: null,
    lastMessage: null,
    failingSince: null,
    pendingAt: null,
  };
}

/** Subscriptions of a partnership's directory to Open Referral UK feeds, and their refreshes. */
export function feedSubscriptionUseCases(deps: FeedSubscriptionDeps) {
  const { store, clock } = deps;
  const required = async (partnershipId: string, id: string): Promise<FeedSubscriptionRecord> => {
    const found = await store.feedSubscriptions.find(partnershipId, id);
    if (!found) throw new NotFoundError('No such feed subscription');
    return found;
  };
  return {
    list: (partnershipId: string) => store.feedSubscriptions.list(partnershipId),
    find: required,
    async subscribe(
      partnershipId: string,
      input: NewFeedSubscription,
      actor: Actor,
    ): Promise<FeedSubscriptionRecord> {
      const address = feedAddress(input.address, deps.allowPlainHttp);
      if (await store.feedSubscriptions.findByAddress(partnershipId, address)) {
        throw new ValidationError({ address: 'The directory is already subscribed to this feed' });
      }
      const subscription = newFeedSubscription(partnershipId, address, input.applyAutomatically, {
        by: actor.label,
        at: clock.now().toISOString(),
      });
      await store.transaction(async (trx) => {
        await trx.feedSubscriptions.insert(subscription);
        await recordAudit(trx, clock, {
          partnershipId,
          actor,
          action: 'feed-subscribed',
          subject: `${address} (${input.applyAutomatically ? 'applied automatically' : 'previewed first'})`,
        });
      });
      return subscription;
    },
    /** Ends a subscription; the services it brought in stay in the directory. */
    async unsubscribe(partnershipId: string, id: string, actor: Actor): Promise<void> {
      const subscription = await required(partnershipId, id);
      await store.transaction(async (trx) => {
        await trx.feedSubscriptions.remove(partnershipId, id);
        await recordAudit(trx, clock, {
          partnershipId,
          actor,
          action: 'feed-unsubscribed',
          subject: subscription.address,
        });
      });
    },
    refresh: async (partnershipId: string, id: string, actor: Actor): Promise<FeedRefreshOutcome> =>
      refreshFeed(deps, await required(partnershipId, id), actor),
    /**
     * "Read the feed now": takes the feed's lease and refreshes it in the background, so the page answers at
     * once and shows the refresh under way. The feed is marked due, so if this instance stops before it
     * finishes, the scheduled jobs refresh it once the lease runs out. 'busy' when a refresh holds the lease.
     */
    async startRefresh(partnershipId: string, id: string, actor: Actor): Promise<'started' | 'busy'> {
      const subscription = await required(partnershipId, id);
      const started = clock.now();
      if (!(await claimFeed(deps, subscription.id, started))) return 'busy';
      await store.feedSubscriptions.update(subscription.id, { nextRefreshAt: started.toISOString() });
      deps.background.start(() => refreshClaimedFeed(deps, subscription, actor, started));
      return 'started';
    },
    preview: async (partnershipId: string, id: string) =>
      pendingPreview(deps, await required(partnershipId, id)),
    confirm: async (partnershipId: string, id: string, actor: Actor) =>
      confirmFeedRefresh(deps, await required(partnershipId, id), actor),
    discard: async (partnershipId: string, id: string) =>
      discardFeedRefresh(deps, await required(partnershipId, id)),
    /** The scheduled job: refreshes every feed that is due, one at a time. Returns how many were refreshed. */
    async refreshDue(): Promise<number> {
      const due = await store.feedSubscriptions.due(clock.now().toISOString(), feedsPerRun);
      let refreshed = 0;
      for (const subscription of due) {
        const outcome = await refreshFeed(deps, subscription, scheduledRefresh);
        if (outcome.result !== 'busy') refreshed += 1;
      }
      return refreshed;
    },
  };
}

export type FeedSubscriptionUseCases = ReturnType<typeof feedSubscriptionUseCases>;

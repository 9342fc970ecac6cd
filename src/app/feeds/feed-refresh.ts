import type { ThemeVocabulary } from '../../domain/directory/themes.js';
import { applyDirectoryImport } from '../directory/directory-import.js';
import { knownAreas } from '../directory/known-areas.js';
import { ValidationError } from '../errors.js';
import { ImportSourceError } from '../imports/import-report.js';
import type { Clock } from '../shared/system-ports.js';
import type { Store } from '../ports.js';
import { recordAudit, type Actor } from '../shared/audit.js';
import { queueEmail } from '../shared/outbox.js';
import { FeedFetchError } from './feed-fetcher.js';
import {
  isEmptyPreview,
  previewFeedRefresh,
  servicesToWithdraw,
  withdrawnSourceIds,
  type FeedRefreshPayload,
  type FeedRefreshPreview,
} from './feed-preview.js';
import type { FeedReader } from './feed-reader.js';
import type { FeedRefreshResult, FeedSubscriptionRecord } from './feed-subscription-store.js';

export interface FeedDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly themes: ThemeVocabulary;
  readonly reader: FeedReader;
  /** How often each feed is refreshed by the scheduled jobs. */
  readonly refreshHours: number;
  /** The service's public address, for the link in the email to admins when a feed starts failing. */
  readonly baseUrl: string;
}

/** How long one refresh may hold a feed before another instance may take it for stopped. */
const leaseMinutes = 15;

const minutesAfter = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000).toISOString();

export interface FeedRefreshOutcome {
  readonly result: FeedRefreshResult | 'busy';
  readonly message: string | null;
}

/** Applies what a refresh read in one transaction: the services, the withdrawals and the pages' validators. */
async function applyPayload(
  deps: FeedDeps,
  subscription: FeedSubscriptionRecord,
  payload: FeedRefreshPayload,
  actor: Actor,
): Promise<string> {
  return deps.store.transaction(async (trx) => {
    const now = deps.clock.now().toISOString();
    const { partnershipId } = subscription;
    const report = payload.batch
      ? await applyDirectoryImport(trx, deps.clock, partnershipId, payload.batch, actor)
      : null;
    const closing = await servicesToWithdraw(trx, partnershipId, payload.withdrawn);
    const edited = await trx.serviceEdits.editedFields(
      partnershipId,
      closing.map((s) => s.id),
    );
    const withdrawn = closing.filter((s) => !(edited.get(s.id) ?? []).includes('status'));
    for (const service of withdrawn) {
      await trx.directory.updateService({
        ...service,
        details: { ...service.details, status: 'defunct' },
        updatedAt: now,
      });
    }
    await trx.feedSubscriptions.replacePages(subscription.id, payload.pages);
    const message = `${report?.imported ?? 0} new, ${report?.updated ?? 0} changed and ${withdrawn.length} withdrawn services`;
    if (withdrawn.length > 0) {
      await recordAudit(trx, deps.clock, {
        partnershipId,
        actor,
        action: 'feed-services-withdrawn',
        subject: `${subscription.address}: ${withdrawn.length} services marked closed for good`,
      });
    }
    return message;
  });
}

/** Emails the partnership's admins that a feed has started failing, with the reason and its page. */
async function tellAdminsFeedFailed(
  store: Store,
  deps: FeedDeps,
  subscription: FeedSubscriptionRecord,
  reason: string,
): Promise<void> {
  const partnership = await store.partnerships.findById(subscription.partnershipId);
  if (!partnership) return;
  const admins = (await store.memberships.listByPartnership(partnership.id)).filter(
    (member) => member.role === 'partnership-admin',
  );
  const page = `${deps.baseUrl}/p/${partnership.slug}/imports/feeds/${subscription.id}`;
  for (const admin of admins) {
    await queueEmail(store, deps.clock, {
      partnershipId: partnership.id,
      to: admin.email,
      kind: 'feed-failed',
      subject: `A feed of the ${partnership.name} directory could not be read`,
      text: [
        `Hello ${admin.displayName},`,
        `The directory of ${partnership.name} could not read the Open Referral UK feed at ${subscription.address}.`,
        `The reason: ${reason}.`,
        'The directory keeps the services it has and tries again on its schedule. You will not get another email about this feed until it has been read again and then fails again.',
        `See the feed and read it again: ${page}`,
      ].join('\n\n'),
    });
  }
}

const failureMessage = (error: unknown) =>
  error instanceof FeedFetchError || error instanceof ImportSourceError
    ? error.message
    : 'The feed could not be read because of an unexpected error';

/** Takes the feed's refresh lease from `started`; false when another refresh holds it. */
export const claimFeed = (deps: FeedDeps, subscriptionId: string, started: Date) =>
  deps.store.feedSubscriptions.claim(
    subscriptionId,
    started.toISOString(),
    minutesAfter(started, leaseMinutes),
  );

/**
 * Refreshes one subscribed feed: reads every page (unchanged pages answer 304 and are not read again), works
 * out what is new, changed and withdrawn against the services this feed brought in, leaving fields changed
 * here as they are, and applies it at once when the subscription says so, or keeps it as a preview for an admin
 * to confirm. Idempotent: a feed that has not changed changes nothing. One instance at a time refreshes a feed.
 */
export async function refreshFeed(
  deps: FeedDeps,
  subscription: FeedSubscriptionRecord,
  actor: Actor,
): Promise<FeedRefreshOutcome> {
  const started = deps.clock.now();
  if (!(await claimFeed(deps, subscription.id, started))) {
    return { result: 'busy', message: 'The feed is being refreshed already' };
  }
  return refreshClaimedFeed(deps, subscription, actor, started);
}

/** Refreshes a feed whose lease this instance took at `started` (see refreshFeed). */
export async function refreshClaimedFeed(
  deps: FeedDeps,
  subscription: FeedSubscriptionRecord,
  actor: Actor,
  started: Date,
): Promise<FeedRefreshOutcome> {
  const { store } = deps;
  const now = started.toISOString();
  const finished = {
    lastRefreshedAt: now,
    nextRefreshAt: minutesAfter(started, deps.refreshHours * 60),
    refreshingUntil: null,
  };
  let outcome: FeedRefreshOutcome;
  try {
    const previous = await store.feedSubscriptions.pages(subscription.id);
    const known = await knownAreas(store, subscription.partnershipId);
    const read = await deps.reader.read(subscription.address, previous, deps.themes, known);
    const payload: FeedRefreshPayload = {
      batch: read.batch,
      pages: read.pages,
      withdrawn: withdrawnSourceIds(previous, read.pages),
    };
    const preview = await previewFeedRefresh(store, subscription.partnershipId, payload, now);
    if (isEmptyPreview(preview)) {
      // Nothing to show: keep the new validators so next time the unchanged pages answer 304.
      await store.feedSubscriptions.replacePages(subscription.id, read.pages);
      outcome = { result: 'unchanged', message: null };
      await store.feedSubscriptions.update(subscription.id, { pendingAt: null, pending: null });
    } else if (subscription.applyAutomatically) {
      outcome = { result: 'applied', message: await applyPayload(deps, subscription, payload, actor) };
      await store.feedSubscriptions.update(subscription.id, { pendingAt: null, pending: null });
    } else {
      outcome = { result: 'waiting', message: null };
      await store.feedSubscriptions.update(subscription.id, {
        pendingAt: now,
        pending: { preview: JSON.stringify(preview), payload: JSON.stringify(payload) },
      });
    }
    await store.feedSubscriptions.update(subscription.id, {
      ...finished,
      lastResult: outcome.result as FeedRefreshResult,
      lastMessage: outcome.message,
      failingSince: null,
    });
  } catch (error) {
    const message = failureMessage(error);
    outcome = { result: 'failed', message };
    await store.transaction(async (trx) => {
      await trx.feedSubscriptions.update(subscription.id, {
        ...finished,
        lastResult: 'failed',
        lastMessage: message,
        failingSince: subscription.failingSince ?? now,
      });
      // Once per failure spell: the spell starts here, and the lease lets only one refresh start it.
      if (!subscription.failingSince) await tellAdminsFeedFailed(trx, deps, subscription, message);
    });
  }
  return outcome;
}

/** The preview of the refresh waiting for confirmation, if one is waiting. */
export async function pendingPreview(
  deps: FeedDeps,
  subscription: FeedSubscriptionRecord,
): Promise<FeedRefreshPreview | undefined> {
  const pending = await deps.store.feedSubscriptions.pending(subscription.partnershipId, subscription.id);
  return pending ? (JSON.parse(pending.preview) as FeedRefreshPreview) : undefined;
}

const nothingWaiting = () =>
  new ValidationError({ confirm: 'There is no refresh waiting: it has been applied or discarded already' });

/** Applies the refresh waiting for confirmation, exactly as it was previewed. */
export async function confirmFeedRefresh(
  deps: FeedDeps,
  subscription: FeedSubscriptionRecord,
  actor: Actor,
): Promise<string> {
  const { store } = deps;
  if (!(await claimFeed(deps, subscription.id, deps.clock.now()))) {
    throw new ValidationError({ confirm: 'The feed is being refreshed: try again in a minute' });
  }
  try {
    const pending = await store.feedSubscriptions.pending(subscription.partnershipId, subscription.id);
    if (!pending) throw nothingWaiting();
    const message = await applyPayload(
      deps,
      subscription,
      JSON.parse(pending.payload) as FeedRefreshPayload,
      actor,
    );
    await store.feedSubscriptions.update(subscription.id, {
      pendingAt: null,
      pending: null,
      lastResult: 'applied',
      lastMessage: message,
    });
    return message;
  } finally {
    await store.feedSubscriptions.update(subscription.id, { refreshingUntil: null });
  }
}

/** Sets the waiting refresh aside; the next refresh reads the changed pages again and shows them again. */
export async function discardFeedRefresh(
  deps: FeedDeps,
  subscription: FeedSubscriptionRecord,
): Promise<void> {
  await deps.store.feedSubscriptions.update(subscription.id, { pendingAt: null, pending: null });
}

import type { OrukFeed } from '../directory/oruk-feed.js';
import type { ServiceDeps } from '../service-deps.js';
import type { BackgroundTasks } from '../shared/background-tasks.js';
import { FeedFetchError } from './feed-fetcher.js';
import { feedHealthUseCases } from './feed-health.js';
import type { FeedPageWalker } from './feed-health-ports.js';
import type { FeedReader } from './feed-reader.js';
import { feedSubscriptionUseCases } from './feed-subscriptions.js';

const noFeedReader: FeedReader = {
  read: async () => {
    throw new FeedFetchError('This service was started without a way to read feeds');
  },
};

const noFeedPages: FeedPageWalker = {
  walk: async () => {
    throw new FeedFetchError('This service was started without a way to read feeds');
  },
};

/** Subscribed Open Referral UK feeds and health checks of feeds, run in the background. */
export function feedServices(deps: ServiceDeps, background: BackgroundTasks, oruk: OrukFeed) {
  const { store, clock } = deps;
  return {
    /** Open Referral UK feeds the directory is subscribed to: refreshed on a schedule and on demand. */
    feeds: feedSubscriptionUseCases({
      store,
      clock,
      themes: deps.themes,
      reader: deps.feeds?.reader ?? noFeedReader,
      refreshHours: deps.feeds?.refreshHours ?? 24,
      baseUrl: deps.baseUrl,
      allowPlainHttp: deps.feeds?.allowPlainHttp ?? false,
      background,
    }),
    /** Checks of the partnership's own feed and its subscribed feeds against the standard, in the background. */
    feedHealth: feedHealthUseCases({
      store,
      clock,
      background,
      oruk,
      walker: deps.feeds?.walker ?? noFeedPages,
      checker: deps.feeds?.schemas,
    }),
  };
}

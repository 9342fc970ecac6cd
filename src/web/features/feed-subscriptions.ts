import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ValidationError } from '../../app/errors.js';
import type { FeedRefreshPreview } from '../../app/feeds/feed-preview.js';
import type { FeedSubscriptionRecord } from '../../app/feeds/feed-subscription-store.js';
import type { Services } from '../../app/services.js';
import { formErrors, parseForm, text } from '../forms.js';
import { accessOf, actorOf } from './members.js';

const config = { access: { partnership: 'import-data' } } as const;

/** Names listed under each heading of a preview; the counts say how many there are in all. */
const NAMES_SHOWN = 200;

const resultTags: Record<string, { text: string; classes: string }> = {
  unchanged: { text: 'Up to date', classes: 'govuk-tag--green' },
  applied: { text: 'Updated', classes: 'govuk-tag--green' },
  waiting: { text: 'Changes to check', classes: 'govuk-tag--yellow' },
  failed: { text: 'Could not be read', classes: 'govuk-tag--red' },
};

const newFeedForm = z.object({
  address: z.string().trim().min(1, 'Enter the feed’s address, like https://example.org/api/services'),
  apply: z.enum(['preview', 'automatically'], { error: 'Choose when changes from the feed are applied' }),
});

const readingTag = { text: 'Being read', classes: 'govuk-tag--blue' };

function feedView(feed: FeedSubscriptionRecord, base: string, now: string) {
  const reading = (feed.refreshingUntil ?? '') > now;
  return {
    ...feed,
    href: `${base}/${feed.id}`,
    reading,
    tag: reading
      ? readingTag
      : feed.pendingAt
        ? resultTags.waiting
        : feed.lastResult
          ? resultTags[feed.lastResult]
          : undefined,
  };
}

function previewView(preview: FeedRefreshPreview) {
  const shown = <T>(list: readonly T[]) => ({
    items: list.slice(0, NAMES_SHOWN),
    more: Math.max(0, list.length - NAMES_SHOWN),
    count: list.length,
  });
  return {
    readAt: preview.readAt,
    added: shown(preview.added),
    changed: shown(preview.changed),
    withdrawn: shown(preview.withdrawn),
    skipped: preview.report?.skipped ?? 0,
    problems: shown(preview.report?.problems ?? []),
    kept: preview.report?.kept,
  };
}

/** What a refresh came to, for the page it leads to. */
const refreshFlash: Record<string, string> = {
  unchanged: 'The feed has not changed since it was last read.',
  applied: 'The feed’s changes were applied to the directory.',
  waiting: 'The feed has changes. Check them below before they are applied.',
  failed: 'The feed could not be read. The reason is below.',
  busy: 'The feed is being refreshed already. Look again in a minute.',
  started:
    'The feed is being read. This carries on if you leave the page: refresh the page to see the result.',
  confirmed: 'The changes were applied to the directory.',
  discarded: 'The changes were set aside. The next refresh will show them again if the feed still has them.',
};

/**
 * A partnership admin's feed subscriptions, beside the directory imports: subscribe the directory to an Open
 * Referral UK feed, refresh it now, check what a refresh would add, change and withdraw and confirm it, and
 * end a subscription.
 */
export function registerFeedSubscriptions(app: FastifyInstance, services: Services): void {
  const baseOf = (request: FastifyRequest) => `/p/${accessOf(request).partnership.slug}/imports/feeds`;
  const now = () => services.clock.now().toISOString();
  const feedOf = (request: FastifyRequest) =>
    services.feeds.find(
      accessOf(request).partnership.id,
      (request.params as { subscriptionId: string }).subscriptionId,
    );

  const showList = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string> = {},
    errors?: Readonly<Record<string, string>>,
  ) => {
    const { partnership } = accessOf(request);
    const base = baseOf(request);
    const feeds = await services.feeds.list(partnership.id);
    return reply.page(
      'imports/feeds.njk',
      {
        title: 'Feed subscriptions',
        partnership,
        action: base,
        feeds: feeds.map((feed) => feedView(feed, base, now())),
        healthHref: `${base}/health`,
        values,
        flash:
          text(request.query, 'done') === 'removed'
            ? 'The subscription was ended. The services it brought in stay in the directory.'
            : undefined,
        errors: errors ? formErrors(errors) : undefined,
        backLink: { href: `/p/${partnership.slug}/imports`, text: 'Import data' },
      },
      errors ? 400 : 200,
    );
  };

  app.get('/p/:slug/imports/feeds', { config }, (request, reply) => showList(request, reply));

  app.post('/p/:slug/imports/feeds', { config }, async (request, reply) => {
    const { partnership } = accessOf(request);
    const values = { address: text(request.body, 'address'), apply: text(request.body, 'apply') };
    try {
      const form = parseForm(newFeedForm, values);
      const feed = await services.feeds.subscribe(
        partnership.id,
        { address: form.address, applyAutomatically: form.apply === 'automatically' },
        actorOf(request),
      );
      const outcome = await services.feeds.startRefresh(partnership.id, feed.id, actorOf(request));
      return reply.redirect(`${baseOf(request)}/${feed.id}?done=${outcome}`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return showList(request, reply, values, error.fields);
    }
  });

  app.get('/p/:slug/imports/feeds/:subscriptionId', { config }, async (request, reply) => {
    const { partnership } = accessOf(request);
    const feed = await feedOf(request);
    const preview = await services.feeds.preview(partnership.id, feed.id);
    return reply.page('imports/feed.njk', {
      title: 'Feed subscription',
      partnership,
      feed: feedView(feed, baseOf(request), now()),
      healthHref: `${baseOf(request)}/health`,
      preview: preview ? previewView(preview) : undefined,
      flash: refreshFlash[text(request.query, 'done')],
      backLink: { href: baseOf(request), text: 'Feed subscriptions' },
    });
  });

  app.post('/p/:slug/imports/feeds/:subscriptionId/refresh', { config }, async (request, reply) => {
    const feed = await feedOf(request);
    const outcome = await services.feeds.startRefresh(feed.partnershipId, feed.id, actorOf(request));
    return reply.redirect(`${baseOf(request)}/${feed.id}?done=${outcome}`, 303);
  });

  app.post('/p/:slug/imports/feeds/:subscriptionId/confirm', { config }, async (request, reply) => {
    const feed = await feedOf(request);
    let done = 'confirmed';
    try {
      await services.feeds.confirm(feed.partnershipId, feed.id, actorOf(request));
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      done = 'busy';
    }
    return reply.redirect(`${baseOf(request)}/${feed.id}?done=${done}`, 303);
  });

  app.post('/p/:slug/imports/feeds/:subscriptionId/discard', { config }, async (request, reply) => {
    const feed = await feedOf(request);
    await services.feeds.discard(feed.partnershipId, feed.id);
    return reply.redirect(`${baseOf(request)}/${feed.id}?done=discarded`, 303);
  });

  app.get('/p/:slug/imports/feeds/:subscriptionId/remove', { config }, async (request, reply) => {
    const feed = await feedOf(request);
    return reply.page('imports/feed-remove.njk', {
      title: 'End this feed subscription?',
      partnership: accessOf(request).partnership,
      feed: feedView(feed, baseOf(request), now()),
      backLink: { href: `${baseOf(request)}/${feed.id}`, text: 'Back' },
    });
  });

  app.post('/p/:slug/imports/feeds/:subscriptionId/remove', { config }, async (request, reply) => {
    const feed = await feedOf(request);
    await services.feeds.unsubscribe(feed.partnershipId, feed.id, actorOf(request));
    return reply.redirect(`${baseOf(request)}?done=removed`, 303);
  });
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError } from '../../app/errors.js';
import { isUnderWay, publishedFeed } from '../../app/feeds/feed-health.js';
import type { FeedHealthCheckRecord } from '../../app/feeds/feed-health-ports.js';
import type { Services } from '../../app/services.js';
import { formErrors, text } from '../forms.js';
import { accessOf, actorOf } from './members.js';

const config = { access: { partnership: 'import-data' } } as const;

function statusTag(check: FeedHealthCheckRecord, now: string) {
  if (isUnderWay(check, now)) {
    return check.status === 'queued'
      ? { text: 'Waiting to start', classes: 'govuk-tag--grey' }
      : { text: 'Checking', classes: 'govuk-tag--blue' };
  }
  if (check.status === 'finished') {
    const problems = check.result?.problemCount ?? 0;
    return problems === 0
      ? { text: 'No problems', classes: 'govuk-tag--green' }
      : { text: 'Has problems', classes: 'govuk-tag--red' };
  }
  return { text: 'Could not finish', classes: 'govuk-tag--red' };
}

function checkView(check: FeedHealthCheckRecord | undefined, published: boolean, now: string) {
  if (!check) return undefined;
  const running = isUnderWay(check, now);
  const unit = published ? 'services' : 'pages';
  return {
    ...check,
    running,
    tag: statusTag(check, now),
    progress: check.total > 0 ? `${check.done} of ${check.total} ${unit} checked` : undefined,
    // A check whose instance stopped, and that no scheduled run has taken over yet, says so.
    stalled: check.status === 'running' && !running,
  };
}

/** What the page says after the form was sent. */
const flashes: Record<string, string> = {
  started: 'The check has started. It runs in the background: refresh this page to see how far it has got.',
};

/**
 * Feed health: checks the partnership's own published Open Referral UK feed and each feed it is subscribed to
 * against the standard, in the background, and lists what is wrong.
 */
export function registerFeedHealth(app: FastifyInstance, services: Services): void {
  const path = (request: FastifyRequest) => `/p/${accessOf(request).partnership.slug}/imports/feeds/health`;

  const show = async (
    request: FastifyRequest,
    reply: FastifyReply,
    errors?: Readonly<Record<string, string>>,
  ) => {
    const { partnership } = accessOf(request);
    const now = services.clock.now().toISOString();
    const [checks, subscriptions] = await Promise.all([
      services.feedHealth.latest(partnership.id),
      services.feeds.list(partnership.id),
    ]);
    const checkOf = (subscriptionId: string | null) =>
      checks.find((check) => check.subscriptionId === subscriptionId);
    const feeds = [
      {
        id: 'feed-published',
        name: 'Your published feed',
        description: `The directory’s own Open Referral UK feed, which other directories and apps read. Every page and every record is checked.`,
        target: publishedFeed,
        check: checkView(checkOf(null), true, now),
      },
      ...subscriptions.map((subscription, index) => ({
        id: `feed-${index + 1}`,
        name: `Subscribed feed ${index + 1}`,
        description: `The feed at ${subscription.address}. Every page is read again in full.`,
        target: subscription.id,
        check: checkView(checkOf(subscription.id), false, now),
      })),
    ];
    return reply.page(
      'imports/feed-health.njk',
      {
        title: 'Feed health',
        partnership,
        action: path(request),
        available: services.feedHealth.available,
        feeds,
        anyRunning: feeds.some((feed) => feed.check?.running),
        flash: flashes[text(request.query, 'done')],
        errors: errors ? formErrors(errors) : undefined,
        backLink: { href: `/p/${partnership.slug}/imports/feeds`, text: 'Feed subscriptions' },
      },
      errors ? 400 : 200,
    );
  };

  app.get('/p/:slug/imports/feeds/health', { config }, (request, reply) => show(request, reply));

  app.post('/p/:slug/imports/feeds/health', { config }, async (request, reply) => {
    const { partnership } = accessOf(request);
    try {
      await services.feedHealth.request(partnership.id, text(request.body, 'target'), actorOf(request));
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return show(request, reply, error.fields);
    }
    return reply.redirect(`${path(request)}?done=started`, 303);
  });
}

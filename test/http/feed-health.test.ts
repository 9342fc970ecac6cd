import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../support/browser.js';
import { httpDatabases } from '../support/http-databases.js';
import { startLoopbackServer, type LoopbackServer } from '../support/loopback-server.js';
import { createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

/**
 * The feed health page: checks the partnership's own published feed and a subscribed feed against the Open
 * Referral UK schemas in the background, and lists the problems; only the partnership's admins may see or
 * start it, and starting one needs the form's CSRF token.
 */

const good = { id: 'a6f1c2de-8a51-4b3c-9d4e-1f2a3b4c5d6e', name: 'Good Food Club', status: 'active' };
/** Two schema errors: a status the profile does not have, and an email address that is not one. */
const bad = {
  id: 'b6f1c2de-8a51-4b3c-9d4e-1f2a3b4c5d6e',
  name: 'Broken Benefits Advice',
  status: 'open',
  email: 'not an email',
};

/** A two-page ORUK 3.0 feed; page 2's envelope leaves out `empty`, which the HSDS page requires. */
function feedPage(page: number) {
  const contents = page === 1 ? [good] : [bad];
  return {
    total_items: 2,
    total_pages: 2,
    page_number: page,
    size: 1,
    first_page: page === 1,
    last_page: page === 2,
    ...(page === 1 ? { empty: false } : {}),
    contents,
  };
}

describe.each(httpDatabases())('feed health on $name', (database) => {
  let t: TestApp;
  let remove: () => Promise<void>;
  let feed: LoopbackServer;
  let admin: Browser;
  let partnershipId = '';
  let subscriptionId = '';
  const requested: string[] = [];
  /** While set, page 2 waits for it, so a test can look at a check or a read that is under way. */
  let gate: Promise<void> | undefined;
  let reachedGate: () => void = () => undefined;
  const page = '/p/northmoor/imports/feeds/health';

  beforeAll(async () => {
    const opened = await database.open();
    remove = opened.remove;
    feed = await startLoopbackServer(async (request, response) => {
      const url = new URL(request.url ?? '/', 'http://feed');
      requested.push(url.search);
      const number = Number(url.searchParams.get('page') ?? '1');
      if (number === 2 && gate) reachedGate();
      await (number === 2 ? gate : undefined);
      const body = JSON.stringify(feedPage(Number(url.searchParams.get('page') ?? '1')));
      response.writeHead(200, { 'content-type': 'application/json' }).end(body);
    });
    t = await createTestApp({ env: { ...opened.env, FEEDS_ALLOW_LOOPBACK: 'true' } });
    partnershipId = (await t.partnership('northmoor')).id;
    const subscription = await t.runtime.services.feeds.subscribe(
      partnershipId,
      { address: `${feed.origin}/services`, applyAutomatically: false },
      { userId: null, label: 'Test' },
    );
    subscriptionId = subscription.id;
    admin = new Browser(t.app);
    await admin.signIn(demoAccounts.northmoorAdmin, knownPassword);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await feed?.close();
    await remove?.();
  });

  const latest = async (subscription: string | null) =>
    (await t.runtime.services.feedHealth.latest(partnershipId)).find(
      (check) => check.subscriptionId === subscription,
    );

  it('is linked from the feeds page and the directory, and lists the feeds not checked yet', async () => {
    expect((await admin.get('/p/northmoor/imports/feeds')).body).toContain(`href="${page}"`);
    expect((await admin.get('/p/northmoor/directory')).body).toContain(`href="${page}"`);
    const response = await admin.get(page);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Your published feed');
    expect(response.body).toContain(`${feed.origin}/services`);
    expect(response.body.match(/Not checked yet/g)).toHaveLength(2);
  });

  it('refuses a check without the form’s CSRF token or of a feed it does not have, and starts nothing', async () => {
    await admin.get(page);
    const refused = await admin.post(page, { target: subscriptionId }, { csrf: false });
    expect(refused.statusCode).toBe(403);
    expect(await t.runtime.services.feedHealth.latest(partnershipId)).toEqual([]);
    await admin.get(page);
    const unknown = await admin.post(page, { target: 'not-a-feed-of-ours' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('Choose a feed to check');
    expect(await t.runtime.services.feedHealth.latest(partnershipId)).toEqual([]);
  });

  it('checks a subscribed feed in the background and lists each schema error in words', async () => {
    await admin.get(page);
    const started = await admin.post(page, { target: subscriptionId });
    expect(started.statusCode).toBe(303);
    expect(started.headers.location).toBe(`${page}?done=started`);
    await t.runtime.services.background.settled();
    expect(requested).toEqual(['', '?page=2']);

    const check = await latest(subscriptionId);
    expect(check).toMatchObject({ status: 'finished', done: 2, total: 2, error: null });
    expect(check?.result).toMatchObject({ pages: 2, records: 2, recordsWithProblems: 1, problemCount: 3 });
    expect(check?.result?.groups).toEqual(
      expect.arrayContaining([
        {
          document: 'service',
          field: 'status',
          problem: 'must be one of “active”, “inactive”, “defunct”, “temporarily closed”',
          count: 1,
          examples: [`Broken Benefits Advice (id ${bad.id})`],
        },
        {
          document: 'service',
          field: 'email',
          problem: 'is not a valid email address',
          count: 1,
          examples: [`Broken Benefits Advice (id ${bad.id})`],
        },
        {
          document: 'services page',
          field: 'empty',
          problem: 'is missing, and the standard requires it',
          count: 1,
          examples: ['page 2'],
        },
      ]),
    );

    const shown = (await admin.get(page)).body;
    expect(shown).toContain('Has problems');
    expect(shown).toContain(`Broken Benefits Advice (id ${bad.id})`);
    expect(shown).toContain('is not a valid email address');
    expect(shown).toContain('must be one of “active”');
    expect(shown).not.toContain('Good Food Club');
  });

  it('checks the published feed: every page and record of our own endpoints validates', async () => {
    await admin.get(page);
    expect((await admin.post(page, { target: 'published' })).statusCode).toBe(303);
    await t.runtime.services.background.settled();
    const check = await latest(null);
    const services = await t.runtime.services.oruk.services('northmoor', { page: 1, perPage: 1 });
    expect(check).toMatchObject({ status: 'finished', done: services.total_items });
    expect(check?.result?.problems).toEqual([]);
    // Each service is checked on its page and in full, and the other lists' items besides.
    expect(check?.result?.records).toBeGreaterThan(2 * services.total_items);
    const shown = (await admin.get(page)).body;
    expect(shown).toContain('No problems');
    expect(shown).toContain('Records checked');
  });

  it('shows a check and a read under way, with a link to refresh the page, and starts no second one', async () => {
    let release: () => void = () => undefined;
    gate = new Promise((resolve) => (release = resolve));
    const reached = new Promise<void>((resolve) => (reachedGate = resolve));
    await admin.get(page);
    expect((await admin.post(page, { target: subscriptionId })).statusCode).toBe(303);
    await reached;
    const running = await latest(subscriptionId);
    expect(running).toMatchObject({ status: 'running', done: 1, total: 2 });
    const shown = (await admin.get(page)).body;
    expect(shown).toContain('Checking');
    expect(shown).toContain('1 of 2 pages checked');
    expect(shown).toContain(
      `<a class="govuk-link" href="${page}">Refresh this page to see how far it has got</a>`,
    );
    expect((await admin.post(page, { target: subscriptionId })).statusCode).toBe(303);
    expect((await latest(subscriptionId))?.id).toBe(running?.id);

    const feedPage = `/p/northmoor/imports/feeds/${subscriptionId}`;
    const refreshed = await admin.post(`${feedPage}/refresh`);
    expect(refreshed.headers.location).toBe(`${feedPage}?done=started`);
    const reading = (await admin.get(String(refreshed.headers.location))).body;
    expect(reading).toContain('Being read');
    expect(reading).toContain('Refresh this page to see the result');
    expect(reading).not.toContain('Read the feed now</button>');
    release();
    gate = undefined;
    await t.runtime.services.background.settled();
    expect(await latest(subscriptionId)).toMatchObject({ status: 'finished', done: 2, total: 2 });
    expect((await admin.get(feedPage)).body).not.toContain('Being read');
  });

  it('finishes a check left waiting by an instance that stopped, through the scheduled jobs', async () => {
    const now = t.runtime.services.clock.now().toISOString();
    await t.runtime.services.store.feedHealthChecks.insert({
      id: 'c6f1c2de-8a51-4b3c-9d4e-1f2a3b4c5d6e',
      partnershipId,
      subscriptionId,
      status: 'running',
      done: 1,
      total: 2,
      result: null,
      error: null,
      requestedBy: 'Test',
      requestedAt: now,
      startedAt: now,
      finishedAt: null,
      runningUntil: '2000-01-01T00:00:00.000Z',
    });
    expect(await t.runtime.services.feedHealth.runWaiting()).toBe(1);
    expect(await latest(subscriptionId)).toMatchObject({ status: 'finished', done: 2 });
    expect(await t.runtime.services.feedHealth.runWaiting()).toBe(0);
  });

  it('is refused to other partnerships’ admins (404) and to members who cannot import (403)', async () => {
    const other = new Browser(t.app);
    await other.signIn(demoAccounts.eastbrookAdmin, knownPassword);
    await other.get('/p/eastbrook/imports/feeds/health');
    expect((await other.get(page)).statusCode).toBe(404);
    expect((await other.post(page, { target: 'published' })).statusCode).toBe(404);
    const council = new Browser(t.app);
    await council.signIn(demoAccounts.northmoorCouncil, knownPassword);
    await council.get('/p/northmoor/directory');
    expect((await council.get(page)).statusCode).toBe(403);
    expect((await council.post(page, { target: 'published' })).statusCode).toBe(403);
    expect((await council.get('/p/northmoor/directory')).body).not.toContain(`href="${page}"`);
  });
});

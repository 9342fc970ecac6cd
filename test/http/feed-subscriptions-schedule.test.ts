import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../support/browser.js';
import { httpDatabases } from '../support/http-databases.js';
import { startLoopbackServer, type LoopbackServer } from '../support/loopback-server.js';
import {
  createTestApp,
  demoAccounts,
  dumpTables,
  FakeClock,
  knownPassword,
  type TestApp,
} from '../support/test-app.js';

/**
 * Feed subscriptions that apply by themselves, refreshed by the scheduled jobs when due: services that leave
 * the feed are marked closed for good, a failing feed keeps the start of its failure spell until it reads
 * again, and only partnership admins see the pages.
 */

const items = (
  JSON.parse(
    fs.readFileSync(path.resolve('../shared/data/oruk/feeds/bristol_services_list_2024-12-18.json'), 'utf8'),
  ) as Record<string, unknown>[]
).slice(1, 31); // thirty services with names

/** A 1.0-shaped feed of the thirty services in pages of ten, which can be told to fail. */
class SmallFeed {
  served = [...items];
  failing = false;
  private server: LoopbackServer | undefined;
  address = '';

  private answer: http.RequestListener = (request, response) => {
    if (this.failing) return response.writeHead(503).end();
    const page = Number(new URL(request.url ?? '/', 'http://feed').searchParams.get('page') ?? '1');
    const content = this.served.slice((page - 1) * 10, page * 10);
    response
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ totalElements: this.served.length, totalPages: 3, number: page, content }));
  };

  async start() {
    this.server = await startLoopbackServer(this.answer);
    this.address = `${this.server.origin}/services`;
  }

  stop = () => this.server?.close();
}

describe.each(httpDatabases())('scheduled feed refreshes on $name', (database) => {
  let t: TestApp;
  let remove: () => Promise<void>;
  let feed: SmallFeed;
  const clock = new FakeClock();
  let partnershipId = '';
  let subscriptionId = '';

  beforeAll(async () => {
    const opened = await database.open();
    remove = opened.remove;
    feed = new SmallFeed();
    await feed.start();
    t = await createTestApp({ clock, env: { ...opened.env, FEEDS_ALLOW_LOOPBACK: 'true' } });
    partnershipId = (await t.partnership('eastbrook')).id;
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await feed?.stop();
    await remove?.();
  });

  const feeds = () => t.runtime.services.feeds;
  const current = () => feeds().find(partnershipId, subscriptionId);
  const fromFeed = () => t.runtime.services.store.directory.servicesFromSource(partnershipId, 'oruk');

  it('applies a feed that applies by itself as soon as it is subscribed', async () => {
    const admin = new Browser(t.app);
    await admin.signIn(demoAccounts.eastbrookAdmin, knownPassword);
    await admin.get('/p/eastbrook/imports/feeds');
    const response = await admin.post('/p/eastbrook/imports/feeds', {
      address: feed.address,
      apply: 'automatically',
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toContain('?done=started');
    await t.runtime.services.background.settled();
    subscriptionId = String(response.headers.location).replace(/\?.*$/, '').split('/').pop() as string;
    expect(await fromFeed()).toHaveLength(30);
    expect(await current()).toMatchObject({ lastResult: 'applied', pendingAt: null });
  });

  it('refreshes only when due, and marks services that left the feed closed for good', async () => {
    feed.served = items.slice(0, 28);
    expect(await feeds().refreshDue()).toBe(0); // read just now: not due yet
    clock.advanceMinutes(24 * 60);
    expect(await feeds().refreshDue()).toBe(1);
    const closed = (await fromFeed()).filter((s) => s.details.status === 'defunct');
    expect(closed.map((s) => s.provenance.sourceId).sort()).toEqual(
      items
        .slice(28)
        .map((item) => String(item.id))
        .sort(),
    );
    expect((await current())?.lastMessage).toBe('0 new, 0 changed and 2 withdrawn services');
    clock.advanceMinutes(24 * 60);
    expect(await feeds().refreshDue()).toBe(1);
    expect(await current()).toMatchObject({ lastResult: 'unchanged' });
  });

  const failureEmails = async () =>
    (await dumpTables(t.runtime)).outbox?.filter((row) => row.kind === 'feed-failed') ?? [];

  it('keeps the start of a failure spell until the feed reads again, emailing the admins once per spell', async () => {
    const admins = (await t.runtime.services.members.list(partnershipId))
      .filter((member) => member.role === 'partnership-admin')
      .map((member) => member.email);
    expect(admins).toContain(demoAccounts.eastbrookAdmin);
    feed.failing = true;
    clock.advanceMinutes(24 * 60);
    const spellStart = clock.now().toISOString();
    await feeds().refreshDue();
    expect(await current()).toMatchObject({ lastResult: 'failed', failingSince: spellStart });
    expect((await current())?.lastMessage).toContain('HTTP 503');
    clock.advanceMinutes(24 * 60);
    await feeds().refreshDue();
    expect(await current()).toMatchObject({ lastResult: 'failed', failingSince: spellStart });
    const emails = await failureEmails();
    expect(emails.map((row) => row.recipient).sort()).toEqual([...admins].sort());
    expect(String(emails[0]?.body_text)).toContain('HTTP 503');

    // The admin's dashboard says so; a viewer's (Northmoor's admin is a viewer in Eastbrook) does not.
    const admin = new Browser(t.app);
    await admin.signIn(demoAccounts.eastbrookAdmin, knownPassword);
    const dashboard = await admin.get('/p/eastbrook/');
    expect(dashboard.body).toContain(`href="/p/eastbrook/imports/feeds/${subscriptionId}"`);
    expect(dashboard.body).toContain('has not been read since');
    const viewer = new Browser(t.app);
    await viewer.signIn(demoAccounts.northmoorAdmin, knownPassword);
    const viewersDashboard = await viewer.get('/p/eastbrook/');
    expect(viewersDashboard.statusCode).toBe(200);
    expect(viewersDashboard.body).not.toContain('has not been read since');

    feed.failing = false;
    clock.advanceMinutes(24 * 60);
    await feeds().refreshDue();
    expect(await current()).toMatchObject({ lastResult: 'unchanged', failingSince: null });
    expect((await admin.get('/p/eastbrook/')).body).not.toContain('has not been read since');

    // A new spell is a new email.
    feed.failing = true;
    clock.advanceMinutes(24 * 60);
    await feeds().refreshDue();
    expect(await failureEmails()).toHaveLength(admins.length * 2);
    feed.failing = false;
    clock.advanceMinutes(24 * 60);
    await feeds().refreshDue();
  });

  it('shows the pages to partnership admins only', async () => {
    const council = new Browser(t.app);
    await council.signIn(demoAccounts.northmoorCouncil, knownPassword);
    expect((await council.get('/p/northmoor/imports/feeds')).statusCode).toBe(403);
    const admin = new Browser(t.app);
    await admin.signIn(demoAccounts.northmoorAdmin, knownPassword);
    expect((await admin.get(`/p/northmoor/imports/feeds/${subscriptionId}`)).statusCode).toBe(404);
    // Northmoor's admin is only a viewer in Eastbrook.
    expect((await admin.get(`/p/eastbrook/imports/feeds/${subscriptionId}`)).statusCode).toBe(403);
    expect((await admin.post(`/p/eastbrook/imports/feeds/${subscriptionId}/refresh`)).statusCode).toBe(403);
  });

  it('ends a subscription after asking, keeping the services it brought in', async () => {
    const admin = new Browser(t.app);
    await admin.signIn(demoAccounts.eastbrookAdmin, knownPassword);
    const ask = await admin.get(`/p/eastbrook/imports/feeds/${subscriptionId}/remove`);
    expect(ask.body).toContain('End this feed subscription?');
    const removed = await admin.post(`/p/eastbrook/imports/feeds/${subscriptionId}/remove`);
    expect(removed.headers.location).toBe('/p/eastbrook/imports/feeds?done=removed');
    expect(await feeds().list(partnershipId)).toEqual([]);
    expect(await fromFeed()).toHaveLength(30);
  });
});

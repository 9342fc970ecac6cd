import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedRefreshPreview } from '../../src/app/feeds/feed-preview.js';
import { serviceFormFor } from '../../src/domain/directory/service-form.js';
import { Browser } from '../support/browser.js';
import { httpDatabases } from '../support/http-databases.js';
import { startLoopbackServer, type LoopbackServer } from '../support/loopback-server.js';
import { createTestApp, demoAccounts, dumpTables, knownPassword, type TestApp } from '../support/test-app.js';

/**
 * The done-means for feed subscriptions: the Bristol Open Referral UK feed served in pages with ETags
 * from a loopback server; a subscription imports 817 services, a second refresh changes nothing (every page
 * answers 304), a changed page shows exactly the changed services in the preview, and a correction made here
 * survives the refresh.
 */

const bristol = JSON.parse(
  fs.readFileSync(path.resolve('../shared/data/oruk/feeds/bristol_services_list_2024-12-18.json'), 'utf8'),
) as Record<string, unknown>[];
const perPage = 100;

/** An ORUK 3.0 feed of the Bristol services in pages of 100, with an ETag per page that honours If-None-Match. */
class LoopbackFeed {
  readonly items = bristol.map((item) => structuredClone(item));
  readonly requests: { page: number; ifNoneMatch: string | undefined; status: number }[] = [];
  private server: LoopbackServer | undefined;
  address = '';

  private answer: http.RequestListener = (request, response) => {
    const url = new URL(request.url ?? '/', 'http://feed');
    const page = Number(url.searchParams.get('page') ?? '1');
    const totalPages = Math.ceil(this.items.length / perPage);
    const contents = this.items.slice((page - 1) * perPage, page * perPage);
    const body = JSON.stringify({
      total_items: this.items.length,
      total_pages: totalPages,
      page_number: page,
      size: contents.length,
      first_page: page === 1,
      last_page: page === totalPages,
      empty: contents.length === 0,
      contents,
    });
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    const ifNoneMatch = request.headers['if-none-match'];
    const status = ifNoneMatch === etag ? 304 : 200;
    this.requests.push({ page, ifNoneMatch, status });
    if (status === 304) return response.writeHead(304, { etag }).end();
    response.writeHead(200, { 'content-type': 'application/json', etag }).end(body);
  };

  async start() {
    this.server = await startLoopbackServer(this.answer);
    this.address = `${this.server.origin}/services?per_page=${perPage}`;
  }

  stop = () => this.server?.close();
}

describe.each(httpDatabases())('feed subscriptions on $name', (database) => {
  let t: TestApp;
  let remove: () => Promise<void>;
  let feed: LoopbackFeed;
  let admin: Browser;
  let feedPath = '';
  let partnershipId = '';

  beforeAll(async () => {
    const opened = await database.open();
    remove = opened.remove;
    feed = new LoopbackFeed();
    await feed.start();
    t = await createTestApp({ env: { ...opened.env, FEEDS_ALLOW_LOOPBACK: 'true' } });
    partnershipId = (await t.partnership('northmoor')).id;
    admin = new Browser(t.app);
    await admin.signIn(demoAccounts.northmoorAdmin, knownPassword);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await feed?.stop();
    await remove?.();
  });

  const fromFeed = () => t.runtime.services.store.directory.servicesFromSource(partnershipId, 'oruk');
  const lastResult = async () =>
    (await t.runtime.services.feeds.find(partnershipId, feedPath.split('/').pop() as string)).lastResult;
  const preview = async (): Promise<FeedRefreshPreview> => {
    const id = feedPath.split('/').pop() as string;
    const found = await t.runtime.services.feeds.preview(partnershipId, id);
    if (!found) throw new Error('No refresh is waiting');
    return found;
  };

  it(
    'subscribes, shows 817 new services first, and imports them when confirmed',
    { timeout: 120_000 },
    async () => {
      expect((await admin.get('/p/northmoor/imports/feeds')).statusCode).toBe(200);
      const subscribed = await admin.post('/p/northmoor/imports/feeds', {
        address: feed.address,
        apply: 'preview',
      });
      expect(subscribed.statusCode, subscribed.body.slice(0, 500)).toBe(303);
      feedPath = String(subscribed.headers.location).replace(/\?.*$/, '');
      // The feed is read in the background: the page answers at once and says so.
      expect(subscribed.headers.location).toContain('?done=started');
      await t.runtime.services.background.settled();
      expect(await lastResult()).toBe('waiting');
      expect(feed.requests.map((r) => [r.page, r.status])).toEqual(
        Array.from({ length: 9 }, (_, i) => [i + 1, 200]),
      );
      const first = await preview();
      expect(first.added).toHaveLength(817);
      expect(first.report).toMatchObject({ read: 819, imported: 817, skipped: 2 });
      expect(first.changed).toEqual([]);
      expect(await fromFeed()).toHaveLength(0);
      const page = await admin.get(feedPath);
      expect(page.body).toContain('New services: 817');
      expect(page.body).toContain('Problems in the feed');
      expect(page.body).toContain('The id 2af617e5');
      expect(page.body).toContain('Apply these changes');

      expect((await admin.post(`${feedPath}/confirm`)).statusCode).toBe(303);
      expect(await fromFeed()).toHaveLength(817);
      expect((await admin.get(feedPath)).body).toContain('817 new, 0 changed and 0 withdrawn services');
    },
  );

  it('refreshes again with nothing changed: every page answers 304 and nothing is written', async () => {
    feed.requests.length = 0;
    const before = await dumpTables(t.runtime);
    const refreshed = await admin.post(`${feedPath}/refresh`);
    expect(refreshed.headers.location).toContain('?done=started');
    await t.runtime.services.background.settled();
    expect(await lastResult()).toBe('unchanged');
    expect(feed.requests).toHaveLength(9);
    expect(feed.requests.every((r) => r.status === 304 && r.ifNoneMatch)).toBe(true);
    const after = await dumpTables(t.runtime);
    expect(after.services).toEqual(before.services);
    expect(after.service_local_edits).toEqual(before.service_local_edits);
  });

  it(
    'shows exactly the services a changed page changed, and keeps a correction made here',
    { timeout: 60_000 },
    async () => {
      const corrected = feed.items[350] as Record<string, unknown>;
      const other = feed.items[362] as Record<string, unknown>;
      const [correctedService] = await t.runtime.services.store.directory.servicesWithSourceIds(
        partnershipId,
        'oruk',
        [String(corrected.id)],
      );
      if (!correctedService) throw new Error('The service to correct was not imported');
      // An admin corrects the service's email address here.
      const user = await t.runtime.services.users.findByEmail(demoAccounts.northmoorAdmin);
      const member = user && (await t.runtime.services.store.memberships.find(partnershipId, user.id));
      if (!user || !member) throw new Error('No admin');
      await t.runtime.services.directory.update(
        partnershipId,
        correctedService.id,
        member,
        user,
        { ...serviceFormFor(correctedService.details), email: 'corrected@bristol.example' },
        { userId: user.id, label: user.displayName },
      );
      expect(
        await t.runtime.services.directory.fieldsChangedHere(partnershipId, correctedService.id),
      ).toEqual(['email']);
      // The feed changes both services on page 4, one of them in the field corrected here too.
      const newDescription = `${String(corrected.description)} Open on Sundays too.`;
      Object.assign(corrected, { email: 'feed@bristol.example', description: newDescription });
      Object.assign(other, { description: `${String(other.description)} Open on Sundays too.` });
      feed.requests.length = 0;

      const refreshed = await admin.post(`${feedPath}/refresh`);
      expect(refreshed.headers.location).toContain('?done=started');
      await t.runtime.services.background.settled();
      expect(await lastResult()).toBe('waiting');
      expect(feed.requests.filter((r) => r.status === 200).map((r) => r.page)).toEqual([4]);
      const waiting = await preview();
      expect(waiting.added).toEqual([]);
      expect(waiting.withdrawn).toEqual([]);
      expect(waiting.changed).toEqual(
        [
          { name: correctedService.details.name, fields: 'description' },
          { name: String(other.name).trim(), fields: 'description' },
        ].sort((a, b) => a.name.localeCompare(b.name)),
      );
      expect(waiting.report?.kept).toMatchObject({ services: 1, examples: [{ fields: 'email' }] });
      const page = await admin.get(feedPath);
      expect(page.body).toContain('Changed services: 2');
      expect(page.body).toContain('Changes made in Common Ground are kept');

      expect((await admin.post(`${feedPath}/confirm`)).statusCode).toBe(303);
      const [after] = await t.runtime.services.store.directory.servicesWithSourceIds(partnershipId, 'oruk', [
        String(corrected.id),
      ]);
      expect(after?.details.email).toBe('corrected@bristol.example');
      expect(after?.details.description).toContain('Open on Sundays too.');
      expect(after?.details.description).not.toBe(correctedService.details.description);

      feed.requests.length = 0;
      expect((await admin.post(`${feedPath}/refresh`)).headers.location).toContain('?done=started');
      await t.runtime.services.background.settled();
      expect(await lastResult()).toBe('unchanged');
      expect(feed.requests.every((r) => r.status === 304)).toBe(true);
    },
  );
});

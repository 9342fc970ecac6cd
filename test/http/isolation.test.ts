import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteTableEntry } from '../../src/web/access-types.js';
import { Browser } from '../support/browser.js';
import {
  createTestApp,
  demoAccounts,
  dumpTables,
  FakeClock,
  knownPassword,
  type TableDump,
  type TestApp,
} from '../support/test-app.js';

/**
 * Tenant isolation, for every partnership route in the route table: a person signed in to one partnership
 * gets 404 from every route of another, whatever the method, and nothing in the database changes.
 */

// A form that would change something if any route accepted it.
const hostileForm = {
  email: 'intruder@example.org',
  role: 'partnership-admin',
  organisationId: '',
  name: 'Intruder Limited',
  kind: 'vcs',
  identifier: 'GB-CHC-1999999',
  displayName: 'Intruder',
  confirm: 'yes',
};

let t: TestApp;
let northmoorId: string;

const partnershipRoutes = () => t.app.routeTable.filter((route) => route.url.startsWith('/p/:slug'));

/** Ignores what merely reading pages may touch: when each session was last seen. */
function comparable(dump: TableDump): TableDump {
  return {
    ...dump,
    sessions: (dump.sessions ?? []).map(({ last_seen_at: _lastSeen, ...rest }) => rest),
  };
}

/** A real id from the partnership for a parameter such as `:membershipId` (table `memberships`), if there is one. */
function realIdFor(param: string, dump: TableDump, partnershipId: string): string | undefined {
  const stem = param.replace(/Id$/, '').toLowerCase();
  for (const [table, rows] of Object.entries(dump)) {
    const singular = table.replace(/_/g, '').replace(/s$/, '');
    if (!singular.endsWith(stem)) continue;
    const row = rows.find((r) => r.partnership_id === partnershipId && typeof r.id === 'string');
    if (row) return row.id as string;
  }
  return undefined;
}

/** The route's address with `slug`, and ids from `idsFrom` (or random ones); `realIds` counts the real ones. */
function urlFor(route: RouteTableEntry, slug: string, dump: TableDump, idsFrom: string) {
  let realIds = 0;
  const url = route.url
    .replace(/:(\w+)/g, (_match, param: string) => {
      if (param === 'slug') return slug;
      const id = realIdFor(param, dump, idsFrom);
      if (id) realIds += 1;
      return id ?? randomUUID();
    })
    .replace(/\*/g, 'anything');
  return { url, realIds };
}

beforeAll(async () => {
  t = await createTestApp({ clock: new FakeClock() });
  northmoorId = (await t.partnership('northmoor')).id;
  // Something of each kind to aim at: a pending invitation in each partnership.
  const inviter = { userId: null, label: 'test' };
  await t.runtime.services.members.invite(
    await t.partnership('northmoor'),
    { email: 'pending@northmoor.example', role: 'viewer', organisationId: null },
    inviter,
  );
  await t.runtime.services.members.invite(
    await t.partnership('eastbrook'),
    { email: 'pending@eastbrook.example', role: 'viewer', organisationId: null },
    inviter,
  );
  await t.runtime.services.feeds.subscribe(
    northmoorId,
    { address: 'https://feed.example/services', applyAutomatically: false },
    inviter,
  );
});

afterAll(async () => {
  await t.close();
});

describe('the route table', () => {
  it('has enough partnership routes for the sweep to mean something', () => {
    expect(partnershipRoutes().length).toBeGreaterThan(10);
    expect(partnershipRoutes().some((route) => route.method === 'POST')).toBe(true);
  });
});

describe.each([
  ['an admin of another partnership', demoAccounts.eastbrookAdmin],
  ['a national admin with no memberships', demoAccounts.national],
])('signed in as %s', (_label, email) => {
  it('gets 404 from every route of northmoor, and nothing changes', async () => {
    const browser = new Browser(t.app);
    expect((await browser.signIn(email, knownPassword)).statusCode).toBe(303);
    expect(browser.csrfToken).toBeTruthy();

    const before = await dumpTables(t.runtime);
    let covered = 0;
    for (const route of partnershipRoutes()) {
      const { url } = urlFor(route, 'northmoor', before, northmoorId);
      const response = await browser.send(route.method, url, hostileForm);
      expect({ route: `${route.method} ${url}`, status: response.statusCode }).toEqual({
        route: `${route.method} ${url}`,
        status: 404,
      });
      expect(response.body).toContain('Page not found');
      expect(response.body).not.toContain('Northmoor Council and Communities Partnership');
      covered += 1;
    }
    expect(covered).toBeGreaterThan(10);
    expect(comparable(await dumpTables(t.runtime))).toEqual(comparable(before));
  });
});

describe('an admin using their own partnership’s address with another partnership’s ids', () => {
  it('gets 404 from every route that takes an id, and nothing changes', async () => {
    const browser = new Browser(t.app);
    await browser.signIn(demoAccounts.eastbrookAdmin, knownPassword);
    const before = await dumpTables(t.runtime);
    const routes = partnershipRoutes().filter((route) => /:(?!slug\b)\w+/.test(route.url));
    expect(routes.length).toBeGreaterThan(3);
    let realIds = 0;
    for (const route of routes) {
      const target = urlFor(route, 'eastbrook', before, northmoorId);
      const response = await browser.send(route.method, target.url, hostileForm);
      expect({ route: `${route.method} ${target.url}`, status: response.statusCode }).toEqual({
        route: `${route.method} ${target.url}`,
        status: 404,
      });
      realIds += target.realIds;
    }
    // Northmoor's real member and invitation ids were tried, not only made-up ones.
    expect(realIds).toBeGreaterThan(3);
    expect(comparable(await dumpTables(t.runtime))).toEqual(comparable(before));
  });
});

describe('members of a partnership', () => {
  it('get 200 from every page of their own partnership that they may see', async () => {
    const browser = new Browser(t.app);
    await browser.signIn(demoAccounts.northmoorAdmin, knownPassword);
    const dump = await dumpTables(t.runtime);
    let checked = 0;
    for (const route of partnershipRoutes().filter((r) => r.method === 'GET')) {
      const { url, realIds } = urlFor(route, 'northmoor', dump, northmoorId);
      // A page about something this test made none of (no real id to use) cannot be expected to exist.
      if (realIds < (route.url.match(/:\w+/g) ?? []).length - 1) continue;
      let response = await browser.get(url);
      // An old address kept as a permanent redirect must lead to a page of the same partnership.
      if (response.statusCode === 301) {
        const location = String(response.headers.location);
        expect(location, url).toMatch(/^\/p\/northmoor\//);
        response = await browser.get(location);
      }
      expect({ url, status: response.statusCode }).toEqual({ url, status: 200 });
      // 360Giving's flattened spreadsheet has only the standard's columns, so it has no place for the name; it
      // is built from the same package as the JSON download, whose title names the partnership.
      if (!/\/360giving\.(csv|xlsx)$/.test(url))
        expect(response.body, url).toContain('Northmoor Council and Communities Partnership');
      checked += 1;
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('see each partnership they belong to in its role, and no other', async () => {
    const admin = new Browser(t.app);
    await admin.signIn(demoAccounts.eastbrookAdmin, knownPassword);
    expect((await admin.get('/p/eastbrook/')).statusCode).toBe(200);
    expect((await admin.get('/p/eastbrook/members')).statusCode).toBe(200);

    // The northmoor admin is only a viewer in eastbrook.
    const viewerThere = new Browser(t.app);
    await viewerThere.signIn(demoAccounts.northmoorAdmin, knownPassword);
    expect((await viewerThere.get('/p/eastbrook/')).statusCode).toBe(200);
    expect((await viewerThere.get('/p/eastbrook/members')).statusCode).toBe(403);

    const viewer = new Browser(t.app);
    await viewer.signIn(demoAccounts.northmoorViewer, knownPassword);
    expect((await viewer.get('/p/northmoor/')).statusCode).toBe(200);
    expect((await viewer.get('/p/eastbrook/')).statusCode).toBe(404);
    expect((await viewer.get('/p/no-such-partnership/')).statusCode).toBe(404);
  });

  it('do not see another partnership’s pending invitations or organisations', async () => {
    const browser = new Browser(t.app);
    await browser.signIn(demoAccounts.eastbrookAdmin, knownPassword);
    const members = await browser.get('/p/eastbrook/members');
    expect(members.body).toContain('pending@eastbrook.example');
    expect(members.body).not.toContain('pending@northmoor.example');
    const organisations = await browser.get('/p/eastbrook/organisations');
    expect(organisations.body).toContain('Eastbrook Gurdwara');
    expect(organisations.body).not.toContain('Northmoor Food Bank');
  });
});

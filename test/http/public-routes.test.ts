import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteTableEntry } from '../../src/web/access-types.js';
import { Browser } from '../support/browser.js';
import { createTestApp, dumpTables, type TestApp } from '../support/test-app.js';

/**
 * The only routes anyone may use without signing in. Adding a public route means adding it here, on purpose.
 */
const publicRoutes = [
  'GET /',
  'GET /healthz',
  'GET /accessibility',
  'GET /privacy',
  'GET /cookies',
  'GET /sign-in',
  'POST /sign-in',
  'GET /signed-out',
  // Shown after someone deletes their own account, when they are no longer signed in.
  'GET /account-deleted',
  'GET /password-reset',
  'POST /password-reset',
  'GET /password/:token',
  'POST /password/:token',
  'GET /invitations/:token',
  'POST /invitations/:token',
  // Respondent links for assessment rounds: a group's shareable link and a personal link. The token is the key.
  'GET /share/:token',
  'POST /share/:token',
  'GET /respond/:token',
  'GET /respond/:token/questions/:code',
  'POST /respond/:token/questions/:code',
  'GET /respond/:token/saved',
  'GET /respond/:token/check',
  'POST /respond/:token/submit',
  'GET /respond/:token/done',
  // The "stop these reminders" link in reminder emails: a signed token names who and which kind.
  'GET /reminders/stop/:token',
  'POST /reminders/stop/:token',
  'GET /assets/*',
  'GET /static/*',
  'GET /api/v1/openapi.json',
  // The guidance library: anyone may read it; signing in adds the buttons that add actions to a plan.
  'GET /guidance',
  'GET /guidance/:article',
  // Each partnership's Open Referral UK 3.0 feed: the public directory (hidden places never appear).
  'GET /oruk/:slug',
  'GET /oruk/:slug/',
  'GET /oruk/:slug/openapi.json',
  'GET /oruk/:slug/services',
  'GET /oruk/:slug/services/:id',
  'GET /oruk/:slug/service_at_locations',
  'GET /oruk/:slug/service_at_locations/:id',
  'GET /oruk/:slug/organizations',
  'GET /oruk/:slug/organizations/:id',
  'GET /oruk/:slug/taxonomies',
  'GET /oruk/:slug/taxonomies/:id',
  'GET /oruk/:slug/taxonomy_terms',
  'GET /oruk/:slug/taxonomy_terms/:id',
  // The feeds' CORS preflight, answered by @fastify/cors for any path under /oruk.
  'OPTIONS /oruk*',
];

/** Public only in demo mode, where they show the outbox so people can try the service without email. */
const demoOnlyPublicRoutes = ['GET /demo/mail', 'GET /demo/mail/:messageId'];

const key = (route: RouteTableEntry) => `${route.method} ${route.url}`;
const sampleUrl = (url: string) =>
  url
    .replace(/:slug\b/g, 'northmoor')
    .replace(/:\w+/g, 'f0e1d2c3-0000-4000-8000-000000000000')
    .replace('*', 'x');

describe.each([
  ['demo mode', 'true', [...publicRoutes, ...demoOnlyPublicRoutes]],
  ['without demo mode', 'false', publicRoutes],
])('in %s', (_label, demo, expected) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { DEMO: demo } });
    await t.app.ready();
  });
  afterAll(async () => {
    await t.close();
  });

  it('the public routes are exactly the allow-list', () => {
    const actual = t.app.routeTable.filter((route) => route.access === 'public').map(key);
    expect([...actual].sort()).toEqual([...expected].sort());
  });

  it('every other page sends someone who is not signed in to the sign-in page', async () => {
    const routes = t.app.routeTable.filter((r) => r.method === 'GET' && r.access !== 'public');
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes) {
      const url = sampleUrl(route.url);
      const response = await t.app.inject({ method: 'GET', url });
      if (route.access === 'api') {
        expect({ url, status: response.statusCode }).toEqual({ url, status: 401 });
        expect(response.json()).toMatchObject({ error: 'Unauthorised' });
      } else {
        expect({ url, status: response.statusCode }).toEqual({ url, status: 303 });
        expect(response.headers.location).toBe(`/sign-in?next=${encodeURIComponent(url)}`);
      }
    }
  });

  it('every other form, sent with a valid CSRF token but no session, goes to sign-in and changes nothing', async () => {
    const browser = new Browser(t.app);
    await browser.get('/sign-in');
    expect(browser.csrfToken).toBeTruthy();
    const before = await dumpTables(t.runtime);
    const routes = t.app.routeTable.filter((r) => r.method !== 'GET' && r.access !== 'public');
    expect(routes.length).toBeGreaterThan(5);
    for (const route of routes) {
      const url = sampleUrl(route.url);
      const response = await browser.send(route.method, url, { name: 'Anonymous', email: 'x@example.org' });
      expect({ url, status: response.statusCode, location: response.headers.location }).toEqual({
        url,
        status: route.access === 'api' ? 401 : 303,
        location: route.access === 'api' ? undefined : '/sign-in',
      });
    }
    expect(await dumpTables(t.runtime)).toEqual(before);
  });

  it('the public pages without parameters answer anyone', async () => {
    for (const route of expected.filter((r) => r.startsWith('GET ') && !/[:*]/.test(r))) {
      const url = route.slice(4);
      const response = await t.app.inject({ method: 'GET', url });
      expect({ url, status: response.statusCode }).toEqual({ url, status: 200 });
    }
    const asset = await t.app.inject({ method: 'GET', url: '/assets/images/favicon.ico' });
    expect(asset.statusCode).toBe(200);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, type Response } from '../support/browser.js';
import { hostileRedirects } from '../support/hostile-redirects.js';
import { createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

/** Issue 15, defect 3: every `next` lands on this site, and every error is a GOV.UK page or problem JSON. */

const site = 'https://common-ground.example';

function expectOnSite(location: unknown) {
  expect(typeof location).toBe('string');
  const value = String(location);
  expect(value).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
  expect(new URL(value, site).origin).toBe(site);
}

/** The `next` the sign-in form would send back. */
function hiddenNext(body: string): string {
  const value = /<input type="hidden" name="next" value="([^"]*)">/.exec(body)?.[1];
  if (value === undefined) throw new Error('The page has no next field');
  return value
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function expectGovukPage(response: Response, status: number, title: string | RegExp) {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(response.headers['content-security-policy']).toContain("default-src 'self'");
  expect(response.body).toContain('govuk-template');
  expect(response.body).toMatch(
    typeof title === 'string' ? `<h1 class="govuk-heading-l">${title}</h1>` : title,
  );
  expect(response.body).not.toMatch(/FST_|statusCode|Error:|\bat .+\.(ts|js):\d+/);
}

function expectProblem(response: Response, status: number, detail: RegExp) {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
  const body = response.json<Record<string, unknown>>();
  expect(body).toMatchObject({ type: 'about:blank', status, title: expect.any(String) });
  expect(body.detail).toMatch(detail);
  expect(response.body).not.toMatch(/FST_|statusCode|stack/);
}

describe('redirects after signing in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it.each(hostileRedirects)(
    'POST /sign-in with a hostile next (%s) lands on this site',
    async (_name, next) => {
      const browser = new Browser(t.app);
      await browser.get('/sign-in');
      const response = await browser.post('/sign-in', {
        email: demoAccounts.northmoorViewer,
        password: knownPassword,
        next,
      });
      expect(response.statusCode).toBe(303);
      expectOnSite(response.headers.location);
      // Form fields are trimmed, so a value whose hostile part was surrounding white space may keep its path.
      expect(['/', next.trim()]).toContain(response.headers.location);
    },
  );

  it.each(hostileRedirects)(
    'a refused sign-in keeps no hostile next (%s) in its form',
    async (_name, next) => {
      const browser = new Browser(t.app);
      await browser.get('/sign-in');
      const response = await browser.post('/sign-in', {
        email: demoAccounts.northmoorViewer,
        password: 'wrong',
        next,
      });
      expect(response.statusCode).toBe(400);
      expectOnSite(hiddenNext(response.body));
      expect(['/', next.trim()]).toContain(hiddenNext(response.body));
    },
  );

  it.each(hostileRedirects)(
    'GET /sign-in?next= with a hostile value (%s) keeps only the start page',
    async (_name, next) => {
      const response = await t.app.inject({
        method: 'GET',
        url: `/sign-in?next=${encodeURIComponent(next)}`,
      });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('<input type="hidden" name="next" value="/">');
    },
  );

  it('still returns people to the page on this site they asked for', async () => {
    const browser = new Browser(t.app);
    await browser.get('/sign-in?next=%2Fp%2Fnorthmoor%2Frounds%3Fpage%3D2');
    const response = await browser.post('/sign-in', {
      email: demoAccounts.northmoorViewer,
      password: knownPassword,
      next: '/p/northmoor/rounds?page=2',
    });
    expect(response.headers.location).toBe('/p/northmoor/rounds?page=2');
  });

  it('a redirect whose address a header cannot carry gives the 500 page, not raw JSON', async () => {
    const app = await createTestApp({ seed: false });
    try {
      app.app.get('/test-only/bad-redirect', { config: { access: 'public' } }, async (_request, reply) =>
        reply.redirect('/account\r\nSet-Cookie: stolen=1', 303),
      );
      const response = await app.app.inject({ method: 'GET', url: '/test-only/bad-redirect' });
      expectGovukPage(response, 500, 'Sorry, there is a problem with the service');
      expect(response.headers.location).toBeUndefined();
      expect(String(response.headers['set-cookie'] ?? '')).not.toContain('stolen');
    } finally {
      await app.close();
    }
  });
});

describe('error pages for addresses and requests the service cannot take', () => {
  let t: TestApp;
  let member: Browser;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp();
    member = new Browser(t.app);
    await member.signIn(demoAccounts.northmoorCouncil, knownPassword);
    const user = await t.runtime.services.users.findByEmail(demoAccounts.northmoorCouncil);
    if (!user) throw new Error('no demo user');
    token = (await t.runtime.services.apiTokens.create(user, 'errors test')).token;
  });
  afterAll(async () => {
    await t.close();
  });

  const malformedPages = [
    '/p/%E0%A4%A',
    '/p/%E0%A4%A/',
    '/p/northmoor/rounds/%ZZ',
    '/no-such%',
    '/respond/%C0%AF/check',
  ];

  it.each(malformedPages)('GET %s gives the GOV.UK 400 page', async (url) => {
    for (const response of [await t.app.inject({ method: 'GET', url }), await member.get(url)]) {
      expectGovukPage(response, 400, 'There is a problem with the web address');
    }
  });

  it('a form posted to a malformed address gives the 400 page too', async () => {
    expectGovukPage(await member.post('/p/%E0%A4%A/actions'), 400, 'There is a problem with the web address');
  });

  it('an over-long part of an address gives the GOV.UK 414 page', async () => {
    expectGovukPage(await member.get(`/p/${'a'.repeat(300)}/`), 414, 'The web address is too long');
  });

  it.each([
    '/api/v1/partnerships/%E0%A4%A/rounds/x/results',
    '/oruk/%E0%A4%A/services',
    '/oruk/northmoor/services/%E0%A4%A',
  ])('GET %s answers problem details', async (url) => {
    const response = await t.app.inject({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${token}` },
    });
    expectProblem(response, 400, /web address/);
  });

  it('an over-long API address answers problem details', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/oruk/${'a'.repeat(300)}/services` });
    expectProblem(response, 414, /longer than any address/);
  });

  it('a form larger than the limit gives a 413 page that names the limit', async () => {
    await member.get('/account');
    const response = await member.post('/sign-out', { padding: 'x'.repeat(1_100_000) });
    expectGovukPage(response, 413, 'What you sent is too large');
    expect(response.body).toContain('the limit is 1 MB');
  });

  it('an API body larger than the limit answers problem details naming the limit', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/partnerships/northmoor/matching/runs',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ themes: ['x'.repeat(1_100_000)] }),
    });
    expectProblem(response, 413, /the limit is 1 MB/);
  });

  it('too many requests to a limited form gives the GOV.UK 429 page with the wait', async () => {
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let attempt = 0; attempt < 11; attempt += 1) {
      last = await t.app.inject({
        method: 'POST',
        url: '/password-reset',
        remoteAddress: '192.0.2.200',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'email=someone%40northmoor.example',
      });
      statuses.push(last.statusCode);
    }
    expect(statuses[10]).toBe(429);
    if (!last) throw new Error('no response');
    expectGovukPage(last, 429, 'Too many attempts');
    expect(last.body).toContain('Wait 15 minutes, then try again.');
  });

  it('a missing page and an unknown API address', async () => {
    expectGovukPage(await member.get('/p/northmoor/no-such-page'), 404, 'Page not found');
    expectProblem(
      await t.app.inject({ method: 'GET', url: '/oruk/northmoor/no-such-thing' }),
      404,
      /no such/,
    );
  });

  it('an unauthorised API call answers problem details with its challenge', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/me' });
    expectProblem(response, 401, /personal access token/);
    expect(response.headers['www-authenticate']).toBe('Bearer');
    expect(response.json()).toMatchObject({ error: 'Unauthorised' });
  });
});

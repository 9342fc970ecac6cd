import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../support/browser.js';
import { createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Browser;

beforeAll(async () => {
  t = await createTestApp();
  admin = new Browser(t.app);
  await admin.signIn(demoAccounts.northmoorAdmin, knownPassword);
});
afterAll(async () => {
  await t.close();
});

const me = (authorization?: string) =>
  t.app.inject({ method: 'GET', url: '/api/v1/me', headers: authorization ? { authorization } : {} });

/** Creates a token on the account page; answers the token shown and the page. */
async function createToken(browser: Browser, name: string) {
  await browser.get('/account');
  const page = await browser.post('/account/tokens', { name });
  const token = /id="new-token">(cg_[^<\s]+)</.exec(page.body)?.[1];
  return { token, page };
}

describe('personal access tokens', () => {
  it('are shown once when created, and give the owner’s partnerships and roles', async () => {
    const { token, page } = await createToken(admin, 'Needs data upload');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Token “Needs data upload” created');
    expect(token).toBeDefined();

    const later = await admin.get('/account');
    expect(later.body).toContain('Needs data upload');
    expect(later.body).not.toContain(token);

    const response = await me(`Bearer ${token}`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ email: demoAccounts.northmoorAdmin, nationalAdmin: false });
    expect(body.partnerships).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ slug: 'northmoor', role: 'partnership-admin' }),
        expect.objectContaining({ slug: 'eastbrook', role: 'viewer' }),
      ]),
    );
    expect(body.partnerships).toHaveLength(2);
  });

  it('only show the token owner’s own partnerships', async () => {
    const eastbrook = new Browser(t.app);
    await eastbrook.signIn(demoAccounts.eastbrookAdmin, knownPassword);
    const { token } = await createToken(eastbrook, 'Eastbrook script');
    const body = (await me(`Bearer ${token}`)).json();
    expect(body.partnerships.map((p: { slug: string }) => p.slug)).toEqual(['eastbrook']);
  });

  it('need a name', async () => {
    const { token, page } = await createToken(admin, '   ');
    expect(page.statusCode).toBe(400);
    expect(token).toBeUndefined();
    expect(page.body).toContain('Enter a name for the token');
  });

  it('stop working when revoked, and only their owner can revoke them', async () => {
    const { token } = await createToken(admin, 'Short-lived');
    const [record] = (
      await t.runtime.services.store.apiTokens.listForUser(
        (await t.runtime.services.users.findByEmail(demoAccounts.northmoorAdmin))?.id ?? '',
      )
    ).filter((r) => r.name === 'Short-lived');
    expect(record).toBeDefined();

    const someoneElse = new Browser(t.app);
    await someoneElse.signIn(demoAccounts.northmoorViewer, knownPassword);
    await someoneElse.get('/account');
    await someoneElse.post(`/account/tokens/${record?.id}/revoke`);
    expect((await me(`Bearer ${token}`)).statusCode).toBe(200);

    await admin.get('/account');
    const revoked = await admin.post(`/account/tokens/${record?.id}/revoke`);
    expect(revoked.statusCode).toBe(303);
    const response = await me(`Bearer ${token}`);
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ error: 'Unauthorised' });
    expect((await admin.get('/account')).body).toContain('Revoked');
  });

  it('are required: no token, a wrong one or a session cookie all get 401 JSON', async () => {
    for (const authorization of [undefined, 'Bearer cg_not-a-real-token', 'Basic dXNlcjpwYXNz', 'Bearer']) {
      const response = await me(authorization);
      expect({ authorization, status: response.statusCode }).toEqual({ authorization, status: 401 });
      expect(response.headers['www-authenticate']).toBe('Bearer');
      expect(response.json()).toMatchObject({ error: 'Unauthorised' });
    }
    const withCookie = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: `cg_session=${admin.sessionCookie}` },
    });
    expect(withCookie.statusCode).toBe(401);
  });
});

describe('the OpenAPI description', () => {
  it('is public OpenAPI 3.1 describing /me', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/json');
    const document = response.json();
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(document.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(document.servers).toEqual([{ url: 'http://localhost:3000/api/v1' }]);
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    const getMe = document.paths['/me'].get;
    expect(Object.keys(getMe.responses)).toEqual(expect.arrayContaining(['200', '401']));
    expect(getMe.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/Me');
    expect(document.components.schemas.Me.required).toEqual(
      expect.arrayContaining(['email', 'partnerships']),
    );
  });

  it('documents every API route the app has', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const apiRoutes = t.app.routeTable.filter((r) => r.access === 'api' && r.url.startsWith('/api/v1/'));
    expect(apiRoutes.length).toBeGreaterThan(0);
    for (const route of apiRoutes) {
      const path = route.url.replace(/^\/api\/v1/, '').replace(/:(\w+)/g, '{$1}');
      expect(
        document.paths[path]?.[route.method.toLowerCase()],
        `${route.method} ${route.url}`,
      ).toBeDefined();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, type Response } from '../support/browser.js';
import { createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

const internalMessage = 'kaboom: secret internal detail from /srv/common-ground/src/thing.ts';

function expectGovukErrorPage(response: Response, status: number, title: string) {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toContain('text/html');
  expect(response.body).toContain('govuk-template');
  expect(response.body).toContain(`<h1 class="govuk-heading-l">${title}</h1>`);
  expect(response.body).not.toContain(internalMessage);
  expect(response.body).not.toMatch(/\bat .+\.(ts|js):\d+/);
  expect(response.body).not.toMatch(/stack|Error:/i);
}

describe('error pages and security headers', () => {
  let t: TestApp;
  let member: Browser;
  beforeAll(async () => {
    t = await createTestApp();
    t.app.get('/test-only/boom', { config: { access: 'public' } }, async () => {
      throw new Error(internalMessage);
    });
    member = new Browser(t.app);
    await member.signIn(demoAccounts.northmoorCouncil, knownPassword);
  });
  afterAll(async () => {
    await t.close();
  });

  it('every page has a strict Content Security Policy', async () => {
    for (const url of ['/', '/sign-in', '/p/northmoor/', '/no-such-page']) {
      const csp = String((await member.get(url)).headers['content-security-policy'] ?? '');
      expect(csp).toMatch(/(^|;)\s*script-src 'self'(;|$)/);
      expect(csp).toMatch(/(^|;)\s*default-src 'self'(;|$)/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
    }
  });

  it('a missing page gives a GOV.UK-style 404', async () => {
    expectGovukErrorPage(await member.get('/no-such-page'), 404, 'Page not found');
    expectGovukErrorPage(await member.get('/p/northmoor/no-such-page'), 404, 'Page not found');
    // The same for someone not signed in: an unknown address is not a reason to sign in.
    expectGovukErrorPage(await t.app.inject({ method: 'GET', url: '/no-such-page' }), 404, 'Page not found');
    expect((await t.app.inject({ method: 'GET', url: '/static/no-such-file.css' })).statusCode).toBe(404);
  });

  it('a forbidden page gives a GOV.UK-style 403', async () => {
    expectGovukErrorPage(
      await member.get('/p/northmoor/members'),
      403,
      'You do not have permission to see this page',
    );
    expectGovukErrorPage(await member.get('/national'), 403, 'You do not have permission to see this page');
  });

  it('a failure gives a GOV.UK-style 500 that never shows the error', async () => {
    expectGovukErrorPage(
      await member.get('/test-only/boom'),
      500,
      'Sorry, there is a problem with the service',
    );
    expectGovukErrorPage(
      await t.app.inject({ method: 'GET', url: '/test-only/boom' }),
      500,
      'Sorry, there is a problem with the service',
    );
  });

  it('the API answers errors as problem details (RFC 9457), keeping its older error and message keys', async () => {
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/no-such-thing' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(missing.json()).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'There is no such resource.',
      error: 'Not found',
      message: 'There is no such resource.',
    });
  });

  it('GET /healthz answers ok while the database is up', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });
});

describe('when the database is down', () => {
  let t: TestApp;
  let member: Browser;
  beforeAll(async () => {
    t = await createTestApp();
    member = new Browser(t.app);
    await member.signIn(demoAccounts.northmoorCouncil, knownPassword);
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    await t.runtime.handle.close();
  });
  afterAll(async () => {
    await t.close();
  });

  it('GET /healthz answers 503', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ status: 'unavailable' });
  });

  it('pages give the 500 page without details', async () => {
    expectGovukErrorPage(
      await member.get('/p/northmoor/'),
      500,
      'Sorry, there is a problem with the service',
    );
  });
});

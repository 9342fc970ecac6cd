import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, type Response } from '../support/browser.js';
import { createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

const genericError = 'Enter the email address and password for your account. Check both and try again.';

function setCookieLine(response: Response, name: string): string {
  const header = response.headers['set-cookie'];
  const lines = Array.isArray(header) ? header : header ? [header] : [];
  const line = lines.find((l) => l.startsWith(`${name}=`));
  if (!line) throw new Error(`No ${name} cookie was set`);
  return line;
}

/** The page without what legitimately differs between two requests: the CSRF token and the typed email. */
const normalised = (body: string, email: string) =>
  body.replaceAll(email, 'EMAIL').replace(/name="_csrf" value="[^"]+"/g, 'CSRF');

describe('signing in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('signs in with the right password and goes to the partnership', async () => {
    const browser = new Browser(t.app);
    const response = await browser.signIn(demoAccounts.northmoorViewer, knownPassword);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/');
    expect((await browser.get('/')).headers.location).toBe('/p/northmoor/');
    const home = await browser.get('/p/northmoor/');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Signed in as');
  });

  it('sends people back to the page they asked for, but never to another site', async () => {
    const browser = new Browser(t.app);
    await browser.get('/sign-in');
    const local = await browser.post('/sign-in', {
      email: demoAccounts.northmoorViewer,
      password: knownPassword,
      next: '/account',
    });
    expect(local.headers.location).toBe('/account');
    const other = new Browser(t.app);
    await other.get('/sign-in');
    const away = await other.post('/sign-in', {
      email: demoAccounts.northmoorViewer,
      password: knownPassword,
      next: '//evil.example/',
    });
    expect(away.headers.location).toBe('/');
  });

  it('refuses a wrong password with a generic error and no session', async () => {
    const browser = new Browser(t.app);
    const response = await browser.signIn(demoAccounts.northmoorViewer, 'not-the-password-at-all');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain(genericError);
    expect(response.body).toContain('There is a problem');
    expect(browser.sessionCookie).toBeUndefined();
    expect((await browser.get('/account')).statusCode).toBe(303);
  });

  it('gives no hint whether an email address has an account', async () => {
    const known = await new Browser(t.app).signIn(demoAccounts.northmoorViewer, 'wrong-password-1234');
    const unknown = await new Browser(t.app).signIn('nobody@northmoor.example', 'wrong-password-1234');
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.body).toContain(genericError);
    expect(normalised(unknown.body, 'nobody@northmoor.example')).toBe(
      normalised(known.body, demoAccounts.northmoorViewer),
    );
  });

  it('asks for both fields when either is missing', async () => {
    const browser = new Browser(t.app);
    await browser.get('/sign-in');
    const response = await browser.post('/sign-in', { email: '', password: '' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Enter your email address');
    expect(response.body).toContain('Enter your password');
  });

  it('sets a signed, HttpOnly, SameSite=Lax session cookie', async () => {
    const browser = new Browser(t.app);
    const response = await browser.signIn(demoAccounts.northmoorViewer, knownPassword);
    const line = setCookieLine(response, 'cg_session');
    expect(line).toMatch(/;\s*HttpOnly/i);
    expect(line).toMatch(/;\s*SameSite=Lax/i);
    expect(line).toMatch(/;\s*Path=\//i);
    const raw = browser.sessionCookie ?? '';
    expect(t.app.unsignCookie(raw).valid).toBe(true);

    // A cookie whose signature does not match is ignored.
    const tampered = `${raw.startsWith('x') ? 'y' : 'x'}${raw.slice(1)}`;
    const forged = await t.app.inject({
      method: 'GET',
      url: '/account',
      headers: { cookie: `cg_session=${tampered}` },
    });
    expect(forged.statusCode).toBe(303);
  });

  it('gives a new session id at every sign-in', async () => {
    const browser = new Browser(t.app);
    await browser.signIn(demoAccounts.northmoorViewer, knownPassword);
    const first = browser.sessionCookie;
    await browser.signIn(demoAccounts.northmoorViewer, knownPassword);
    const second = browser.sessionCookie;
    expect(first).toBeTruthy();
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);
  });

  it('signing out ends the session, so its cookie no longer works', async () => {
    const browser = new Browser(t.app);
    await browser.signIn(demoAccounts.northmoorViewer, knownPassword);
    const elsewhere = new Browser(t.app);
    await elsewhere.signIn(demoAccounts.northmoorViewer, knownPassword);
    const cookie = `cg_session=${browser.sessionCookie}`;
    await browser.get('/account');

    const signOut = await browser.post('/sign-out');
    expect(signOut.statusCode).toBe(303);
    expect(signOut.headers.location).toBe('/signed-out');
    expect(setCookieLine(signOut, 'cg_session')).toMatch(/^cg_session=;/);
    expect((await browser.get('/signed-out')).body).toContain('You have signed out');

    const replayed = await t.app.inject({ method: 'GET', url: '/account', headers: { cookie } });
    expect(replayed.statusCode).toBe(303);
    expect(replayed.headers.location).toBe('/sign-in?next=%2Faccount');
    // Only that session ended.
    expect((await elsewhere.get('/account')).statusCode).toBe(200);
  });
});

describe('signing in too often', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { SIGN_IN_FAILURES_PER_ACCOUNT: '3' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 429 with a plain message after the configured attempts, even with the right password', async () => {
    const browser = new Browser(t.app);
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      expect(
        (await browser.signIn(demoAccounts.northmoorCouncil, `wrong-password-${attempt}`)).statusCode,
      ).toBe(400);
    }
    const blocked = await browser.signIn(demoAccounts.northmoorCouncil, knownPassword);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.body).toContain('Too many attempts');
    expect(blocked.body).toContain('Wait 15 minutes');
    expect(blocked.body).not.toMatch(/rate limit exceeded/i);
    expect(browser.sessionCookie).toBeUndefined();

    // Another account is counted separately.
    expect((await browser.signIn(demoAccounts.northmoorVcs, knownPassword)).statusCode).toBe(303);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../support/browser.js';
import { createTestApp, demoAccounts, FakeClock, knownPassword, type TestApp } from '../support/test-app.js';

const clock = new FakeClock();
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(async () => {
  await t.close();
});

/** Asks for a reset link on the web page; answers the response. */
async function requestReset(email: string) {
  const browser = new Browser(t.app);
  await browser.get('/password-reset');
  return browser.post('/password-reset', { email });
}

/** The path of the newest reset link emailed to `email`. */
async function latestResetPath(email: string): Promise<string> {
  const messages = await t.runtime.services.store.outbox.listRecent(100);
  const message = messages.find((m) => m.recipient === email && m.kind === 'password-reset');
  expect(message?.subject).toBe('Reset your Common Ground password');
  const link = /https?:\/\/\S+\/password\/\S+/.exec(message?.bodyText ?? '')?.[0];
  if (!link) throw new Error('No reset link in the email');
  expect(link.startsWith('http://localhost:3000/password/')).toBe(true);
  return new URL(link).pathname;
}

const outboxSize = async () => (await t.runtime.services.store.outbox.listRecent(1000)).length;

describe('resetting a password', () => {
  it('emails a link that sets a new password once, and signs the person out everywhere', async () => {
    const email = demoAccounts.northmoorVcs;
    const elsewhere = new Browser(t.app);
    await elsewhere.signIn(email, knownPassword);
    expect((await elsewhere.get('/account')).statusCode).toBe(200);

    const asked = await requestReset(email);
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain('Check your email');
    const path = await latestResetPath(email);

    const browser = new Browser(t.app);
    const form = await browser.get(path);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Choose a password');

    const tooShort = await browser.post(path, { password: 'short', confirmPassword: 'short' });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.body).toContain('at least 12 characters');

    const newPassword = 'a-brand-new-password-456';
    const set = await browser.post(path, { password: newPassword, confirmPassword: newPassword });
    expect(set.statusCode).toBe(200);
    expect(set.body).toContain('Your password has been set');

    expect((await new Browser(t.app).signIn(email, knownPassword)).statusCode).toBe(400);
    expect((await new Browser(t.app).signIn(email, newPassword)).statusCode).toBe(303);
    const old = await elsewhere.get('/account');
    expect(old.statusCode).toBe(303);
    expect(old.headers.location).toBe('/sign-in?next=%2Faccount');

    const again = await browser.get(path);
    expect(again.statusCode).toBe(404);
    expect(again.body).toContain('This link has expired or has already been used');
    const reuse = await browser.post(path, {
      password: 'another-password-789',
      confirmPassword: 'another-password-789',
    });
    expect(reuse.statusCode).toBe(404);
    expect((await new Browser(t.app).signIn(email, 'another-password-789')).statusCode).toBe(400);
  });

  it('refuses a link more than an hour old', async () => {
    const email = demoAccounts.northmoorCouncil;
    await requestReset(email);
    const path = await latestResetPath(email);
    clock.advanceMinutes(59);
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(200);
    clock.advanceMinutes(1);
    const expired = new Browser(t.app);
    const page = await expired.get(path);
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('This link has expired or has already been used');
    await expired.get('/password-reset');
    const post = await expired.post(path, {
      password: 'too-late-password-1',
      confirmPassword: 'too-late-password-1',
    });
    expect(post.statusCode).toBe(404);
    expect((await new Browser(t.app).signIn(email, knownPassword)).statusCode).toBe(303);
  });

  it('refuses a made-up link', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/password/not-a-real-token' });
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('Get a new link');
  });

  it('answers the same for an unknown email address, and sends nothing', async () => {
    const before = await outboxSize();
    const unknown = await requestReset('nobody-here@northmoor.example');
    expect(await outboxSize()).toBe(before);
    const known = await requestReset(demoAccounts.northmoorViewer);
    expect(await outboxSize()).toBe(before + 1);

    const normalise = (body: string, email: string) =>
      body.replaceAll(email, 'EMAIL').replace(/name="_csrf" value="[^"]+"/g, 'CSRF');
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(normalise(unknown.body, 'nobody-here@northmoor.example')).toBe(
      normalise(known.body, demoAccounts.northmoorViewer),
    );
  });

  it('asks for a well-formed email address', async () => {
    const response = await requestReset('not an email');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Enter an email address in the correct format');
  });
});

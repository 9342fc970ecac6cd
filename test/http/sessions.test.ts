import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../support/browser.js';
import { createTestApp, demoAccounts, FakeClock, knownPassword, type TestApp } from '../support/test-app.js';

// Sessions end after 30 idle minutes, and always 2 hours after signing in.
const clock = new FakeClock();
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '30', SESSION_ABSOLUTE_HOURS: '2' } });
});
afterAll(async () => {
  await t.close();
});

async function signedIn(): Promise<Browser> {
  const browser = new Browser(t.app);
  expect((await browser.signIn(demoAccounts.northmoorViewer, knownPassword)).statusCode).toBe(303);
  return browser;
}

const sessionRows = async () =>
  (await t.runtime.handle.db.selectFrom('sessions').select('id').execute()).map((row) => row.id);

describe('session timeouts', () => {
  it('keep a session alive while it is used within the idle time', async () => {
    const browser = await signedIn();
    for (let step = 0; step < 3; step += 1) {
      clock.advanceMinutes(29);
      expect((await browser.get('/account')).statusCode).toBe(200);
    }
  });

  it('end a session left idle for longer than SESSION_IDLE_MINUTES', async () => {
    const browser = await signedIn();
    const before = await sessionRows();
    clock.advanceMinutes(30);
    const response = await browser.get('/account');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/sign-in?next=%2Faccount');
    expect(browser.sessionCookie).toBeUndefined();
    expect((await sessionRows()).length).toBe(before.length - 1);
  });

  it('end a session SESSION_ABSOLUTE_HOURS after sign-in, however busy', async () => {
    const browser = await signedIn();
    for (let minutes = 20; minutes < 120; minutes += 20) {
      clock.advanceMinutes(20);
      expect({ minutes, status: (await browser.get('/account')).statusCode }).toEqual({
        minutes,
        status: 200,
      });
    }
    clock.advanceMinutes(20);
    const response = await browser.get('/account');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/sign-in?next=%2Faccount');
  });

  it('let the person sign in again after a timeout', async () => {
    const browser = await signedIn();
    clock.advanceMinutes(31);
    expect((await browser.get('/account')).statusCode).toBe(303);
    expect((await browser.signIn(demoAccounts.northmoorViewer, knownPassword)).statusCode).toBe(303);
    expect((await browser.get('/account')).statusCode).toBe(200);
  });
});

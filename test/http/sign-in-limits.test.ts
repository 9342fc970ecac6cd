import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Response } from '../support/browser.js';
import { createPostgresDatabase, temporaryDirectory, testDatabaseUrl } from '../support/database.js';
import { createTestApp, demoAccounts, FakeClock, knownPassword, type TestApp } from '../support/test-app.js';

/**
 * Sign-in limits (issue 15, defect 2): failures are counted per email address and per network address in the
 * database, so a new X-Forwarded-For, a restart or a second instance does not reset them, and successful
 * sign-ins never count.
 */

const accountLimit = 5;
const addressLimit = 8;

/** A database the test apps share: a SQLite folder, or a PostgreSQL database when TEST_DATABASE_URL is set. */
interface SharedDatabase {
  readonly name: string;
  open(): Promise<{ env: Record<string, string>; remove(): Promise<void> }>;
}

const sharedDatabases: SharedDatabase[] = [
  {
    name: 'sqlite',
    open: async () => {
      const folder = temporaryDirectory('cg-sign-in-limits-');
      return { env: { DATA_DIR: folder.path }, remove: async () => folder.remove() };
    },
  },
  ...(testDatabaseUrl()
    ? [
        {
          name: 'postgres',
          open: async () => {
            const database = await createPostgresDatabase();
            return { env: { DATABASE_URL: database.url }, remove: () => database.drop() };
          },
        },
      ]
    : []),
];

interface From {
  /** The address the connection comes from (a client, or the proxy in front of the service). */
  readonly socket?: string;
  readonly forwardedFor?: string;
}

/** Opens the sign-in page and posts the form, as one new browser would. */
async function attempt(app: FastifyInstance, email: string, password: string, from: From = {}) {
  const remoteAddress = from.socket ?? '127.0.0.1';
  const page = await app.inject({ method: 'GET', url: '/sign-in', remoteAddress });
  const csrf = [page.headers['set-cookie'] ?? []].flat().find((line) => line.startsWith('cg_csrf='));
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  return app.inject({
    method: 'POST',
    url: '/sign-in',
    remoteAddress,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: csrf?.split(';')[0] ?? '',
      ...(from.forwardedFor ? { 'x-forwarded-for': from.forwardedFor } : {}),
    },
    payload: new URLSearchParams({ email, password, _csrf: token }).toString(),
  });
}

const startsSession = (response: Response) =>
  [response.headers['set-cookie'] ?? []].flat().some((line) => line.startsWith('cg_session='));

/** A different, made-up X-Forwarded-For for each attempt, as in the report. */
const forgedHeader = (n: number) => `198.51.100.${n % 250}, 203.0.113.${(n * 7) % 250}`;

function expectLimitedPage(response: Response, waitMinutes: number) {
  expect(response.statusCode).toBe(429);
  expect(response.headers['content-type']).toContain('text/html');
  expect(response.body).toContain('<h1 class="govuk-heading-l">Too many attempts to sign in</h1>');
  expect(response.body).toContain(
    `Wait ${waitMinutes} ${waitMinutes === 1 ? 'minute' : 'minutes'}, then try again.`,
  );
  expect(response.headers['retry-after']).toBe(String(waitMinutes * 60));
  expect(startsSession(response)).toBe(false);
}

describe.each(sharedDatabases)('sign-in limits on $name', (shared) => {
  const clock = new FakeClock();
  let database: Awaited<ReturnType<SharedDatabase['open']>>;
  let direct: TestApp;
  let proxied: TestApp;
  let verify: ReturnType<typeof vi.spyOn>;
  const env = () => ({
    ...database.env,
    SIGN_IN_FAILURES_PER_ACCOUNT: String(accountLimit),
    SIGN_IN_FAILURES_PER_ADDRESS: String(addressLimit),
  });

  beforeAll(async () => {
    database = await shared.open();
    direct = await createTestApp({ env: env(), clock });
    // A second instance over the same database, behind one proxy (a load balancer at 10.0.0.1).
    proxied = await createTestApp({ env: { ...env(), TRUST_PROXY: '1' }, clock, seed: false });
    verify = vi.spyOn(direct.runtime.services.hasher, 'verify');
  }, 120_000);
  afterAll(async () => {
    await proxied?.close();
    await direct?.close();
    await database?.remove();
  });
  const balancer = (client: string): From => ({ socket: '10.0.0.1', forwardedFor: client });

  it('with TRUST_PROXY off, 40 wrong passwords each with a new X-Forwarded-For stop at the limit', async () => {
    verify.mockClear();
    const statuses: number[] = [];
    for (let n = 0; n < 40; n += 1) {
      const from = { socket: '192.0.2.10', forwardedFor: forgedHeader(n) };
      statuses.push((await attempt(direct.app, 'nobody-1@northmoor.example', `wrong-${n}`, from)).statusCode);
    }
    expect(statuses.slice(0, accountLimit)).toEqual(Array(accountLimit).fill(400));
    expect(statuses.slice(accountLimit)).toEqual(Array(40 - accountLimit).fill(429));
    // The password was checked only for the attempts under the limit.
    expect(verify).toHaveBeenCalledTimes(accountLimit);
  });

  it('with TRUST_PROXY=1, 40 wrong passwords from 40 client addresses stop at the limit per account', async () => {
    const statuses: number[] = [];
    for (let n = 0; n < 40; n += 1) {
      const email = 'NOBODY-2@northmoor.example ';
      statuses.push((await attempt(proxied.app, email, `wrong-${n}`, balancer(forgedHeader(n)))).statusCode);
    }
    expect(statuses.slice(0, accountLimit)).toEqual(Array(accountLimit).fill(400));
    expect(statuses.slice(accountLimit)).toEqual(Array(40 - accountLimit).fill(429));
  });

  it('a locked account cannot sign in with the right password and a new header, on either instance', async () => {
    const email = demoAccounts.northmoorCouncil;
    for (let n = 0; n < accountLimit; n += 1) {
      const from = { socket: '192.0.2.20', forwardedFor: forgedHeader(n) };
      expect((await attempt(direct.app, email, `wrong-${n}`, from)).statusCode).toBe(400);
    }
    verify.mockClear();
    expectLimitedPage(await attempt(direct.app, email, knownPassword, { forwardedFor: '192.0.2.99' }), 15);
    expectLimitedPage(await attempt(proxied.app, email, knownPassword, balancer('192.0.2.100')), 15);
    expect(verify).not.toHaveBeenCalled();

    // The wait counts down from the oldest failure, and ends with the window.
    clock.advanceMinutes(6);
    expectLimitedPage(await attempt(direct.app, email, knownPassword), 9);
    clock.advanceMinutes(9);
    const signedIn = await attempt(direct.app, email, knownPassword);
    expect(signedIn.statusCode).toBe(303);
    expect(startsSession(signedIn)).toBe(true);
  });

  it('a restart (a new instance over the same database) does not reset the limit', async () => {
    const email = demoAccounts.northmoorVcs;
    for (let n = 0; n < accountLimit; n += 1) {
      expect((await attempt(direct.app, email, `wrong-${n}`, { socket: '192.0.2.30' })).statusCode).toBe(400);
    }
    const restarted = await createTestApp({ env: env(), clock, seed: false });
    try {
      expectLimitedPage(await attempt(restarted.app, email, knownPassword, { socket: '192.0.2.31' }), 15);
    } finally {
      await restarted.close();
    }
    clock.advanceMinutes(15);
  });

  it('successful sign-ins never lock anyone out, and one clears the account’s failures', async () => {
    const email = demoAccounts.northmoorViewer;
    const from = { socket: '192.0.2.40' };
    for (let n = 0; n < accountLimit * 3; n += 1) {
      expect((await attempt(direct.app, email, knownPassword, from)).statusCode).toBe(303);
    }
    for (let round = 0; round < 2; round += 1) {
      for (let n = 0; n < accountLimit - 1; n += 1) {
        const failed = await attempt(
          proxied.app,
          email,
          'wrong-password',
          balancer(`203.0.113.${round * 10 + n}`),
        );
        expect(failed.statusCode).toBe(400);
      }
      expect((await attempt(direct.app, email, knownPassword, from)).statusCode).toBe(303);
    }
    clock.advanceMinutes(15);
  });

  it('counts failures per client address: the real one behind a trusted proxy, the connection’s without', async () => {
    const client = '203.0.113.50';
    for (let n = 0; n < addressLimit; n += 1) {
      const response = await attempt(proxied.app, `person-${n}@a.example`, 'wrong', balancer(client));
      expect(response.statusCode).toBe(400);
    }
    const another = 'someone@a.example';
    expectLimitedPage(await attempt(proxied.app, another, 'wrong', balancer(`192.0.2.1, ${client}`)), 15);
    // Another client behind the same load balancer is not limited.
    expect((await attempt(proxied.app, another, 'wrong', balancer('203.0.113.51'))).statusCode).toBe(400);

    // Without proxy trust, a forged header does not make a new address.
    for (let n = 0; n < addressLimit; n += 1) {
      const from = { socket: '192.0.2.50', forwardedFor: forgedHeader(n) };
      expect((await attempt(direct.app, `other-${n}@a.example`, 'wrong', from)).statusCode).toBe(400);
    }
    const forged = { socket: '192.0.2.50', forwardedFor: '198.51.100.200' };
    expectLimitedPage(await attempt(direct.app, 'fresh@a.example', 'wrong', forged), 15);
    clock.advanceMinutes(15);
  });

  it('attempts made at the same moment cannot all slip under the limit', async () => {
    verify.mockClear();
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        attempt(direct.app, 'nobody-3@northmoor.example', `wrong-${n}`, { socket: `192.0.2.${100 + n}` }),
      ),
    );
    const statuses = responses.map((response) => response.statusCode);
    expect(statuses.filter((status) => status !== 400 && status !== 429)).toEqual([]);
    expect(statuses.filter((status) => status === 400).length).toBeLessThanOrEqual(accountLimit);
    expect(verify.mock.calls.length).toBeLessThanOrEqual(accountLimit);
    clock.advanceMinutes(15);
  });

  it('keeps no readable email or network address, and removes failures once the window has passed', async () => {
    await attempt(direct.app, 'recorded@northmoor.example', 'wrong', { socket: '203.0.113.77' });
    const db = direct.runtime.handle.db;
    const rows = await db.selectFrom('sign_in_failures').selectAll().execute();
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toMatch(/recorded|northmoor|203\.0\.113/);
    clock.advanceMinutes(16);
    await attempt(direct.app, 'later@northmoor.example', 'wrong');
    const left = await db.selectFrom('sign_in_failures').select('failed_at').execute();
    expect(left.map((row) => row.failed_at)).toEqual([clock.now().toISOString(), clock.now().toISOString()]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnershipRecord } from '../../src/app/ports.js';
import { ukDate } from '../../src/domain/assessment/round-rules.js';
import { Browser } from '../support/browser.js';
import { createPostgresDatabase, testDatabaseUrl } from '../support/database.js';
import { createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The text of the success notification banner on a page, or '' when there is none. */
function successBanner(body: string): string {
  const match =
    /<div class="govuk-notification-banner govuk-notification-banner--success"[\s\S]*?<\/div>\s*<\/div>/.exec(
      body,
    );
  return match ? match[0].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ') : '';
}

/** How many times a text shows on a page. */
const count = (body: string, text: string) => body.split(text).length - 1;

/** SQLite always; PostgreSQL as well when TEST_DATABASE_URL is set. */
const databases: {
  name: string;
  open(): Promise<{ env: Record<string, string>; remove(): Promise<void> }>;
}[] = [
  { name: 'sqlite', open: async () => ({ env: {}, remove: async () => undefined }) },
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

describe.each(databases)('workshop actions reach the action plan ($name)', (database) => {
  let test: TestApp;
  let removeDatabase: () => Promise<void> = async () => undefined;
  let northmoor: PartnershipRecord;
  let admin: Browser;
  let base: string;
  let principleCodes: string[];
  const today = ukDate(new Date());
  const first = 'Refresh the partnership statement with the forum';
  const second = 'Publish the grants calendar a year ahead';

  beforeAll(async () => {
    const opened = await database.open();
    removeDatabase = opened.remove;
    test = await createTestApp({ env: opened.env });
    northmoor = await test.partnership('northmoor');
    admin = new Browser(test.app);
    await admin.signIn(demoAccounts.northmoorAdmin, knownPassword);
    const round = await test.runtime.services.assessments.create(
      northmoor,
      {
        name: 'Workshop actions round',
        kind: 'quick',
        threshold: '',
        opensOn: today,
        closesOn: addDays(today, 5),
        groups: [{ kind: 'vcs', name: 'VCS', side: '' }],
      },
      { userId: null, label: 'Test' },
    );
    base = `/p/northmoor/rounds/${round.id}/workshop`;
    const index = await admin.get(base);
    principleCodes = [...index.body.matchAll(/\/workshop\/([A-Z]{2})"/g)].map((m) => m[1] as string);
  }, 60_000);
  afterAll(async () => {
    await test.close();
    await removeDatabase();
  });

  it('turns each line into a joint action in the plan, with its origin and a banner', async () => {
    expect(principleCodes.slice(0, 2)).toEqual(['SF', 'RC']);
    const form = await admin.get(`${base}/SF`);
    expect(form.body).toContain('Actions agreed');
    const saved = await admin.post(`${base}/SF`, {
      agreedLevel: '2',
      reasons: '',
      agreedActions: `${first}\n\n- ${second}.\n`,
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${base}/RC?saved=SF&added=2`);
    const next = await admin.get(String(saved.headers.location));
    expect(successBanner(next.body)).toContain('Shared foundations saved');
    expect(successBanner(next.body)).toContain('2 actions were added to the action plan.');

    const plan = await admin.get('/p/northmoor/actions');
    expect(count(plan.body, first)).toBe(1);
    expect(count(plan.body, second)).toBe(1);
    const row = plan.body.slice(
      plan.body.indexOf(first),
      plan.body.indexOf('</tr>', plan.body.indexOf(first)),
    );
    expect(row).toContain('Agreed at the workshop');
    expect(row).toContain('Not chosen yet');
    expect(row).toContain('Joint');

    const link = new RegExp(`href="(/p/northmoor/actions/[0-9a-f-]{36})">${first}</a>`).exec(plan.body)?.[1];
    const page = await admin.get(String(link));
    expect(page.body).toContain('This action has no owner yet.');
    expect(page.body).toMatch(
      /Origin<\/dt>\s*<dd class="govuk-summary-list__value">Agreed at the workshop \(Workshop actions round\)/,
    );

    const actions = (await test.runtime.services.actions.list(northmoor.id)).map((e) => e.action);
    const added = actions.filter((a) => a.title === first || a.title === second);
    expect(added).toHaveLength(2);
    for (const action of added) {
      expect(action).toMatchObject({ side: 'joint', source: 'workshop:SF', ownerOrganisationId: null });
      expect(action.indicatorCodes.length).toBeGreaterThan(0);
      expect(action.indicatorCodes.every((code) => code.startsWith('SF'))).toBe(true);
    }
  });

  it('does not add the same action twice when the principle is saved again, and keeps removed lines', async () => {
    const before = (await test.runtime.services.actions.list(northmoor.id)).length;
    const again = await admin.post(`${base}/SF`, {
      agreedLevel: '3',
      reasons: 'Changed our minds',
      agreedActions: `${first.toUpperCase()}.\n${second}`,
    });
    expect(again.headers.location).toBe(`${base}/RC?saved=SF&added=0`);
    expect(successBanner((await admin.get(String(again.headers.location))).body)).toContain(
      'No new actions were added to the action plan.',
    );
    const removed = await admin.post(`${base}/SF`, { agreedLevel: '3', reasons: '', agreedActions: first });
    expect(removed.headers.location).toBe(`${base}/RC?saved=SF&added=0`);
    const after = await test.runtime.services.actions.list(northmoor.id);
    expect(after).toHaveLength(before);
    const plan = await admin.get('/p/northmoor/actions');
    expect(count(plan.body, first)).toBe(1);
    expect(count(plan.body, second)).toBe(1);
  });

  it('asks for nothing but the level, and explains a line that cannot be an action', async () => {
    const bare = await admin.post(`${base}/RC`, { agreedLevel: 'none', reasons: '', agreedActions: '' });
    expect(bare.statusCode).toBe(303);
    expect(bare.headers.location).toBe(`${base}/${principleCodes[2]}?saved=RC&added=0`);
    const tooShort = await admin.post(`${base}/RC`, { agreedLevel: '2', reasons: '', agreedActions: 'ok' });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.body).toContain('Action 1 must be from 3 to 160 characters');
  });

  it('ends on a summary of the agreed levels and the actions, with a link to the plan', async () => {
    const last = principleCodes.at(-1) as string;
    const saved = await admin.post(`${base}/${last}`, {
      agreedLevel: '1',
      reasons: '',
      agreedActions: 'Hold a joint session on late payments',
    });
    expect(saved.headers.location).toBe(`${base}/summary?saved=${last}&added=1`);
    const summary = await admin.get(String(saved.headers.location));
    expect(summary.statusCode).toBe(200);
    expect(successBanner(summary.body)).toContain('1 action was added to the action plan.');
    const table = summary.body.slice(summary.body.indexOf('id="workshop-summary"'));
    expect(table).toContain('Level 3');
    expect(table).toContain('Not agreed');
    expect(table).toContain('Level 1');
    expect(table).toContain(first);
    expect(table).toContain(second);
    expect(table).toContain('Hold a joint session on late payments');
    expect(summary.body).toContain(`and added 3 actions to the action plan`);
    expect(summary.body).toMatch(
      /<a class="govuk-button"[^>]*href="\/p\/northmoor\/actions">Go to the action plan/,
    );
    const viewer = new Browser(test.app);
    await viewer.signIn(demoAccounts.northmoorViewer, knownPassword);
    expect((await viewer.get(`${base}/summary`)).statusCode).toBe(403);
  });

  it('ignores a banner flag that names no principle', async () => {
    const page = await admin.get(`${base}/RC?saved=constructor&added=5`);
    expect(successBanner(page.body)).toBe('');
  });

  it('shows the demo workshop’s actions in the plan, once each', async () => {
    const plan = await admin.get('/p/northmoor/actions');
    for (const title of [
      'Write a new partnership statement together',
      'Share the needs map with the VCS forum every quarter',
      'Agree a written promise that challenge will not affect funding',
      'Pilot three-year grants for advice services',
      'Map every council payment to the VCS and how late it was',
    ]) {
      expect(count(plan.body, `>${title}</a>`)).toBe(1);
      const row = plan.body.slice(
        plan.body.indexOf(title),
        plan.body.indexOf('</tr>', plan.body.indexOf(title)),
      );
      expect(row).toContain('Agreed at the workshop');
    }
  });

  it('confirms an action added by hand with a banner and a way back to the plan', async () => {
    const organisations = await test.runtime.services.organisations.list(northmoor.id);
    await admin.get('/p/northmoor/actions/new');
    const created = await admin.post('/p/northmoor/actions/new', {
      title: 'Agree a shared funding calendar',
      description: '',
      ownerOrganisationId: organisations[0]?.id as string,
      side: 'joint',
      leadName: '',
    });
    expect(created.statusCode).toBe(303);
    expect(String(created.headers.location)).toMatch(/\/actions\/[0-9a-f-]{36}\?done=added$/);
    const page = await admin.get(String(created.headers.location));
    expect(successBanner(page.body)).toContain('Action added to the plan');
    expect(page.body).toContain('href="/p/northmoor/actions">Back to the action plan');
    const plain = await admin.get(String(created.headers.location).replace('?done=added', ''));
    expect(successBanner(plain.body)).toBe('');
  });

  it('sends a signed-in member who has answered back to their partnership home', async () => {
    const services = test.runtime.services;
    const round = await services.assessments.create(
      northmoor,
      {
        name: 'Member answers round',
        kind: 'quick',
        threshold: '',
        opensOn: today,
        closesOn: addDays(today, 5),
        groups: [{ kind: 'council', name: 'Council', side: '' }],
      },
      { userId: null, label: 'Test' },
    );
    const view = await services.assessments.find(northmoor.id, round.id);
    const group = view?.groups[0];
    if (!view || !group) throw new Error('The round was not created');
    await services.assessments.invite(view, northmoor.name, group.id, demoAccounts.northmoorCouncil, {
      userId: null,
      label: 'Test',
    });
    const council = new Browser(test.app);
    await council.signIn(demoAccounts.northmoorCouncil, knownPassword);
    const link = String((await council.get(`/p/northmoor/rounds/${round.id}/answer`)).headers.location);
    for (const indicator of view.indicators) {
      const question = `${link}/questions/${indicator.code}`;
      await council.get(question);
      await council.post(question, { rating: '3', comment: '', evidenceUrl: '' });
    }
    await council.get(`${link}/check`);
    expect((await council.post(`${link}/submit`)).headers.location).toBe(`${link}/done`);
    const done = await council.get(`${link}/done`);
    expect(done.body).toContain('Your answers have been sent');
    expect(done.body).toMatch(
      new RegExp(`<a class="govuk-button"[^>]*href="/p/northmoor/"[^>]*>Go to ${northmoor.name}</a>`),
    );
    expect(done.body).not.toContain('Find out more about Common Ground');
  });
});

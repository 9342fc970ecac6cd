import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../support/browser.js';
import { httpDatabases } from '../support/http-databases.js';
import { createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

/** The page's text with tags dropped and spaces squeezed, so sentences read as a person sees them. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;/g, '’')
    .replace(/\s+/g, ' ');

/** Each task of the Get started list with its status, in order. */
const tasksOn = (html: string) =>
  [...html.matchAll(/<li class="govuk-task-list__item[\s\S]*?<\/li>/g)].map((match) => {
    const item = textOf(match[0]);
    return `${/(Import area data|Add partner organisations|Invite members|Run your first quick check|Add services to the directory|Record local needs)/.exec(item)?.[1] ?? '?'}: ${item.includes('Completed') ? 'done' : 'to do'}`;
  });

describe.each(httpDatabases())('first sign-in: get started ($name)', (database) => {
  let removeDatabase: () => Promise<void> = async () => undefined;
  let test: TestApp;

  beforeAll(async () => {
    const opened = await database.open();
    removeDatabase = opened.remove;
    test = await createTestApp({ env: opened.env });
  }, 60_000);
  afterAll(async () => {
    await test.close();
    await removeDatabase();
  });

  it('shows a partnership admin the task list, ticked off from what the demo partnership holds', async () => {
    const admin = new Browser(test.app);
    expect((await admin.signIn(demoAccounts.eastbrookAdmin, knownPassword)).statusCode).toBe(303);
    const home = await admin.get('/p/eastbrook/');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('govuk-task-list');
    expect(tasksOn(home.body)).toEqual([
      'Import area data: done',
      'Add partner organisations: done',
      'Invite members: done',
      'Run your first quick check: done',
      'Add services to the directory: to do',
      'Record local needs: to do',
    ]);
    const page = textOf(home.body);
    expect(page).toContain('You have completed 4 of 6 tasks');
    expect(page).toContain('Next: add services to the directory');
    expect(home.body).toContain('href="/p/eastbrook/directory"');
  });

  it('ticks a task off as soon as the partnership holds what it asks for', async () => {
    const eastbrook = await test.partnership('eastbrook');
    expect((await test.runtime.services.getStarted(eastbrook)).doneCount).toBe(4);
    const context = await test.runtime.services.needs.context(eastbrook);
    const area = context.areas.list.find((a) => a.level === 'lsoa');
    const admin = new Browser(test.app);
    expect((await admin.signIn(demoAccounts.eastbrookAdmin, knownPassword)).statusCode).toBe(303);
    await admin.get('/p/eastbrook/needs/new');
    const recorded = await admin.post('/p/eastbrook/needs/new', {
      areaCode: area?.code ?? '',
      theme: 'food',
      severity: '3',
      peopleAffected: '40',
      evidence: 'Families asking the council for food parcels since October.',
      source: 'council-data',
      reportingOrganisationId: context.organisations[0]?.id ?? '',
      'reportedOn-day': '14',
      'reportedOn-month': '2',
      'reportedOn-year': '2026',
    });
    expect(recorded.statusCode).toBe(303);
    const after = await test.runtime.services.getStarted(eastbrook);
    expect(after.tasks.find((task) => task.task === 'needs')?.done).toBe(true);
    expect(after.doneCount).toBe(5);
    expect(tasksOn((await admin.get('/p/eastbrook/')).body)).toContain('Record local needs: done');
  });

  it('hides the list once everything is done, and the first fact is not the local authority code', async () => {
    const admin = new Browser(test.app);
    expect((await admin.signIn(demoAccounts.northmoorAdmin, knownPassword)).statusCode).toBe(303);
    const home = await admin.get('/p/northmoor/');
    expect(home.body).not.toContain('govuk-task-list');
    const firstFact = /<dt class="govuk-summary-list__key">\s*([^<]+?)\s*<\/dt>/.exec(home.body)?.[1];
    expect(firstFact).toBe('Your role');
  });

  it('welcomes other roles with what they can do here', async () => {
    const cases = [
      [demoAccounts.northmoorCouncil, 'As a council member in', 'Answer open quick checks for the council'],
      [
        demoAccounts.northmoorVcs,
        'As a voluntary and community sector member in',
        'Keep your organisation’s services up to date',
      ],
      [demoAccounts.northmoorViewer, 'As a viewer in', 'Read the action plan'],
    ] as const;
    for (const [email, intro, task] of cases) {
      const member = new Browser(test.app);
      expect((await member.signIn(email, knownPassword)).statusCode).toBe(303);
      const home = await member.get('/p/northmoor/');
      const section = textOf(
        /aria-labelledby="what-you-can-do"[\s\S]*?<\/section>/.exec(home.body)?.[0] ?? '',
      );
      expect(section).toContain('What you can do here');
      expect(section).toContain(intro);
      expect(section).toContain(task);
      expect(home.body).not.toContain('govuk-task-list');
    }
  });
});

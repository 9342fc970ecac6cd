import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnershipRecord } from '../../src/app/ports.js';
import { Browser } from '../support/browser.js';
import { createPostgresDatabase, testDatabaseUrl } from '../support/database.js';
import { createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

/** A guide's suggested actions, added to a partnership's plan from the article page: once, by people who may. */

const ARTICLE = 'cost-of-living-top-tips';
const SUGGESTION = 'Pay VCS grants on time or in advance';
const OTHER = 'Share data on where need is rising';

/** The text of the success notification banner on a page, or '' when there is none. */
function successBanner(body: string): string {
  const match =
    /<div class="govuk-notification-banner govuk-notification-banner--success"[\s\S]*?<\/div>\s*<\/div>/.exec(
      body,
    );
  return match ? match[0].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ') : '';
}

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

describe.each(databases)('adding a guide’s suggested action to the plan ($name)', (database) => {
  let test: TestApp;
  let removeDatabase: () => Promise<void> = async () => undefined;
  let northmoor: PartnershipRecord;
  let eastbrook: PartnershipRecord;

  const signedIn = async (email: string) => {
    const browser = new Browser(test.app);
    await browser.signIn(email, knownPassword);
    return browser;
  };
  const fromGuidance = async (partnershipId: string) =>
    (await test.runtime.services.actions.list(partnershipId))
      .map((entry) => entry.action)
      .filter((action) => action.source === `guidance:${ARTICLE}`);
  const add = (browser: Browser, slug: string, suggestion = SUGGESTION) =>
    browser.post(`/p/${slug}/actions/from-guidance`, { article: ARTICLE, suggestion });

  beforeAll(async () => {
    const opened = await database.open();
    removeDatabase = opened.remove;
    test = await createTestApp({ env: opened.env });
    northmoor = await test.partnership('northmoor');
    eastbrook = await test.partnership('eastbrook');
  });
  afterAll(async () => {
    await test?.close();
    await removeDatabase();
  });

  it('shows a council member an “Add to action plan” button for each suggested action', async () => {
    const council = await signedIn(demoAccounts.northmoorCouncil);
    const page = await council.get(`/guidance/${ARTICLE}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Add any of these to the action plan of Northmoor');
    expect(page.body.match(/action="\/p\/northmoor\/actions\/from-guidance"/g)).toHaveLength(4);
    expect(page.body).toContain(
      `Add to action plan<span class="govuk-visually-hidden">: ${SUGGESTION}</span>`,
    );
  });

  it('creates the action once, linked to the guide’s indicators, and says so on the plan', async () => {
    const council = await signedIn(demoAccounts.northmoorCouncil);
    await council.get(`/guidance/${ARTICLE}`);
    const first = await add(council, 'northmoor');
    expect(first.statusCode).toBe(303);
    const [action] = await fromGuidance(northmoor.id);
    expect(first.headers.location).toBe(`/p/northmoor/actions?done=added-from-guidance&action=${action?.id}`);
    expect(action).toMatchObject({
      title: SUGGESTION,
      side: 'joint',
      status: 'not-started',
      roundId: null,
    });
    expect([...(action?.indicatorCodes ?? [])].sort()).toEqual(['CR1', 'CR2', 'CR4', 'CR5', 'RC3', 'SF4']);
    expect(action?.description).toContain('Agree a payment timetable with finance');
    // A council member owns it through their organisation, so that they can manage it.
    expect(action?.ownerOrganisationId).not.toBeNull();

    const plan = await council.get(first.headers.location as string);
    expect(successBanner(plan.body)).toContain(`“${SUGGESTION}” is in the action plan`);
    expect(plan.body).toContain(
      'Suggested in the guidance: Supporting the VCS through the cost-of-living crisis',
    );

    // The action's own page links back to the guide it came from.
    const actionPage = await council.get(`/p/northmoor/actions/${action?.id}`);
    expect(actionPage.body).toContain(
      `<a class="govuk-link govuk-!-display-none-print" href="/guidance/${ARTICLE}">Guidance: Supporting the VCS`,
    );

    // Adding the same suggestion again does not duplicate it, and says it was already there.
    const again = await add(council, 'northmoor');
    expect(again.headers.location).toBe(`/p/northmoor/actions?done=already-in-plan&action=${action?.id}`);
    expect(await fromGuidance(northmoor.id)).toHaveLength(1);
    const planAgain = await council.get(again.headers.location as string);
    expect(successBanner(planAgain.body)).toContain(`“${SUGGESTION}” was already in the action plan`);

    // The article now shows it as in the plan, with no button for it.
    const article = await council.get(`/guidance/${ARTICLE}`);
    expect(article.body).toContain(`Open the action: ${SUGGESTION}`);
    expect(article.body).not.toContain(`<span class="govuk-visually-hidden">: ${SUGGESTION}</span>`);
    expect(article.body.match(/action="\/p\/northmoor\/actions\/from-guidance"/g)).toHaveLength(3);
  });

  it('lets a partnership admin add one with the owner left to choose in the plan', async () => {
    const admin = await signedIn(demoAccounts.northmoorAdmin);
    await admin.get(`/guidance/${ARTICLE}`);
    expect((await add(admin, 'northmoor', OTHER)).statusCode).toBe(303);
    const added = (await fromGuidance(northmoor.id)).find((action) => action.title === OTHER);
    expect(added?.ownerOrganisationId).toBeNull();
  });

  it('gives a viewer no button, and refuses their post', async () => {
    const viewer = await signedIn(demoAccounts.northmoorViewer);
    const page = await viewer.get(`/guidance/${ARTICLE}`);
    expect(page.body).not.toContain('from-guidance');
    expect(page.body).toContain('Your role lets you read your partnership’s action plan but not add to it');
    const before = (await fromGuidance(northmoor.id)).length;
    const response = await add(viewer, 'northmoor', 'Plan warm spaces and food support together');
    expect(response.statusCode).toBe(403);
    expect(await fromGuidance(northmoor.id)).toHaveLength(before);
  });

  it('needs the form’s CSRF token', async () => {
    const admin = await signedIn(demoAccounts.northmoorAdmin);
    await admin.get(`/guidance/${ARTICLE}`);
    const before = (await fromGuidance(northmoor.id)).length;
    const response = await admin.post(
      '/p/northmoor/actions/from-guidance',
      { article: ARTICLE, suggestion: 'Plan warm spaces and food support together' },
      { csrf: false },
    );
    expect(response.statusCode).toBe(403);
    expect(await fromGuidance(northmoor.id)).toHaveLength(before);
  });

  it('cannot add into a partnership the person is not in', async () => {
    const eastbrookAdmin = await signedIn(demoAccounts.eastbrookAdmin);
    await eastbrookAdmin.get(`/guidance/${ARTICLE}`);
    const before = (await fromGuidance(northmoor.id)).length;
    const response = await add(eastbrookAdmin, 'northmoor', 'Plan warm spaces and food support together');
    expect(response.statusCode).toBe(404);
    expect(await fromGuidance(northmoor.id)).toHaveLength(before);
    // Their own plan works, and stays apart from Northmoor's.
    expect((await add(eastbrookAdmin, 'eastbrook')).statusCode).toBe(303);
    expect((await fromGuidance(eastbrook.id)).map((a) => a.title)).toEqual([SUGGESTION]);
    expect(await fromGuidance(northmoor.id)).toHaveLength(before);
  });

  it('answers 404 for an article or a suggestion the guide does not have', async () => {
    const admin = await signedIn(demoAccounts.northmoorAdmin);
    await admin.get(`/guidance/${ARTICLE}`);
    const before = (await fromGuidance(northmoor.id)).length;
    const noArticle = await admin.post('/p/northmoor/actions/from-guidance', {
      article: 'no-such-guide',
      suggestion: SUGGESTION,
    });
    expect(noArticle.statusCode).toBe(404);
    expect((await add(admin, 'northmoor', 'Something the guide never said')).statusCode).toBe(404);
    expect(await fromGuidance(northmoor.id)).toHaveLength(before);
  });
});

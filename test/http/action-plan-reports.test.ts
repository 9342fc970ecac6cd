import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionRecord } from '../../src/app/ports.js';
import { readPdf } from '../../src/web/reports/read-pdf.testing.js';
import { Browser } from '../support/browser.js';
import { createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

/**
 * Actions and progress in a round's full report, and the one-page plan summary for lead members, on the demo's
 * Northmoor partnership (its actions come from the Spring 2026 round, one overdue, some with progress notes).
 */

const OVERDUE_TITLE = 'Agree a written promise that challenge will not affect funding';
const LATEST_NOTE = 'Draft wording agreed with legal; waiting for a cabinet slot.';

let t: TestApp;
let viewer: Browser;
let spring: string;
let autumn: string;
let actions: ActionRecord[];

beforeAll(async () => {
  t = await createTestApp();
  const northmoor = await t.partnership('northmoor');
  const rounds = await t.runtime.services.assessments.list(northmoor.id);
  spring = rounds.find((r) => r.round.name === 'Spring 2026 full assessment')?.round.id as string;
  autumn = rounds.find((r) => r.round.name.startsWith('Autumn 2026'))?.round.id as string;
  actions = (await t.runtime.services.actions.list(northmoor.id)).map((entry) => entry.action);
  viewer = new Browser(t.app);
  await viewer.signIn(demoAccounts.northmoorViewer, knownPassword);
}, 60_000);
afterAll(() => t.close());

describe('the full report of a round', () => {
  it('lists the round’s actions with owner, due date, status and latest progress, overdue first', async () => {
    const page = await viewer.get(`/p/northmoor/rounds/${spring}/report`);
    expect(page.statusCode).toBe(200);
    const section = page.body.slice(page.body.indexOf('id="action-plan"'));
    expect(section).toContain('Actions from this round');
    const fromSpring = actions.filter((a) => a.roundId === spring);
    expect(fromSpring.length).toBeGreaterThan(1);
    for (const action of fromSpring) expect(section).toContain(action.title.replace(/'/g, '&#39;'));
    expect(section).toContain(LATEST_NOTE);
    expect(section).toMatch(/, overdue<\/td>/);
    expect(section.indexOf(OVERDUE_TITLE)).toBeLessThan(section.indexOf('Write a new partnership statement'));
  });

  it('shows open actions carried over into a later round, and leaves done ones out', async () => {
    const page = await viewer.get(`/p/northmoor/rounds/${autumn}/report`);
    expect(page.statusCode).toBe(200);
    const section = page.body.slice(page.body.indexOf('id="action-plan"'));
    expect(section).toContain('Open actions carried over from earlier rounds');
    expect(section).toContain(OVERDUE_TITLE);
    const done = actions.find((a) => a.status === 'done') as ActionRecord;
    expect(section).not.toContain(done.title);
  });

  it('puts the same action plan in the PDF', async () => {
    const response = await viewer.get(`/p/northmoor/rounds/${spring}/report.pdf`);
    expect(response.statusCode).toBe(200);
    const pdf = await readPdf(response.rawPayload);
    expect(pdf.text).toContain('Action plan');
    expect(pdf.text).toContain('Actions from this round');
    expect(pdf.text).toContain('waiting for a cabinet slot');
  });
});

describe('the one-page action plan summary', () => {
  it('is linked from the plan and shows counts, overdue actions and progress by principle', async () => {
    const plan = await viewer.get('/p/northmoor/actions');
    expect(plan.body).toContain('href="/p/northmoor/actions/summary"');
    const page = await viewer.get('/p/northmoor/actions/summary');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Action plan summary');
    const count = (status: string) => actions.filter((a) => a.status === status).length;
    expect(page.body).toContain(
      `${count('not-started')} not started, ${count('in-progress')} in progress, ${count('done')} done`,
    );
    const overdue = page.body.slice(page.body.indexOf('id="overdue"'), page.body.indexOf('id="due-soon"'));
    expect(overdue).toContain(OVERDUE_TITLE);
    expect(page.body).toContain('Actions by principle');
  });

  it('fits on one A4 page as a tagged PDF', async () => {
    const response = await viewer.get('/p/northmoor/actions/summary.pdf');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="action-plan-summary-northmoor.pdf"',
    );
    const pdf = await readPdf(response.rawPayload);
    expect(pdf.pageCount).toBe(1);
    expect(pdf.text).toContain(OVERDUE_TITLE);
    expect(pdf.markInfo?.Marked).toBe(true);
  });

  it('is not shown to people outside the partnership', async () => {
    const other = new Browser(t.app);
    await other.signIn(demoAccounts.eastbrookAdmin, knownPassword);
    expect((await other.get('/p/northmoor/actions/summary')).statusCode).toBe(404);
    expect((await other.get('/p/northmoor/actions/summary.pdf')).statusCode).toBe(404);
  });
});

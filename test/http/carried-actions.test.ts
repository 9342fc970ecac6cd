import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../support/browser.js';
import { createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

/** Open actions from earlier rounds appear on a later round's results, with how their levels moved. */
describe('actions carried into a new round', () => {
  let t: TestApp;
  let viewer: Browser;

  beforeAll(async () => {
    t = await createTestApp();
    viewer = new Browser(t.app);
    await viewer.signIn(demoAccounts.northmoorViewer, knownPassword);
  });
  afterAll(() => t.close());

  it('lists the demo’s open actions on the open round and only there', async () => {
    const northmoor = await t.partnership('northmoor');
    const rounds = await t.runtime.services.assessments.list(northmoor.id);
    const open = rounds.find(({ status }) => status === 'open');
    const first = rounds.at(-1);
    if (!open || !first) throw new Error('The demo rounds are missing');
    const carried = await t.runtime.services.actions.openActionsCarriedInto(open.round);
    expect(carried.length).toBeGreaterThan(0);

    const page = await viewer.get(`/p/northmoor/rounds/${open.round.id}/results`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Actions carried over from earlier rounds');
    for (const action of carried) expect(page.body).toContain(action.title);

    const earliest = await viewer.get(`/p/northmoor/rounds/${first.round.id}/results`);
    expect(earliest.body).not.toContain('Actions carried over from earlier rounds');
  });
});

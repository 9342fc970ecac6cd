import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { describeInBrowser, launchBrowser, openPage, signIn } from './support/browser.js';
import { demoAccounts, demoPassword, startServer, type TestServer } from './support/server.js';

/**
 * The VCS journey of issue 13: a member of Northmoor Food Bank adds a service with a place and opening times,
 * sees it on its record page, and confirms two other records are still correct: one from its record page, one
 * from the page the reminder email links to. Every page visited passes axe.
 */

const NAME = 'Browser test: school holiday lunches';

async function follow(page: Page, click: () => Promise<void>) {
  await Promise.all([page.waitForNavigation(), click()]);
}

describeInBrowser('a VCS member keeps their directory records right', () => {
  let server: TestServer;
  let browser: Browser;
  let vcs: Page;
  let postcode = '';
  let parcelsId = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const { services } = server.runtime;
    const northmoor = await services.partnerships.findBySlug('northmoor');
    if (!northmoor) throw new Error('The demo has no Northmoor');
    const all = (await services.directory.search(northmoor.id, {})).items;
    parcelsId = all.find((s) => s.name === 'Emergency food parcels')?.id ?? '';
    const parcels = await services.directory.view(northmoor.id, parcelsId, undefined);
    postcode = parcels.service.details.locations[0]?.postcode ?? '';
    expect(postcode).toMatch(/^NM\d+ \d[A-Z]{2}$/);
    vcs = (await openPage(browser, server.baseUrl)).page;
    await signIn(vcs, demoAccounts.vcsMember, demoPassword);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('adds a service with a place and opening times, and sees it on its record page', async () => {
    await vcs.goto('/p/northmoor/directory');
    await expectNoAxeViolations(vcs, 'directory');
    await follow(vcs, () => vcs.getByRole('link', { name: 'Add a service' }).click());
    await expect(vcs.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Add a service');
    await expectNoAxeViolations(vcs, 'add a service');

    await vcs.getByLabel('Name', { exact: true }).fill(NAME);
    await vcs.getByLabel('Description').fill('A free hot lunch for children in the school holidays.');
    await vcs.getByLabel('Food', { exact: true }).check();
    await vcs.getByLabel('Name of the place (optional)').fill('Moorside Community Centre');
    await vcs.getByRole('textbox', { name: 'Address', exact: true }).fill('12 Chapel Lane');
    await vcs.getByRole('textbox', { name: 'Postcode', exact: true }).fill(postcode.toLowerCase());
    await vcs.getByLabel('Tuesday').fill('11:30 to 13:30');
    await vcs.getByLabel('Thursday').fill('11:30 to 13:30');
    await follow(vcs, () => vcs.getByRole('button', { name: 'Add the service' }).click());

    await expect(vcs.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(NAME);
    await expect(vcs.getByRole('alert').textContent()).resolves.toContain('The service is added');
    await expectNoAxeViolations(vcs, 'the new service');
    const hours = vcs.getByRole('table', { name: 'Weekly opening times' });
    await expect(hours.getByRole('row').count()).resolves.toBe(3);
    await expect(hours.textContent()).resolves.toMatch(/Tuesday\s*11:30\s*13:30/);
    await expect(vcs.locator('#locations').textContent()).resolves.toContain(postcode);
    await expect(vcs.locator('#no-place').count()).resolves.toBe(0);

    // Every part of the record has its own change page, and each passes axe.
    const record = vcs.url().split('?')[0] ?? '';
    for (const part of ['places', 'opening times', 'contacts']) {
      await follow(vcs, () =>
        vcs.getByRole('link', { name: new RegExp(`^(Change the|Add a) ${part.replace(/s$/, '')}`) }).click(),
      );
      await expectNoAxeViolations(vcs, `change the ${part}`);
      await vcs.goto(record);
    }
    await vcs.goto(`${record}/places`);
    await expect(
      vcs.getByRole('textbox', { name: 'Postcode', exact: true }).first().inputValue(),
    ).resolves.toBe(postcode);
  });

  it('confirms another record is still correct from its record page', async () => {
    await vcs.goto('/p/northmoor/directory');
    await follow(vcs, () => vcs.getByRole('link', { name: 'Northmoor Food Bank' }).first().click());
    await expectNoAxeViolations(vcs, 'the organisation');
    await follow(vcs, () => vcs.getByRole('link', { name: 'Moorside community pantry' }).click());
    await expect(vcs.getByText('Needs checking', { exact: true }).count()).resolves.toBeGreaterThan(0);
    await expectNoAxeViolations(vcs, 'a record that needs checking');
    await follow(vcs, () => vcs.getByRole('button', { name: 'Confirm it is still correct' }).click());
    await expect(vcs.getByRole('alert').textContent()).resolves.toContain(
      'You confirmed this service is still correct.',
    );
    await expect(vcs.getByText('Needs checking', { exact: true }).count()).resolves.toBe(0);
    await expectNoAxeViolations(vcs, 'the confirmed record');
  });

  it('confirms a record from the page the reminder email links to, only when the button is pressed', async () => {
    const before = await server.runtime.services.store.directory.findService(
      (await server.runtime.services.partnerships.findBySlug('northmoor'))?.id ?? '',
      parcelsId,
    );
    await vcs.goto(`/p/northmoor/directory/services/${parcelsId}/still-correct`);
    await expect(vcs.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('still correct?');
    await expectNoAxeViolations(vcs, 'still correct?');
    const opened = await server.runtime.services.store.directory.findService(
      before?.partnershipId ?? '',
      parcelsId,
    );
    expect(opened?.lastCheckedAt).toBe(before?.lastCheckedAt);
    await follow(vcs, () => vcs.getByRole('button', { name: 'Yes, it is still correct' }).click());
    await expect(vcs.getByRole('alert').textContent()).resolves.toContain(
      'You confirmed this service is still correct.',
    );
    const after = await server.runtime.services.store.directory.findService(
      before?.partnershipId ?? '',
      parcelsId,
    );
    expect(after?.lastCheckedAt).not.toBe(before?.lastCheckedAt);
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { describeInBrowser, launchBrowser, openPage, signIn, type OpenPage } from './support/browser.js';
import {
  chooseRadio,
  describeFocus,
  expectFocused,
  pressAndWaitForPage,
  tabTo,
  tabToSelector,
  typeText,
} from './support/keyboard.js';
import { demoAccounts, demoPassword, startServer, type TestServer } from './support/server.js';

const northmoor = 'Northmoor Council and Communities Partnership';
const eastbrook = 'Eastbrook Together';
const invitee = {
  email: 'sam.keyboard@northmoor.example',
  name: 'Sam Keyboard',
  password: 'kettle-harbour-lantern-42',
};
const newViewerPassword = 'copper-meadow-violin-88';

const path = (page: Page) => new URL(page.url()).pathname;
const heading = async (page: Page) =>
  ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').replace(/\s+/g, ' ').trim();

/** Signs in using only the keyboard, from a freshly loaded sign-in page. */
async function signInWithKeyboard(page: Page, email: string, password: string): Promise<void> {
  await tabTo(page, page.getByLabel('Email address'));
  await typeText(page, email);
  await tabTo(page, page.getByLabel('Password', { exact: true }));
  await typeText(page, password);
  await tabTo(page, page.getByRole('button', { name: 'Sign in', exact: true }));
  await pressAndWaitForPage(page);
}

describeInBrowser('keyboard-only journeys', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: OpenPage;
  let invitationLink = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    admin = await openPage(browser, server.baseUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the first Tab reaches "Skip to main content", which moves focus to the main content', async () => {
    const { page } = admin;
    await page.goto('/sign-in');
    await page.keyboard.press('Tab');
    await expectFocused(page.getByRole('link', { name: 'Skip to main content' }));
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main-content');
  });

  it('sign in: errors are announced and linked to their fields, then signing in works', async () => {
    const { page } = admin;
    await page.goto('/sign-in');
    await expectNoAxeViolations(page, 'sign in');

    // Submitting the empty form: the error summary takes focus and its links lead to the fields.
    await tabTo(page, page.getByRole('button', { name: 'Sign in', exact: true }));
    await pressAndWaitForPage(page);
    await expectFocused(page.locator('.govuk-error-summary'));
    await expectNoAxeViolations(page, 'sign in with errors');
    await tabTo(page, page.getByRole('link', { name: 'Enter your email address' }));
    await page.keyboard.press('Enter');
    await expectFocused(page.getByLabel('Email address'));

    await typeText(page, demoAccounts.partnershipAdmin);
    await tabTo(page, page.getByLabel('Password', { exact: true }));
    await typeText(page, demoPassword);
    // Back to the email address with Shift+Tab: what was typed is still there.
    await tabTo(page, page.getByLabel('Email address'), { backwards: true });
    await expect(page.getByLabel('Email address').inputValue()).resolves.toBe(demoAccounts.partnershipAdmin);
    await tabTo(page, page.getByRole('button', { name: 'Sign in', exact: true }));
    await pressAndWaitForPage(page);

    expect(path(page)).toMatch(/^\/p\/(northmoor|eastbrook)\/$/);
    await expect(page.getByRole('navigation', { name: 'Your account' }).textContent()).resolves.toContain(
      'Signed in as',
    );
    await expectNoAxeViolations(page, 'partnership home after signing in');
  });

  it('switch partnership: choose with the arrow keys and Space, then continue', async () => {
    const { page } = admin;
    for (const [name, slug, role] of [
      [eastbrook, 'eastbrook', 'Viewer'],
      [northmoor, 'northmoor', 'Partnership admin'],
    ] as const) {
      await tabTo(page, page.getByRole('link', { name: 'Switch partnership' }));
      await pressAndWaitForPage(page);
      expect(path(page)).toBe('/partnerships');
      await expectNoAxeViolations(page, 'choose a partnership');

      // Tab enters the radio group on the selected radio; the arrow keys move between choices.
      await tabToSelector(page, 'input[name="partnership"]');
      await chooseRadio(page, page.getByRole('radio', { name }));
      await tabTo(page, page.getByRole('button', { name: 'Continue' }));
      await pressAndWaitForPage(page);

      expect(path(page)).toBe(`/p/${slug}/`);
      await expect(heading(page)).resolves.toBe(name);
      await expect(page.getByRole('navigation', { name: 'Your account' }).textContent()).resolves.toContain(
        `(${role})`,
      );
      await expectNoAxeViolations(page, `${name} home`);
    }
  });

  it('invite a member: from the partnership menu to the invitation link', async () => {
    const { page } = admin;
    expect(path(page)).toBe('/p/northmoor/');
    await tabTo(
      page,
      // Settings opens on the members page for a partnership admin.
      page.getByRole('navigation', { name: 'Partnership menu' }).getByRole('link', { name: 'Settings' }),
    );
    await pressAndWaitForPage(page);
    expect(path(page)).toBe('/p/northmoor/members');
    await expectNoAxeViolations(page, 'members');

    await tabTo(page, page.getByRole('link', { name: 'Invite someone' }));
    await pressAndWaitForPage(page);
    expect(path(page)).toBe('/p/northmoor/members/invite');
    await expectNoAxeViolations(page, 'invite someone');

    await tabTo(page, page.getByLabel('Their email address'));
    await typeText(page, invitee.email);
    await tabToSelector(page, 'input[name="role"]');
    await chooseRadio(page, page.getByRole('radio', { name: 'Voluntary and community sector member' }));
    await tabTo(page, page.getByRole('button', { name: 'Send invitation' }));
    await pressAndWaitForPage(page);

    await expect(heading(page)).resolves.toContain('Invitation sent');
    invitationLink = ((await page.locator('#invitation-link').textContent()) ?? '').trim();
    expect(invitationLink).toMatch(new RegExp(`^${server.baseUrl}/invitations/\\S+$`));
    await expectNoAxeViolations(page, 'invitation sent');
  });

  it('accept the invitation: choose a name and password, and land on the partnership home', async () => {
    expect(invitationLink, 'the invitation journey must run first').not.toBe('');
    const { context, page } = await openPage(browser, server.baseUrl);
    try {
      await page.goto(invitationLink);
      await expect(heading(page)).resolves.toBe(`Join ${northmoor}`);
      await expectNoAxeViolations(page, 'accept invitation');

      await tabTo(page, page.getByLabel('Your full name'));
      await typeText(page, invitee.name);
      await tabTo(page, page.getByLabel('Choose a password', { exact: true }));
      await typeText(page, invitee.password);
      await tabTo(page, page.getByLabel('Enter the password again', { exact: true }));
      await typeText(page, invitee.password);
      await tabTo(page, page.getByRole('button', { name: 'Accept invitation and create account' }));
      await pressAndWaitForPage(page);

      expect(path(page)).toBe('/p/northmoor/');
      await expect(heading(page)).resolves.toBe(northmoor);
      await expect(page.getByRole('navigation', { name: 'Your account' }).textContent()).resolves.toContain(
        `Signed in as ${invitee.name}`,
      );
      await expectNoAxeViolations(page, 'partnership home after accepting');
    } finally {
      await context.close();
    }
  });

  it('reset a password: ask for a link, follow it from the email, choose a password and sign in with it', async () => {
    const { context, page } = await openPage(browser, server.baseUrl);
    try {
      await page.goto('/sign-in');
      await tabTo(page, page.getByRole('link', { name: 'I have forgotten my password' }));
      await pressAndWaitForPage(page);
      expect(path(page)).toBe('/password-reset');
      await expectNoAxeViolations(page, 'reset your password');

      await tabTo(page, page.getByLabel('Email address'));
      await typeText(page, demoAccounts.viewer);
      await tabTo(page, page.getByRole('button', { name: 'Send me a link' }));
      await pressAndWaitForPage(page);
      await expect(heading(page)).resolves.toBe('Check your email');
      await expectNoAxeViolations(page, 'check your email');

      await page.goto('/demo/mail');
      await expectNoAxeViolations(page, 'demo mailbox');
      const email = page
        .getByRole('row')
        .filter({ hasText: demoAccounts.viewer })
        .getByRole('link', { name: 'Reset your Common Ground password' })
        .first();
      await tabTo(page, email);
      await pressAndWaitForPage(page);
      await expect(heading(page)).resolves.toBe('Reset your Common Ground password');
      await expectNoAxeViolations(page, 'password reset email');

      await tabTo(page, page.locator('.cg-mail-body').getByRole('link', { name: /\/password\// }));
      await pressAndWaitForPage(page);
      await expect(heading(page)).resolves.toBe('Choose a password');
      await expectNoAxeViolations(page, 'choose a password');

      await tabTo(page, page.getByLabel('New password', { exact: true }));
      await typeText(page, newViewerPassword);
      await tabTo(page, page.getByLabel('Enter the new password again', { exact: true }));
      await typeText(page, newViewerPassword);
      await tabTo(page, page.getByRole('button', { name: 'Save password' }));
      await pressAndWaitForPage(page);
      await expect(heading(page)).resolves.toBe('Your password has been set');
      await expectNoAxeViolations(page, 'password set');

      await tabTo(page, page.getByRole('link', { name: 'Sign in with your new password' }));
      await pressAndWaitForPage(page);
      expect(path(page)).toBe('/sign-in');
      await signInWithKeyboard(page, demoAccounts.viewer, newViewerPassword);
      expect(path(page), `still signed out; focus on ${await describeFocus(page)}`).toBe('/p/northmoor/');
      await expectNoAxeViolations(page, 'home after signing in with the new password');
    } finally {
      await context.close();
    }
  });

  it('sign out with the account bar button', async () => {
    const { page } = admin;
    await tabTo(page, page.getByRole('button', { name: 'Sign out' }));
    await pressAndWaitForPage(page);
    expect(path(page)).toBe('/signed-out');
    await expect(heading(page)).resolves.toBe('You have signed out');
    expect(await page.getByRole('navigation', { name: 'Your account' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'signed out');

    // Signed out really means signed out: a partnership page asks you to sign in.
    await page.goto('/p/northmoor/');
    expect(path(page)).toBe('/sign-in');
  });

  it('on a 320 px phone, a wide table scrolls in its own box: Tab reaches the box and the arrow keys scroll it', async () => {
    const { context, page } = await openPage(browser, server.baseUrl, {
      viewport: { width: 320, height: 800 },
    });
    try {
      await signIn(page, demoAccounts.councilMember, demoPassword);
      await page.goto('/p/northmoor/needs/gaps');
      const box = page.getByRole('region', { name: 'Gaps by area and theme' });
      const widths = await box.evaluate((element) => ({
        box: element.clientWidth,
        table: element.scrollWidth,
        page: document.documentElement.scrollWidth,
      }));
      expect(widths.table, 'the table is wider than the phone, so the box must scroll').toBeGreaterThan(
        widths.box,
      );
      expect(widths.page).toBeLessThanOrEqual(320);
      await tabTo(page, box, { maxPresses: 150 });
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => box.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
      await expectNoAxeViolations(page, 'gaps at 320 px');
    } finally {
      await context.close();
    }
  });
});

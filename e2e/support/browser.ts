import fs from 'node:fs';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { describe } from 'vitest';

/** Debian's Chromium by default (`apt-get install -y chromium`); CHROMIUM_PATH overrides it. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const runningInCi = ['true', '1', 'yes'].includes((process.env.CI ?? '').toLowerCase());
const missingMessage =
  `Chromium was not found at ${chromiumPath}. Install it with "apt-get install -y chromium" ` +
  'or set CHROMIUM_PATH to a Chromium executable.';

export const browserAvailable = fs.existsSync(chromiumPath);

/**
 * `describe` for browser tests. Without Chromium the suite fails when CI=true and is skipped, with a clear
 * message, everywhere else.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (browserAvailable) {
    describe(name, body);
    return;
  }
  if (runningInCi) throw new Error(`${missingMessage} Browser tests cannot be skipped when CI=true.`);
  console.warn(`Skipping "${name}": ${missingMessage}`);
  describe.skip(`${name} (skipped: Chromium not found at ${chromiumPath})`, body);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface OpenPage {
  readonly context: BrowserContext;
  readonly page: Page;
}

/** A page in its own context (its own cookies), with relative URLs resolved against the test server. */
export async function openPage(
  browser: Browser,
  baseUrl: string,
  options: BrowserContextOptions = {},
): Promise<OpenPage> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1024, height: 768 },
    ...options,
  });
  const page = await context.newPage();
  return { context, page };
}

/** Signs in through the form (not keyboard-only: for tests that are about something else). */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await Promise.all([
    page.waitForNavigation(),
    page.getByRole('button', { name: 'Sign in', exact: true }).click(),
  ]);
  if (new URL(page.url()).pathname === '/sign-in') {
    throw new Error(`Signing in as ${email} failed: still on ${page.url()}`);
  }
}

import { convert } from 'html-to-text';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servicesCsvColumns } from '../../src/interchange/services-csv-import.js';
import { Browser } from '../support/browser.js';
import { createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

/**
 * What a person reads must be plain English: no command-line options, repository paths or file names of the
 * project's documentation, and money by the one rule (pence as two digits).
 */

/** The words on the page as a person sees them: no markup, scripts, styles or link addresses. */
function visibleText(html: string): string {
  const withoutCode = html.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '');
  return convert(withoutCode, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
    ],
  });
}

const developerLeftovers: readonly [string, RegExp][] = [
  ['a command-line option', /(^|\s)--[a-z][a-z-]*/m],
  ['a path in the repository', /\bdocs\/|\bsrc\/|\bcontent\/[a-z-]+\/[a-z-]+\.ya?ml/],
  ['a documentation file name', /\b[a-z-]+\.md\b/],
  ['the command-line program', /\bcommon-ground (import|create-user|serve)\b/],
  ['an amount with one digit of pence', /£[\d,]+\.\d(?!\d)/],
];

function leftoversIn(text: string): string[] {
  return developerLeftovers.flatMap(([what, pattern]) => {
    const found = pattern.exec(text);
    return found ? [`${what}: "${text.slice(Math.max(0, found.index - 40), found.index + 40)}"`] : [];
  });
}

let t: TestApp;
let admin: Browser;
let national: Browser;

beforeAll(async () => {
  t = await createTestApp();
  admin = new Browser(t.app);
  await admin.signIn(demoAccounts.northmoorAdmin, knownPassword);
  national = new Browser(t.app);
  await national.signIn(demoAccounts.national, knownPassword);
}, 60_000);
afterAll(() => t.close());

describe('plain English on the pages people read', () => {
  it.each([
    ['/p/northmoor/imports'],
    ['/p/northmoor/areas'],
    ['/p/northmoor/postcode'],
    ['/p/northmoor/funding'],
    ['/p/northmoor/grants'],
    ['/p/northmoor/dashboard/print'],
    ['/p/northmoor/matching'],
    ['/account/delete'],
  ])('%s (partnership admin) shows no developer leftovers', async (path) => {
    const page = await admin.get(path);
    expect(page.statusCode).toBe(200);
    expect(leftoversIn(visibleText(page.body))).toEqual([]);
  });

  it.each([['/national/imports'], ['/account/delete']])(
    '%s (national admin) shows no developer leftovers',
    async (path) => {
      const page = await national.get(path);
      expect(page.statusCode).toBe(200);
      expect(leftoversIn(visibleText(page.body))).toEqual([]);
    },
  );

  it('finds the leftovers it looks for, so the checks above can fail', () => {
    expect(leftoversIn('Say which theme, with --theme food')).toHaveLength(1);
    expect(leftoversIn('See docs/services-csv.md')).toHaveLength(2);
    expect(leftoversIn('Run common-ground import boundaries FILE')).toHaveLength(1);
    expect(leftoversIn('£0.7 a head')).toHaveLength(1);
    expect(leftoversIn('£0.70 a head, £1,250 in all; a well-known -- dash')).toEqual([]);
  });

  it('describes every column of the services CSV on the import page, instead of pointing to a file', async () => {
    const text = visibleText((await admin.get('/p/northmoor/imports')).body);
    expect(text).toContain('The columns of a services CSV');
    for (const column of servicesCsvColumns) expect(text).toContain(column);
  });

  it('keeps the import kinds in plain words', async () => {
    const text = visibleText((await admin.get('/p/northmoor/imports')).body);
    expect(text).toContain('all of one theme');
    const reference = visibleText((await national.get('/national/imports')).body);
    expect(reference).toContain('for local authorities, wards or neighbourhoods');
  });

  it('gives as its example a postcode the demo’s lookup has, in the partnership’s own area', async () => {
    const text = visibleText((await admin.get('/p/northmoor/postcode')).body);
    const example = /For example ([A-Z0-9]+ [A-Z0-9]+)\./.exec(text)?.[1];
    expect(example).toMatch(/^NM\d /);
    const found = await admin.get(`/p/northmoor/postcode?postcode=${encodeURIComponent(example ?? '')}`);
    expect(found.statusCode).toBe(200);
    expect(visibleText(found.body)).toContain('Ward');
    expect(visibleText(found.body)).not.toContain('is outside');
  });
});

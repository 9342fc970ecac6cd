import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
const axeSource = fs.readFileSync(axePath, 'utf8');

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly helpUrl: string;
  readonly nodes: readonly { readonly target: readonly unknown[]; readonly failureSummary?: string }[];
}

/** Set once an injected script tag has been refused, so later pages go straight to evaluating the source. */
let scriptTagRefused = false;

/**
 * Adds axe-core to the page. The service's Content Security Policy (script-src 'self') refuses the inline
 * script that `addScriptTag` writes, so when that happens the same source is evaluated through the
 * DevTools protocol instead, which the policy does not govern. The page's own policy stays switched on.
 */
async function injectAxe(page: Page): Promise<void> {
  if (await page.evaluate(() => 'axe' in window)) return;
  if (!scriptTagRefused) {
    await page.addScriptTag({ path: axePath }).catch(() => undefined);
    if (await page.evaluate(() => 'axe' in window)) return;
    scriptTagRefused = true;
  }
  await page.evaluate(axeSource);
}

/** Runs axe-core on the whole page (every WCAG A/AA rule, or only the rules named) and lists each violation readably. */
export async function axeViolations(page: Page, rules?: readonly string[]): Promise<AxeViolation[]> {
  await injectAxe(page);
  const runOnly = rules ? { type: 'rule', values: rules } : { type: 'tag', values: wcagTags };
  return page.evaluate(async (only) => {
    const axe = (
      window as unknown as { axe: { run: (...args: unknown[]) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const results = await axe.run(document, { runOnly: only });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, runOnly);
}

export function describeViolations(url: string, violations: readonly AxeViolation[]): string {
  return violations
    .map((v) => {
      const targets = v.nodes.map((n) => `      - ${n.target.map(String).join(' ')}`).join('\n');
      return `  ${url}\n    ${v.id} (${v.impact ?? 'no impact given'}): ${v.help}\n    ${v.helpUrl}\n${targets}`;
    })
    .join('\n');
}

/** Fails with the rule id, help text, target selectors and page address of every WCAG A/AA violation. */
export async function expectNoAxeViolations(page: Page, label?: string): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length > 0) {
    const where = label ? `${label} (${page.url()})` : page.url();
    throw new Error(
      `axe-core found ${violations.length} accessibility violation(s):\n${describeViolations(where, violations)}`,
    );
  }
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli-process.js';
import { temporaryDirectory } from '../support/database.js';

/** `match` and `who-can-help` from the real command line, over the demo loaded into a new data folder. */

describe('matching from the command line', () => {
  const folder = temporaryDirectory('cg-matching-cli-');
  beforeAll(async () => {
    const seeded = await cli(['seed-demo'], folder.path);
    expect(seeded.code, seeded.stderr).toBe(0);
  }, 60_000);
  afterAll(() => folder.remove());

  it('runs and saves an allocation, printing totals, unmet by theme and the busiest services', async () => {
    const result = await cli(
      ['match', '--partnership', 'northmoor', '--themes', 'food,money-debt-and-benefits', '--max-km', '8'],
      folder.path,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Saved allocation run [0-9a-f-]{36} for Northmoor/m);
    expect(result.stdout).toMatch(/People with a need: [\d,]+; placed: [\d,]+; unmet: [\d,]+\./);
    expect(result.stdout).toContain('nearest-first baseline');
    expect(result.stdout).toContain('  Food: ');
    expect(result.stdout).toContain('  Money, debt and benefits advice: ');
    expect(result.stdout).toContain('Busiest services');
  }, 30_000);

  it('prints the run as JSON that adds up', async () => {
    const result = await cli(
      ['match', '--partnership', 'northmoor', '--themes', 'food', '--json'],
      folder.path,
    );
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as {
      run: { id: string; maxKm: number; themes: string[] };
      totals: { units: number; allocated: number; unmet: number };
      unmetByTheme: { theme: string; unmet: number }[];
      loads: { load: number; capacity: number }[];
    };
    // Without --max-km each need takes the reach rule for its area: Northmoor's areas have no rural-urban
    // class loaded, so every one takes the reach for towns and cities, 3 km by default.
    expect(json.run.maxKm).toBe(3);
    expect(json.run.themes).toEqual(['food']);
    expect(json.totals.allocated + json.totals.unmet).toBe(json.totals.units);
    expect(json.unmetByTheme.map((t) => t.theme)).toEqual(['food']);
    expect(json.loads.reduce((n, l) => n + l.load, 0)).toBe(json.totals.allocated);
    for (const l of json.loads) expect(l.load).toBeLessThanOrEqual(l.capacity);
  }, 30_000);

  it('ranks services for an area and theme with reasons, as text and JSON', async () => {
    const text = await cli(
      [
        'who-can-help',
        '--partnership',
        'northmoor',
        '--area',
        'E05099101',
        '--theme',
        'food',
        '--max-km',
        '20',
        '--age',
        '70',
      ],
      folder.path,
    );
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('Who can help with Moorside (Food, within 20 km):');
    expect(text.stdout).toMatch(/^1\. .+: \d+ points$/m);
    const json = await cli(
      ['who-can-help', '--partnership', 'northmoor', '--area', 'E05099101', '--theme', 'food', '--json'],
      folder.path,
    );
    const parsed = JSON.parse(json.stdout) as {
      ranked: { reasons: unknown[] }[];
      leftOut: { text: string }[];
    };
    expect(parsed.ranked.length + parsed.leftOut.length).toBeGreaterThan(0);
    for (const r of parsed.ranked) expect(r.reasons.length).toBeGreaterThan(0);
    for (const l of parsed.leftOut) expect(l.text).not.toBe('');
  }, 30_000);

  it('says plainly what is wrong', async () => {
    const usage = await cli(['who-can-help', '--partnership', 'northmoor'], folder.path);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Say what to rank for');
    const theme = await cli(['match', '--partnership', 'northmoor', '--themes', 'cake'], folder.path);
    expect(theme.code).toBe(1);
    expect(theme.stderr).toContain('cake is not one');
    const nobody = await cli(['match', '--partnership', 'nowhere'], folder.path);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain('There is no partnership with the short name nowhere');
  }, 30_000);
});

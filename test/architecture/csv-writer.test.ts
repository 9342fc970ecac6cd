import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const writer = path.join('src', 'domain', 'shared', 'csv-text.ts');

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** Every CSV download goes through one writer, so each one quotes line feeds the same way. */
describe('the CSV writer', () => {
  it('is the only source file that uses csv-stringify', () => {
    const users = sourceFiles('src').filter((file) =>
      /from 'csv-stringify/.test(fs.readFileSync(file, 'utf8')),
    );
    expect(users).toEqual([writer]);
  });
});

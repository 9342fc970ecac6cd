import { parseCircular, parseDependencyTree } from 'dpdm';
import { describe, expect, it } from 'vitest';

/**
 * No module imports itself through others: a cycle makes the load order matter and hides which module owns a
 * concept. Type-only imports count (transform off), so moving a type to where it belongs is the fix, not
 * `import type`.
 */
async function importCycles(files: string): Promise<string[]> {
  const tree = await parseDependencyTree(files, {
    context: process.cwd(),
    transform: false,
    skipDynamicImports: false,
    tsconfig: 'tsconfig.json',
  });
  return parseCircular(tree).map((cycle) => cycle.join(' → '));
}

describe('import cycles', () => {
  it('finds none in the source', async () => {
    expect(await importCycles('src/**/*.ts')).toEqual([]);
  }, 120_000);

  it('finds a cycle of type-only imports', async () => {
    const cycles = await importCycles('test/fixtures/import-cycle/*.ts');
    expect(cycles).toHaveLength(1);
    expect(cycles[0]?.split(' → ').sort()).toEqual([
      'test/fixtures/import-cycle/first.ts',
      'test/fixtures/import-cycle/second.ts',
    ]);
  });
});

import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The lint rule that enforces the dependency rule really rejects the imports docs/architecture.md forbids. */
describe('dependency rule (eslint.config.js)', () => {
  const eslint = new ESLint({ cwd: process.cwd() });

  const restrictedImports = async (file: string, source: string) => {
    const [result] = await eslint.lintText(source, { filePath: file });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
  };

  it.each([
    [
      'src/domain/x.ts',
      "import { a } from '../app/services.js';\nexport const b = a;\n",
      /src\/domain must not import from src\/app/,
    ],
    [
      'src/domain/x.ts',
      "import { a } from '../storage/store.js';\nexport const b = a;\n",
      /must not import from src\/storage/,
    ],
    ['src/domain/x.ts', "import fastify from 'fastify';\nexport const b = fastify;\n", /domain is pure/],
    ['src/domain/x.ts', "import fs from 'node:fs';\nexport const b = fs;\n", /domain is pure/],
    [
      'src/app/x.ts',
      "import { a } from '../web/server.js';\nexport const b = a;\n",
      /src\/app must not import from src\/web/,
    ],
    [
      'src/app/x.ts',
      "import { a } from '../config.js';\nexport const b = a;\n",
      /Configuration is read by main/,
    ],
    [
      'src/web/x.ts',
      "import { a } from '../storage/store.js';\nexport const b = a;\n",
      /src\/web must not import from src\/storage/,
    ],
    [
      'src/api/x.ts',
      "import { a } from '../web/server.js';\nexport const b = a;\n",
      /src\/api must not import from src\/web/,
    ],
    [
      'src/cli/x.ts',
      "import { a } from '../main.js';\nexport const b = a;\n",
      /Nothing imports the composition root/,
    ],
  ])('%s: %s is rejected', async (file, source, message) => {
    const messages = await restrictedImports(file, source);
    expect(messages.some((m) => message.test(m))).toBe(true);
  });

  it.each([
    ['src/app/x.ts', "import { a } from '../domain/accounts/roles.js';\nexport const b = a;\n"],
    ['src/web/x.ts', "import { a } from '../app/services.js';\nexport const b = a;\n"],
    ['src/storage/x.ts', "import { a } from '../app/ports.js';\nexport const b = a;\n"],
    [
      'src/main.ts',
      "import { a } from './storage/store.js';\nimport { c } from './web/server.js';\nexport const b = [a, c];\n",
    ],
  ])('%s: allowed imports pass', async (file, source) => {
    expect(await restrictedImports(file, source)).toEqual([]);
  });
});

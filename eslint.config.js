import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

/**
 * The dependency rule (docs/architecture.md): domain <- app <- {storage, interchange, web, api, cli} <- main.
 * Each layer lists the folders it must not import from; `main.ts` alone may import everything.
 */
const layer = (name, forbidden, extra = []) => ({
  files: [`src/${name}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...forbidden.map((folder) => ({
            group: [`**/${folder}/**`, `**/${folder}`],
            message: `src/${name} must not import from src/${folder} (see docs/architecture.md, dependency rule).`,
          })),
          { group: ['**/main', '**/main.js'], message: 'Nothing imports the composition root.' },
          ...extra,
        ],
      },
    ],
  },
});

const outerLayers = ['storage', 'interchange', 'platform', 'web', 'api', 'cli'];
const ioPackages = {
  group: [
    'fastify',
    '@fastify/*',
    'kysely',
    'pg',
    'better-sqlite3',
    'nodemailer',
    'node:fs',
    'node:fs/*',
    'fs',
    'node:net',
    'node:http',
    'node:child_process',
  ],
  message: 'The domain is pure: no I/O or framework imports.',
};
const configImport = {
  group: ['**/config', '**/config.js'],
  message: 'Configuration is read by main and passed in as values.',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'public/build/', 'coverage/', 'dist/', 'dist.*/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  prettier,
  {
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['public/js/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  layer('domain', ['app', ...outerLayers], [ioPackages, configImport]),
  layer('app', outerLayers, [configImport]),
  ...outerLayers.map((name) =>
    layer(
      name,
      outerLayers.filter((other) => other !== name),
    ),
  ),
);

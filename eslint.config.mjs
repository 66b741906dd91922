// Type-aware linting; `npm run lint` fails on any warning and never fixes.
import tseslint from 'typescript-eslint';

// Libraries are used through their index only. Every block below that sets no-restricted-imports repeats this
// pattern: for the files a later block matches, its no-restricted-imports replaces the earlier one.
const THROUGH_INDEX = {
  group: ['@lr/*/src/**', '**/libs/*/src/**'],
  message: 'Import a lib through its index (@lr/<lib>).',
};

// The apps. None imports another's source: what two apps share is a lib. Another app's test helpers (its
// test/ folder) stay open to tests.
const APPS = ['api', 'cli', 'ooapi-host', 'portal', 'worker'];

// A lib never imports an app: apps use libs, not the reverse.
const NO_APP = { group: ['**/apps/**'], message: 'A lib imports nothing from apps/.' };

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.data/**',
      'scripts/**',
      '*.config.*',
      'jest.config.js',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-imports': ['error', { patterns: [THROUGH_INDEX] }],
    },
  },
  // An app never imports another app's source.
  ...APPS.map((app) => ({
    files: [`apps/${app}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            THROUGH_INDEX,
            {
              group: APPS.filter((other) => other !== app).map((other) => `**/${other}/src/**`),
              message: `apps/${app} imports no other app's source: move what they share into a lib (@lr/<lib>).`,
            },
          ],
        },
      ],
    },
  })),
  {
    // A lib: other libs through their index, and nothing of an app.
    files: ['libs/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [THROUGH_INDEX, NO_APP] }] },
  },
  {
    // The domain is the rules alone: no framework, no I/O library and no other lib of ours (README, Layout).
    files: ['libs/domain/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@lr/*', '@nestjs/*', 'typeorm', 'pg', 'bullmq', 'ioredis', 'express', 'jose'],
              message: 'libs/domain imports no framework, no I/O library and no other lib.',
            },
            {
              group: ['fs', 'path', 'http', 'https', 'net', 'child_process', 'node:*'],
              message: 'libs/domain does no I/O.',
            },
            NO_APP,
          ],
        },
      ],
    },
  },
  {
    // Tests read untyped JSON bodies from supertest.
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);

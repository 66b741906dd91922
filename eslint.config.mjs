// Type-aware linting; `npm run lint` fails on any warning and never fixes.
import tseslint from 'typescript-eslint';

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
      // Libraries are used through their index only.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@lr/*/src/**', '**/libs/*/src/**'],
              message: 'Import a lib through its index (@lr/<lib>).',
            },
          ],
        },
      ],
    },
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

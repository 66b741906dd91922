/**
 * One Jest run for every tier: unit (*.spec.ts), integration (*.int-spec.ts) and end-to-end (*.e2e-spec.ts).
 * SWC only strips types; `npm test` type-checks the whole tree with tsc first, so tests are as strictly
 * typed as the code.
 */
const fs = require('fs');
const swcrc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/bench'],
  testRegex: '.*\\.(spec|int-spec|e2e-spec)\\.ts$',
  transform: {
    '^.+\\.ts$': ['@swc/jest', { ...swcrc, swcrc: false }],
    // ES-module-only packages: Node loads them with require() (20.19 and later), Jest's runtime cannot, so SWC
    // turns them into CommonJS for the tests.
    '^.+/node_modules/(oauth4webapi|jose)/.+\\.js$': ['@swc/jest', { ...swcrc, swcrc: false }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(oauth4webapi|jose)/)'],
  moduleNameMapper: {
    '^@lr/([a-z-]+)$': '<rootDir>/libs/$1/src',
  },
  globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
};

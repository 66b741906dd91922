/**
 * `npm run test:unit`: the unit tier alone (*.spec.ts). It needs no PostgreSQL or Redis, so it has none of the
 * main suite's set-up (the template database), and runs in seconds.
 */
const base = require('./jest.config');

const { globalSetup, globalTeardown, ...rest } = base;
module.exports = { ...rest, testRegex: '.*\\.spec\\.ts$' };

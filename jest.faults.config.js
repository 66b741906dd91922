/** `npm run test:faults`: the fault-injection suite alone, with the same set-up as the main suite. */
const base = require('./jest.config');

module.exports = { ...base, testRegex: '.*\\.fault-spec\\.ts$', testTimeout: 15 * 60 * 1000, maxWorkers: 1 };

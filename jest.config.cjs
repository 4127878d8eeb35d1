/**
 * Jest: TypeScript through SWC, tests mirror the source tree under tests/.
 *
 * Two projects, one run: `default` is every test (service-level tests on in-memory SQLite), and
 * `cosmos` runs again the suites that go through `startService` (incidents, quotes, orders,
 * reports in Teams, through the API and the Playground) and the views layer's, on the real Cosmos
 * DB adapter against the in-process HTTPS emulator (GUICHET_TEST_STORE=cosmos,
 * tests/store/cosmos-service-store.ts).
 * `npx jest --selectProjects default` (or `cosmos`) runs one of them; test paths go before the option
 * (`npx jest tests/teams --selectProjects cosmos`), which takes every word after it.
 */
const swc = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
];
const swcJs = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } },
];
const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc, '^.+\\.m?js$': swcJs },
  // jose, oauth2-mock-server and its is-plain-obj ship only ESM, which Jest cannot require on Node 20.
  transformIgnorePatterns: ['/node_modules/(?!(jose|oauth2-mock-server|is-plain-obj)/)'],
  roots: ['<rootDir>/tests'],
  testPathIgnorePatterns: process.env.GUICHET_SKIP_E2E
    ? ['/node_modules/', '/tests/e2e/']
    : ['/node_modules/'],
};
/**
 * The suites of the `cosmos` project. Left out, because they never reach `startService`'s store or
 * need SQLite itself: pure unit tests, tests/teams/proactive-delivery and quotes-cards (no service),
 * tests/api/auth-config and token-verifier (no store), tests/http/server (asserts store sqlite),
 * tests/jobs/*, tests/reports/*, tests/services/*, tests/cli/* (their own SQLite files),
 * tests/e2e/tab-* (browser rendering of the same API calls the API suites cover; 1.5 min more)
 * and tests/e2e/crash-recovery (kills a process on a SQLite file).
 */
const cosmosSuites = [
  '<rootDir>/tests/teams/!(proactive-delivery|quotes-cards).test.ts',
  '<rootDir>/tests/api/!(auth-config|token-verifier).test.ts',
  '<rootDir>/tests/e2e/@(incident|quote)-playground.test.ts',
  '<rootDir>/tests/store/cosmos-test-store.test.ts',
  // The views layer on the real Cosmos adapter (open-quote-view runs the quote services' SQLite rig).
  '<rootDir>/tests/store/views/!(open-quote-view).test.ts',
];
module.exports = {
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/tests/support/summary-reporter.cjs'],
  projects: [
    { ...common, displayName: 'default', testMatch: ['**/*.test.ts'] },
    {
      ...common,
      displayName: 'cosmos',
      setupFiles: ['<rootDir>/tests/store/cosmos-project-setup.ts'],
      testMatch: cosmosSuites,
    },
  ],
};

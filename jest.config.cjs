/** Jest: TypeScript through SWC, tests mirror the source tree under tests/. */
const swc = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
];
const swcJs = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } },
];
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc, '^.+\\.m?js$': swcJs },
  // jose, oauth2-mock-server and its is-plain-obj ship only ESM, which Jest cannot require on Node 20.
  transformIgnorePatterns: ['/node_modules/(?!(jose|oauth2-mock-server|is-plain-obj)/)'],
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: process.env.GUICHET_SKIP_E2E
    ? ['/node_modules/', '/tests/e2e/']
    : ['/node_modules/'],
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/tests/support/summary-reporter.cjs'],
};

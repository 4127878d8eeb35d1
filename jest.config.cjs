/** Jest: TypeScript through SWC, tests mirror the source tree under tests/. */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }];
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc },
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: process.env.GUICHET_SKIP_E2E ? ['/tests/e2e/'] : [],
  testTimeout: 30000,
};

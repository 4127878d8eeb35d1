/**
 * Setup of the jest project `cosmos`: every `startService` of the test file opens the real Cosmos DB
 * adapter on the in-process emulator instead of in-memory SQLite (tests/support/running-service.ts).
 */
process.env.GUICHET_TEST_STORE = 'cosmos';

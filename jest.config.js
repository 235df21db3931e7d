/** Jest: TypeScript through SWC (type checking is `npm run typecheck`), real services, one file per module. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.tsx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  testTimeout: 30_000,
  // Integration suites share one Redis and one PostgreSQL; separate prefixes and schemas keep them apart.
  maxWorkers: 2,
  // Trains the built-in intent model once into a shared cache, so platforms started by tests install it instantly.
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};

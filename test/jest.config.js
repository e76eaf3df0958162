// Three projects: "unit" (specs beside the code, pure logic, fakes allowed),
// "service" (*.service.spec.ts beside the code: services called directly
// against real MySQL and Redis, no HTTP) and "e2e" (test/*.e2e-spec.ts, real
// MySQL, Redis and an SMTP sink, through HTTP).
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('../tsconfig.json');

const rootDir = require('path').resolve(__dirname, '..');
const shared = {
  rootDir,
  moduleFileExtensions: ['js', 'json', 'ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json', diagnostics: false }] },
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
};

module.exports = {
  testTimeout: 60000,
  // Jest's default on two cores is one worker; the test files wait on MySQL, Redis, SMTP and child
  // processes much of the time, and each worker has a database of its own (test/support/worker-env.ts).
  maxWorkers: 2,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,config}/**/*.spec.ts', '<rootDir>/test/architecture/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '\\.service\\.spec\\.ts$'],
    },
    {
      ...shared,
      displayName: 'service',
      testMatch: ['<rootDir>/{apps,libs}/**/*.service.spec.ts'],
      setupFiles: [...shared.setupFiles, '<rootDir>/test/support/worker-env.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      setupFiles: [...shared.setupFiles, '<rootDir>/test/support/worker-env.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      testTimeout: 60000,
    },
  ],
};

// One Jest run for every spec: unit specs beside their code, whole-app specs in test/.
// Each e2e file creates its own database and queue prefix (libs/testing), so files run in parallel.
const swcConfig = JSON.parse(require('fs').readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swcConfig.jsc.baseUrl;
delete swcConfig.jsc.paths;

/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testRegex: '(apps|libs|test|scripts)/.*\\.(spec|e2e-spec)\\.ts$',
  transform: { '^.+\\.ts$': ['@swc/jest', swcConfig] },
  moduleNameMapper: {
    '^@claimdesk/(config|database|queue|workflow|extraction|core|testing|observability)$': '<rootDir>/libs/$1/src',
  },
  globalSetup: '<rootDir>/libs/testing/src/jest-global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/jest-global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
};

// Three kinds of test, each selectable with --selectProjects:
//   unit         *.spec.ts      pure logic, no I/O
//   integration  *.int-spec.ts  real Postgres, NATS and S3 (started, or failed loudly, by libs/testing)
//   e2e          *.e2e-spec.ts  the whole system started as `npm start` starts it, driven by the official SDKs
// ts-jest in isolated mode: transpiles each file (decorators and their metadata included) without type checking;
// `npm test` type-checks the whole tree once before jest runs.
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json', diagnostics: false }];
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': tsJest },
  moduleNameMapper: { '^@switchyard/(.*)$': '<rootDir>/libs/$1/src/index.ts' },
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  // the console (React, ESM) has its own runner: Vitest, apps/console/vitest.config.mts
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/console/'],
  setupFiles: ['reflect-metadata', '<rootDir>/tools/jest/fast-check-setup.js'],
};
module.exports = {
  testTimeout: 120000,
  // a failed test must not leave CI waiting on a child process it started
  forceExit: true,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,tools}/**/*.spec.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/{apps,libs,tools}/**/*.int-spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tools/e2e/**/*.e2e-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/tools/jest/response-drift-setup.js'],
    },
  ],
};

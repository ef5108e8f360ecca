// Integration tier: test/*.int.spec.ts boot the service in-process against the real NATS and PostgreSQL servers,
// with the real CLM simulator started as a child process.
module.exports = {
  displayName: 'contract-adapter:int',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.int.spec.ts'],
  testTimeout: 60000,
};

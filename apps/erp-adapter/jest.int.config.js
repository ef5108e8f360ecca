// Integration tier: test/*.int.spec.ts boot the service in-process against the real NATS and PostgreSQL servers.
module.exports = {
  displayName: 'erp-adapter:int',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.int.spec.ts'],
  testTimeout: 60000,
};

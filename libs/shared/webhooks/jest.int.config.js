// Integration tier: test/*.int.spec.ts against the real NATS and PostgreSQL servers.
module.exports = {
  displayName: 'shared-webhooks:int',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.int.spec.ts'],
  testTimeout: 60000,
};

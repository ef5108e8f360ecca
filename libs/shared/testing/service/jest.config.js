// Unit tier: src/**/*.spec.ts, no servers.
module.exports = {
  displayName: 'shared-testing-service',
  preset: '../../../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};

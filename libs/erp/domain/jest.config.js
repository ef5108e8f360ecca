// Unit tier: specs beside the code, no servers.
module.exports = {
  displayName: 'erp-domain',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};

// Unit tier: specs beside the code, no servers.
module.exports = {
  displayName: 'shared-chassis',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};

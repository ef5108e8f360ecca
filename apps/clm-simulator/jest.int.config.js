// Integration tier: test/*.int.spec.ts boot the simulator in-process against the real PostgreSQL server.
module.exports = {
  displayName: 'clm-simulator:int',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.int.spec.ts'],
  testTimeout: 60000,
};

// Proves that lint enforces the module boundaries of STYLE.md (see module-boundaries.spec.ts).
module.exports = {
  displayName: 'boundaries-check',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  testTimeout: 120000,
};

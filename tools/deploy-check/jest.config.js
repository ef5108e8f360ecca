// Lints the Dockerfile, validates the compose file and renders and validates both kustomize
// overlays, and proves each check rejects a broken input (see src/**/*.spec.ts).
module.exports = {
  displayName: 'deploy-check',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  testTimeout: 60000,
};

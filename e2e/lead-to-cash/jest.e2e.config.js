// End-to-end tier: test/*.e2e.spec.ts start crm and order as real child processes (migrate, then
// main) against the real NATS and PostgreSQL servers and drive them over HTTP and JetStream only.
module.exports = {
  displayName: 'lead-to-cash:e2e',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.e2e.spec.ts'],
  testTimeout: 90000,
};

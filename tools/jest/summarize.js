// Prints the workspace-wide closing line from the records of tools/jest/summary-reporter.js.
const fs = require('node:fs');
const path = require('node:path');

const dir = path.resolve(__dirname, '../../tmp/test-results');
const totals = { passed: 0, failed: 0, skipped: 0, runs: 0 };
for (const file of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
  const r = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  totals.passed += r.passed;
  totals.failed += r.failed;
  totals.skipped += r.skipped;
  totals.runs += 1;
}
console.log(`(${totals.runs} jest runs)`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || totals.runs === 0 ? 1 : 0);

// Records each Jest run's counts in tmp/test-results/ so scripts/test.sh can print one closing
// line for the whole workspace ("tests: N passed, N failed, N skipped").
const fs = require('node:fs');
const path = require('node:path');

class SummaryReporter {
  constructor(globalConfig) {
    this.globalConfig = globalConfig;
  }

  onRunComplete(_contexts, results) {
    const dir = path.resolve(__dirname, '../../tmp/test-results');
    fs.mkdirSync(dir, { recursive: true });
    const name = (this.globalConfig.rootDir || 'root').replace(/[^a-z0-9]+/gi, '_') + '_' + process.pid;
    const record = {
      rootDir: this.globalConfig.rootDir,
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
      suitesFailed: results.numFailedTestSuites,
    };
    fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(record));
  }
}

module.exports = SummaryReporter;

/**
 * Prints one plain closing line after everything Jest prints: "jest: N passed, N failed, N skipped",
 * the form CI reads to tell how many tests ran. Jest's own summary reporter runs after custom ones,
 * so the line is written when the process exits (stdout is synchronous for files and pipes on Linux).
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line = `jest: ${results.numPassedTests} passed, ${failed} failed, ${skipped} skipped\n`;
    process.once('exit', () => process.stdout.write(`\n${line}`));
  }
}
module.exports = SummaryReporter;

#!/usr/bin/env node
/**
 * Add up the JSON reports of Vitest and Playwright and print one plain line that any CI can read:
 * "N passed, N failed". A missing report counts as a failure (its runner did not finish).
 */
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    console.log(`${file}: missing (its test runner did not finish)`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  if ('numPassedTests' in report) {
    // Vitest (Jest-compatible JSON)
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    console.log(`${file}: ${report.numPassedTests} passed, ${report.numFailedTests} failed (Vitest)`);
  } else if (report.stats) {
    // Playwright: expected = passed, unexpected = failed, flaky counts as failed (no retries here)
    const p = report.stats.expected;
    const f = report.stats.unexpected + report.stats.flaky;
    passed += p;
    failed += f;
    console.log(`${file}: ${p} passed, ${f} failed (Playwright)`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

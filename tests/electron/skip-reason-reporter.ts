/**
 * A Playwright reporter that prints why tests were skipped (the list reporter shows only a dash), so
 * a run without the Electron binary says so plainly. Spec: docs/architecture.md "Processes" (tests/electron
 * says plainly that it skipped).
 */
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SkipReasonReporter implements Reporter {
  private readonly reasons = new Map<string, number>();

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    for (const annotation of test.annotations) {
      if (annotation.type === 'skip') {
        const reason = annotation.description ?? 'no reason given';
        this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
      }
    }
  }

  onEnd(): void {
    for (const [reason, count] of this.reasons) console.log(`\n  Skipped ${count} test(s): ${reason}`);
  }

  printsToStdio(): boolean {
    return false;
  }
}

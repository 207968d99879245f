import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from 'aws-cdk-lib';

interface Violation {
  ruleName: string;
  severity: string;
  violatingConstructs: { constructPath: string }[];
  acknowledgedId?: string;
  reason?: string;
}
interface PluginReport {
  pluginName: string;
  conclusion: string;
  violations: Violation[];
  suppressedViolations?: Violation[];
}

/**
 * cdk-nag 3 runs as a validation plugin during `app.synth()`. In-process (vitest sets NODE_ENV=test,
 * so aws-cdk-lib runs in "inmemory" mode) an error-level finding makes synth throw with the report
 * in the message; warnings do not throw. Either way aws-cdk-lib writes the full report, including
 * acknowledged findings and their reasons, to `validation-report.json` in the cloud assembly.
 */
export function synthNagReport(app: App): PluginReport {
  let directory: string;
  try {
    directory = app.synth().directory;
  } catch (error) {
    throw new Error(`Synth failed, probably on unacknowledged cdk-nag errors:\n${(error as Error).message}`);
  }
  const report = JSON.parse(readFileSync(join(directory, 'validation-report.json'), 'utf8')) as {
    pluginReports: PluginReport[];
  };
  const nag = report.pluginReports.find((r) => r.pluginName === 'AwsSolutions');
  if (!nag) throw new Error('The AwsSolutions checks did not run');
  return nag;
}

/** One line per unacknowledged finding, so a failing assertion says what to fix and where. */
export const describeFindings = (report: PluginReport) =>
  report.violations.flatMap((v) =>
    v.violatingConstructs.map((c) => `${v.severity} ${v.ruleName} at ${c.constructPath}`),
  );

/** Write istanbul reports for a coverage map, the same set every framework writes. */

import type { CoverageMap } from 'istanbul-lib-coverage';
import libReport from 'istanbul-lib-report';
import reports, { type ReportOptions } from 'istanbul-reports';
import { coverageReporters } from '../../coverage-config/reports.ts';

export type Reporter = [string, Record<string, unknown>];

export function writeReports(
  coverageMap: CoverageMap,
  dir: string,
  reporters: readonly Reporter[] = coverageReporters,
): void {
  const context = libReport.createContext({ dir, coverageMap, defaultSummarizer: 'nested' });
  for (const [name, options] of reporters) {
    reports
      .create(name as keyof ReportOptions, options as Partial<ReportOptions[keyof ReportOptions]>)
      .execute(context);
  }
}

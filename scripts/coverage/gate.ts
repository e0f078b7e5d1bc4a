/**
 * The verdict lines of `npm run coverage`: each framework's gate with its
 * figures against its thresholds (`lines 92.8% >= 90%`), and where the HTML
 * reports are. The figures are istanbul's summary of the framework's own
 * coverage-final.json, the numbers its gate checked.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  type Level,
  type LevelName,
  METRICS,
  thresholds,
} from '../../coverage-config/thresholds.ts';
import type { Framework } from '../../specs/concepts.ts';
import { readCoverageMap } from './line-hits.ts';
import { FRAMEWORKS } from './side-by-side.ts';
import { coverageJson } from './union-report.ts';

/** The level of coverage-config/thresholds.json each framework's gate uses. */
export const GATE_LEVEL: Record<Framework, LevelName> = {
  tsdoctest: 'tsdoctest',
  jest: 'domain',
  vitest: 'domain',
};

/** `lines 92.8% >= 90%, branches 70.0% < 85%, …`: every metric of the level, met or not. */
export function gateFigures(pct: Record<(typeof METRICS)[number], number>, level: Level): string {
  return METRICS.map((metric) => {
    const score = pct[metric];
    const limit = level[metric];
    return `${metric} ${score.toFixed(1)}% ${score >= limit ? '>=' : '<'} ${limit}%`;
  }).join(', ');
}

/** One framework's line: how its gate ended (exit code, or not run) and its figures. */
export function gateLine(framework: Framework, dir: string, exit: number | undefined): string {
  const status = exit === undefined ? 'not run' : exit === 0 ? 'gate met' : `FAILED (exit ${exit})`;
  const file = coverageJson(dir, framework);
  if (!existsSync(file)) return `${framework}: ${status}, no coverage written`;
  const summary = readCoverageMap(file).getCoverageSummary();
  const pct = Object.fromEntries(METRICS.map((m) => [m, summary[m].pct])) as Record<
    (typeof METRICS)[number],
    number
  >;
  return `${framework}: ${status}: ${gateFigures(pct, thresholds.levels[GATE_LEVEL[framework]])}`;
}

/** The HTML reports that exist under the coverage folder, each framework's and the union's. */
export function htmlReports(dir: string): string[] {
  return [...FRAMEWORKS, 'union']
    .map((name) => path.join(dir, name, 'index.html'))
    .filter((file) => existsSync(file));
}

/**
 * Typed access to `thresholds.json`, the single source of coverage and
 * mutation-score numbers.
 * The Vitest configs and the coverage scripts import this; `jest.config.js`
 * is plain JavaScript and reads the JSON itself.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const METRICS = ['lines', 'branches', 'functions', 'statements'] as const;
export type Metric = (typeof METRICS)[number];

/** Minimum percentage per metric, the shape Vitest, Jest and c8 all accept. */
export type Level = Record<Metric, number>;

/** Which gate a level belongs to (see the `why` notes in the JSON). */
export const LEVEL_NAMES = ['global', 'domain', 'tsdoctest'] as const;
export type LevelName = (typeof LEVEL_NAMES)[number];

/** The suites `npm run mutation` scores, each in a StrykerJS run of its own. */
export const MUTATION_SUITES = ['jest', 'vitest', 'tsdoctest', 'project'] as const;
export type MutationSuite = (typeof MUTATION_SUITES)[number];

export interface Thresholds {
  levels: Record<LevelName, Level>;
  /** Minimum mutation score per suite: StrykerJS's `thresholds.break`. */
  mutation: Record<MutationSuite, number>;
  why: Record<LevelName | 'mutation', string>;
}

function isPercentage(value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value <= 100;
}

export const THRESHOLDS_FILE = fileURLToPath(new URL('./thresholds.json', import.meta.url));

/** Read and check the thresholds file; a malformed file fails loudly, naming the bad entry. */
export function loadThresholds(file: string = THRESHOLDS_FILE): Thresholds {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as {
    levels?: Record<string, Record<string, unknown>>;
    mutation?: Record<string, unknown>;
    why?: Record<string, unknown>;
  };
  const levels = {} as Record<LevelName, Level>;
  const why = {} as Thresholds['why'];
  for (const name of [...LEVEL_NAMES, 'mutation'] as const) {
    const note = raw.why?.[name];
    if (typeof note !== 'string' || note === '') {
      throw new Error(`${file}: why.${name} must say why the level is what it is`);
    }
    why[name] = note;
  }
  for (const name of LEVEL_NAMES) {
    const level = raw.levels?.[name];
    if (!level) throw new Error(`${file}: levels.${name} is missing`);
    levels[name] = {} as Level;
    for (const metric of METRICS) {
      const value = level[metric];
      if (!isPercentage(value)) {
        throw new Error(`${file}: levels.${name}.${metric} must be a percentage, got ${value}`);
      }
      levels[name][metric] = value;
    }
  }
  const mutation = {} as Record<MutationSuite, number>;
  for (const suite of MUTATION_SUITES) {
    const value = raw.mutation?.[suite];
    if (!isPercentage(value)) {
      throw new Error(`${file}: mutation.${suite} must be a percentage, got ${value}`);
    }
    mutation[suite] = value;
  }
  return { levels, mutation, why };
}

export const thresholds: Thresholds = loadThresholds();

/**
 * A `--shard` run sees only part of a suite, so its coverage cannot meet a
 * whole-suite level: CI sets `COVERAGE_SHARD=1` on shard jobs and gates the
 * merged report instead (`npm run coverage:vitest:merge`).
 */
export const isShard = process.env.COVERAGE_SHARD === '1';

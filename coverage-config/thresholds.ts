/**
 * Typed access to `thresholds.json`, the single source of coverage numbers.
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

export interface Thresholds {
  levels: Record<LevelName, Level>;
  why: Record<LevelName, string>;
}

export const THRESHOLDS_FILE = fileURLToPath(new URL('./thresholds.json', import.meta.url));

/** Read and check the thresholds file; a malformed file fails loudly, naming the bad entry. */
export function loadThresholds(file: string = THRESHOLDS_FILE): Thresholds {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as {
    levels?: Record<string, Record<string, unknown>>;
    why?: Record<string, unknown>;
  };
  const levels = {} as Record<LevelName, Level>;
  const why = {} as Record<LevelName, string>;
  for (const name of LEVEL_NAMES) {
    const level = raw.levels?.[name];
    const note = raw.why?.[name];
    if (!level) throw new Error(`${file}: levels.${name} is missing`);
    if (typeof note !== 'string' || note === '') {
      throw new Error(`${file}: why.${name} must say why the level is what it is`);
    }
    levels[name] = {} as Level;
    for (const metric of METRICS) {
      const value = level[metric];
      if (typeof value !== 'number' || !(value >= 0 && value <= 100)) {
        throw new Error(`${file}: levels.${name}.${metric} must be a percentage, got ${value}`);
      }
      levels[name][metric] = value;
    }
    why[name] = note;
  }
  return { levels, why };
}

export const thresholds: Thresholds = loadThresholds();

/**
 * A `--shard` run sees only part of a suite, so its coverage cannot meet a
 * whole-suite level: CI sets `COVERAGE_SHARD=1` on shard jobs and gates the
 * merged report instead (`npm run coverage:vitest:merge`).
 */
export const isShard = process.env.COVERAGE_SHARD === '1';

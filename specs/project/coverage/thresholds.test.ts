import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { NOT_MEASURED } from '../../../coverage-config/reports.ts';
import { LEVEL_NAMES, loadThresholds, thresholds } from '../../../coverage-config/thresholds.ts';
import { c8Args } from '../../../scripts/coverage/c8.ts';

/** Vitest's coverage thresholds as a config file resolves them. */
async function vitestThresholds(configFile: string): Promise<unknown> {
  const config = (await import(configFile)) as {
    default: { test?: { coverage?: { thresholds?: unknown } } };
  };
  return config.default.test?.coverage?.thresholds;
}

describe('coverage-config/thresholds.json is the one source of numbers', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  test('every level has all four metrics as percentages, and a reason', () => {
    for (const name of LEVEL_NAMES) {
      const level = thresholds.levels[name];
      expect(Object.keys(level).sort()).toEqual(['branches', 'functions', 'lines', 'statements']);
      for (const value of Object.values(level)) {
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(100);
      }
      expect(thresholds.why[name].length).toBeGreaterThan(20);
    }
  });

  test('the lesson suites hold src/domain at 100% lines and branches; tooling at 90/85', () => {
    expect(thresholds.levels.domain).toMatchObject({ lines: 100, branches: 100 });
    expect(thresholds.levels.global.lines).toBeGreaterThanOrEqual(90);
    expect(thresholds.levels.global.branches).toBeGreaterThanOrEqual(85);
  });

  test('Vitest (lessons) gates src/domain with the domain level', async () => {
    expect(await vitestThresholds('../../../vitest.config.ts')).toEqual({
      'src/domain/**': thresholds.levels.domain,
    });
  });

  test('a Vitest shard (COVERAGE_SHARD=1) leaves the gate to the merged report', async () => {
    vi.stubEnv('COVERAGE_SHARD', '1');
    vi.resetModules();
    expect(await vitestThresholds('../../../vitest.config.ts')).toEqual({});
  });

  test('Vitest (project) gates the tooling with the global level', async () => {
    expect(await vitestThresholds('../../../vitest.project.config.ts')).toEqual(
      thresholds.levels.global,
    );
  });

  test('Jest reads the same JSON: the domain level on ./src/domain/', async () => {
    const url = pathToFileURL(path.resolve('jest.config.js')).href;
    const config = (await import(url)) as { default: { coverageThreshold: unknown } };
    expect(config.default.coverageThreshold).toEqual({ './src/domain/': thresholds.levels.domain });
  });

  test('c8 around tsdoctest gets the tsdoctest level as --check-coverage flags', () => {
    const args = c8Args({ level: 'tsdoctest', include: ['src/domain'], reportsDir: 'out' });
    const { lines, branches, functions, statements } = thresholds.levels.tsdoctest;
    expect(args).toContain('--check-coverage');
    expect(args.join(' ')).toContain(
      `--lines ${lines} --branches ${branches} --functions ${functions} --statements ${statements}`,
    );
    expect(args.join(' ')).toContain(
      '--include src/domain --exclude src/domain/index.ts --reports-dir out',
    );
  });

  test('the barrel src/domain/index.ts is measured by no tool, so no table shows it', async () => {
    expect(NOT_MEASURED).toEqual(['src/domain/index.ts']);
    const vitest = (await import(pathToFileURL(path.resolve('vitest.config.ts')).href)) as {
      default: { test: { coverage: { exclude: string[] } } };
    };
    expect(vitest.default.test.coverage.exclude).toEqual(NOT_MEASURED);
    const jest = (await import(pathToFileURL(path.resolve('jest.config.js')).href)) as {
      default: { collectCoverageFrom: string[] };
    };
    expect(jest.default.collectCoverageFrom).toEqual([
      'src/domain/**/*.ts',
      '!src/domain/index.ts',
    ]);
    const c8 = c8Args({ level: 'tsdoctest', include: ['src/domain'], reportsDir: 'out' });
    expect(c8.join(' ')).toContain('--exclude src/domain/index.ts');
  });

  test('a malformed thresholds file fails loudly, naming the bad entry', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'thresholds-')), 'thresholds.json');
    const levels = structuredClone(thresholds.levels) as Record<string, Record<string, unknown>>;
    levels.domain = { ...levels.domain, branches: '100' };
    writeFileSync(file, JSON.stringify({ levels, why: thresholds.why }));
    expect(() => loadThresholds(file)).toThrow(
      'levels.domain.branches must be a percentage, got 100',
    );
    writeFileSync(file, JSON.stringify({ levels: thresholds.levels, why: {} }));
    expect(() => loadThresholds(file)).toThrow('why.global must say why');
  });
});

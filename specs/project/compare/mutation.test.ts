// Mutation scores beside coverage: the summary `npm run mutation` writes,
// read back by `npm start` and shown in the terminal, the HTML page and the
// JSON report. Fake summaries in a temp dir: no StrykerJS run here.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import stripAnsi from 'strip-ansi';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { thresholds } from '../../../coverage-config/thresholds.ts';
import { sampleConcepts } from '../../../fixtures/compare/samples/concepts.ts';
import {
  LESSON_FILES,
  MUTATION_SUITES,
  SERVICE_FILES,
  SERVICE_TESTS,
  strykerOptions,
} from '../../../scripts/mutation/config.ts';
import {
  mergeSummary,
  renderTable,
  scoreReport,
  summary,
} from '../../../scripts/mutation/summary.ts';
import { buildReport } from '../../../src/compare/catalogue-join.ts';
import { main } from '../../../src/compare/main.ts';
import type { CompareReport, MutationScore } from '../../../src/compare/model.ts';
import { MUTATION_SUMMARY_FILE, readMutation } from '../../../src/compare/mutation.ts';
import { renderHtml } from '../../../src/compare/render/html.ts';
import { renderTerminal } from '../../../src/compare/render/terminal.ts';
import { recordedRun } from './recorded.ts';

const score = (patch: Partial<MutationScore> = {}): MutationScore => ({
  files: ['src/domain/salary.ts'],
  killed: 98,
  survived: 0,
  noCoverage: 0,
  timeout: 2,
  score: 100,
  threshold: 100,
  passed: true,
  ...patch,
});

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'mutation-summary-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function writeSummary(content: unknown): Promise<void> {
  const file = path.join(root, MUTATION_SUMMARY_FILE);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
}

function reportWith(mutation: CompareReport['mutation']): CompareReport {
  return buildReport({
    concepts: [],
    runs: [recordedRun('jest'), recordedRun('tsdoctest')],
    selection: { demoFailures: false, columns: ['jest', 'tsdoctest'] },
    root: process.cwd(),
    wallMs: 100,
    coverage: { available: false, hint: 'coverage: run npm run coverage' },
    mutation,
  });
}

describe('the summary npm run mutation writes', () => {
  test('counts like StrykerJS: a timeout is caught, errors and ignored mutants do not count', () => {
    const statuses = ['Killed', 'Killed', 'Timeout', 'Survived', 'NoCoverage', 'RuntimeError'];
    const report = {
      files: {
        'src/domain/b.ts': { mutants: statuses.map((status) => ({ status })) },
        'src/domain/a.ts': { mutants: [{ status: 'Ignored' }, { status: 'CompileError' }] },
      },
    };
    expect(scoreReport(report, 70, false)).toEqual({
      files: ['src/domain/a.ts', 'src/domain/b.ts'],
      killed: 2,
      survived: 1,
      noCoverage: 1,
      timeout: 1,
      score: 60,
      threshold: 70,
      passed: false,
    });
  });

  test('a run with no mutant to count has no score rather than 0% or 100%', () => {
    expect(scoreReport({ files: {} }, 100, true).score).toBeNull();
  });

  test('is read back by the compare tool, for the suites that are its columns', async () => {
    const written = summary({
      jest: score(),
      tsdoctest: score({ score: 76.5, threshold: 70 }),
      project: score({ files: ['src/domain/bonus-server.ts'] }),
    });
    await writeSummary(written);
    expect(readMutation(root)).toEqual({
      available: true,
      generatedAt: written.generatedAt,
      columns: { jest: score(), tsdoctest: score({ score: 76.5, threshold: 70 }) },
    });
  });

  test('without a summary the report says how to get one', () => {
    expect(readMutation(root)).toEqual({
      available: false,
      hint: 'mutation: run npm run mutation',
    });
  });

  test('a summary of another version or that is not JSON is not trusted', async () => {
    await writeSummary({ version: 2, suites: {} });
    expect(readMutation(root)).toEqual({
      available: false,
      hint: `mutation: run npm run mutation (${MUTATION_SUMMARY_FILE} is not version 1)`,
    });
    await writeSummary('{ not json');
    expect(readMutation(root)).toMatchObject({ available: false });
  });

  test('an entry that is not a score is left out, the others are kept', async () => {
    await writeSummary({
      version: 1,
      generatedAt: 'x',
      suites: { jest: score(), vitest: { ...score(), killed: -1 } },
    });
    expect(readMutation(root)).toMatchObject({ columns: { jest: score() } });
    expect(readMutation(root)).not.toHaveProperty('columns.vitest');
  });

  test('a run of some suites keeps the others, and drops a suite that ran but did not finish', () => {
    const before = JSON.stringify(summary({ jest: score(), vitest: score(), tsdoctest: score() }));
    const after = mergeSummary(before, ['vitest', 'tsdoctest'], { vitest: score({ killed: 1 }) });
    expect(after.suites).toEqual({ jest: score(), vitest: score({ killed: 1 }) });
    expect(mergeSummary('{ not json', ['jest'], {}).suites).toEqual({});
    expect(mergeSummary(undefined, [], { jest: score() }).suites).toEqual({ jest: score() });
  });

  test('the table names every count, and a suite that could not run says why', () => {
    const text = renderTable(
      [
        { suite: 'jest', wallMs: 61_000, score: score() },
        { suite: 'tsdoctest', wallMs: 19_000, score: score({ score: 58.4, passed: false }) },
        { suite: 'vitest', wallMs: 2000, error: 'Something went wrong in the initial test run' },
      ],
      false,
    );
    expect(text).toBe(stripAnsi(text));
    expect(text).toMatch(/suite.*killed.*survived.*no coverage.*timeout.*score.*break at/);
    expect(text).toMatch(/jest +│ +98 │ +0 │ +0 │ +2 │ +100\.0% │ +100% │ +61 s/);
    expect(text).toMatch(/tsdoctest .*58\.4%/);
    expect(text).toContain('did not run: Something went wrong in the initial test run');
  });
});

describe('npm start shows each framework mutation score next to its coverage', () => {
  const available: CompareReport['mutation'] = {
    available: true,
    generatedAt: '2026-01-01T00:00:00.000Z',
    columns: {
      jest: score(),
      tsdoctest: score({
        killed: 60,
        timeout: 0,
        survived: 40,
        score: 60,
        threshold: 70,
        passed: false,
      }),
    },
  };

  test('terminal: one line per suite, a failing score said in words as well as in red', () => {
    const text = renderTerminal(reportWith(available), { colors: false, width: 100 });
    expect(text).toContain(
      'Coverage of src/domain/ (lines)\n  coverage: run npm run coverage\n\nMutation score',
    );
    expect(text).toContain('  jest      100.0%    100 of 100 mutants caught, break at 100%');
    expect(text).toContain(
      '  tsdoctest 60.0% under its threshold  60 of 100 mutants caught, break at 70%',
    );
  });

  test('terminal: without a summary, the hint', () => {
    const text = renderTerminal(
      reportWith({ available: false, hint: 'mutation: run npm run mutation' }),
      { colors: false, width: 100 },
    );
    expect(text).toMatch(/Mutation score .*\n {2}mutation: run npm run mutation\n/);
  });

  test('HTML: a mutation score column beside the coverage column of the runs table', () => {
    const page = renderHtml(reportWith(available));
    expect(page).toContain(
      '<th>coverage of src/domain/ (lines)</th><th>mutation score (lesson files)</th>',
    );
    expect(page).toMatch(
      /<tr data-runner="jest">.*<td class="mutation" data-label="mutation score" title="100 of 100 mutants caught, break at 100%">100\.0%<\/td>/,
    );
    expect(page).toMatch(
      /<tr data-runner="tsdoctest">.*60\.0% <span class="not-ok">under its threshold<\/span>/,
    );
    const none = renderHtml(
      reportWith({ available: false, hint: 'mutation: run npm run mutation' }),
    );
    expect(none).toContain('<p class="note">mutation: run npm run mutation</p>');
  });

  test('the whole command: the summary under the root reaches compare.json and the table', async () => {
    await writeSummary(summary({ vitest: score({ score: 91.25, passed: false }) }));
    const out = new (class extends Writable {
      text = '';
      override _write(chunk: Buffer, _enc: string, done: () => void) {
        this.text += chunk.toString();
        done();
      }
    })() as unknown as NodeJS.WriteStream & { text: string };
    const code = await main(['--only', 'sample-skip', '--frameworks', 'vitest', '--out-dir', '.'], {
      concepts: sampleConcepts,
      root,
      env: {},
      stdout: out,
      stderr: out,
      runners: [{ id: 'vitest', column: 'vitest', run: async () => recordedRun('vitest') }],
    });
    expect(code).toBe(0);
    expect(out.text).toMatch(/\n {2}vitest {4}91\.3% under its threshold/);
    const json = JSON.parse(
      await readFile(path.join(root, 'compare-only-sample-skip.json'), 'utf8'),
    );
    expect(json.mutation).toMatchObject({ available: true, columns: { vitest: { score: 91.25 } } });
  });
});

describe('the StrykerJS runs', () => {
  test('each suite breaks at its threshold from coverage-config/thresholds.json', () => {
    for (const suite of MUTATION_SUITES) {
      expect(strykerOptions(suite).thresholds).toMatchObject({ break: thresholds.mutation[suite] });
    }
    expect(thresholds.mutation).toEqual({ jest: 100, vitest: 100, tsdoctest: 70, project: 100 });
  });

  test('the lesson suites mutate the three lesson files; the project suite the service', () => {
    for (const suite of ['jest', 'vitest', 'tsdoctest'] as const) {
      expect(strykerOptions(suite).mutate).toEqual(LESSON_FILES);
    }
    expect(LESSON_FILES).not.toContain('src/domain/index.ts');
    const project = strykerOptions('project');
    expect(project.mutate).toEqual(SERVICE_FILES);
    // Only the service's tests, through a config of their own: `testFiles` would
    // leave static mutants switched off in Stryker 9.6 (stryker-js#6209).
    expect(project).toMatchObject({
      vitest: { configFile: 'scripts/mutation/vitest.service.config.ts', related: false },
    });
    expect(project.testFiles).toBeUndefined();
    for (const file of [...LESSON_FILES, ...SERVICE_FILES, ...SERVICE_TESTS]) {
      expect(existsSync(file), file).toBe(true);
    }
  });

  test('each suite writes its own HTML and JSON reports under reports/mutation/<suite>/', () => {
    const files = MUTATION_SUITES.map((suite) => {
      const o = strykerOptions(suite);
      return [o.htmlReporter?.fileName, o.jsonReporter?.fileName];
    });
    expect(files).toEqual(
      MUTATION_SUITES.map((s) => [
        `reports/mutation/${s}/mutation.html`,
        `reports/mutation/${s}/mutation.json`,
      ]),
    );
  });
});

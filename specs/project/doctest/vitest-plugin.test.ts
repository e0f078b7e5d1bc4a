// tsdoctest's Vitest plugin (src/doctest/vitest.ts) as a user runs it: Vitest in a process of its
// own on fixtures/doctest/vitest-plugin, its JSON report and coverage read back.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tsdoctest } from './helpers.ts';

const FIXTURE = path.join(ROOT, 'fixtures/doctest/vitest-plugin');
const out = mkdtempSync(path.join(tmpdir(), 'tsdoctest-vitest-'));

interface Assertion {
  fullName: string;
  status: string;
  failureMessages: string[];
}
interface JsonReport {
  testResults: { name: string; assertionResults: Assertion[] }[];
}
/** Istanbul's per-file coverage: statements' places and hit counts. */
interface FileCoverage {
  statementMap: Record<string, { start: { line: number } }>;
  s: Record<string, number>;
}

/** `vitest run` on the fixture with `args`: its exit code and JSON report. */
async function vitest(name: string, args: string[]): Promise<{ code: number; report: JsonReport }> {
  // Vitest's own variables (this run's) stay out of the child.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV'),
  );
  const outputFile = path.join(out, `${name}.json`);
  const command = [
    path.join(ROOT, 'node_modules/vitest/vitest.mjs'),
    'run',
    '--config',
    path.join(FIXTURE, 'vitest.config.ts'),
    '--reporter=json',
    `--outputFile=${outputFile}`,
    ...args,
  ];
  let code = 0;
  try {
    await promisify(execFile)(process.execPath, command, { cwd: ROOT, env });
  } catch (error) {
    code = (error as { code?: number }).code ?? -1;
  }
  return { code, report: JSON.parse(readFileSync(outputFile, 'utf8')) as JsonReport };
}

/** Each test as `file: name status`. */
function outcomes(report: JsonReport): string[] {
  return report.testResults
    .flatMap((file) =>
      file.assertionResults.map((a) => `${path.basename(file.name)}: ${a.fullName} ${a.status}`),
    )
    .sort();
}

function assertion(report: JsonReport, name: string): Assertion {
  const found = report.testResults
    .flatMap((f) => f.assertionResults)
    .find((a) => a.fullName === name);
  if (!found) throw new Error(`no test named ${name}`);
  return found;
}

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the whole fixture, with coverage', () => {
  let run: { code: number; report: JsonReport };
  beforeAll(async () => {
    run = await vitest('all', [
      '--coverage.enabled',
      '--coverage.provider=v8',
      '--coverage.reporter=json',
      '--coverage.reportOnFailure',
      `--coverage.reportsDirectory=${path.join(out, 'coverage')}`,
    ]);
  });

  it('makes each doc comment a test named by its item, which passes or fails with its examples', () => {
    expect(run.code).toBe(1);
    expect(outcomes(run.report)).toEqual([
      'alpha.ts: alpha.alpha passed',
      'counter.ts: counter.Counter passed',
      'counter.ts: counter.Counter.add passed',
      'failing.ts: failing.double passed',
      'failing.ts: failing.triple failed',
      'limits.ts: limits.skipped skipped',
      'limits.ts: limits.spin failed',
    ]);
  });

  it("stops an example that never yields at the plugin's time limit", () => {
    const [message] = assertion(run.report, 'limits.spin').failureMessages;
    expect(message).toContain('Failed example:\n    spin()\nException raised:\n');
    expect(message).toContain('Script execution timed out after 500ms');
  });

  it("fails an item with tsdoctest's own report of it, pointing at the failing example", () => {
    const cli = tsdoctest(['failing.ts', '-k', 'failing.triple'], { cwd: FIXTURE });
    expect(cli.stdout).toContain('Expected:\n    5\nGot:\n    6\n');
    const [message] = assertion(run.report, 'failing.triple').failureMessages;
    const source = readFileSync(path.join(FIXTURE, 'failing.ts'), 'utf8').split('\n');
    const line = source.indexOf(' * >>> triple(2)') + 1;
    expect(message).toBe(
      `DocTestFailure: ${cli.stdout}\n    at failing.triple (${FIXTURE}/failing.ts:${line}:1)`,
    );
  });

  it('runs examples in the module Vitest loaded, with built-ins pristine for each file', () => {
    // counter.ts's examples read its private `step`; alpha.ts (run before it, in the same
    // worker, with isolate: false) replaced Math.max and loaded counter.ts first.
    expect(assertion(run.report, 'counter.Counter').status).toBe('passed');
    expect(assertion(run.report, 'alpha.alpha').status).toBe('passed');
  });

  it("lets coverage-v8 see the documented module's lines that the examples ran", () => {
    const coverage = JSON.parse(
      readFileSync(path.join(out, 'coverage/coverage-final.json'), 'utf8'),
    ) as Record<string, FileCoverage>;
    const counter = coverage[path.join(FIXTURE, 'counter.ts')];
    if (!counter) throw new Error(`counter.ts is not in the coverage: ${Object.keys(coverage)}`);
    const hits = new Map(
      Object.entries(counter.s).map(([id, n]) => [counter.statementMap[id]?.start.line, n]),
    );
    const source = readFileSync(path.join(FIXTURE, 'counter.ts'), 'utf8').split('\n');
    const lineOf = (text: string) => source.findIndex((l) => l.includes(text)) + 1;
    expect(hits.get(lineOf('this.total += n;'))).toBe(4);
    // The branch no example takes.
    expect(hits.get(lineOf('throw new TypeError'))).toBe(0);
    // Only the module's own lines: nothing of what the plugin appends is counted.
    expect(Math.max(...[...hits.keys()].map(Number))).toBeLessThanOrEqual(source.length);
  });
});

it('-t and a file filter select one item: only it runs, the others are skipped', async () => {
  const { code, report } = await vitest('filtered', ['counter', '-t', 'Counter\\.add$']);
  expect(outcomes(report)).toEqual([
    'counter.ts: counter.Counter skipped',
    'counter.ts: counter.Counter.add passed',
  ]);
  // The failing item of failing.ts was not run.
  expect(code).toBe(0);
});

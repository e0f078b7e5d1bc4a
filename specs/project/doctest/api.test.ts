// The CLI entry, the worker pool, --typecheck and --watch, driven in this process.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main, runOnce } from '../../../src/doctest/cli.ts';
import { runDoctests } from '../../../src/doctest/index.ts';
import { watch } from '../../../src/doctest/watch.ts';
import { ROOT } from './helpers.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'tsdoctest-api-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function captureStdout(): { text: () => string } {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
    out += String(chunk);
    return true;
  });
  return { text: () => out };
}

describe('worker pool (runDoctests with workers)', () => {
  it('runs files in parallel and reports them in a stable order', async () => {
    const report = await runDoctests({
      paths: [
        'fixtures/doctest/scope.ts',
        'fixtures/doctest/classic-failures.ts',
        'fixtures/doctest/*.ts',
      ],
      options: { cwd: ROOT, concurrency: 2 },
    });
    expect(report.items.map((i) => i.file)).toEqual([...report.items.map((i) => i.file)].sort());
    expect(report.items[0]?.name).toBe('classic-failures.Cal.addNumAndDouble');
    expect([report.failed, report.skipped]).toEqual([3 + 5, 2]);
  });

  it('stops a worker stuck in a microtask loop and goes on in a fresh one', async () => {
    const report = await runDoctests({
      paths: ['fixtures/doctest/hostile/async-loop.ts'],
      options: { cwd: ROOT, timeoutMs: 300 },
    });
    expect(report.items.map((i) => [i.name, i.examples.map((e) => e.status)])).toEqual([
      ['async-loop.answer', ['passed']],
      ['async-loop.busy', ['failed']],
      ['async-loop.never', ['failed', 'passed']],
    ]);
  });
});

describe('--typecheck', () => {
  it('fails the example with a type error and keeps @ts-expect-error quiet', async () => {
    const report = await runDoctests({
      paths: ['fixtures/doctest/typecheck.ts'],
      options: { cwd: ROOT, inProcess: true, typecheck: true },
    });
    const failed = report.items.flatMap((i) => i.examples.filter((e) => e.status === 'failed'));
    expect(failed.map((e) => [e.line, e.exception])).toEqual([
      [11, "error TS2322: Type 'number' is not assignable to type 'string'.\n"],
    ]);
  });
  it('checks imports in examples as the names they bind, types included', async () => {
    const report = await runDoctests({
      paths: ['fixtures/doctest/typecheck-imports.ts'],
      options: { cwd: ROOT, inProcess: true, typecheck: true },
    });
    const failed = report.items.flatMap((i) => i.examples.filter((e) => e.status === 'failed'));
    expect(failed.map((e) => [e.line, e.exception])).toEqual([
      [14, "error TS2322: Type 'number' is not assignable to type 'string'.\n"],
    ]);
  });
});

describe('cli main', () => {
  it('writes a JSON report to --output and the text report to stdout; exit 1 on failures', async () => {
    const out = path.join(scratch, 'report.json');
    const stdout = captureStdout();
    const code = await main([
      'node',
      'tsdoctest',
      '--reporter',
      'json',
      '--output',
      out,
      '-v',
      'fixtures/doctest/classic-failures.ts',
    ]);
    expect(code).toBe(1);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report).toMatchObject({ attempted: 5, failed: 3, skipped: 0 });
    // -v reaches the JSON report too: each item's text is its transcript.
    expect(report.items[0].text).toMatch(
      /^Trying:\n {4}const c = new Cal\(\)\nExpecting nothing\nok\n/,
    );
    expect(stdout.text()).toContain('Trying:\n');
  });

  it('keeps parsed and transpiled files in the launch cache, unless --no-cache', async () => {
    captureStdout();
    // A module with an enum: esbuild transpiles it on every Node (see loader-hooks.mjs).
    const argv = [
      'node',
      'tsdoctest',
      '--concurrency',
      '1',
      'fixtures/doctest/modules/transformed.ts',
    ];
    const unused = path.join(scratch, 'unused-cache');
    expect(await main([...argv, '--no-cache'], { cacheDir: unused })).toBe(0);
    expect(existsSync(unused)).toBe(false);
    const cacheDir = path.join(scratch, 'cache');
    expect(await main(argv, { cacheDir })).toBe(0);
    expect(readdirSync(path.join(cacheDir, 'parsed'))).toHaveLength(1);
    // (On Node 20, run from source, the worker's own modules are transpiled and kept too.)
    const transpiled = path.join(cacheDir, 'transpiled');
    const kept = readdirSync(transpiled).map((f) => readFileSync(path.join(transpiled, f), 'utf8'));
    expect(kept.filter((text) => text.includes('class Meter '))).toHaveLength(1);
  });

  it('prints JUnit to stdout and exits 0 when all pass', async () => {
    const stdout = captureStdout();
    expect(
      await main([
        'node',
        'tsdoctest',
        '--reporter',
        'junit',
        '-o',
        'ELLIPSIS',
        '--concurrency',
        '1',
        'src/domain/calculation.ts',
      ]),
    ).toBe(0);
    expect(stdout.text()).toContain(
      '<testsuites name="tsdoctest" tests="8" failures="0" skipped="0">',
    );
  });

  it('returns 2 with a one-line message for a missing path or an unwritable output', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const base = { option: [], timeout: 1000, reporter: 'text' as const };
    expect(await runOnce(['no/such/file.ts'], base)).toBe(2);
    expect(
      await runOnce(['fixtures/doctest/scope.ts'], {
        ...base,
        output: path.join(scratch, 'no/dir/x.txt'),
      }),
    ).toBe(2);
    expect(stderr.mock.calls.map((c) => String(c[0]))).toEqual([
      'tsdoctest: cannot read no/such/file.ts: no such file or directory\n',
      `tsdoctest: cannot write ${path.join(scratch, 'no/dir/x.txt')}: ENOENT\n`,
    ]);
  });
});

describe('watch', () => {
  it('runs once, again after a change, and stops when aborted', async () => {
    const file = path.join(scratch, 'watched.txt');
    writeFileSync(file, 'a');
    const controller = new AbortController();
    let runs = 0;
    let changed: () => void = () => {};
    const secondRun = new Promise<void>((resolve) => {
      changed = resolve;
    });
    captureStdout();
    const done = watch(
      [scratch],
      async () => {
        runs++;
        if (runs === 1) setImmediate(() => writeFileSync(file, 'b'));
        if (runs === 2) changed();
        return 0;
      },
      controller.signal,
    );
    await secondRun;
    controller.abort();
    expect(await done).toBe(0);
    expect(runs).toBe(2);
  });
});

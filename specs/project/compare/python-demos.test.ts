// The failure demos in Python, for real: unittest, pytest and doctest each run their own
// reference and the Python cell carries each tool's failure text in its own words.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { choosePython, lacking } from '../../../src/cli/python.ts';
import { compare } from '../../../src/compare/compare.ts';
import type { Cell } from '../../../src/compare/model.ts';
import { plainProgress } from '../../../src/compare/progress.ts';
import { concepts } from '../../concepts.ts';

const python = await choosePython();
const missing = lacking(python, 'pytest');

test.skipIf(missing !== undefined && !python.ci)(
  `each Python tool reports each demo in its own words${missing ? ` (skipped: ${missing})` : ''}`,
  async () => {
    const outDir = await mkdtemp(path.join(os.tmpdir(), 'python-demos-'));
    try {
      const report = await compare(concepts, {
        demoFailures: true,
        columns: ['python'],
        root: process.cwd(),
        outDir,
        concurrency: 2,
        timeoutMs: 120_000,
        progress: plainProgress(() => {}),
      });
      expect(report.runs.map((r) => r.runner).sort()).toEqual(['pydoctest', 'pytest', 'unittest']);
      expect(report.mismatches).toEqual([]);
      const said = (id: string) => {
        const cell = report.rows.find((r) => r.id === id)?.cells.python;
        const parts = new Map((cell?.parts ?? []).map((p: Cell) => [p.framework, p]));
        return {
          cell,
          unittest: parts.get('unittest')?.output ?? '',
          pytest: parts.get('pytest')?.output ?? '',
          doctest: parts.get('doctest')?.output ?? '',
        };
      };

      const wrong = said('demo-wrong-expected-value');
      expect(wrong.unittest).toMatch(/\.\.\. FAIL\n=+\nFAIL: test_wrong_expected_value /);
      expect(wrong.unittest).toMatch(/\nAssertionError: 2 != 3$/);
      expect(wrong.pytest).toContain('assert 2 == 3');
      expect(wrong.doctest).toContain(
        'Failed example:\n    add_num(1, 1)\nExpected:\n    3\nGot:\n    2',
      );
      // The cell shows all three, each under its tool's name.
      expect(wrong.cell?.output).toMatch(
        /^--- pytest: [\s\S]*\n--- unittest: [\s\S]*\n--- doctest: /,
      );

      const error = said('demo-unexpected-exception');
      // unittest calls an unexpected exception an ERROR, not a FAIL.
      expect(error.unittest).toMatch(/\.\.\. ERROR\n=+\nERROR: test_unexpected_exception /);
      expect(error.unittest).toMatch(/\nTypeError: x must be a finite number, got str '2'$/);
      expect(error.pytest).toContain(
        "E           TypeError: x must be a finite number, got str '2'",
      );
      expect(error.doctest).toContain('Exception raised:');

      const mock = said('demo-mock-assertion');
      expect(mock.unittest).toContain(
        'AssertionError: expected call not found.\nExpected: mock(year=2018)\nActual: mock(year=2017)',
      );
      expect(mock.pytest).toContain('AssertionError: expected call not found.');
      expect(mock.cell?.parts?.map((p) => p.framework)).toEqual(['pytest', 'unittest']);
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  },
  180_000,
);

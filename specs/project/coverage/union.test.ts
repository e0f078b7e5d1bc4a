import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { FileLineHits } from '../../../scripts/coverage/line-hits.ts';
import { sideBySide, summarize } from '../../../scripts/coverage/side-by-side.ts';
import { renderMarkdown, renderTable } from '../../../scripts/coverage/table.ts';
import { lineCoverageMap, unionLineHits } from '../../../scripts/coverage/union.ts';
import { writeReports } from '../../../scripts/coverage/write-reports.ts';
import { lineRanges } from '../../../src/compare/coverage.ts';

const hits = (entries: Record<string, [number, number][]>): FileLineHits =>
  new Map(Object.entries(entries).map(([file, lines]) => [file, new Map(lines)]));

// Two tools on one file: V8-style counts a comment line (1) and a brace (5);
// AST-style counts statements only. Each misses a line the other ran.
const jest = hits({
  'src/a.ts': [
    [1, 1],
    [2, 1],
    [3, 0],
    [4, 0],
    [5, 1],
  ],
  'src/only-jest.ts': [[1, 0]],
});
const vitest = hits({
  'src/a.ts': [
    [2, 3],
    [3, 2],
    [4, 0],
  ],
});

describe('the union of line coverage', () => {
  test('a line is covered when any tool ran it; only lines every measuring tool counts are kept', () => {
    const union = unionLineHits([jest, vitest]);
    expect([...(union.get('src/a.ts') ?? [])]).toEqual([
      [2, 4],
      [3, 2],
      [4, 0],
    ]);
    // A file only one tool measured keeps that tool's lines.
    expect([...(union.get('src/only-jest.ts') ?? [])]).toEqual([[1, 0]]);
  });

  test('the union is never below a tool that measured every file', () => {
    const union = sideBySide({ jest, vitest }, unionLineHits([jest, vitest]));
    expect(union.frameworks.vitest?.files['src/a.ts']?.linesPct).toBe(66.66);
    expect(union.union.files['src/a.ts']).toEqual({
      linesPct: 66.66,
      linesCovered: 2,
      linesTotal: 3,
      uncoveredLines: [4],
    });
  });

  test('summaries floor to two decimals like istanbul, and an empty file is 100%', () => {
    expect(
      summarize(
        new Map([
          [1, 1],
          [2, 0],
          [3, 0],
        ]),
      ).linesPct,
    ).toBe(33.33);
    expect(summarize(new Map())).toEqual({
      linesPct: 100,
      linesCovered: 0,
      linesTotal: 0,
      uncoveredLines: [],
    });
  });

  test('side-by-side totals add up per framework; a framework that did not run is absent', () => {
    const report = sideBySide({ jest }, jest);
    expect(report.version).toBe(1);
    expect(Object.keys(report.frameworks)).toEqual(['jest']);
    expect(report.frameworks.jest?.totals).toEqual({
      linesPct: 50,
      linesCovered: 3,
      linesTotal: 6,
      uncoveredLines: [],
    });
    expect(report.frameworks.jest?.files['src/a.ts']?.uncoveredLines).toEqual([3, 4]);
  });

  test('the union is written as one statement per line, so istanbul reports agree with it', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'union-'));
    const map = lineCoverageMap(unionLineHits([jest, vitest]), root);
    const summary = map.fileCoverageFor(path.join(root, 'src/a.ts')).toSummary();
    expect(summary.lines).toMatchObject({ total: 3, covered: 2 });
    expect(summary.statements).toMatchObject({ total: 3, covered: 2 });
    writeReports(map, path.join(root, 'out'), [
      ['lcovonly', {}],
      ['json-summary', {}],
    ]);
    const lcov = readFileSync(path.join(root, 'out', 'lcov.info'), 'utf8');
    expect(lcov).toContain('DA:4,0');
    expect(lcov).toContain('LH:2');
    const json = JSON.parse(readFileSync(path.join(root, 'out', 'coverage-summary.json'), 'utf8'));
    expect(json.total.lines).toMatchObject({ total: 4, covered: 2 });
  });
});

describe('the side-by-side table', () => {
  test('line numbers collapse into ranges, as term-missing shows them', () => {
    expect(lineRanges([1, 2, 3, 7, 9, 10])).toBe('1-3, 7, 9-10');
    expect(lineRanges([])).toBe('');
  });

  test('a row per file, a column per framework and the union; - where a framework did not run', () => {
    const report = sideBySide({ jest, vitest }, unionLineHits([jest, vitest]));
    const markdown = renderMarkdown(report).split('\n');
    expect(markdown[0]).toBe('| File | jest | vitest | tsdoctest | union |');
    expect(markdown).toContain('| src/a.ts | 60% (3-4) | 66.66% (4) | - | 66.66% (4) |');
    expect(markdown).toContain('| src/only-jest.ts | 0% (1) | - | - | 0% (1) |');
    expect(markdown.at(-1)).toBe('| All files | 50% | 66.66% | - | 50% |');
    expect(renderTable(report)).toContain('66.66% (4)');
  });
});

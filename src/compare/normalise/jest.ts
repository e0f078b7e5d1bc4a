/**
 * Jest: outcomes from `jest --json`, verbatim output from its verbose
 * reporter (stderr): the test's tick line and its `●` failure block.
 */
import stripAnsi from 'strip-ansi';
import type { Normalised, TestStatus } from '../model.ts';
import { normaliseJestLike, parseJestLike } from './jest-json.ts';
import { sliceUntil } from './text.ts';

const MARK: Record<TestStatus, string[]> = {
  passed: ['✓'],
  failed: ['✕'],
  skipped: ['○ skipped', '○ todo', '✎ todo'],
};

export function normaliseJest(json: string, humanOutput: string, root: string): Normalised {
  const lines = stripAnsi(humanOutput).split('\n');
  return normaliseJestLike(parseJestLike(json), root, (file, name, status) => {
    const section = fileSection(lines, file);
    const title = name.at(-1) ?? '';
    const tick = section.find((line) => {
      const text = line.trim().replace(/ \(\d+(\.\d+)? m?s\)$/, '');
      return MARK[status].some((mark) => text === `${mark} ${title}`);
    });
    const header = `  ● ${name.join(' › ')}`;
    const at = section.indexOf(header);
    const block =
      at < 0
        ? []
        : sliceUntil(section, at, (line) => line.startsWith('  ● ') || /^Test Suites:/.test(line));
    return [tick?.trim(), ...trimBlank(block)].filter((l) => l !== undefined).join('\n');
  });
}

/** The lines of the verbose report that belong to one test file. */
function fileSection(lines: string[], file: string): string[] {
  const start = lines.findIndex((l) => /^(PASS|FAIL) /.test(l) && l.slice(5).trim() === file);
  if (start < 0) return [];
  return sliceUntil(lines, start, (l) => /^(PASS|FAIL) |^Test Suites:/.test(l));
}

function trimBlank(block: string[]): string[] {
  const out = [...block];
  while (out.length > 0 && (out.at(-1) ?? '').trim() === '') out.pop();
  return out;
}

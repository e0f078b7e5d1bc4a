/**
 * What keeps the variants of one run alike to a learner's test: projects
 * named by random ids and dealt out in a random order on every run, and the
 * same setup files for all of them (the lesson suites' hermetic setups: the
 * loopback-only network guard, nock and sinon cleaned up after each test).
 */
import { randomBytes, randomInt } from 'node:crypto';
import { resolve } from 'node:path';
import { repoRoot } from './exercise-lookup.ts';

/** A project name that says nothing about the variant behind it. */
export const neutralName = (): string => randomBytes(4).toString('hex');

/** A copy of `items` in a random order (Fisher-Yates). */
export function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

export const VITEST_SETUP_FILES = [resolve(repoRoot, 'specs/vitest/setup/hermetic.ts')];

export const JEST_SETUP_FILES = [
  resolve(repoRoot, 'specs/jest/setup/hermetic.ts'),
  resolve(import.meta.dirname, 'jest-no-exit.ts'),
];

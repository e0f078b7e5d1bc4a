import { access, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  chaffById,
  chaffPath,
  chaffs,
  exerciseById,
  exercises,
  readmePath,
  solutionPath,
  starterPath,
  UsageError,
  variantsOf,
} from '../../../src/workshop/catalogue.ts';
import { conceptById } from '../../concepts.ts';

describe('the exercise catalogue', () => {
  it('has at least ten exercises with unique ids, in both frameworks', () => {
    expect(exercises.length).toBeGreaterThanOrEqual(10);
    expect(new Set(exercises.map((e) => e.id)).size).toBe(exercises.length);
    expect(new Set(exercises.map((e) => e.framework))).toEqual(new Set(['vitest', 'jest']));
  });

  it('covers every mock lesson and the HTTP ones', () => {
    const covered = new Set(exercises.flatMap((e) => e.concepts));
    for (const id of [
      'mock-return-value',
      'mock-call-args',
      'mock-patch-decorator',
      'mock-patch-with',
      'mock-patch-start-stop',
      'mock-side-effect-function',
      'mock-side-effect-exception',
      'mock-side-effect-sequence',
      'mock-spec-class',
      'http-intercept-query',
      'http-refused-connection',
      'http-timeout',
    ]) {
      expect(covered, id).toContain(id);
    }
  });

  it.each(exercises.flatMap((e) => e.concepts.map((c) => [e.id, c])))(
    '%s references the concept %s, which exists',
    (_exercise, concept) => {
      expect(conceptById(concept).id).toBe(concept);
    },
  );

  it.each(exercises.map((e) => [e.id, e]))(
    '%s has its files, hints and chaffs',
    async (_id, ex) => {
      for (const file of [readmePath(ex), starterPath(ex), solutionPath(ex)]) await access(file);
      expect(await readFile(starterPath(ex), 'utf8')).toContain('TODO');
      expect(ex.hints.length).toBeGreaterThanOrEqual(2);
      expect(ex.chaffs.length).toBeGreaterThanOrEqual(1);
      expect(variantsOf(ex).map((v) => v.name)).toEqual(['real', ...ex.chaffs]);
    },
  );

  it('uses every chaff, and every chaff file exists', async () => {
    const used = new Set(exercises.flatMap((e) => e.chaffs));
    expect([...used].sort()).toEqual(chaffs.map((c) => c.id).sort());
    for (const chaff of chaffs) await access(chaffPath(chaff));
  });

  it('substitutes the module each chaff replaces', () => {
    const [, chaff] = variantsOf(exerciseById('nock-timeout'));
    expect(chaff?.target).toMatch(/src\/domain\/bonus-api\.ts$/);
    expect(chaff?.replacement).toMatch(/exercises\/chaffs\/api-never-times-out\.ts$/);
  });

  it('names unknown ids clearly', () => {
    expect(() => exerciseById('nope')).toThrow(UsageError);
    expect(() => exerciseById('nope')).toThrow('unknown exercise "nope"');
    expect(() => chaffById('nope')).toThrow('unknown chaff id: nope');
  });
});

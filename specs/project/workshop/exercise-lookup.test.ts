import { access, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/cli/usage.ts';
import {
  chaffById,
  chaffs,
  exerciseById,
  exercises,
  readmePath,
  solutionPath,
  starterPath,
  targetFiles,
  variantsOf,
  wheatById,
  wheats,
} from '../../../src/workshop/exercise-lookup.ts';
import { neutralName, shuffled } from '../../../src/workshop/isolation.ts';
import { applyEdits, PatchError, servedSources } from '../../../src/workshop/patch.ts';
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
      const targets = new Set(ex.chaffs.map((id) => chaffById(id).replaces));
      const exWheats = wheats.filter((w) => targets.has(w.replaces)).map((w) => w.id);
      expect(exWheats.length).toBeGreaterThanOrEqual(1);
      expect(variantsOf(ex).map((v) => v.name)).toEqual(['real', ...exWheats, ...ex.chaffs]);
    },
  );

  it('uses every chaff, and has a wheat for every module a chaff patches', () => {
    const used = new Set(exercises.flatMap((e) => e.chaffs));
    expect([...used].sort()).toEqual(chaffs.map((c) => c.id).sort());
    expect(new Set(wheats.map((w) => w.replaces))).toEqual(new Set(chaffs.map((c) => c.replaces)));
  });
});

describe('the variants', () => {
  const real = variantsOf(exerciseById('nock-refused'));

  it('serve every domain module, the real code with no edits', async () => {
    const [first] = real;
    expect(first?.kind).toBe('real');
    expect(Object.keys(first?.patches ?? {}).sort()).toEqual(Object.values(targetFiles).sort());
    for (const variant of real) {
      expect(Object.keys(variant.patches).sort()).toEqual(Object.values(targetFiles).sort());
    }
    const served = await servedSources(first as (typeof real)[number]);
    for (const file of Object.values(targetFiles)) {
      expect(served[file]).toBe(await readFile(file, 'utf8'));
    }
  });

  it.each([...chaffs, ...wheats].map((v) => [v.id, v]))(
    '%s still applies to the source it patches, and changes it',
    async (_id, { replaces, patch }) => {
      const source = await readFile(targetFiles[replaces], 'utf8');
      expect(applyEdits(source, patch, 'x')).not.toBe(source);
    },
  );

  // A test that tells a chaff from the real code by the text the chaff edits
  // must fail on the wheat of that module.
  it.each(chaffs.map((c) => [c.id, c]))(
    'the wheat rewrites every line %s edits',
    async (_id, chaff) => {
      const [wheat] = wheats.filter((w) => w.replaces === chaff.replaces);
      const source = await readFile(targetFiles[chaff.replaces], 'utf8');
      const wheatText = applyEdits(source, wheat?.patch ?? [], 'wheat');
      for (const { find } of chaff.patch) expect(wheatText).not.toContain(find);
    },
  );

  it('fail loudly when a patch no longer fits', () => {
    expect(() =>
      applyEdits('a b a', [{ find: 'a', replace: 'c' }], 'the variant x of f.ts'),
    ).toThrow(
      new PatchError(
        'the variant x of f.ts no longer applies: "a" occurs 2 times, not once (update the patch in exercises/exercises.ts)',
      ),
    );
    expect(() => applyEdits('b', [{ find: 'a', replace: 'c' }], 'y')).toThrow(/"a" occurs 0 times/);
    expect(applyEdits('a $1', [{ find: 'a', replace: '$&$$' }], 'z')).toBe('$&$$ $1');
  });

  it('names unknown ids clearly', () => {
    expect(() => exerciseById('nope')).toThrow(UsageError);
    expect(() => exerciseById('nope')).toThrow('unknown exercise "nope"');
    expect(() => chaffById('nope')).toThrow('unknown chaff id: nope');
    expect(() => wheatById('nope')).toThrow('unknown wheat id: nope');
  });
});

describe('neutral names and random order', () => {
  it('names are random 8-digit hex ids', () => {
    const names = Array.from({ length: 50 }, neutralName);
    for (const name of names) expect(name).toMatch(/^[0-9a-f]{8}$/);
    expect(new Set(names).size).toBe(50);
  });

  it('shuffled is a permutation, and any item can come first', () => {
    const items = ['a', 'b', 'c', 'd', 'e'];
    const firsts = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const order = shuffled(items);
      expect([...order].sort()).toEqual(items);
      firsts.add(order[0] as string);
    }
    // Each item misses the front 200 times with probability (4/5)^200, about 4e-20.
    expect(firsts).toEqual(new Set(items));
    expect(items).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});

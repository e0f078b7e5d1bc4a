// The module linker of tsdoctest's workers (linker.ts), run in this process.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { nativeImport, registerHooks } from '../../../src/doctest/in-process.ts';
import {
  linksAsSource,
  ModuleLinker,
  NotLinkable,
  needsNodeLoader,
  resolveModule,
} from '../../../src/doctest/linker.ts';
import { ROOT } from './helpers.ts';

const MODULES = path.join(ROOT, 'fixtures/doctest/modules');
/** Node's error for an import that is not there. */
const NOT_FOUND = { code: 'ERR_MODULE_NOT_FOUND' };
const url = (name: string) => pathToFileURL(path.join(MODULES, name)).href;

describe('resolveModule', () => {
  it('resolves as Node does, then tries the TypeScript files a specifier may mean', () => {
    expect(resolveModule('./cycle-a.js', url('loading.ts'))).toBe(url('cycle-a.ts'));
    expect(resolveModule('./late', url('loading.ts'))).toBe(url('late.ts'));
    expect(resolveModule('./settings.json', url('loading.ts'))).toBe(url('settings.json'));
    expect(resolveModule('node:fs', url('loading.ts'))).toBe('node:fs');
    expect(resolveModule('commander', url('loading.ts'))).toMatch(
      /\/node_modules\/commander\/[^/]+\.mjs$/,
    );
  });

  it('fails as Node does for a missing file or a folder', () => {
    expect(() => resolveModule('./nowhere.js', url('missing.ts'))).toThrow(
      expect.objectContaining({
        code: 'ERR_MODULE_NOT_FOUND',
        message: `Cannot find module '${path.join(MODULES, 'nowhere.js')}' imported from ${path.join(MODULES, 'missing.ts')}`,
      }),
    );
    expect(() => resolveModule('../modules', url('missing.ts'))).toThrow(
      expect.objectContaining({ code: 'ERR_UNSUPPORTED_DIR_IMPORT' }),
    );
  });
});

describe('linksAsSource and needsNodeLoader', () => {
  it('links ES module TypeScript, with or without a scope query; Node loads the rest', () => {
    expect(linksAsSource(url('late.ts'))).toBe(true);
    expect(linksAsSource(`${url('loading.ts')}?tsdoctest=a,b`)).toBe(true);
    expect(linksAsSource(url('legacy.cts'))).toBe(false);
    expect(linksAsSource(url('helper.mjs'))).toBe(false);
    expect(linksAsSource('node:fs')).toBe(false);
  });

  it("sends the project's other code to Node's loader, not packages, builtins or JSON", () => {
    expect(needsNodeLoader(url('helper.mjs'))).toBe(true);
    expect(needsNodeLoader(`${url('helper.mjs')}?v=1`)).toBe(true);
    expect(needsNodeLoader(url('legacy.cts'))).toBe(true);
    expect(needsNodeLoader(pathToFileURL(path.join(ROOT, 'bin/tsdoctest.js')).href)).toBe(true);
    expect(needsNodeLoader(pathToFileURL(path.join(ROOT, 'node_modules/x/i.js')).href)).toBe(false);
    expect(needsNodeLoader(url('settings.json'))).toBe(false);
    expect(needsNodeLoader(url('late.ts'))).toBe(false);
    expect(needsNodeLoader('node:fs')).toBe(false);
  });
});

describe('ModuleLinker', () => {
  // `.cts` goes to Node's loader, which needs the hooks for it.
  beforeAll(() => registerHooks());
  const linker = () =>
    new ModuleLinker(
      undefined,
      (target, attributes) => nativeImport(target, attributes) as Promise<object>,
    );

  it('links a module graph: builtins, packages, JSON, cycles, top-level await', async () => {
    const loading = (await linker().import(url('loading.ts'))) as {
      ping: (n: number) => string;
      late: number;
      settings: { greeting: string };
      Command: unknown;
      colourFunction: () => Promise<string>;
    };
    expect(loading.ping(2)).toBe('ping 2 pong 1 ping 0');
    expect([loading.late, loading.settings.greeting, typeof loading.Command]).toEqual([
      42,
      'hello',
      'function',
    ]);
    await expect(loading.colourFunction()).resolves.toBe('function');
  });

  it('loads packages before the link, one at a time, in the order Node runs them', async () => {
    const events: string[] = [];
    const modules = new ModuleLinker(undefined, async (target, attributes) => {
      const name = /\/node_modules\/([^/]+)\//.exec(target)?.[1];
      if (name) events.push(`start ${name}`);
      // A tick before each package is back: loads that overlapped would interleave.
      await new Promise(setImmediate);
      const namespace = (await nativeImport(target, attributes)) as object;
      if (name) events.push(`end ${name}`);
      return namespace;
    });
    await modules.import(url('loading.ts'));
    expect(events).toEqual([
      'start commander',
      'end commander',
      'start picocolors',
      'end picocolors',
    ]);
  });

  it('loads packages after modules of the project that have run already', async () => {
    const modules = linker();
    await modules.import(url('late.ts'));
    await expect(modules.import(url('after-run.ts'))).resolves.toMatchObject({
      both: [42, 'function'],
    });
  });

  it('gives modules their import.meta and a dynamic import() that links too', async () => {
    const loading = (await linker().import(url('loading.ts'))) as {
      here: () => string;
      whereIAm: () => string;
      resolved: (s: string) => string;
      lazyTwice: (n: number) => Promise<number>;
    };
    expect(loading.here()).toBe(path.join(MODULES, 'loading.ts'));
    expect(loading.whereIAm()).toBe('modules');
    expect(loading.resolved('./late.js')).toBe(url('late.ts'));
    await expect(loading.lazyTwice(4)).resolves.toBe(8);
  });

  it('adds the scope export a ?tsdoctest= URL asks for, as a module of its own', async () => {
    const modules = linker();
    const plain = (await modules.import(url('late.ts'))) as Record<string, unknown>;
    const scoped = (await modules.import(`${url('late.ts')}?tsdoctest=late,twice`)) as Record<
      string,
      unknown
    >;
    expect(Object.keys(plain)).toEqual(['late', 'twice']);
    expect(Object.keys(scoped)).toContain('__tsdoctest_scope__');
  });

  it('links a module once, however many imports ask for it at the same time', async () => {
    const modules = linker();
    const [a, b] = await Promise.all([
      modules.import(url('cycle-a.ts')),
      modules.import(url('cycle-b.ts')),
    ]);
    expect(a).toBe(await modules.import(url('cycle-a.ts')));
    expect(b).toBe(await modules.import(url('cycle-b.ts')));
  });

  it('lets a second import of a module wait for its top-level await, not see it half done', async () => {
    const modules = linker();
    const first = modules.import(url('late.ts'));
    const second = (await modules.import(url('late.ts'))) as { late: number };
    expect(second.late).toBe(42);
    expect(await first).toBe(second);
  });

  it("leaves to Node's loader a module that reaches the project's JavaScript or CommonJS", async () => {
    await expect(linker().import(url('mixed.ts'))).rejects.toBeInstanceOf(NotLinkable);
    await expect(linker().import(url('commonjs.ts'))).rejects.toBeInstanceOf(NotLinkable);
  });

  it("leaves to Node's loader a package imported after the project's modules, unrun", async () => {
    const loaded: string[] = [];
    const modules = new ModuleLinker(undefined, (target, attributes) => {
      loaded.push(target);
      return nativeImport(target, attributes) as Promise<object>;
    });
    await expect(modules.import(url('order.ts'))).rejects.toBeInstanceOf(NotLinkable);
    await expect(modules.import(url('package-and-missing.ts'))).rejects.toBeInstanceOf(NotLinkable);
    // A module that failed to run comes first: Node rethrows its error before the package.
    await expect(modules.import(url('boom.ts'))).rejects.toThrow('boom while loading');
    await expect(modules.import(url('after-boom.ts'))).rejects.toBeInstanceOf(NotLinkable);
    expect(loaded).toEqual([]);
  });

  it('lets an import that never settles hold up only the modules that need it', async () => {
    const modules = new ModuleLinker(undefined, (target, attributes) =>
      target === 'node:url'
        ? new Promise<object>(() => {})
        : (nativeImport(target, attributes) as Promise<object>),
    );
    void modules.import(url('loading.ts'));
    await expect(modules.import(url('late.ts'))).resolves.toMatchObject({ late: 42 });
  });

  it('refuses a type attribute on TypeScript, as Node does on a module', async () => {
    await expect(linker().import(url('late.ts'), { type: 'json' })).rejects.toMatchObject({
      name: 'TypeError',
      message: expect.stringMatching(/late\.ts" is not of type "json"$/),
    });
  });

  it('links imports that run at the same time and share a deeper dependency', async () => {
    const modules = linker();
    const [a, b] = await Promise.all([
      modules.import(url('branch-a.ts')),
      modules.import(url('branch-b.ts')),
    ]);
    expect([(a as { a: string }).a, (b as { b: string }).b]).toEqual(['ping 1 pong 0', 'ping 0']);
  });

  it("fails every import of a module whose import is missing, with Node's error", async () => {
    const modules = linker();
    const notFound = {
      ...NOT_FOUND,
      message: expect.stringMatching(/^Cannot find module '.*nowhere\.js' imported from /),
    };
    await expect(modules.import(url('missing.ts'))).rejects.toMatchObject(notFound);
    await expect(modules.import(url('missing.ts'))).rejects.toMatchObject(notFound);
  });

  it('blames a failed link on the module that failed, not on the healthy ones it reached', async () => {
    const modules = linker();
    await expect(modules.import(url('half-missing.ts'))).rejects.toMatchObject(NOT_FOUND);
    await expect(modules.import(url('cycle-a.ts'))).resolves.toHaveProperty('ping');
  });

  it("fails an importer of a broken module with that module's own error", async () => {
    const modules = linker();
    await expect(modules.import(url('missing.ts'))).rejects.toMatchObject(NOT_FOUND);
    await expect(modules.import(url('uses-missing.ts'))).rejects.toMatchObject({
      ...NOT_FOUND,
      message: expect.stringContaining('nowhere.js'),
    });
  });

  it("lets the links of a failed link's other imports settle before the next link", async () => {
    const modules = linker();
    await expect(modules.import(url('json-sibling.ts'))).rejects.toMatchObject(NOT_FOUND);
    await expect(modules.import(url('with-json.ts'))).resolves.toMatchObject({
      greeting: 'hello',
    });
  });

  it('keeps modules apart by their type attribute, as Node does', async () => {
    const modules = linker();
    await expect(modules.import(url('settings.json'))).rejects.toThrow(
      /needs an import attribute of type "json"/,
    );
    await expect(modules.import(url('settings.json'), { type: 'json' })).resolves.toMatchObject({
      default: { greeting: 'hello' },
    });
  });

  // (Stack frames at .ts lines: the golden report in cli.test.ts, where Node maps them.)
  it('rethrows what a module threw while loading, on every import', async () => {
    const modules = linker();
    const error = await modules.import(url('failing.ts')).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'RangeError', message: 'exploded on purpose' });
    await expect(modules.import(url('failing.ts'))).rejects.toBe(error);
  });
});

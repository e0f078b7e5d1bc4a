/**
 * Load documented modules in a pool worker without loader hooks. The project's
 * own ES modules become `vm.SourceTextModule`s: TypeScript with its types erased
 * as loader-hooks.mjs erases them (through the same cache), JavaScript as it is.
 * Builtins, packages and CommonJS are imported natively and linked in as
 * `vm.SyntheticModule`s, whose exports are copied once: a package that later
 * reassigns an exported `let` is not seen to.
 *
 * Why: in Node 20, `module.register` starts a hooks thread for each worker and
 * blocks the worker until it is up, about 70 ms of a small run. The linker needs
 * `--experimental-vm-modules` and `--experimental-import-meta-resolve` (see
 * worker-boot.mjs); for what it does not load (`.cts` files, documented
 * CommonJS) the worker registers the hooks after all.
 */
import { readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import {
  isTypeScript,
  NOT_FOUND_CODES,
  splitScopeQuery,
  transpileFile,
  typescriptCandidates,
  withScopeExport,
} from './loader-hooks.mjs';

type Attributes = Record<string, string>;

/** How to import a URL through Node's own loader (with the hooks, where registered). */
export type NativeImport = (url: string, attributes: Attributes) => Promise<object>;

function notFound(error: unknown): boolean {
  return NOT_FOUND_CODES.includes((error as NodeJS.ErrnoException)?.code ?? '');
}

/** Node's ESM resolution from `parentURL`, failing as its loader does for a file not there. */
function nodeResolve(specifier: string, parentURL: string): string {
  const url = import.meta.resolve(specifier, parentURL);
  if (!url.startsWith('file:')) return url;
  const file = fileURLToPath(url);
  const stat = statSync(file, { throwIfNoEntry: false });
  if (stat?.isFile()) return url;
  const importer = fileURLToPath(parentURL);
  const error = stat
    ? new Error(
        `Directory import '${file}' is not supported resolving ES modules imported from ${importer}`,
      )
    : new Error(`Cannot find module '${file}' imported from ${importer}`);
  throw Object.assign(error, {
    code: stat ? 'ERR_UNSUPPORTED_DIR_IMPORT' : 'ERR_MODULE_NOT_FOUND',
  });
}

/** As loader-hooks.mjs resolves: Node's way first, then the TypeScript files a specifier may mean. */
export function resolveModule(specifier: string, parentURL: string): string {
  try {
    return nodeResolve(specifier, parentURL);
  } catch (error) {
    if (!notFound(error)) throw error;
    for (const candidate of typescriptCandidates(specifier)) {
      try {
        return nodeResolve(candidate, parentURL);
      } catch {
        // Not this one either.
      }
    }
    throw error;
  }
}

/** `import.meta.resolve`: a file that is not there (yet) is no error, as in Node. */
function metaResolve(specifier: string, parentURL: string): string {
  try {
    return resolveModule(specifier, parentURL);
  } catch (error) {
    if (notFound(error)) return import.meta.resolve(specifier, parentURL);
    throw error;
  }
}

/** Whether `.js` files in `dir` are ES modules: the nearest package.json says `"type": "module"`. */
const moduleScopes = new Map<string, boolean>();
function inModuleScope(dir: string): boolean {
  let scope = moduleScopes.get(dir);
  if (scope === undefined) {
    let manifest: { type?: unknown } | undefined;
    try {
      manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    } catch {
      // No (readable) package.json here: the scope is the parent's.
    }
    const parent = path.dirname(dir);
    scope = manifest ? manifest.type === 'module' : parent !== dir && inModuleScope(parent);
    moduleScopes.set(dir, scope);
  }
  return scope;
}

/**
 * Whether the linker loads this URL from its source: ES module TypeScript, and the project's
 * own ES module JavaScript, so that what they import comes through the linker too.
 */
export function linksAsSource(url: string): boolean {
  const { location } = splitScopeQuery(url);
  if (!location.startsWith('file:') || location.includes('/node_modules/')) return false;
  if (isTypeScript(location)) return !location.endsWith('.cts');
  if (location.endsWith('.mjs')) return true;
  return location.endsWith('.js') && inModuleScope(path.dirname(fileURLToPath(location)));
}

/**
 * Node maps stack frames through the source maps it has seen. It does not see a vm
 * module's, but it does see the map of code compiled from a string that names its
 * `sourceURL`: compiling such an empty function shows it the module's map.
 */
function showSourceMap(url: string, source: string): void {
  const at = source.lastIndexOf('\n//# sourceMappingURL=');
  if (at >= 0) new Function(`//# sourceURL=${url}\n${source.slice(at + 1)}`);
}

/** Make a vm module without Node's one-time "VM Modules is experimental" warning: it is ours. */
function quietly<T>(make: () => T): T {
  const emitWarning = process.emitWarning;
  process.emitWarning = () => {};
  try {
    return make();
  } finally {
    process.emitWarning = emitWarning;
  }
}

export class ModuleLinker {
  /**
   * Modules by URL (a documented module's `?tsdoctest=` URL is a module of its own) and,
   * as in Node's module map, by `type` attribute (`{ type: 'json' }`).
   */
  private readonly modules = new Map<string, Promise<vm.Module>>();
  /** One link at a time: Node's `link()` cannot share a dependency with a link under way. */
  private linkQueue: Promise<unknown> = Promise.resolve();

  /**
   * `cacheDir`: where transpiled files are kept (none: transpile every time).
   * `nativeImport`: how to load what is not linked from its source.
   */
  constructor(
    private readonly cacheDir: string | undefined,
    private readonly nativeImport: NativeImport,
  ) {}

  /** Import `url` and return its namespace. */
  async import(url: string, attributes: Attributes = {}): Promise<object> {
    return (await this.evaluated(url, attributes)).namespace;
  }

  /** The module for `url`, linked and evaluated; a second caller gets the first evaluation. */
  private async evaluated(url: string, attributes: Attributes): Promise<vm.Module> {
    const module = await this.module(url, attributes);
    await this.link(module);
    // A failed evaluation: every import of the module rethrows its error.
    if (module.status === 'errored') throw module.error;
    await module.evaluate();
    return module;
  }

  private link(module: vm.Module): Promise<unknown> {
    const done = this.linkQueue.then(async () => {
      if (module.status !== 'unlinked') return;
      try {
        await module.link((specifier, referencing, { attributes }) =>
          this.module(resolveModule(specifier, referencing.identifier), attributes as Attributes),
        );
      } catch (error) {
        await this.forgetStuckModules();
        throw error;
      }
    });
    this.linkQueue = done.catch(() => {});
    return done;
  }

  /**
   * Node leaves a module whose link failed, and those its link reached, `linking` for good.
   * None of them has run: forgotten, they are made afresh by the next import, which links
   * again (and fails the same way, unless a missing file has appeared).
   */
  private async forgetStuckModules(): Promise<void> {
    for (const [key, pending] of this.modules) {
      const module = await pending.catch(() => undefined);
      if (module?.status === 'linking') this.modules.delete(key);
    }
  }

  private module(url: string, attributes: Attributes): Promise<vm.Module> {
    const key = `${url} ${attributes.type ?? ''}`;
    let module = this.modules.get(key);
    if (!module) {
      module = linksAsSource(url) ? this.sourceModule(url) : this.syntheticModule(url, attributes);
      this.modules.set(key, module);
    }
    return module;
  }

  private async sourceModule(url: string): Promise<vm.Module> {
    const { location, names } = splitScopeQuery(url);
    const file = fileURLToPath(location);
    let source = isTypeScript(location)
      ? await transpileFile(file, this.cacheDir)
      : await readFile(file, 'utf8');
    if (names !== null) source = withScopeExport(source, names);
    showSourceMap(location, source);
    return quietly(
      () =>
        new vm.SourceTextModule(source, {
          identifier: location,
          initializeImportMeta: (meta) => {
            meta.url = location;
            meta.filename = file;
            meta.dirname = path.dirname(file);
            meta.resolve = (specifier: string) => metaResolve(specifier, location);
          },
          importModuleDynamically: (specifier, _referrer, attributes) =>
            this.evaluated(resolveModule(specifier, location), attributes as Attributes),
        }),
    );
  }

  private async syntheticModule(url: string, attributes: Attributes): Promise<vm.Module> {
    const namespace = (await this.nativeImport(url, attributes)) as Record<string, unknown>;
    const names = Object.keys(namespace);
    return new vm.SyntheticModule(
      names,
      function (this: vm.SyntheticModule) {
        for (const name of names) this.setExport(name, namespace[name]);
      },
      { identifier: url },
    );
  }
}

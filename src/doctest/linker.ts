/**
 * Load documented modules in a pool worker without loader hooks. ES module
 * TypeScript becomes `vm.SourceTextModule`s, its types erased as loader-hooks.mjs
 * erases them (through the same cache). Builtins, JSON and packages are imported
 * natively and linked in as `vm.SyntheticModule`s, whose exports are copied once (a
 * package's later reassignment of an exported `let` is not seen).
 *
 * The linker does as Node does, or declines (`NotLinkable`) and the worker imports
 * the module through Node's loader with the hooks: when its static imports reach
 * the project's code other than ES module TypeScript (JavaScript may import
 * TypeScript, or be imported by a package too: only Node's loader gives every module
 * one instance then), or packages it cannot load in Node's order (see `checkGraph`).
 *
 * Why: in Node 20, `module.register` starts a hooks thread for each worker and
 * blocks the worker until it is up, about 70 ms of a small run. The linker needs
 * `--experimental-vm-modules` and `--experimental-import-meta-resolve` (see
 * worker-boot.mjs).
 */
import { statSync } from 'node:fs';
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

/** The module imports the project's own JavaScript: Node's loader must load it. */
export class NotLinkable extends Error {
  override name = 'NotLinkable';
}

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

/** Whether the linker loads this URL from its source: ES module TypeScript (`.cts` is CommonJS). */
export function linksAsSource(url: string): boolean {
  const { location } = splitScopeQuery(url);
  return isTypeScript(location) && !location.endsWith('.cts');
}

/** Where a URL points inside `node_modules`: a package (a workspace package's real path is not). */
function inPackage(url: string): boolean {
  return new URL(url).pathname.includes('/node_modules/');
}

/**
 * The project's own code that is not ES module TypeScript (JavaScript, `.cts`): only Node's
 * loader, with the hooks, gives each module one instance then, for that code may import
 * TypeScript, or a package may import it too.
 */
export function needsNodeLoader(url: string): boolean {
  if (!url.startsWith('file:') || inPackage(url) || linksAsSource(url)) return false;
  return !new URL(url).pathname.endsWith('.json');
}

/** A package's module (not a builtin, not JSON): loading it runs its code. */
function isPackageCode(url: string): boolean {
  return !url.startsWith('node:') && !new URL(url).pathname.endsWith('.json');
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

/**
 * Node's link takes no module that failed to run: this stand-in, with its exports, runs
 * by rethrowing that module's error, in the failed module's turn. (Its own promise of
 * that run rejects unseen: a worker ignores unhandled rejections.)
 */
function rethrowing(module: vm.Module): vm.Module {
  const names = Reflect.ownKeys(module.namespace).filter((k): k is string => typeof k === 'string');
  return new vm.SyntheticModule(
    names,
    () => {
      throw module.error;
    },
    { identifier: module.identifier },
  );
}

export class ModuleLinker {
  /**
   * Modules by URL (a documented module's `?tsdoctest=` URL is a module of its own) and,
   * as in Node's module map, by `type` attribute (`{ type: 'json' }`).
   */
  private readonly modules = new Map<string, Promise<vm.Module>>();
  /** Modules whose link failed (an `errored` module not among them failed to run). */
  private readonly failedLinks = new WeakSet<vm.Module>();
  /** One link at a time: Node's `link()` cannot share a dependency with a link under way. */
  private linkQueue: Promise<unknown> = Promise.resolve();

  /**
   * `cacheDir`: where transpiled files are kept (none: transpile every time).
   * `nativeImport`: how to load what is not linked from its source.
   */
  constructor(
    private readonly cacheDir: string | undefined,
    private readonly nativeImport: NativeImport,
  ) {
    // Node warns once that vm modules are experimental: that is ours to know, not the
    // examples'. A first module made now, before any example runs, takes the warning.
    const emitWarning = process.emitWarning;
    process.emitWarning = () => {};
    try {
      new vm.SourceTextModule('');
    } finally {
      process.emitWarning = emitWarning;
    }
  }

  /** Import `url` and return its namespace; `NotLinkable` if Node's loader must load it. */
  async import(url: string, attributes: Attributes = {}): Promise<object> {
    return (await this.evaluated(url, attributes)).namespace;
  }

  /** The module for `url`, linked and evaluated; a second caller gets the first evaluation. */
  private async evaluated(url: string, attributes: Attributes): Promise<vm.Module> {
    const module = await this.module(url, attributes);
    if (module.status === 'unlinked') await this.checkGraph(url);
    await this.link(module);
    // A failed link or evaluation: every import of the module rethrows its error.
    if (module.status === 'errored') throw module.error;
    await module.evaluate();
    return module;
  }

  /**
   * Walk an unlinked graph as Node evaluates it (each module after what it imports, in
   * source order) and load what it imports natively, so that its link waits on nothing
   * but the linker; or decline it (`NotLinkable`) where the linker cannot do as Node does:
   * - the project's code other than ES module TypeScript (`needsNodeLoader`);
   * - a package that would run after one of the project's modules. A package runs when it
   *   is loaded, and the linker must load it before the link, to know its exports; so
   *   packages load first, in the order Node runs them (one that awaits at its top level
   *   finishes before the project's modules start, where Node may start them meanwhile);
   * - with packages, anything that does not compile or resolve: Node would run nothing.
   * Without packages, what does not compile or resolve is left for the link to report.
   * (Packages load one after another. Node runs none of a graph that fails to link, say
   * for a missing export; the linker has loaded its packages by then.)
   */
  private async checkGraph(root: string): Promise<void> {
    const order: string[] = [];
    const seen = new Set<string>();
    let broken = false;
    const visit = async (url: string): Promise<void> => {
      if (seen.has(url)) return;
      seen.add(url);
      if (needsNodeLoader(url)) throw new NotLinkable(`${root} reaches ${url}`);
      if (linksAsSource(url)) {
        const module = await this.module(url, {}).catch(() => undefined);
        broken ||= module === undefined || this.failedLinks.has(module);
        if (!(module instanceof vm.SourceTextModule)) return;
        // A module that failed to run fails again in its turn, before what comes after it;
        // others that have run (or are linked) already run no more.
        if (module.status === 'errored') order.push(url);
        if (module.status !== 'unlinked') return;
        for (const specifier of module.dependencySpecifiers) {
          let dependency: string;
          try {
            dependency = resolveModule(specifier, module.identifier);
          } catch {
            broken = true;
            continue;
          }
          await visit(dependency);
        }
      }
      order.push(url);
    };
    await visit(root);
    const packages = order.filter((url) => !linksAsSource(url) && isPackageCode(url));
    const firstOwn = order.findIndex((url) => linksAsSource(url));
    if (packages.length > 0 && (broken || order.indexOf(packages.at(-1) as string) > firstOwn))
      throw new NotLinkable(`${root} imports packages the linker cannot load in Node's order`);
    for (const url of packages) await this.module(url, {}).catch(() => {});
    const builtins = order.filter((url) => url.startsWith('node:'));
    await Promise.all(builtins.map((url) => this.module(url, {}).catch(() => {})));
  }

  private link(module: vm.Module): Promise<unknown> {
    const done = this.linkQueue.then(async () => {
      if (module.status !== 'unlinked') return;
      const reached = new Set<vm.Module>();
      try {
        await module.link(async (specifier, referencing, { attributes }) => {
          const dependency = await this.module(
            resolveModule(specifier, referencing.identifier),
            attributes as Attributes,
          );
          if (dependency.status === 'errored') {
            // As Node's loader does: an importer of a module that failed to link fails to
            // link with its error; one that failed to run rethrows its error in its turn.
            if (this.failedLinks.has(dependency)) throw dependency.error;
            return rethrowing(dependency);
          }
          reached.add(dependency);
          return dependency;
        });
      } catch (error) {
        for (const failed of [module, ...reached])
          if (failed.status === 'errored') this.failedLinks.add(failed);
        // Links of the module's dependencies may still be under way: the next link waits.
        while ([...reached].some((m) => m.status === 'linking')) await new Promise(setImmediate);
        throw error;
      }
    });
    this.linkQueue = done.catch(() => {});
    return done;
  }

  private module(url: string, attributes: Attributes): Promise<vm.Module> {
    const key = `${url} ${attributes.type ?? ''}`;
    let module = this.modules.get(key);
    if (!module) {
      module = linksAsSource(url)
        ? this.sourceModule(url, attributes)
        : this.syntheticModule(url, attributes);
      this.modules.set(key, module);
    }
    return module;
  }

  private async sourceModule(url: string, attributes: Attributes): Promise<vm.Module> {
    const { location, names } = splitScopeQuery(url);
    if (attributes.type !== undefined) {
      throw Object.assign(
        new TypeError(`Module "${location}" is not of type "${attributes.type}"`),
        {
          code: 'ERR_IMPORT_ASSERTION_TYPE_FAILED',
        },
      );
    }
    const file = fileURLToPath(location);
    let source = await transpileFile(file, this.cacheDir);
    if (names !== null) source = withScopeExport(source, names);
    showSourceMap(location, source);
    return new vm.SourceTextModule(source, {
      identifier: location,
      initializeImportMeta: (meta) => {
        meta.url = location;
        meta.filename = file;
        meta.dirname = path.dirname(file);
        meta.resolve = (specifier: string) => metaResolve(specifier, location);
      },
      importModuleDynamically: (specifier, _referrer, attributes) =>
        this.dynamicImport(resolveModule(specifier, location), attributes as Attributes),
    });
  }

  /** `import()` in a linked module; what cannot be linked comes from Node's loader. */
  private async dynamicImport(url: string, attributes: Attributes): Promise<vm.Module> {
    try {
      return await this.evaluated(url, attributes);
    } catch (error) {
      if (!(error instanceof NotLinkable)) throw error;
      // Node takes a namespace object here as well as a module.
      return (await this.nativeImport(url, attributes)) as vm.Module;
    }
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

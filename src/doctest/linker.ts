/**
 * Load documented modules in a pool worker without loader hooks. ES module
 * TypeScript becomes `vm.SourceTextModule`s, its types erased as loader-hooks.mjs
 * erases them (through the same cache). Builtins, packages, JSON and CommonJS
 * TypeScript are imported natively and linked in as `vm.SyntheticModule`s, whose
 * exports are copied once: a package that later reassigns an exported `let` is
 * not seen to.
 *
 * A documented module whose static imports reach the project's own JavaScript is
 * not linked here (`NotLinkable`): that JavaScript may import TypeScript, or be
 * imported by a package too, and only Node's loader (with the hooks) gives every
 * module one instance then. Nor is anything while no linker flags reached the worker.
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

/** The project's own JavaScript (a workspace package's real path included). */
export function isOwnJavaScript(url: string): boolean {
  return url.startsWith('file:') && !url.includes('/node_modules/') && /\.[cm]?jsx?$/.test(url);
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

export class ModuleLinker {
  /**
   * Modules by URL (a documented module's `?tsdoctest=` URL is a module of its own) and,
   * as in Node's module map, by `type` attribute (`{ type: 'json' }`).
   */
  private readonly modules = new Map<string, Promise<vm.Module>>();
  /** Modules whose link failed, with its error: Node keeps failing them the same way. */
  private readonly failedLinks = new Map<vm.Module, unknown>();
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
    await this.prepare(module, new Set());
    await this.link(module);
    if (this.failedLinks.has(module)) throw this.failedLinks.get(module);
    // A failed evaluation: every import of the module rethrows its error.
    if (module.status === 'errored') throw module.error;
    await module.evaluate();
    return module;
  }

  /**
   * Make every module of an unlinked graph before linking it, so that a link waits on
   * nothing but the linker (a package whose top-level await never ends holds up only the
   * graphs that import it). Failures are left for the link to report.
   */
  private async prepare(module: vm.Module, seen: Set<vm.Module>): Promise<void> {
    if (!(module instanceof vm.SourceTextModule) || module.status !== 'unlinked') return;
    if (seen.has(module)) return;
    seen.add(module);
    await Promise.all(
      module.dependencySpecifiers.map(async (specifier) => {
        let url: string;
        try {
          url = resolveModule(specifier, module.identifier);
        } catch {
          return;
        }
        if (isOwnJavaScript(url))
          throw new NotLinkable(`${module.identifier} imports JavaScript: ${url}`);
        const dependency = await this.module(url, {}).catch(() => undefined);
        if (dependency) await this.prepare(dependency, seen);
      }),
    );
  }

  private link(module: vm.Module): Promise<unknown> {
    const done = this.linkQueue.then(async () => {
      if (module.status !== 'unlinked') return;
      const reached = new Set<vm.Module>([module]);
      try {
        await module.link(async (specifier, referencing, { attributes }) => {
          const dependency = await this.module(
            resolveModule(specifier, referencing.identifier),
            attributes as Attributes,
          );
          reached.add(dependency);
          return dependency;
        });
      } catch (error) {
        // Node leaves the module, and those its link reached, `linking` for good.
        for (const stuck of reached)
          if (stuck.status === 'linking') this.failedLinks.set(stuck, error);
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

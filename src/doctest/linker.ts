/**
 * Load documented modules in a pool worker without loader hooks. Each TypeScript
 * file becomes a `vm.SourceTextModule` (types erased as loader-hooks.mjs erases
 * them, through the same cache); everything else (`node:` builtins, packages,
 * JavaScript files) is imported natively and linked in as a `vm.SyntheticModule`.
 *
 * Why: in Node 20, `module.register` starts a hooks thread for each worker and
 * blocks the worker until it is up, about 70 ms of a small run. The linker needs
 * `--experimental-vm-modules` and `--experimental-import-meta-resolve` (see
 * worker-boot.mjs); where it cannot load a file (CommonJS TypeScript, documented
 * JavaScript files) the worker registers the hooks after all.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import {
  isTypeScript,
  splitScopeQuery,
  transpileFile,
  typescriptCandidates,
  withScopeExport,
} from './loader-hooks.mjs';

type Attributes = Record<string, string>;

/** How to import a URL through Node's own loader (with the hooks, where registered). */
export type NativeImport = (url: string, attributes: Attributes) => Promise<object>;

/** Errors after which a specifier may still name a TypeScript file. */
const NOT_FOUND = new Set(['ERR_MODULE_NOT_FOUND', 'ERR_UNSUPPORTED_DIR_IMPORT']);

/** Node's ESM resolution from `parentURL`, which, unlike the loader, does not look at the disk. */
function nodeResolve(specifier: string, parentURL: string): string {
  const url = import.meta.resolve(specifier, parentURL);
  if (!url.startsWith('file:')) return url;
  const file = fileURLToPath(url);
  const stat = statSync(file, { throwIfNoEntry: false });
  if (stat?.isFile()) return url;
  const error = stat
    ? new Error(
        `Directory import '${file}' is not supported resolving ES modules imported from ${fileURLToPath(parentURL)}`,
      )
    : new Error(`Cannot find module '${file}' imported from ${fileURLToPath(parentURL)}`);
  throw Object.assign(error, {
    code: stat ? 'ERR_UNSUPPORTED_DIR_IMPORT' : 'ERR_MODULE_NOT_FOUND',
  });
}

/** As loader-hooks.mjs resolves: Node's way first, then the TypeScript files a specifier may mean. */
export function resolveModule(specifier: string, parentURL: string): string {
  try {
    return nodeResolve(specifier, parentURL);
  } catch (error) {
    if (!NOT_FOUND.has((error as NodeJS.ErrnoException)?.code ?? '')) throw error;
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

/** Whether the linker loads this URL as source text (ESM TypeScript); `.cts` is CommonJS. */
export function linksAsSource(url: string): boolean {
  const { location } = splitScopeQuery(url);
  return isTypeScript(location) && !location.endsWith('.cts');
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
  /** Modules by URL (a documented module's `?tsdoctest=` URL is a module of its own). */
  private readonly modules = new Map<string, Promise<vm.Module>>();
  /** Links under way: a module another link has reached waits for them. */
  private readonly linking = new Set<Promise<void>>();

  /**
   * `cacheDir`: where transpiled files are kept (none: transpile every time).
   * `nativeImport`: how to load what is not ESM TypeScript.
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
    // Only an import from the module's own first, synchronous run finds it evaluating.
    if (module.status !== 'evaluating') await module.evaluate();
    return module;
  }

  private async link(module: vm.Module): Promise<void> {
    if (module.status === 'linking') await Promise.all(this.linking);
    if (module.status !== 'unlinked') return;
    const done = module.link((specifier, referencing, { attributes }) =>
      this.module(resolveModule(specifier, referencing.identifier), attributes as Attributes),
    );
    this.linking.add(done);
    try {
      await done;
    } finally {
      this.linking.delete(done);
    }
  }

  private module(url: string, attributes: Attributes): Promise<vm.Module> {
    let module = this.modules.get(url);
    if (!module) {
      module = linksAsSource(url) ? this.sourceModule(url) : this.syntheticModule(url, attributes);
      this.modules.set(url, module);
    }
    return module;
  }

  private async sourceModule(url: string): Promise<vm.Module> {
    const { location, names } = splitScopeQuery(url);
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
        meta.resolve = (specifier: string) => resolveModule(specifier, location);
      },
      importModuleDynamically: (specifier, _referrer, attributes) =>
        this.evaluated(resolveModule(specifier, location), attributes as Attributes),
    });
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

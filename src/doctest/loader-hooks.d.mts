import type { LoadHook, ResolveHook } from 'node:module';

export const SCOPE_PARAM: string;
export const SCOPE_EXPORT: string;
export const IMPORT_EXPORT: string;

/** The lines to append to a module so examples can see its bindings. */
export function scopeExport(names: readonly string[]): string;
/** Append the scope export after the code, before an inline source map. */
export function withScopeExport(source: string, names: readonly string[]): string;
/** Errors after which a specifier may still name a TypeScript file. */
export const NOT_FOUND_CODES: readonly string[];
/** The TypeScript files a JavaScript-style specifier may stand for, most likely first. */
export function typescriptCandidates(specifier: string): string[];
/** TypeScript → JavaScript with the same module syntax, types erased, and an inline source map. */
export function transpile(source: string, file: string): Promise<string>;

/** A module URL without its query, and the names its `?tsdoctest=` query asks for (or null). */
export function splitScopeQuery(url: string): { location: string; names: string[] | null };
/** Whether a URL names a TypeScript file. */
export function isTypeScript(location: string): boolean;
/** A TypeScript file as JavaScript, from the cache in `cacheDir` when it has it. */
export function transpileFile(file: string, cacheDir: string | undefined): Promise<string>;

/** `module.register`'s `data`: where to keep transpiled files (none: transpile every time). */
export function initialize(data?: { cacheDir?: string }): void;
export const resolve: ResolveHook;
export const load: LoadHook;

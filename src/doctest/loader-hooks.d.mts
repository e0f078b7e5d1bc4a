import type { LoadHook, ResolveHook } from 'node:module';

export const SCOPE_PARAM: string;
export const SCOPE_EXPORT: string;
export const IMPORT_EXPORT: string;

/** The lines to append to a module so examples can see its bindings. */
export function scopeExport(names: readonly string[]): string;
/** Append the scope export after the code, before an inline source map. */
export function withScopeExport(source: string, names: readonly string[]): string;
/** The TypeScript files a JavaScript-style specifier may stand for, most likely first. */
export function typescriptCandidates(specifier: string): string[];
/** TypeScript → JavaScript through esbuild, with an inline source map (a promise when `async`). */
export function transpile(source: string, file: string, async: true): Promise<string>;
export function transpile(source: string, file: string, async?: false): string;
/** Is this path or URL a Markdown file's? Its examples run in a module with no bindings. */
export function isMarkdown(location: string): boolean;
/** A module URL without its query, and the names its `?tsdoctest=` query asks for (or null). */
export function splitScopeQuery(url: string): { location: string; names: string[] | null };

/** `module.register` calls this first, in the hooks thread, with `registerLoaderHooks`' data. */
export function initialize(data?: { cacheDir?: string }): void;
export const resolve: ResolveHook;
export const load: LoadHook;
/** Install the hooks for this thread (once); `cacheDir`: where to keep transpiled files. */
export function registerLoaderHooks(cacheDir?: string): void;
